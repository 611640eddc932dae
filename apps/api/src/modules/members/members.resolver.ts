import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { MemberRole as MemberRoleValue } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { MemberRole } from "../common/scalars.js";
import * as members from "./members.service.js";
import { Member } from "./members.types.js";

@Resolver(() => Member)
export class MembersResolver {
  @Mutation(() => Member, {
    description: "Deprecated: adds a person with a login without their consent. Use inviteMember, which the person accepts.",
    deprecationReason: "Use inviteMember (the person accepts the emailed invitation); addMember will be removed.",
  })
  addMember(
    @Arg("tenantId", () => ID) tenantId: string,
    @Arg("email", () => String) email: string,
    @Arg("role", () => MemberRole) role: MemberRoleValue,
    @Ctx() ctx: RequestContext,
  ): Promise<Member> {
    return members.addMember(ctx, tenantId, email, role);
  }

  @Mutation(() => Member)
  updateMemberRole(
    @Arg("tenantId", () => ID) tenantId: string,
    @Arg("userId", () => ID) userId: string,
    @Arg("role", () => MemberRole) role: MemberRoleValue,
    @Ctx() ctx: RequestContext,
  ): Promise<Member> {
    return members.updateMemberRole(ctx, tenantId, userId, role);
  }

  @Mutation(() => Boolean)
  removeMember(@Arg("tenantId", () => ID) tenantId: string, @Arg("userId", () => ID) userId: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return members.removeMember(ctx, tenantId, userId);
  }
}
