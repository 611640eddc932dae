import type { MemberRole as MemberRoleValue } from "@qline/db";
import { Field, ID, ObjectType } from "type-graphql";
import { MemberRole } from "../common/scalars.js";

@ObjectType({
  description:
    "What the caller may do in one tenant, decided by the server's role matrix (docs/roles.md): the admin console shows or hides controls from this. The API still checks every operation.",
})
export class ViewerPermissions {
  @Field(() => ID)
  tenantId: string;

  @Field(() => MemberRole, { nullable: true, description: "The strongest role held on the tenant or an ancestor; null for an API key." })
  role: MemberRoleValue | null;

  @Field(() => [String], { description: "Permissions granted here (`tenant:read`, `lines:manage`, …), in the order of docs/roles.md." })
  permissions: string[];

  @Field(() => [MemberRole], { description: "Roles the caller may grant, change to or remove here, strongest first (empty without members:manage)." })
  grantableRoles: MemberRoleValue[];

  @Field(() => [String], { description: "Scopes the caller may put on a new API key here (empty without apikeys:manage)." })
  grantableScopes: string[];
}
