/**
 * Subscribing: authorize first (the same door as queries), then listen on a topic built from server-side data.
 * A failure here fails only that one operation; the WebSocket stays open for the client's other subscriptions.
 */
import { and, eq, sql } from "drizzle-orm";
import { col, decodeFirstRow, lines, z, type TicketStatus, type Tx } from "@qline/db";
import type { RequestContext } from "../../../context/context.js";
import { notFound } from "../../../errors/codes.js";
import { liveStream, type LiveStream } from "../../../pubsub/live-stream.js";
import { followAccess } from "../../../subscriptions/live-access.js";
import type { EstimateView } from "../../estimates/estimates.service.js";
import { terminalStatuses } from "../ticket-state.js";
import { publicTicket, type PublicTicketView } from "../views.js";
import { queueEstimateAt, statsOf, waitingWindow, type LineEventView, type QueueMovedView } from "./events.js";
import { lineStatesOf } from "./line-state.js";
import { orderedListen, seedOrder } from "./sequence.js";
import { topics } from "./topics.js";
import { locateTrackingCode, publicTenantDoor, reachableTenantOf, refuseUnavailableTenant, staffDoor } from "../../../context/doors.js";
import { isUuid } from "../../../context/access.js";

/**
 * The safety net under control events (subscriptions/live-access.ts), which end or re-check a stream the moment
 * access changes: should a control event be lost (a pub/sub outage), a live subscription still re-decides its
 * subscriber's access on the first event after this long.
 */
export const subscriptionRecheck = { intervalMs: 30_000 };

/**
 * Wraps a pub/sub iterator so that, on an event arriving after `intervalMs` since the last check, `check`
 * runs again; if it throws, the source is released and the error ends the subscription. `return` goes
 * straight to the source (an async generator would wait for the next event first and leak the listener).
 */
export function recheckingAccess<T>(source: AsyncIterator<T>, check: () => Promise<void>): AsyncIterableIterator<T> {
  let checkedAt = Date.now();
  const release = async () => {
    await source.return?.();
  };
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      const result = await source.next();
      if (!result.done && Date.now() - checkedAt >= subscriptionRecheck.intervalMs) {
        try {
          await check();
          checkedAt = Date.now();
        } catch (error) {
          await release();
          throw error;
        }
      }
      return result;
    },
    async return() {
      await release();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await release();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/** A fresh access decision (the request's cache would answer from the moment of subscribing). */
const fresh = (ctx: RequestContext): RequestContext => ({ ...ctx, accessCache: new Map() });

/** The first event of every lineUpdated stream, sent once it is live: what the line looks like now. */
export const SUBSCRIBED = "SUBSCRIBED";
/** Sent when the event stream came back after an outage (events may have been lost): what the line looks like now. */
export const RESYNCED = "RESYNCED";

/**
 * Listens first, then reads: the read is the stream's first value and every event published after the
 * listener was registered follows it, so a client that (re)subscribes can never miss a change made while its
 * subscription was being set up. If the read fails (no access), the listener is released. When pub/sub
 * recovers from an outage, the same read runs again (events arriving meanwhile wait behind it) and its value
 * is pushed; if it fails then (access lost meanwhile), the stream ends with that error.
 */
async function listenThenRead(
  ctx: RequestContext,
  stream: LiveStream<unknown>,
  topic: string,
  lineId: string,
  read: (why: "subscribed" | "recovered") => Promise<LineEventView>,
): Promise<AsyncIterableIterator<unknown>> {
  const held: unknown[] = [];
  let live = false;
  let readSeq = 0;
  // An event the read already reflects (its number is not above the read's) is not sent again.
  const pushEvent = (payload: unknown) => {
    if ((payload as Partial<LineEventView>).seq! > readSeq) stream.push(payload);
  };
  stream.onReturn(await orderedListen(ctx.pubsub, topic, "consecutive", (payload) => (live ? pushEvent(payload) : held.push(payload))));
  const pushRead = async (why: "subscribed" | "recovered") => {
    live = false;
    try {
      const view = await read(why);
      readSeq = view.seq;
      seedOrder(ctx.pubsub, topic, lineId, view.seq);
      stream.push(view);
    } catch (error) {
      stream.end(why === "recovered" ? error : undefined);
      throw error;
    } finally {
      live = true;
      for (const payload of held.splice(0)) pushEvent(payload);
    }
  };
  await pushRead("subscribed");
  stream.onReturn(ctx.pubsub.onRecovered(() => void pushRead("recovered").catch(() => undefined)));
  return stream.iterator;
}

export async function subscribeLine(ctx: RequestContext, lineId: string): Promise<AsyncIterable<unknown>> {
  const tenantId = await reachableTenantOf(ctx, { kind: "line", id: lineId });
  // display:read, not just lines:read: events carry tickets (their personal fields need tickets:read, context/personal-data.ts).
  // Answers the line's event number (and authorizes); the line itself comes from its live state.
  const check = (c: RequestContext) =>
    staffDoor(c, tenantId, "display:read", async (tx) => {
      const [line] = await tx.select({ seq: lines.eventSeq }).from(lines).where(and(eq(lines.tenantId, tenantId), eq(lines.id, lineId)));
      if (!line) throw notFound("Line");
      return line.seq;
    });
  const live = liveStream<unknown>();
  await followAccess(ctx, live, { tenantId, recheck: async () => void (await check(fresh(ctx))) });
  const stream = await listenThenRead(ctx, live, topics.line(tenantId, lineId), lineId, async (why): Promise<LineEventView> => {
    const seq = await check(why === "subscribed" ? ctx : fresh(ctx));
    const state = await lineStatesOf(ctx.db).current(tenantId, lineId, seq);
    if (!state) throw notFound("Line");
    return {
      kind: why === "subscribed" ? SUBSCRIBED : RESYNCED,
      tenantId,
      lineId,
      seq,
      at: new Date(state.at).toISOString(),
      ticket: null,
      stats: statsOf(state),
      waiting: waitingWindow(state),
    };
  });
  return recheckingAccess(stream, async () => void (await check(fresh(ctx))));
}

/** Positions in a queue event by ticket id, built once per event however many subscribers read it. */
const positionIndexes = new WeakMap<QueueMovedView, Map<string, number>>();
function indexInQueue(view: QueueMovedView, ticketId: string): number | undefined {
  let index = positionIndexes.get(view);
  if (!index) positionIndexes.set(view, (index = new Map(view.order.map((id, i) => [id, i]))));
  return index.get(ticketId);
}

const sameEstimate = (a: EstimateView | null | undefined, b: EstimateView | null | undefined) =>
  (a ?? null) === (b ?? null) || (!!a && !!b && a.p50Seconds === b.p50Seconds && a.p90Seconds === b.p90Seconds && a.basis === b.basis);

/**
 * Public: the tracking code is the capability; topics are the ticket's tenant, id and line from the lookup.
 * The stream starts with the ticket as it is now, then follows its own events and, while it waits, the
 * line's queue events (one per change for the whole line), from which its new position and estimate are
 * derived here. Each value is the whole current view, so a slow reader keeps only the newest few; the stream
 * completes after a terminal status.
 */
export async function subscribeTicket(ctx: RequestContext, code: string): Promise<AsyncIterable<unknown>> {
  const found = await locateTrackingCode(ctx, code);
  if (!found) throw notFound("Ticket");
  const { tenantId, ticketId } = found;
  const inTicketTenant = <T>(fn: (tx: Tx) => Promise<T>) => publicTenantDoor(ctx, tenantId, fn);
  const readNow = () => holderNow(ctx, tenantId, ticketId);

  const stream = liveStream<PublicTicketView>({ maxBuffered: 16, overflow: "drop-oldest" });
  let current: PublicTicketView | null = null;
  const held: (() => void)[] = [];
  let resyncing = false;
  let queueLineId: string | null = null;
  let stopQueue: (() => void) | null = null;
  // The event numbers the stream has shown: the ticket's own events and queue messages at or below them are
  // already in what was shown (a read, or a later event), so they are not applied again. Per line: a transfer
  // starts the new line's numbers.
  let ownSeq = 0;
  let queueSeq = 0;
  let seqLineId: string | null = null;
  /** Whether `view` is already in what the stream showed (then it is skipped); otherwise it becomes the newest shown. */
  const alreadyShown = (view: { lineId: string; seq: number }, kind: "read" | "own" | "queue"): boolean => {
    if (view.lineId !== seqLineId) {
      seqLineId = view.lineId;
      ownSeq = queueSeq = 0;
    }
    if (kind === "own" && view.seq <= ownSeq) return true;
    if (kind === "queue" && view.seq <= queueSeq) return true;
    if (kind !== "queue") ownSeq = Math.max(ownSeq, view.seq);
    queueSeq = Math.max(queueSeq, view.seq);
    return false;
  };
  const emit = (view: PublicTicketView) => {
    current = view;
    stream.push(view);
    if (terminalStatuses.has(view.status as TicketStatus)) stream.end();
    else if (view.lineId !== queueLineId) void followQueue(view.lineId); // transferred
  };
  const onQueue = (payload: unknown) => {
    const apply = () => {
      const view = payload as QueueMovedView;
      if (!current || current.status !== "WAITING" || view.lineId !== current.lineId) return;
      if (alreadyShown(view, "queue")) return;
      const index = indexInQueue(view, ticketId);
      if (index === undefined) return; // beyond the first maxPositionUpdates, or leaving (its own event follows)
      const estimate = queueEstimateAt(view, index);
      if (current.position === index + 1 && sameEstimate(current.estimate, estimate)) return;
      emit({ ...current, position: index + 1, estimate });
    };
    if (current && !resyncing) apply();
    else held.push(apply);
  };
  const followQueue = async (lineId: string) => {
    queueLineId = lineId;
    stopQueue?.();
    const stop = await orderedListen(ctx.pubsub, topics.queue(tenantId, lineId), "newest", onQueue);
    if (stream.ended || queueLineId !== lineId) stop();
    else stopQueue = stop;
  };
  stream.onReturn(() => stopQueue?.());
  await followAccess(ctx, stream, { tenantId }); // public: only suspension ends it

  stream.onReturn(
    await orderedListen(ctx.pubsub, topics.ticket(tenantId, ticketId), "newest", (payload) => {
      const view = payload as PublicTicketView;
      const apply = () => {
        if (!alreadyShown(view, "own")) emit(view);
      };
      if (current && !resyncing) apply();
      else held.push(apply);
    }),
  );
  try {
    const lineId = await inTicketTenant(async (tx) => {
      await refuseUnavailableTenant(tx, tenantId);
      return decodeFirstRow(z.object({ line_id: col.uuid }), await tx.execute(sql`select line_id from tickets where tenant_id = ${tenantId} and id = ${ticketId}`))?.line_id;
    });
    if (!lineId) throw notFound("Ticket");
    await followQueue(lineId);
    const now = await readNow();
    if (!now) throw notFound("Ticket");
    alreadyShown(now, "read");
    emit(now);
  } catch (error) {
    stream.end();
    throw error;
  }
  for (const apply of held.splice(0)) apply();
  // After a pub/sub outage: the ticket as it is now (events meanwhile wait behind the read, as when subscribing).
  stream.onReturn(
    ctx.pubsub.onRecovered(() => {
      resyncing = true;
      void readNow()
        .then((now) => {
          resyncing = false;
          if (now) {
            alreadyShown(now, "read");
            emit(now);
          }
          else stream.end(notFound("Ticket"));
          for (const apply of held.splice(0)) apply();
        })
        .catch((error: unknown) => {
          resyncing = false;
          stream.end(error);
        });
    }),
  );
  return stream.iterator;
}

/** Everything on lines of the tenant's subtree (events are published to the activity topic of each ancestor). */
export async function subscribeTenantActivity(ctx: RequestContext, tenantId: string): Promise<AsyncIterable<unknown>> {
  if (!isUuid(tenantId)) throw notFound("Tenant");
  const check = (c: RequestContext) => staffDoor(c, tenantId, "display:read", async (_tx, access) => access);
  const stream = liveStream<unknown>();
  const recheck = async () => {
    await check(fresh(ctx));
  };
  await followAccess(ctx, stream, { tenantId, recheck });
  try {
    await check(ctx);
  } catch (error) {
    stream.end();
    throw error;
  }
  stream.onReturn(await orderedListen(ctx.pubsub, topics.activity(tenantId), "consecutive", (payload) => stream.push(payload)));
  return recheckingAccess(stream.iterator, recheck);
}

/**
 * The ticket as its holder sees it now: one short read, then its place and estimate from the line's live state
 * (no estimator run per subscriber: a line's whole audience re-subscribing costs one state).
 */
async function holderNow(ctx: RequestContext, tenantId: string, ticketId: string): Promise<PublicTicketView | null> {
  const view = await publicTenantDoor(ctx, tenantId, async (tx) => {
    await refuseUnavailableTenant(tx, tenantId);
    return publicTicket(tx, tenantId, ticketId);
  });
  if (!view) return null;
  if (view.status !== "WAITING") return { ...view, estimate: null };
  const state = await lineStatesOf(ctx.db).current(tenantId, view.lineId, view.seq);
  return { ...view, estimate: state?.estimates.forCustomer(ticketId, view.position) ?? null };
}
