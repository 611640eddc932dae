/**
 * What subscribers receive, and on which topics. Topics carry the tenant id taken from the server-side lookup
 * (never from a client argument alone). An event is recorded in its transaction (`lineEvent`); after commit,
 * `announce` (line-refresh.ts) adds the line's stats and estimates and publishes JSON-safe payloads (they
 * cross Redis).
 */
import { sql } from "drizzle-orm";
import { rowsOf, type TicketChannel, type Tx } from "@qline/db";
import type { QlinePubSub } from "../../pubsub/pubsub.js";
import { estimateLine, type EstimateView, type LineEstimates } from "../estimates/estimates.service.js";
import { activeTicketsJson, nowServingOf, parseJson, snapshotLimits, type ActiveTuple, type NowServing } from "../estimates/estimates.snapshot.js";
import { runningLatePlacesSql } from "../tenants/remote-join-settings.js";

export const topics = {
  line: (tenantId: string, lineId: string) => `qline.line.${tenantId}.${lineId}`,
  ticket: (tenantId: string, ticketId: string) => `qline.ticket.${tenantId}.${ticketId}`,
  activity: (tenantId: string) => `qline.activity.${tenantId}`,
  /** Positions and estimates of a line's waiting tickets moved (server-side only: feeds ticketUpdated). */
  queue: (tenantId: string, lineId: string) => `qline.queue.${tenantId}.${lineId}`,
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
  /** In event payloads: the estimate as of the event, null when the line hides estimates from customers. */
  estimate?: EstimateView | null;
}

export interface LineStatsView {
  waitingCount: number;
  nowServing: NowServing[];
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

/** One statement: the waiting count and who is at the counters (the same list `readLineState` reads). */
export async function lineStats(tx: Tx, tenantId: string, lineId: string): Promise<LineStatsView> {
  const [row] = rowsOf<{ waiting_count: number; active: ActiveTuple[] | string }>(
    await tx.execute(sql`
      select (select count(*)::int from tickets where tenant_id = ${tenantId} and line_id = ${lineId} and status = 'WAITING') as waiting_count,
        ${activeTicketsJson(tenantId, lineId, snapshotLimits.nowServingMax)} as active`),
  );
  return { waitingCount: Number(row?.waiting_count ?? 0), nowServing: nowServingOf(parseJson(row?.active ?? [])) };
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
  channel: TicketChannel;
  tenant_slug: string;
  ran_late_at: unknown;
  running_late_places: number;
  notify_channels: string[] | string;
  push_enabled: boolean;
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
  channel: r.channel,
  tenantSlug: r.tenant_slug,
  ranLateAt: iso(r.ran_late_at),
  canRunLate: r.status === "WAITING" && r.ran_late_at == null,
  runningLatePlaces: Number(r.running_late_places),
  notify: pgTextArray(r.notify_channels),
  pushEnabled: Boolean(r.push_enabled),
  createdAt: iso(r.created_at)!,
  calledAt: iso(r.called_at),
  servedAt: iso(r.served_at),
  completedAt: iso(r.completed_at),
  endedAt: iso(r.ended_at),
});

const publicColumns = sql`t.id, t.tracking_code, t.number, t.status, t.line_id, l.name as line_name, c.name as counter_name,
  t.channel, tn.slug as tenant_slug, t.ran_late_at, ${runningLatePlacesSql} as running_late_places,
  t.notify_channels, t.push_subscription is not null as push_enabled,
  t.created_at, t.called_at, t.served_at, t.completed_at, t.ended_at`;

/** A text[] as a driver returns it: an array (pg, PGlite) or its literal "{A,B}". */
function pgTextArray(value: string[] | string | null | undefined): string[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "string" && value.length > 2) return value.slice(1, -1).split(",").filter(Boolean);
  return [];
}

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
      join tenants tn on tn.id = t.tenant_id
      join lines l on l.tenant_id = t.tenant_id and l.id = t.line_id
      left join counters c on c.tenant_id = t.tenant_id and c.id = t.counter_id
      where t.tenant_id = ${tenantId} and t.id = ${ticketId}`),
  );
  return row ? toPublic(row) : null;
}

/** The ticket as its holder sees it now, with the estimate they are shown, in one transaction. */
export async function publicTicketNow(tx: Tx, tenantId: string, ticketId: string): Promise<PublicTicketView | null> {
  const view = await publicTicket(tx, tenantId, ticketId);
  if (!view) return null;
  if (view.status !== "WAITING") return { ...view, estimate: null };
  const estimates = await estimateLine(tx, tenantId, view.lineId);
  return { ...view, estimate: estimates?.forCustomer(ticketId) ?? null };
}

/** Event kinds after which the other waiting tickets' estimates are unchanged (not pushed to every holder). */
const estimateNeutralKinds: ReadonlySet<string> = new Set(["ISSUED", "UPDATED", "TICKET_ESCALATED"]);

/** Most waiting tickets whose holders get a live position update after one event (beyond: on their next read). */
export const maxPositionUpdates = 2000;

/**
 * Published once per event on `topics.queue` when the event moved the waiting tickets' positions or
 * estimates — one message for the whole line, not one per ticket. Each `ticketUpdated` subscription finds
 * its own ticket in it and pushes the new position and estimate to its holder. It carries internal ticket ids
 * and never reaches a client as is.
 */
export interface QueueMovedView {
  lineId: string;
  at: string;
  /** Waiting ticket ids in queue order (position 1 first), the first `maxPositionUpdates`. */
  order: string[];
  /** `order.length` is every waiting ticket (a ticket not in it is no longer waiting). */
  complete: boolean;
  /** Customers' estimates in the same order as [p50, p90, basis] (null: none), or null when the line hides them. */
  estimates: ([number, number, string] | null)[] | null;
}

function queueMoved(lineId: string, estimates: LineEstimates): QueueMovedView {
  const order = estimates.waitingIds.slice(0, maxPositionUpdates);
  return {
    lineId,
    at: new Date().toISOString(),
    order,
    complete: order.length === estimates.waitingIds.length && estimates.waitingIds.length < snapshotLimits.waitingMax,
    estimates: estimates.visibleToCustomers
      ? order.map((id) => {
          const e = estimates.forCustomer(id);
          return e ? [e.p50Seconds, e.p90Seconds, e.basis] : null;
        })
      : null,
  };
}

/** The estimate `QueueMovedView.estimates` carries at `index`, as the API shows it (null when hidden or unknown). */
export function queueEstimateAt(view: QueueMovedView, index: number): EstimateView | null {
  const e = view.estimates?.[index];
  if (!e) return null;
  return { p50Seconds: e[0], p90Seconds: e[1], basis: e[2], reason: null };
}

/**
 * One event on a line, as its transaction saw it; published after commit by `announce` (line-refresh.ts),
 * which adds the line's stats and estimates as a refresh after the commit finds them.
 */
export interface LineEvent {
  tenantPath: readonly string[];
  tenantId: string;
  lineId: string;
  kind: string;
  ticket: TicketView | null;
  /** The event's ticket as its holder sees it (their own topic), read in the event's transaction. */
  own: PublicTicketView | null;
  /** The event moved other waiting tickets' positions (their holders get one queue message). */
  positionsChanged: boolean;
  /** Store the estimate the ticket gets now as its issue-time estimate (ISSUED). */
  issued: boolean;
  /** The event's transaction queued notifications: after commit this process's worker looks at once. */
  queuedMessages: boolean;
}

/**
 * An event of `kind` on a line, in its transaction: reads the ticket's holder view unless `own` is given.
 * Build it after the change, return it from the transaction, and `announce` it after commit.
 */
export async function lineEvent(
  tx: Tx,
  tenantPath: readonly string[],
  tenantId: string,
  lineId: string,
  kind: string,
  ticket: TicketView | null,
  options: { positionsChanged?: boolean; own?: PublicTicketView; issued?: boolean; queuedMessages?: number } = {},
): Promise<LineEvent> {
  const own = ticket ? (options.own ?? (await publicTicket(tx, tenantId, ticket.id))) : null;
  return { tenantPath, tenantId, lineId, kind, ticket, own, positionsChanged: options.positionsChanged ?? false, issued: options.issued ?? false, queuedMessages: (options.queuedMessages ?? 0) > 0 };
}

/** The holder's view of a ticket whose line (and counter) names and tenant policy the caller already has. */
export function holderView(
  ticket: TicketView,
  lineName: string,
  counterName: string | null,
  tenant: { slug: string; runningLatePlaces: number },
): PublicTicketView {
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

/** What a refresh of the event's line found (line-refresh.ts). */
export interface RefreshedLine {
  estimates: LineEstimates | null;
  stats: LineStatsView;
  claimQueueMessage(): boolean;
}

/**
 * The publications of one event: the line's topic, the activity topic of every tenant on the line's tenant
 * path (so `tenantActivity` of an ancestor sees its whole subtree), the ticket's own topic, and — when the
 * event moved other tickets (`positionsChanged`) or their estimates — one `QueueMovedView` on the line's
 * queue topic per refresh, from which every waiting ticket's subscription derives its holder's new position
 * and estimate. Stats and estimates are the refresh's: one snapshot of the line serves every event that
 * joined it.
 */
export function eventPublications(event: LineEvent, line: RefreshedLine): Publication[] {
  const { tenantId, lineId, kind, ticket, own } = event;
  const { estimates, stats } = line;
  const eventTicket = ticket ? { ...ticket, estimate: estimates?.byTicket.get(ticket.id) ?? null } : null;
  const payload: LineEventView = { kind, tenantId, lineId, at: new Date().toISOString(), ticket: eventTicket, stats };
  const out: Publication[] = [{ topic: topics.line(tenantId, lineId), payload }];
  for (const ancestorOrSelf of event.tenantPath) out.push({ topic: topics.activity(ancestorOrSelf), payload });
  if (ticket && own && own.lineId === lineId) {
    // Told once, by the event of the line the ticket is in (a transfer has one for the line it left too).
    // The refresh is newer than the event's transaction: a place it saw wins over the one read then.
    const index = estimates?.waitingIds.indexOf(ticket.id) ?? -1;
    const position = own.status === "WAITING" && index >= 0 ? index + 1 : own.position;
    out.push({ topic: topics.ticket(tenantId, ticket.id), payload: { ...own, position, estimate: estimates?.forCustomer(ticket.id) ?? null } });
  }
  // A new ticket joins at the back and an edit or an escalation changes no one's wait: the others' estimates
  // stand, so only events that can move them reach every waiting holder.
  const estimatesMoved = estimates?.visibleToCustomers === true && !estimateNeutralKinds.has(kind);
  if (estimates && (event.positionsChanged || estimatesMoved) && line.claimQueueMessage()) {
    out.push({ topic: topics.queue(tenantId, lineId), payload: queueMoved(lineId, estimates) });
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
