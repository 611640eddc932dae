import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DateTime, JSON, PageInfo } from "../common/scalars.js";

@ObjectType()
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "USER, API_KEY, TICKET_HOLDER (the holder of the ticket actorId, through its tracking code), SYSTEM (the server itself: background jobs, after-commit work) or ANONYMOUS (a caller without credentials)." })
  actorType: string;

  @Field(() => ID, { nullable: true })
  actorId: string | null;

  @Field(() => String, { description: "e.g. tenant.update, member.add, apikey.revoke" })
  action: string;

  @Field(() => String)
  targetType: string;

  @Field(() => String, { nullable: true })
  targetId: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The target's name now: a ticket's number, a line's, counter's, ticket type's, key's, device's or tenant's name, a member's name, an invitation's email. Null when it cannot be found (deleted, or a person no longer a member here).",
  })
  targetName: string | null;

  @Field(() => String, { nullable: true, description: "The actor's name: a member's name, an API key's name, or the ticket number of a TICKET_HOLDER. Null when it cannot be found." })
  actorName: string | null;

  @Field(() => JSON, { nullable: true })
  before: unknown;

  @Field(() => JSON, { nullable: true })
  after: unknown;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType()
export class AuditEntryEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => AuditEntry)
  node: AuditEntry;
}

@ObjectType()
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge])
  edges: AuditEntryEdge[];

  @Field(() => [AuditEntry])
  nodes: AuditEntry[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType()
export class AuditFilterInput {
  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true })
  action?: string | null;

  @Field(() => DateTime, { nullable: true })
  from?: Date | null;

  @Field(() => DateTime, { nullable: true })
  to?: Date | null;
}

export const defaultAuditPage = 50;
