import { IsOptional, Length, MaxLength } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { DateTime, JSON } from "../common/scalars.js";
import type { TicketChannel as TicketChannelValue } from "@qline/db";
import { TicketChannel, TicketStatus } from "./tickets.types.js";
import { NotificationChannel } from "../notifications/notifications.types.js";
import type { NotificationChannel as NotificationChannelValue } from "@qline/db";

/** What a new ticket carries, however it is issued (issueTicket and joinLine add their own fields; not in the schema: no resolver takes it). */
@InputType()
abstract class NewTicketFields {
  @Field(() => ID)
  lineId: string;

  @Field(() => ID, { nullable: true, description: "Required when the line accepts several ticket types." })
  @IsOptional()
  ticketTypeId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  customerName?: string | null;

  @Field(() => String, { nullable: true, description: "joinLine: stored as E.164 (a national number needs the tenant's remoteJoin.defaultCountry), BAD_USER_INPUT at input.phone when invalid." })
  @IsOptional()
  @MaxLength(40)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "Validated (BAD_USER_INPUT at input.email)." })
  @IsOptional()
  email?: string | null; // length checked with the address itself (normalizeEmail: BAD_USER_INPUT at input.email)

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  @IsOptional()
  partySize?: number | null;

  @Field(() => JSON, { nullable: true, description: "A JSON object valid against the tenant's ticket extension schema." })
  @IsOptional()
  extensions?: unknown;

  @Field(() => String, { nullable: true, description: "A retried request with the same key and payload (joinLine: and device) returns the same ticket." })
  @IsOptional()
  @Length(1, 200)
  idempotencyKey?: string | null;

  @Field(() => [NotificationChannel], { nullable: true, description: "Channels for messages about this ticket: SMS needs phone, EMAIL needs email (BAD_USER_INPUT at input.notify otherwise); PUSH needs a later subscribeTicketPush." })
  @IsOptional()
  notify?: NotificationChannelValue[] | null;

  @Field(() => String, { nullable: true, description: 'Language of those messages: "en" (default) or "de" (BAD_USER_INPUT at input.language otherwise).' })
  @IsOptional()
  @MaxLength(10)
  language?: string | null;
}

@InputType()
export class IssueTicketInput extends NewTicketFields {
  @Field(() => TicketChannel, { nullable: true, description: "KIOSK, STAFF or API (REMOTE is joinLine's). Default: STAFF for a signed-in user, API for an API key." })
  @IsOptional()
  channel?: TicketChannelValue | null;
}

@InputType({ description: "A customer joining from their own phone (joinLine): issueTicket's fields with validated contact details." })
export class JoinLineInput extends NewTicketFields {
  @Field(() => String, { nullable: true, description: "The join page's tenant: the line must be this tenant's (NOT_FOUND otherwise)." })
  @IsOptional()
  @MaxLength(100)
  slug?: string | null;

  @Field(() => String, { nullable: true, description: "A random id the page keeps on the device: joins are limited per device per line." })
  @IsOptional()
  @MaxLength(100)
  deviceId?: string | null;
}

@InputType({ description: "Only the fields given change; extensions are replaced and validated against the current schema." })
export class UpdateTicketInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  customerName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "Validated (BAD_USER_INPUT at input.email)." })
  @IsOptional()
  email?: string | null; // length checked with the address itself (normalizeEmail: BAD_USER_INPUT at input.email)

  @Field(() => Int, { nullable: true })
  @IsOptional()
  partySize?: number | null;

  @Field(() => JSON, { nullable: true })
  @IsOptional()
  extensions?: unknown;
}

@InputType()
export class TicketFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  ticketTypeId?: string | null;

  @Field(() => DateTime, { nullable: true, description: "Issued at or after." })
  @IsOptional()
  from?: Date | null;

  @Field(() => DateTime, { nullable: true, description: "Issued before." })
  @IsOptional()
  to?: Date | null;

  @Field(() => [String], { nullable: true, description: 'Path into extensions, e.g. ["membership", "level"].' })
  @IsOptional()
  extensionPath?: string[] | null;

  @Field(() => JSON, { nullable: true, description: "The value at extensionPath must equal this JSON value." })
  @IsOptional()
  extensionEquals?: unknown;
}

export { TicketStatus };
