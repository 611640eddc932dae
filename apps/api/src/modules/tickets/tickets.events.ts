/**
 * What subscribers receive, and on which topics. Topics carry the tenant id taken from the server-side lookup
 * (never from a client argument alone). Payloads are built inside the transaction (consistent with it) as
 * JSON-safe objects (they cross Redis) and published only after it commits (`publishAll` after `inTenant`).
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Tx } from "@qline/db";
import type { QlinePubSub } from "../../pubsub/pubsub.js";
import { estimateLine, type EstimateView } from "../estimates/estimates.service.js";

export const topics = {
  line: (tenantId: string, lineId: string) => `qline.line.${tenantId}.${lineId}`,
  ticket: (tenantId: string, ticketId: string) => `qline.ticket.${tenantId}.${ticketId}`,
  activity: (tenantId: string) => `qline.activity.${tenantId}`,
};

export interface Publication {
  topic: string;
  payload: unknown;
}

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
  partySize: number;
  extensions: Record<string, unknown>;
  extensionSchemaVersion: number | null;
  cancelReason: string | null;
  createdAt: string;
  joinedAt: string;
  calledAt: string | null;
  servedAt: string | null;
  completedAt: string | null;
  endedAt: string | null;
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
  createdAt: string;
  calledAt: string | null;
  servedAt: string | null;
  completedAt: string | null;
  endedAt: string | null;
  /** In event payloads: the estimate as of the event, null when the line hides estimates from customers. */
  estimate?: EstimateView | null;
}

export interface NowServingView {
  counterId: string | null;
  counterName: string | null;
  ticketId: string;
  number: string;
  status: string;
  calledAt: string | null;
}

export interface LineStatsView {
  waitingCount: number;
  nowServing: NowServingView[];
  /** In event payloads: what a ticket issued now would wait (p50 seconds). */
  estimatedWaitSeconds?: number | null;
}

export interface LineEventView {
  kind: string;
  tenantId: string;
  lineId: string;
  at: string;
  ticket: TicketView | null;
  stats: LineStatsView;
}

const iso = (value: unknown): string | null => (value == null ? null : new Date(value as string | Date).toISOString());

/** One statement: the waiting count, joined with the called and serving tickets (a single row of nulls when none). */
export async function lineStats(tx: Tx, tenantId: string, lineId: string): Promise<LineStatsView> {
  const rows = rowsOf<{ waiting_count: number; counter_id: string | null; counter_name: string | null; id: string | null; number: string; status: string; called_at: unknown }>(
    await tx.execute(sql`
      select w.n as waiting_count, s.counter_id, s.counter_name, s.id, s.number, s.status, s.called_at
      from (select count(*)::int as n from tickets where tenant_id = ${tenantId} and line_id = ${lineId} and status = 'WAITING') w
      left join lateral (
        select t.counter_id, c.name as counter_name, t.id, t.number, t.status, t.called_at
        from tickets t left join counters c on c.tenant_id = t.tenant_id and c.id = t.counter_id
        where t.tenant_id = ${tenantId} and t.line_id = ${lineId} and t.status in ('CALLED', 'SERVING')
        order by t.called_at desc nulls last, t.id
        limit 100
      ) s on true
      order by s.called_at desc nulls last, s.id`),
  );
  return {
    waitingCount: Number(rows[0]?.waiting_count ?? 0),
    nowServing: rows.flatMap((r) =>
      r.id == null
        ? []
        : [{ counterId: r.counter_id, counterName: r.counter_name, ticketId: r.id, number: r.number, status: r.status, calledAt: iso(r.called_at) }],
    ),
  };
}

interface PublicRow {
  id: string;
  tracking_code: string;
  number: string;
  status: string;
  position: number | null;
  line_id: string;
  line_name: string;
  counter_name: string | null;
  created_at: unknown;
  called_at: unknown;
  served_at: unknown;
  completed_at: unknown;
  ended_at: unknown;
}

const toPublic = (r: PublicRow): PublicTicketView => ({
  trackingCode: r.tracking_code,
  number: r.number,
  status: r.status,
  position: r.position == null ? null : Number(r.position),
  lineId: r.line_id,
  lineName: r.line_name,
  counterName: r.counter_name,
  createdAt: iso(r.created_at)!,
  calledAt: iso(r.called_at),
  servedAt: iso(r.served_at),
  completedAt: iso(r.completed_at),
  endedAt: iso(r.ended_at),
});

const publicColumns = sql`t.id, t.tracking_code, t.number, t.status, t.line_id, l.name as line_name, c.name as counter_name,
  t.created_at, t.called_at, t.served_at, t.completed_at, t.ended_at`;

/** One ticket as its holder sees it (in a transaction scoped to its tenant). */
export async function publicTicket(tx: Tx, tenantId: string, ticketId: string): Promise<PublicTicketView | null> {
  const [row] = rowsOf<PublicRow>(
    await tx.execute(sql`
      select ${publicColumns},
        case when t.status = 'WAITING' then (
          select count(*)::int + 1 from tickets w
          where w.tenant_id = t.tenant_id and w.line_id = t.line_id and w.status = 'WAITING'
            and (w.sort_key, w.id) < (t.sort_key, t.id)) end as position
      from tickets t
      join lines l on l.tenant_id = t.tenant_id and l.id = t.line_id
      left join counters c on c.tenant_id = t.tenant_id and c.id = t.counter_id
      where t.tenant_id = ${tenantId} and t.id = ${ticketId}`),
  );
  return row ? toPublic(row) : null;
}

/** Event kinds after which the other waiting tickets' estimates are unchanged (not pushed to every holder). */
const estimateNeutralKinds: ReadonlySet<string> = new Set(["ISSUED", "UPDATED", "TICKET_ESCALATED"]);

/** Most waiting tickets whose holders get a live position update after one event (beyond: on their next read). */
export const maxPositionUpdates = 2000;

/** Every waiting ticket of a line with its position, as holders see it. */
async function waitingPublicTickets(tx: Tx, tenantId: string, lineId: string): Promise<(PublicTicketView & { id: string })[]> {
  const rows = rowsOf<PublicRow>(
    await tx.execute(sql`
      select ${publicColumns}, row_number() over (order by t.sort_key, t.id)::int as position
      from tickets t
      join lines l on l.tenant_id = t.tenant_id and l.id = t.line_id
      left join counters c on c.tenant_id = t.tenant_id and c.id = t.counter_id
      where t.tenant_id = ${tenantId} and t.line_id = ${lineId} and t.status = 'WAITING'
      order by t.sort_key, t.id
      limit ${maxPositionUpdates}`),
  );
  return rows.map((r) => ({ ...toPublic(r), id: r.id }));
}

/**
 * The publications of one event on a line: the line's topic, the activity topic of every tenant on the line's
 * tenant path (so `tenantActivity` of an ancestor sees its whole subtree), the ticket's own topic, and — when
 * the event moved other tickets (`positionsChanged`) — the topic of every waiting ticket, so positions update
 * live for everyone behind a called ticket. Estimates are recomputed once per event (one snapshot of the line)
 * and carried by every payload; when customers see estimates, every waiting ticket's holder gets the new one.
 */
export async function lineEventPublications(
  tx: Tx,
  tenantPath: readonly string[],
  tenantId: string,
  lineId: string,
  kind: string,
  ticket: TicketView | null,
  options: { positionsChanged?: boolean } = {},
): Promise<Publication[]> {
  const estimates = await estimateLine(tx, tenantId, lineId);
  const stats: LineStatsView = { ...(await lineStats(tx, tenantId, lineId)), estimatedWaitSeconds: estimates?.estimatedWaitSeconds ?? null };
  const eventTicket = ticket ? { ...ticket, estimate: estimates?.byTicket.get(ticket.id) ?? null } : null;
  const event: LineEventView = { kind, tenantId, lineId, at: new Date().toISOString(), ticket: eventTicket, stats };
  const out: Publication[] = [{ topic: topics.line(tenantId, lineId), payload: event }];
  for (const ancestorOrSelf of tenantPath) out.push({ topic: topics.activity(ancestorOrSelf), payload: event });
  if (ticket) {
    const own = await publicTicket(tx, tenantId, ticket.id);
    if (own) out.push({ topic: topics.ticket(tenantId, ticket.id), payload: { ...own, estimate: estimates?.forCustomer(ticket.id) ?? null } });
  }
  // A new ticket joins at the back and an edit or an escalation changes no one's wait: the others' estimates
  // stand, so only events that can move them reach every waiting holder.
  const estimatesMoved = estimates?.visibleToCustomers === true && !estimateNeutralKinds.has(kind);
  if (options.positionsChanged || estimatesMoved) {
    for (const waiting of await waitingPublicTickets(tx, tenantId, lineId)) {
      if (waiting.id === ticket?.id) continue;
      const { id, ...view } = waiting;
      out.push({ topic: topics.ticket(tenantId, id), payload: { ...view, estimate: estimates?.forCustomer(id) ?? null } });
    }
  }
  return out;
}

/**
 * Publishes in order. Issued together: ioredis sends them in order on its one publisher connection (and
 * pipelines them), and the in-memory engine delivers synchronously.
 */
export async function publishAll(pubsub: QlinePubSub, publications: readonly Publication[]): Promise<void> {
  await Promise.all(publications.map((p) => pubsub.publish(p.topic, p.payload)));
}
