import { ArrayMaxSize, IsOptional, Length, Max, MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { JSONObject } from "../common/scalars.js";

@InputType({ description: "One weekly opening period in the line's time zone." })
export class OpeningPeriodInput {
  @Field(() => Int, { description: "ISO weekday: 1 = Monday ... 7 = Sunday." })
  day: number;

  @Field(() => String, { description: "HH:MM, inclusive." })
  opens: string;

  @Field(() => String, { description: "HH:MM, exclusive (24:00 for midnight)." })
  closes: string;
}

@InputType({ description: "Ticket time limits (seconds) for the TTL job; warnSeconds ≤ waitingSeconds." })
export class LineTtlInput {
  @Field(() => Int, { nullable: true, description: "warnAfter: escalate a ticket this old once (TICKET_ESCALATED)." })
  @IsOptional()
  @Min(1)
  @Max(7 * 24 * 3600)
  warnSeconds?: number | null;

  @Field(() => Int, { nullable: true, description: "expireAfter: a WAITING ticket this old expires." })
  @IsOptional()
  @Min(60)
  @Max(7 * 24 * 3600)
  waitingSeconds?: number | null;

  @Field(() => Int, { nullable: true, description: "noShowAfter: a CALLED ticket not served within this is a no-show." })
  @IsOptional()
  @Min(30)
  @Max(24 * 3600)
  calledSeconds?: number | null;
}

@InputType()
export class CreateLineInput {
  @Field(() => ID)
  tenantId: string;

  @Field(() => String)
  @Length(1, 100)
  name: string;

  @Field(() => String, { description: "1-4 capital letters or digits, shown before the number (A042)." })
  prefix: string;

  @Field(() => [ID], { nullable: true, description: "Ticket types this line accepts; empty or absent: all of the tenant's." })
  @IsOptional()
  @ArrayMaxSize(100)
  ticketTypeIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  @IsOptional()
  acceptingTickets?: boolean | null;

  @Field(() => Int, { nullable: true, description: "Most tickets waiting at once; absent: unlimited." })
  @IsOptional()
  @Min(1)
  @Max(100000)
  capacity?: number | null;

  @Field(() => String, { nullable: true, description: "IANA time zone for opening hours and the numbering day; default UTC." })
  @IsOptional()
  @MaxLength(64)
  timeZone?: string | null;

  @Field(() => [OpeningPeriodInput], { nullable: true, description: "Absent or empty: always open." })
  @IsOptional()
  @ArrayMaxSize(50)
  openingHours?: OpeningPeriodInput[] | null;

  @Field(() => String, { nullable: true, description: "NONE, RECENT_AVERAGE, SERVICE_RATE (default) or WEBHOOK." })
  @IsOptional()
  @MaxLength(64)
  estimator?: string | null;

  @Field(() => JSONObject, {
    nullable: true,
    description: "RECENT_AVERAGE { sampleSize }, SERVICE_RATE { halfLifeSeconds, ... }, WEBHOOK { url, timeoutMs (default 800) }.",
  })
  @IsOptional()
  estimatorOptions?: Record<string, unknown> | null;

  @Field(() => Boolean, { nullable: true, description: "Absent: the tenant's line preset, else true." })
  @IsOptional()
  showEstimates?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Customers may join from their own phone (joinLine)." })
  @IsOptional()
  remoteJoin?: boolean | null;

  @Field(() => LineTtlInput, { nullable: true })
  @IsOptional()
  ttl?: LineTtlInput | null;
}

@InputType({ description: "Only the fields given change." })
export class UpdateLineInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  prefix?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  ticketTypeIds?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  acceptingTickets?: boolean | null;

  @Field(() => Int, { nullable: true, description: "0 removes the limit." })
  @IsOptional()
  @Min(0)
  @Max(100000)
  capacity?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  timeZone?: string | null;

  @Field(() => [OpeningPeriodInput], { nullable: true, description: "An empty list means always open." })
  @IsOptional()
  @ArrayMaxSize(50)
  openingHours?: OpeningPeriodInput[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  estimator?: string | null;

  @Field(() => JSONObject, { nullable: true, description: "Replaces the estimator's options (see CreateLineInput)." })
  @IsOptional()
  estimatorOptions?: Record<string, unknown> | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  showEstimates?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Customers may join from their own phone (joinLine)." })
  @IsOptional()
  remoteJoin?: boolean | null;

  @Field(() => LineTtlInput, { nullable: true })
  @IsOptional()
  ttl?: LineTtlInput | null;
}

@InputType()
export class CreateTicketTypeInput {
  @Field(() => ID)
  tenantId: string;

  @Field(() => String, { description: "Short code, unique in the tenant (e.g. DEP)." })
  code: string;

  @Field(() => String)
  @Length(1, 100)
  name: string;

  @Field(() => Int, { nullable: true, description: "Typical service time, a hint for estimates." })
  @IsOptional()
  @Min(1)
  @Max(24 * 3600)
  defaultServiceSeconds?: number | null;

  @Field(() => LineTtlInput, { nullable: true, description: "Overrides of the line's TTL for tickets of this type." })
  @IsOptional()
  ttl?: LineTtlInput | null;
}

@InputType()
export class CreateCounterInput {
  @Field(() => ID)
  lineId: string;

  @Field(() => String)
  @Length(1, 100)
  name: string;
}

@InputType({ description: "Only the fields given change. The code stays: history refers to it." })
export class UpdateTicketTypeInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  name?: string | null;

  @Field(() => Int, { nullable: true, description: "Typical service time, a hint for estimates; 0 removes it." })
  @IsOptional()
  @Min(0)
  @Max(24 * 3600)
  defaultServiceSeconds?: number | null;
}

@InputType({ description: "Only the fields given change." })
export class UpdateCounterInput {
  @Field(() => String, { nullable: true, description: "Unique among the line's live counters (case-insensitive); CONFLICT otherwise." })
  @IsOptional()
  @Length(1, 100)
  name?: string | null;
}
