import { IsOptional, Length, MaxLength } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { DateTime, JSON } from "../common/scalars.js";
import { TicketStatus } from "./tickets.types.js";

@InputType()
export class IssueTicketInput {
  @Field(() => ID)
  lineId: string;

  @Field(() => ID, { nullable: true, description: "Required when the line accepts only some ticket types." })
  @IsOptional()
  ticketTypeId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  customerName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  phone?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  @IsOptional()
  partySize?: number | null;

  @Field(() => JSON, { nullable: true, description: "A JSON object valid against the tenant's ticket extension schema." })
  @IsOptional()
  extensions?: unknown;

  @Field(() => String, { nullable: true, description: "A retried request with the same key and payload returns the same ticket." })
  @IsOptional()
  @Length(1, 200)
  idempotencyKey?: string | null;
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
