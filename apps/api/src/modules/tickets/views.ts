/**
 * What a ticket looks like to staff (`TicketView`) and to its holder (`PublicTicketView`), and the reads that build them.
 */
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { col, decodeRows, ticketChannels, tickets, z, type TicketChannel, type Tx } from "@qline/db";
import type { EstimateView } from "../estimates/estimates.service.js";
import { runningLatePlacesSql } from "../tenants/remote-join-settings.js";

/** A ticket as staff see it, JSON-safe (timestamps as ISO strings). */
export interface TicketView {
  id: string;
  tenantId: string;
  lineId: string;
  ticketTypeId: string | null;
  counterId: string | null;
  number: string;
  trackingCode: string;
  status: string;
  position: number | null;
  customerName: string | null;
  phone: string | null;
  email: string | null;
  channel: TicketChannel;
  ranLateAt: string | null;
  partySize: number;
  extensions: Record<string, unknown>;
  extensionSchemaVersion: number | null;
  cancelReason: string | null;
  /** Channels the customer chose for messages (PUSH, SMS, EMAIL). */
  notify: string[];
  language: string;
  createdAt: string;
  joinedAt: string;
  calledAt: string | null;
  servedAt: string | null;
  completedAt: string | null;
  endedAt: string | null;
  /** When the customer's contact data and extension answers were erased (retention or eraseCustomerData). */
  personalDataErasedAt: string | null;
  /** In event payloads: the estimate as of the event (staff view); absent elsewhere (resolved on demand). */
  estimate?: EstimateView | null;
}

/** What the holder of a tracking code sees. */
export interface PublicTicketView {
  trackingCode: string;
  number: string;
  status: string;
  position: number | null;
  lineId: string;
  lineName: string;
  counterName: string | null;
  channel: TicketChannel;
  tenantSlug: string;
  ranLateAt: string | null;
  /** WAITING and "I'm running late" not used yet. */
  canRunLate: boolean;
  runningLatePlaces: number;
  /** Channels the customer chose for messages. */
  notify: string[];
  /** A browser push subscription is stored for this ticket. */
  pushEnabled: boolean;
  createdAt: string;
  calledAt: string | null;
  servedAt: string | null;
  completedAt: string | null;
  endedAt: string | null;
  /** The number of the line's last event as of this view (LineEvent.seq). */
  seq: number;
  /** In event payloads: the estimate as of the event, null when the line hides estimates from customers. */
  estimate?: EstimateView | null;
}


export type TicketRow = typeof tickets.$inferSelect;

/** 1-based place among the line's WAITING tickets in queue order `(sort_key, id)`; null unless WAITING. */
// Outer columns are spelled out: drizzle may render `${column}` unqualified, which would bind to `w`.
// `w.id <>` matters in an UPDATE's RETURNING: the subquery sees the ticket's own pre-update version there
// (a moved ticket would count its old place).
export const positionSql = sql<number | null>`case when "tickets"."status" = 'WAITING' then (
  select count(*)::int + 1 from tickets w
  where w.tenant_id = "tickets"."tenant_id" and w.line_id = "tickets"."line_id" and w.status = 'WAITING'
    and w.id <> "tickets"."id" and (w.sort_key, w.id) < ("tickets"."sort_key", "tickets"."id")) end`.mapWith((v: unknown) => (v == null ? null : Number(v)));

export const ticketSelection = { ...getTableColumns(tickets), position: positionSql };

const isoDate = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toView(row: TicketRow & { position: number | null }): TicketView {
  return {
    id: row.id,
    tenantId: row.tenantId,
    lineId: row.lineId,
    ticketTypeId: row.ticketTypeId,
    counterId: row.counterId,
    number: row.number,
    trackingCode: row.trackingCode,
    status: row.status,
    position: row.position,
    customerName: row.customerName,
    phone: row.phone,
    email: row.email,
    channel: row.channel,
    ranLateAt: isoDate(row.ranLateAt),
    partySize: row.partySize,
    extensions: row.extensions,
    extensionSchemaVersion: row.extensionSchemaVersion,
    cancelReason: row.cancelReason,
    notify: row.notifyChannels,
    language: row.language,
    createdAt: row.createdAt.toISOString(),
    joinedAt: row.joinedAt.toISOString(),
    calledAt: isoDate(row.calledAt),
    servedAt: isoDate(row.servedAt),
    completedAt: isoDate(row.completedAt),
    endedAt: isoDate(row.endedAt),
    personalDataErasedAt: isoDate(row.personalDataErasedAt),
  };
}

export async function loadTicket(tx: Tx, tenantId: string, id: string): Promise<TicketView | null> {
  const [row] = await tx
    .select(ticketSelection)
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)));
  return row ? toView(row) : null;
}

const ts = col.timestamp.nullable();

/** A row of `publicColumns` plus the position (decoded: the same shapes on both drivers). */
const PublicRow = z.object({
  id: col.uuid,
  tracking_code: col.text,
  number: col.text,
  status: col.text,
  position: col.int.nullable(),
  line_id: col.uuid,
  line_name: col.text,
  counter_name: col.text.nullable(),
  channel: z.enum(ticketChannels),
  tenant_slug: col.text,
  ran_late_at: ts,
  running_late_places: col.int,
  notify_channels: col.textArray,
  push_enabled: col.bool,
  created_at: col.timestamp,
  called_at: ts,
  served_at: ts,
  completed_at: ts,
  ended_at: ts,
  seq: col.int,
});

const isoOf = (d: Date | null): string | null => (d ? d.toISOString() : null);

const toPublic = (r: z.output<typeof PublicRow>): PublicTicketView => ({
  trackingCode: r.tracking_code,
  number: r.number,
  status: r.status,
  position: r.position,
  lineId: r.line_id,
  lineName: r.line_name,
  counterName: r.counter_name,
  channel: r.channel,
  tenantSlug: r.tenant_slug,
  ranLateAt: isoOf(r.ran_late_at),
  canRunLate: r.status === "WAITING" && r.ran_late_at == null,
  runningLatePlaces: r.running_late_places,
  notify: r.notify_channels,
  pushEnabled: r.push_enabled,
  createdAt: r.created_at.toISOString(),
  calledAt: isoOf(r.called_at),
  servedAt: isoOf(r.served_at),
  completedAt: isoOf(r.completed_at),
  endedAt: isoOf(r.ended_at),
  seq: r.seq,
});

const publicColumns = sql`t.id, t.tracking_code, t.number, t.status, t.line_id, l.name as line_name, c.name as counter_name,
  t.channel, tn.slug as tenant_slug, t.ran_late_at, ${runningLatePlacesSql} as running_late_places,
  t.notify_channels, t.push_subscription is not null as push_enabled,
  t.created_at, t.called_at, t.served_at, t.completed_at, t.ended_at, l.event_seq as seq`;

/** One ticket as its holder sees it (in a transaction scoped to its tenant). */
export async function publicTicket(tx: Tx, tenantId: string, ticketId: string): Promise<PublicTicketView | null> {
  return (await publicTickets(tx, tenantId, [ticketId])).get(ticketId) ?? null;
}

/** Tickets as their holders see them, in one statement (the publisher reads the holders of a refresh's events). */
export async function publicTickets(tx: Tx, tenantId: string, ticketIds: readonly string[]): Promise<Map<string, PublicTicketView>> {
  if (ticketIds.length === 0) return new Map();
  const rows = decodeRows(
    PublicRow,
    await tx.execute(sql`
      select ${publicColumns},
        case when t.status = 'WAITING' then (
          select count(*)::int + 1 from tickets w
          where w.tenant_id = t.tenant_id and w.line_id = t.line_id and w.status = 'WAITING'
            and (w.sort_key, w.id) < (t.sort_key, t.id)) end as position
      from tickets t
      join tenants tn on tn.id = t.tenant_id
      join lines l on l.tenant_id = t.tenant_id and l.id = t.line_id
      left join counters c on c.tenant_id = t.tenant_id and c.id = t.counter_id
      where t.tenant_id = ${tenantId} and t.id = any(${`{${ticketIds.join(",")}}`}::uuid[])`), // ids from the database, one array parameter
  );
  return new Map(rows.map((r) => [r.id, toPublic(r)]));
}

/** The holder's view of a ticket whose line (and counter) names and tenant policy the caller already has. */
export function holderView(
  ticket: TicketView,
  lineName: string,
  counterName: string | null,
  tenant: { slug: string; runningLatePlaces: number },
): Omit<PublicTicketView, "seq"> {
  return {
    trackingCode: ticket.trackingCode,
    number: ticket.number,
    status: ticket.status,
    position: ticket.position,
    lineId: ticket.lineId,
    lineName,
    counterName,
    channel: ticket.channel,
    tenantSlug: tenant.slug,
    ranLateAt: ticket.ranLateAt,
    canRunLate: ticket.status === "WAITING" && ticket.ranLateAt == null,
    runningLatePlaces: tenant.runningLatePlaces,
    notify: ticket.notify,
    pushEnabled: false, // a new ticket: a push subscription comes later (subscribeTicketPush)
    createdAt: ticket.createdAt,
    calledAt: ticket.calledAt,
    servedAt: ticket.servedAt,
    completedAt: ticket.completedAt,
    endedAt: ticket.endedAt,
  };
}

