import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import type { MemberRole as MemberRoleValue } from "@qline/db";
import { DateTime, MemberRole } from "../common/scalars.js";

export enum InvitationStatus {
  PENDING = "PENDING",
  EXPIRED = "EXPIRED",
  ACCEPTED = "ACCEPTED",
  REVOKED = "REVOKED",
}
registerEnumType(InvitationStatus, { name: "InvitationStatus", description: "An invitation's state: only PENDING can be accepted." });

@ObjectType({ description: "An invitation to a tenant as its members see it: the address and role, never whether the address has a login." })
export class Invitation {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  tenantId: string;

  @Field(() => String)
  email: string;

  @Field(() => MemberRole)
  role: MemberRoleValue;

  @Field(() => InvitationStatus)
  status: InvitationStatus;

  @Field(() => DateTime)
  createdAt: Date;

  @Field(() => DateTime, { description: "When the current link was sent (a resend replaces the link)." })
  sentAt: Date;

  @Field(() => DateTime)
  expiresAt: Date;
}

@ObjectType({ description: "What an invitation link shows its holder before accepting: where, as what, for which address, and whether it still works." })
export class InvitationPreview {
  @Field(() => String)
  tenantName: string;

  @Field(() => MemberRole)
  role: MemberRoleValue;

  @Field(() => String, { description: "The address it was sent to: accepting needs a login with this address." })
  email: string;

  @Field(() => InvitationStatus)
  status: InvitationStatus;

  @Field(() => DateTime)
  expiresAt: Date;
}
