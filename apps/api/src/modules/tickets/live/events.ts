/**
 * A line's events: recorded and numbered in the transaction that makes them (`lineEvent`), published after
 * commit by the line's state owner (line-state.ts) with the line as it is after them. Payloads are JSON-safe
 * (they cross Redis).
 */
import type { Tx } from "@qline/db";
import type { EstimateView } from "../../estimates/estimates.service.js";
import type { PublicTicketView, TicketView } from "../views.js";
import { snapshotLimits } from "../../estimates/estimates.snapshot.js";
import { nextEventSeq } from "./sequence.js";
import { topics, type Publication } from "./topics.js";
import type { LineState, LineStats } from "./line-state.js";

/**
 * The front of the queue after an event, as staff see it: [ticket id, p50, p90, basis] in queue order (position 1
 * first; estimate parts null when the line cannot estimate).
 */
export type WaitingTuple = [string, number | null, number | null, string | null];

/** Most waiting tickets an event's `waiting` window carries (LineEvent.waiting's `first` is at most this). */
export const waitingWindowMax = 200;

/** What lineUpdated and tenantActivity subscribers receive. */
export interface LineEventView {
  kind: string;
  tenantId: string;
  lineId: string;
  /** The line's event number (SUBSCRIBED/RESYNCED: the line's current one). */
  seq: number;
  at: string;
  ticket: TicketView | null;
  stats: LineStats;
  waiting: WaitingTuple[];
}

/** Event kinds after which the other waiting tickets' estimates are unchanged (not pushed to every holder). */
const estimateNeutralKinds: ReadonlySet<string> = new Set(["ISSUED", "UPDATED", "TICKET_ESCALATED"]);

/** Most waiting tickets whose holders get a live position update after one event: the window (beyond: on their next read). */
export const maxPositionUpdates = snapshotLimits.waitingMax;

/**
 * Published once per event on `topics.queue` when the event moved the waiting tickets' positions or
 * estimates — one message for the whole line, not one per ticket. Each `ticketUpdated` subscription finds
 * its own ticket in it and pushes the new position and estimate to its holder. It carries internal ticket ids
 * and never reaches a client as is.
 */
export interface QueueMovedView {
  lineId: string;
  /** The number of the line's last event the message reflects. */
  seq: number;
  at: string;
  /** Waiting ticket ids in queue order (position 1 first), the first `maxPositionUpdates`. */
  order: string[];
  /** `order.length` is every waiting ticket (a ticket not in it is no longer waiting). */
  complete: boolean;
  /** Customers' estimates in the same order as [p50, p90, basis] (null: none), or null when the line hides them. */
  estimates: ([number, number, string] | null)[] | null;
}

function queueMoved(state: LineState): QueueMovedView {
  const { estimates } = state;
  const order = estimates.waitingIds.slice(0, maxPositionUpdates);
  return {
    lineId: state.lineId,
    seq: state.seq,
    at: new Date(state.at).toISOString(),
    order,
    complete: order.length === state.waitingCount,
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

/** Windows already built, one per state: every event and subscriber of one state shares it. */
const windows = new WeakMap<LineState, WaitingTuple[]>();

/** The front of the queue as an event carries it (built once per state; treat as read-only). */
export function waitingWindow(state: LineState): WaitingTuple[] {
  let window = windows.get(state);
  if (!window) {
    window = state.estimates.waitingIds.slice(0, waitingWindowMax).map((id): WaitingTuple => {
      const e = state.estimates.byTicket.get(id);
      return e ? [id, e.p50Seconds, e.p90Seconds, e.basis] : [id, null, null, null];
    });
    windows.set(state, window);
  }
  return window;
}

/** One event on a line, as its transaction saw it (numbered there); published after commit by the line's owner. */
export interface LineEvent {
  tenantPath: readonly string[];
  tenantId: string;
  lineId: string;
  /** The line's event number, taken in the event's transaction (consecutive per line, in commit order). */
  seq: number;
  kind: string;
  ticket: TicketView | null;
  /** The event's ticket as its holder sees it (their own topic), when the transaction had it; else the publisher reads it. */
  own: PublicTicketView | null;
  /** The event moved other waiting tickets' positions (their holders get one queue message). */
  positionsChanged: boolean;
  /** Store the estimate the ticket gets now as its issue-time estimate (ISSUED). */
  issued: boolean;
  /** The event's transaction queued notifications: after commit this process's worker looks at once. */
  queuedMessages: boolean;
}

export interface LineEventOptions {
  positionsChanged?: boolean;
  /** The holder's view when the caller has it already (a new ticket); otherwise the publisher reads it. */
  own?: Omit<PublicTicketView, "seq">;
  issued?: boolean;
  queuedMessages?: number;
  /** The line's event number when the caller took it already (`recordChange`); otherwise it is taken here. */
  seq?: number;
}

/**
 * An event of `kind` on a line, in its transaction, as its last step: takes the line's next event number unless
 * the caller did (which holds the line's row lock until commit, so numbers follow commit order). Return it from
 * the transaction and hand it to `publishAfterCommit`.
 */
export async function lineEvent(
  tx: Tx,
  tenantPath: readonly string[],
  tenantId: string,
  lineId: string,
  kind: string,
  ticket: TicketView | null,
  options: LineEventOptions = {},
): Promise<LineEvent> {
  const seq = options.seq ?? (await nextEventSeq(tx, tenantId, lineId));
  return {
    tenantPath,
    tenantId,
    lineId,
    seq,
    kind,
    ticket,
    own: options.own ? { ...options.own, seq } : null,
    positionsChanged: options.positionsChanged ?? false,
    issued: options.issued ?? false,
    queuedMessages: (options.queuedMessages ?? 0) > 0,
  };
}

/** The stats an event carries. */
export const statsOf = (state: LineState): LineStats => ({ waitingCount: state.waitingCount, nowServing: state.nowServing, estimatedWaitSeconds: state.estimatedWaitSeconds });

/**
 * The publications of one event: the line's topic, the activity topic of every tenant on the line's tenant
 * path (so `tenantActivity` of an ancestor sees its whole subtree), the ticket's own topic, and — when the
 * event moved other tickets (`positionsChanged`) or their estimates — one `QueueMovedView` on the line's
 * queue topic per refresh, from which every waiting ticket's subscription derives its holder's new position
 * and estimate. Stats, window and estimates are the line's state after the event (one state serves every event
 * that joined its refresh).
 */
export function eventPublications(event: LineEvent, state: LineState, claimQueueMessage: () => boolean, holders: ReadonlyMap<string, PublicTicketView>): Publication[] {
  const { tenantId, lineId, kind, ticket, seq } = event;
  const read = ticket ? holders.get(ticket.id) : undefined;
  const own = event.own ?? (read ? { ...read, seq } : null);
  const { estimates } = state;
  const eventTicket = ticket ? { ...ticket, estimate: estimates.forTicket(ticket.id, ticket.position) } : null;
  const payload: LineEventView = { kind, tenantId, lineId, seq, at: new Date(state.at).toISOString(), ticket: eventTicket, stats: statsOf(state), waiting: waitingWindow(state) };
  const out: Publication[] = [{ topic: topics.line(tenantId, lineId), payload }];
  for (const ancestorOrSelf of event.tenantPath) out.push({ topic: topics.activity(ancestorOrSelf), payload });
  if (ticket && own && own.lineId === lineId) {
    // Told once, by the event of the line the ticket is in (a transfer has one for the line it left too).
    // The state is newer than the event's transaction: a place it saw wins over the one read then.
    const index = estimates.waitingIds.indexOf(ticket.id);
    const position = own.status === "WAITING" && index >= 0 ? index + 1 : own.position;
    out.push({ topic: topics.ticket(tenantId, ticket.id), payload: { ...own, position, estimate: estimates.forCustomer(ticket.id, position) } satisfies PublicTicketView });
  }
  // A new ticket joins at the back and an edit or an escalation changes no one's wait: the others' estimates
  // stand, so only events that can move them reach every waiting holder.
  const estimatesMoved = estimates.visibleToCustomers && !estimateNeutralKinds.has(kind);
  if ((event.positionsChanged || estimatesMoved) && claimQueueMessage()) {
    out.push({ topic: topics.queue(tenantId, lineId), payload: queueMoved(state) });
  }
  return out;
}
