import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { ticketChannels, ticketStatuses, type TicketChannel as TicketChannelValue } from "@qline/db";
import { DateTime, JSON, JSONObject, PageInfo } from "../common/scalars.js";
import { LineStats } from "../lines/lines.types.js";
import { NotificationChannel as NotificationChannelEnum } from "../notifications/notifications.types.js";

export const TicketStatus = Object.fromEntries(ticketStatuses.map((s) => [s, s])) as { [K in (typeof ticketStatuses)[number]]: K };
registerEnumType(TicketStatus, {
  name: "TicketStatus",
  description: "WAITING → CALLED → SERVING → SERVED; WAITING/CALLED → CANCELLED, NO_SHOW, EXPIRED; CALLED → WAITING (requeue).",
});

export const TicketChannel = Object.fromEntries(ticketChannels.map((c) => [c, c])) as { [K in TicketChannelValue]: K };
registerEnumType(TicketChannel, {
  name: "TicketChannel",
  description: "How a ticket was issued: KIOSK (an in-store kiosk), REMOTE (the customer's own phone, joinLine), STAFF (added by staff), API (a partner's key).",
});

@ObjectType({ description: "Estimated wait until called, from the line's estimator: half of customers are called by p50, nine in ten by p90." })
export class TicketEstimate {
  @Field(() => Int)
  p50Seconds: number;

  @Field(() => Int)
  p90Seconds: number;

  @Field(() => String, {
    nullable: true,
    description:
      "What the estimate rests on: HISTORY (observed service), COLD_START (ticket-type defaults, no history yet), NO_COUNTERS (nobody serving now), FALLBACK (generic service time, or the line's WEBHOOK failed: see reason), WEBHOOK (the tenant's estimator).",
  })
  basis?: string | null;

  @Field(() => String, { nullable: true, description: "Staff only: why the line's WEBHOOK estimator was not used (timeout, error, bad payload, backed off)." })
  reason?: string | null;
}

@ObjectType({ description: "A customer's place in a line." })
export class Ticket {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  tenantId: string;

  @Field(() => ID)
  lineId: string;

  ticketTypeId: string | null;
  counterId: string | null;

  @Field(() => [NotificationChannelEnum], { description: "Channels the customer chose for messages (personal)." })
  notify: string[];

  @Field(() => String, { description: "Human label: the line's prefix and the day's number, e.g. A042." })
  number: string;

  @Field(() => String, { description: "The customer's capability: ticketByCode, cancelMyTicket and ticketUpdated take it." })
  trackingCode: string;

  @Field(() => TicketStatus)
  status: string;

  @Field(() => Int, { nullable: true, description: "1 = next to be called; null unless WAITING." })
  position: number | null;

  @Field(() => String, { nullable: true })
  customerName: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => TicketChannel)
  channel: TicketChannelValue;

  @Field(() => DateTime, { nullable: true, description: "When the customer used \"I'm running late\" (once per ticket, moved back runningLatePlaces)." })
  ranLateAt: string | null;

  @Field(() => Int)
  partySize: number;

  @Field(() => JSONObject, { description: "Tenant-defined data, valid against extensionSchemaVersion." })
  extensions: Record<string, unknown>;

  @Field(() => Int, { nullable: true, description: "The tenant extension schema version the extensions were validated against." })
  extensionSchemaVersion: number | null;

  @Field(() => String, { nullable: true })
  cancelReason: string | null;

  @Field(() => DateTime)
  createdAt: string;

  @Field(() => DateTime, { description: "Join time, kept on transfer (fairness)." })
  joinedAt: string;

  @Field(() => DateTime, { nullable: true })
  calledAt: string | null;

  @Field(() => DateTime, { nullable: true, description: "When service started." })
  servedAt: string | null;

  @Field(() => DateTime, { nullable: true })
  completedAt: string | null;

  @Field(() => DateTime, { nullable: true, description: "When it was cancelled, marked no-show or expired." })
  endedAt: string | null;

  @Field(() => DateTime, {
    nullable: true,
    description: "When the customer's contact data (name, phone, email, push subscription) and extension answers were erased: by the tenant's retention period after the ticket ended, or by eraseCustomerData. Null while kept.",
  })
  personalDataErasedAt: string | null;
}

@ObjectType()
export class TicketEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Ticket)
  node: Ticket;
}

@ObjectType({ description: "Tickets in queue order (position, then join time)." })
export class TicketConnection {
  @Field(() => [TicketEdge])
  edges: TicketEdge[];

  @Field(() => [Ticket])
  nodes: Ticket[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({ description: "One transition in a ticket's history." })
export class TicketEvent {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "ISSUED, CALLED, SERVING, SERVED, CANCELLED, NO_SHOW, NO_SHOW_UNDONE, EXPIRED, REQUEUED, TRANSFERRED, MOVED, UPDATED, RAN_LATE." })
  kind: string;

  @Field(() => TicketStatus, { nullable: true })
  fromStatus: string | null;

  @Field(() => TicketStatus)
  toStatus: string;

  @Field(() => ID)
  lineId: string;

  @Field(() => ID, { nullable: true })
  counterId: string | null;

  @Field(() => String, { description: "USER, API_KEY, TICKET_HOLDER (the customer holding the ticket, through its tracking code), SYSTEM (qline itself: jobs and after-commit work) or ANONYMOUS." })
  actorType: string;

  @Field(() => ID, { nullable: true })
  actorId: string | null;

  @Field(() => JSON)
  data: unknown;

  @Field(() => DateTime)
  at: Date;
}

@ObjectType({ description: "What the holder of a tracking code sees." })
export class PublicTicket {
  @Field(() => String)
  trackingCode: string;

  @Field(() => Int, { description: "The number of the ticket's line's last event as of this view (LineEvent.seq)." })
  seq: number;

  @Field(() => [NotificationChannelEnum], { description: "Channels the customer chose for messages." })
  notify: string[];

  @Field(() => Boolean, { description: "A browser push subscription is stored for this ticket (subscribeTicketPush; dropped when the push service says it expired)." })
  pushEnabled: boolean;

  @Field(() => String)
  number: string;

  @Field(() => TicketStatus)
  status: string;

  @Field(() => Int, { nullable: true })
  position: number | null;

  @Field(() => ID)
  lineId: string;

  @Field(() => String)
  lineName: string;

  @Field(() => String, { nullable: true, description: "Where to go once called." })
  counterName: string | null;

  @Field(() => TicketChannel)
  channel: TicketChannelValue;

  @Field(() => String, { description: "The tenant's slug (its public pages: /t/<slug>)." })
  tenantSlug: string;

  @Field(() => DateTime, { nullable: true, description: "When \"I'm running late\" was used." })
  ranLateAt: string | null;

  @Field(() => Boolean, { description: "runningLate is possible now: WAITING and not used yet." })
  canRunLate: boolean;

  @Field(() => Int, { description: "How many places runningLate moves the ticket back (tenant setting remoteJoin.runningLatePlaces)." })
  runningLatePlaces: number;

  @Field(() => DateTime)
  createdAt: string;

  @Field(() => DateTime, { nullable: true })
  calledAt: string | null;

  @Field(() => DateTime, { nullable: true })
  servedAt: string | null;

  @Field(() => DateTime, { nullable: true })
  completedAt: string | null;

  @Field(() => DateTime, { nullable: true })
  endedAt: string | null;
}

@ObjectType({ description: "Something changed on a line: what (kind + ticket) and the line's new stats." })
export class LineEvent {
  @Field(() => String, {
    description:
      "A ticket event kind (ISSUED, CALLED, ..., see TicketEvent.kind), LINE_UPDATED or COUNTER_UPDATED; lineUpdated starts with SUBSCRIBED (ticket null, the line now) once the subscription is live, so a change made after it is never missed; RESYNCED (same shape) follows whenever the event stream recovers from an outage, since events may have been lost meanwhile: re-read the line.",
  })
  kind: string;

  @Field(() => Int, {
    description:
      "This line's event number: consecutive per line (1, 2, 3, …) across every API process, delivered in order. SUBSCRIBED and RESYNCED carry the line's current number (no event of their own). seq > last + 1: an event was missed, re-read the line (Line.seq tells where the re-read stands); seq <= last: already applied, ignore. Mutations answer at commit and their events follow.",
  })
  seq: number;

  @Field(() => ID)
  tenantId: string;

  @Field(() => ID)
  lineId: string;

  @Field(() => DateTime)
  at: string;

  @Field(() => Ticket, { nullable: true })
  ticket: Ticket | null;

  @Field(() => LineStats, { description: "The line after this event: waiting count, now serving, the wait for joining now." })
  stats: LineStats;
}

@ObjectType({ description: "A waiting ticket's place at the front of a line, as a line event carries it." })
export class WaitingPlace {
  @Field(() => ID)
  ticketId: string;

  @Field(() => Int, { description: "1 = next." })
  position: number;

  @Field(() => TicketEstimate, { nullable: true, description: "Staff view; null when the line cannot estimate." })
  estimate: TicketEstimate | null;
}
