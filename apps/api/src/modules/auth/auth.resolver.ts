import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { continueAs, type RequestContext } from "../../context/context.js";
import { Membership } from "../members/members.types.js";
import { SignUpInput } from "./auth.inputs.js";
import * as auth from "./auth.service.js";
import * as sessions from "./sessions.service.js";
import * as passwordReset from "./password-reset.service.js";
import * as signUpConfirmation from "./sign-up-confirmation.service.js";
import { AuthPayload, User } from "./auth.types.js";

/** The payload of a mutation that opened a session; the rest of the operation reads as that session. */
function signedIn(ctx: RequestContext, result: auth.SignedIn): AuthPayload {
  continueAs(ctx, result.actor);
  return { token: result.token, user: result.user };
}

@Resolver(() => User)
export class AuthResolver {
  @Mutation(() => Boolean, {
    description:
      "Starts a sign-up: checks the input and emails the address a confirmation link (valid 24 h; confirmSignUp creates the organisation, its first location and you as its OWNER). Always answers true for valid input: whether the address has a login is never told (a registered address gets a note to sign in instead).",
  })
  startSignUp(@Arg("input", () => SignUpInput) input: SignUpInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    return signUpConfirmation.startSignUp(ctx, input);
  }

  @Mutation(() => AuthPayload, { description: "Creates the account a sign-up confirmation link names (once, within 24 h) and opens a session." })
  async confirmSignUp(@Arg("token", () => String) token: string, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return signedIn(ctx, await signUpConfirmation.confirmSignUp(ctx, token));
  }

  @Mutation(() => AuthPayload, {
    description: "Deprecated: creates an account, its root tenant and you as its OWNER at once, and answers CONFLICT for a registered address. Use startSignUp + confirmSignUp.",
    deprecationReason: "Tells whether an address is registered; use startSignUp and confirmSignUp (email confirmation).",
  })
  async signUp(@Arg("input", () => SignUpInput) input: SignUpInput, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return signedIn(ctx, await auth.signUp(ctx, input));
  }

  @Mutation(() => AuthPayload, { description: "Opens a session. The token expires after JWT_TTL_SECONDS, or earlier on logout." })
  async login(@Arg("email", () => String) email: string, @Arg("password", () => String) password: string, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return signedIn(ctx, await auth.login(ctx, email, password));
  }

  @Mutation(() => Boolean, { description: "Ends this session: its token is refused from the next request on, and its live subscriptions close." })
  logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    return sessions.logout(ctx);
  }

  @Mutation(() => Boolean, { description: "Ends every session of yours, this one included, on every device." })
  logoutEverywhere(@Ctx() ctx: RequestContext): Promise<boolean> {
    return sessions.logoutEverywhere(ctx);
  }

  @Mutation(() => AuthPayload, {
    description: "Changes your password. Every session of yours ends, this one included; the returned token (a new session) is the one that works.",
  })
  async changePassword(
    @Arg("currentPassword", () => String) currentPassword: string,
    @Arg("newPassword", () => String, { description: "At least 10 characters and hard to guess (common passwords and simple patterns are refused)." })
    newPassword: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AuthPayload> {
    return signedIn(ctx, await sessions.changePassword(ctx, currentPassword, newPassword));
  }

  @Mutation(() => Boolean, {
    description:
      "Emails a one-time password-reset link (valid PASSWORD_RESET_TTL_MINUTES, 30 by default). Always answers true: whether the address has a login is never told.",
  })
  requestPasswordReset(@Arg("email", () => String) email: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return passwordReset.requestPasswordReset(ctx, email);
  }

  @Mutation(() => Boolean, {
    description: "Sets a new password with a reset link's token (once, before it expires); every session of the user ends. Sign in with the new password afterwards.",
  })
  resetPassword(
    @Arg("token", () => String) token: string,
    @Arg("newPassword", () => String, { description: "At least 10 characters and hard to guess (common passwords and simple patterns are refused)." })
    newPassword: string,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    return passwordReset.resetPassword(ctx, token, newPassword);
  }

  @Query(() => User, { nullable: true, description: "The signed-in user; null for API keys and anonymous callers." })
  me(@Ctx() ctx: RequestContext): Promise<User | null> {
    return auth.me(ctx);
  }

  @FieldResolver(() => [Membership])
  async memberships(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Membership[]> {
    const rows = await auth.myMemberships(ctx, user.id);
    return rows.map((r) => ({ tenant: r.tenant, role: r.role, suspended: r.tenant.suspendedAt !== null }));
  }
}
