import { Field, ID, ObjectType } from "type-graphql";
import type { MemberRole as MemberRoleValue } from "@qline/db";
import { DateTime, MemberRole } from "../common/scalars.js";
import { Tenant } from "../tenants/tenants.types.js";

@ObjectType({ description: "A person holding a role directly on a tenant (and so on its subtree)." })
export class Member {
  @Field(() => ID)
  userId: string;

  @Field(() => ID)
  tenantId: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;

  @Field(() => MemberRole)
  role: MemberRoleValue;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType({ description: "One of the signed-in user's own memberships." })
export class Membership {
  @Field(() => Tenant)
  tenant: Tenant;

  @Field(() => MemberRole)
  role: MemberRoleValue;

  @Field(() => Boolean, { description: "True when this tenant itself is suspended (its pages and API answer FORBIDDEN)." })
  suspended: boolean;
}
