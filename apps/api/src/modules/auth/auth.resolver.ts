import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import { Membership } from "../members/members.types.js";
import { SignUpInput } from "./auth.inputs.js";
import * as auth from "./auth.service.js";
import { AuthPayload, User } from "./auth.types.js";

@Resolver(() => User)
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: "Creates an account, its root tenant and you as its OWNER, in one transaction." })
  signUp(@Arg("input", () => SignUpInput) input: SignUpInput, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return auth.signUp(ctx, input);
  }

  @Mutation(() => AuthPayload)
  login(@Arg("email", () => String) email: string, @Arg("password", () => String) password: string, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return auth.login(ctx, email, password);
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
