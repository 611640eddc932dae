import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { MemberRole as MemberRoleValue } from "@qline/db";
import { continueAs, type RequestContext } from "../../context/context.js";
import { AuthPayload } from "../auth/auth.types.js";
import { MemberRole } from "../common/scalars.js";
import { Tenant } from "../tenants/tenants.types.js";
import * as invitations from "./invitations.service.js";
import { Invitation, InvitationPreview } from "./invitations.types.js";
import { Membership } from "./members.types.js";

@Resolver(() => Invitation)
export class InvitationsResolver {
  @Mutation(() => Invitation, {
    description:
      "Emails `email` a one-time link (valid INVITATION_TTL_HOURS, 7 days by default) to join the tenant with `role`; nobody becomes a member until they accept. The answer is the same whether or not the address has a login. Inviting an address again replaces its open invitation.",
  })
  inviteMember(
    @Arg("tenantId", () => ID) tenantId: string,
    @Arg("email", () => String) email: string,
    @Arg("role", () => MemberRole) role: MemberRoleValue,
    @Ctx() ctx: RequestContext,
  ): Promise<Invitation> {
    return invitations.inviteMember(ctx, tenantId, email, role);
  }

  @Mutation(() => Invitation, { description: "Sends an open invitation again with a new link and expiry; the previous link stops working." })
  resendInvitation(@Arg("tenantId", () => ID) tenantId: string, @Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Invitation> {
    return invitations.resendInvitation(ctx, tenantId, id);
  }

  @Mutation(() => Boolean, { description: "Withdraws an open invitation: its link stops working." })
  revokeInvitation(@Arg("tenantId", () => ID) tenantId: string, @Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return invitations.revokeInvitation(ctx, tenantId, id);
  }

  @Query(() => InvitationPreview, { description: "Public: what an invitation link (its token) invites to. NOT_FOUND for an unknown token." })
  invitation(@Arg("token", () => String) token: string, @Ctx() ctx: RequestContext): Promise<InvitationPreview> {
    return invitations.invitationPreview(ctx, token);
  }

  @Mutation(() => Membership, {
    description: "Accepts an invitation as the signed-in user, whose email must be the invited address. The link works once; an expired one answers BAD_USER_INPUT.",
  })
  acceptInvitation(@Arg("token", () => String) token: string, @Ctx() ctx: RequestContext): Promise<Membership> {
    return invitations.acceptInvitation(ctx, token);
  }

  @Mutation(() => AuthPayload, {
    description:
      "For an invitee without a login: creates one for the invited address (the link proves it), accepts the invitation and opens a session, in one step. CONFLICT when the address has a login already (sign in and acceptInvitation instead).",
  })
  async acceptInvitationWithSignUp(
    @Arg("token", () => String) token: string,
    @Arg("name", () => String) name: string,
    @Arg("password", () => String, { description: "At least 10 characters and hard to guess (common passwords and simple patterns are refused)." }) password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AuthPayload> {
    const result = await invitations.acceptInvitationWithSignUp(ctx, token, name, password);
    continueAs(ctx, result.actor);
    return { token: result.token, user: result.user };
  }
}

@Resolver(() => Tenant)
export class TenantInvitationsResolver {
  @FieldResolver(() => [Invitation], { description: "Open invitations (pending or expired), newest first. Needs members:read." })
  invitations(@Root() tenant: Tenant, @Ctx() ctx: RequestContext): Promise<Invitation[]> {
    return invitations.listInvitations(ctx, tenant.id);
  }
}
