import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTime } from "../common/scalars.js";

@ObjectType({ description: "Ticket time limits, enforced by the TTL job in the API processes." })
export class LineTtl {
  @Field(() => Int, { nullable: true, description: "warnAfter: a WAITING or CALLED ticket this old is escalated once (TICKET_ESCALATED event, audit log)." })
  warnSeconds?: number | null;

  @Field(() => Int, { nullable: true, description: "expireAfter: a WAITING ticket this old becomes EXPIRED." })
  waitingSeconds?: number | null;

  @Field(() => Int, { nullable: true, description: "noShowAfter: a CALLED ticket not served within this becomes NO_SHOW." })
  calledSeconds?: number | null;
}

@ObjectType({ description: "A kind of service a tenant offers; lines choose which they accept." })
export class TicketType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  tenantId: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => Int, { nullable: true })
  defaultServiceSeconds: number | null;

  @Field(() => LineTtl, { description: "Overrides of the line's TTL for tickets of this type (a key given here wins)." })
  ttl: LineTtl;

  @Field(() => DateTime, { nullable: true, description: "When archived: not offered or accepted for new tickets; existing tickets keep it. Null while in use." })
  archivedAt: Date | null;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType()
export class OpeningPeriod {
  @Field(() => Int, { description: "ISO weekday: 1 = Monday ... 7 = Sunday." })
  day: number;

  @Field(() => String)
  opens: string;

  @Field(() => String)
  closes: string;
}


@ObjectType({ description: "A service point of a line (desk, window)." })
export class Counter {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  tenantId: string;

  @Field(() => ID)
  lineId: string;

  @Field(() => String)
  name: string;

  @Field(() => Boolean)
  isOpen: boolean;

  @Field(() => DateTime, { nullable: true, description: "When archived: closed, never called to, its name free for a new counter; tickets and analytics keep it." })
  archivedAt: Date | null;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType({ description: "A ticket being called or served, and where." })
export class NowServing {
  @Field(() => ID, { nullable: true })
  counterId: string | null;

  @Field(() => String, { nullable: true })
  counterName: string | null;

  @Field(() => ID)
  ticketId: string;

  @Field(() => String)
  number: string;

  @Field(() => String, { description: "CALLED or SERVING." })
  status: string;

  @Field(() => DateTime, { nullable: true })
  calledAt: string | null;
}

@ObjectType({ description: "A line's live numbers." })
export class LineStats {
  @Field(() => Int)
  waitingCount: number;

  @Field(() => [NowServing], { description: "Called and serving tickets, latest call first." })
  nowServing: NowServing[];

  @Field(() => Int, { nullable: true, description: "What a ticket issued now would wait (p50 seconds, staff view; the same as Line.estimatedWaitSeconds)." })
  estimatedWaitSeconds: number | null;
}

@ObjectType({ description: "A queue. Tickets are numbered per line per day in the line's time zone." })
export class Line {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  tenantId: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  prefix: string;

  @Field(() => [ID], { description: "Empty: every ticket type of the tenant." })
  allowedTicketTypeIds: string[];

  @Field(() => Boolean, { description: "Staff switch; see also openNow." })
  acceptingTickets: boolean;

  @Field(() => Int, { nullable: true })
  capacity: number | null;

  @Field(() => String)
  timeZone: string;

  @Field(() => [OpeningPeriod], { nullable: true, description: "Null: always open." })
  openingHours: OpeningPeriod[] | null;

  @Field(() => Boolean)
  showEstimates: boolean;

  @Field(() => Boolean, { description: "Customers may join from their own phone (joinLine; the join page /t/<slug>/join)." })
  remoteJoin: boolean;

  @Field(() => String, { nullable: true })
  estimator: string | null;

  @Field(() => LineTtl)
  ttl: LineTtl;

  /** lines.event_seq, as read with the line (exposed as `seq` by the resolver). */
  eventSeq: number;

  @Field(() => DateTime, {
    nullable: true,
    description: "When archived: takes no tickets, hidden from kiosks, join pages and transfer targets; history and analytics keep it. Null while in use.",
  })
  archivedAt: Date | null;

  @Field(() => DateTime)
  createdAt: Date;

  @Field(() => DateTime)
  updatedAt: Date;
}

@ObjectType({ description: "What a kiosk or customer page sees of a line that accepts tickets." })
export class PublicLine {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  prefix: string;

  @Field(() => Int)
  waitingCount: number;

  @Field(() => [PublicTicketType])
  ticketTypes: PublicTicketType[];
}

@ObjectType()
export class PublicTicketType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;
}
