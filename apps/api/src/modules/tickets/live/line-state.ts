/**
 * The one owner of each line's live state in this process: its waiting count, who is at the counters, every
 * waiting ticket's place and estimate, and the number of the line's last event they reflect. Computed once per
 * change (coalesced under bursts) and reused by everything that shows the line: event publications, the board
 * query (`Line.waitingCount`, `Ticket.estimate`, …), the customer's ticket, subscriptions and message rendering.
 *
 * A state is computed by a refresh: read the line and its snapshot in one short transaction (the database's
 * clock), commit, run the line's estimator outside any transaction (a WEBHOOK estimator calls the tenant's server
 * here, holding no connection and no lock), then record what the refresh decided — the issue-time estimates of new
 * tickets, "almost your turn" messages, a webhook fallback — in another short transaction.
 *
 * Each line has at most one refresh running in this process. A caller joins the next refresh that has not started
 * yet (it sees every change committed before the call), and all callers that joined share its one result; a line's
 * refreshes run one after another, so its events leave this process in order. A state is reused while it reflects
 * at least the event number the caller knows of and is younger than `lineStateCache.maxAgeMs` (estimates age
 * with the clock even when nothing happens).
 *
 * Mutations answer once their transaction commits (`publishAfterCommit` returns at once); their events are
 * published by the line's next refresh, off the request path.
 */
import { and, eq, sql } from "drizzle-orm";
import { lines, type Database, type Tx } from "@qline/db";
import { systemDoor } from "../../../context/doors.js";
import { estimateFromSnapshot, type LineEstimates } from "../../estimates/estimates.service.js";
import { readLineState, type NowServing } from "../../estimates/estimates.snapshot.js";
import { recordAudit } from "../../audit/audit.service.js";
import { system } from "../../../context/actor.js";
import type { QlinePubSub } from "../../../pubsub/pubsub.js";
import { logger } from "../../../observability/logger.js";
import { almostThereCandidates, enqueueAlmostThere, wakeWorker } from "../../notifications/outbox.js";
import { eventPublications, type LineEvent } from "./events.js";
import { publicTickets, type PublicTicketView } from "../views.js";

type LineRow = typeof lines.$inferSelect;

/** What an event says about its line: how many wait, who is at the counters, the wait for joining now. */
export interface LineStats {
  waitingCount: number;
  nowServing: NowServing[];
  /** What a ticket issued now would wait (p50 seconds, staff view); null when the line cannot estimate. */
  estimatedWaitSeconds: number | null;
}

/** A line as one refresh found it. */
export interface LineState extends LineStats {
  tenantId: string;
  lineId: string;
  /** The number of the line's last event this state reflects (it may reflect later changes too). */
  seq: number;
  /** The database's clock when the line was read (ms since the epoch). */
  at: number;
  /** The waiting tickets' places and estimates: the window (`snapshotLimits.waitingMax` in queue order), extrapolated beyond. */
  estimates: LineEstimates;
  /** The line's "almost your turn" thresholds, from the same read. */
  notificationSettings: LineRow["notificationSettings"];
}

/** What one refresh gives: the state, and the holders' views of its events' tickets. */
interface Refreshed {
  state: LineState;
  holders: ReadonlyMap<string, PublicTicketView>;
}

/** How long a state is reused when no newer event is known (LINE_STATE_MAX_AGE_MS). */
export const lineStateCache = { maxAgeMs: 5000, maxLines: 10_000 };

interface Pending {
  /** Tickets issued since the last refresh, with their place at issue (their issue-time estimate is recorded). */
  issued: Map<string, number | null>;
  events: { event: LineEvent; pubsub: QlinePubSub }[];
  result: Promise<Refreshed | null>;
  start: (run: () => Promise<Refreshed | null>) => void;
}

interface Entry {
  tenantId: string;
  lineId: string;
  state: LineState | null;
  /** Process clock when `state` was computed (for its age). */
  computedAt: number;
  /** The newest event number this process knows was committed (its own events). */
  known: number;
  running: boolean;
  next: Pending | null;
}

export class LineStates {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Refreshes run so far (diagnostics and tests: how much coalescing saved). */
  refreshes = 0;

  constructor(private readonly db: Database) {}

  /** The line's state reflecting at least event `minSeq` (and every event this process committed); null for an unknown line. */
  current(tenantId: string, lineId: string, minSeq = 0): Promise<LineState | null> {
    const entry = this.entryOf(tenantId, lineId);
    const state = entry.state;
    if (state && state.seq >= Math.max(minSeq, entry.known) && Date.now() - entry.computedAt <= lineStateCache.maxAgeMs) return Promise.resolve(state);
    return this.join(entry).result.then((found) => found?.state ?? null);
  }

  /** The cached state, if any (no refresh): for readers inside a transaction, which must not wait for another. */
  peek(tenantId: string, lineId: string): LineState | null {
    return this.entries.get(`${tenantId}:${lineId}`)?.state ?? null;
  }

  /**
   * After commit: publishes `events` (in their order) with their lines' states after them, off the caller's path.
   * Returns at once; `idle()` waits for everything handed over so far.
   */
  publish(pubsub: QlinePubSub, events: readonly LineEvent[]): void {
    if (events.length === 0) return;
    for (const event of events) {
      const entry = this.entryOf(event.tenantId, event.lineId);
      entry.known = Math.max(entry.known, event.seq);
      const pending = this.join(entry, (next) => {
        next.events.push({ event, pubsub });
        if (event.issued && event.ticket) next.issued.set(event.ticket.id, event.ticket.position);
      });
      this.track(pending.result);
    }
  }

  /** Resolves when every refresh and publication started so far has finished (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track(promise: Promise<unknown>): void {
    if (this.inFlight.has(promise)) return;
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(promise);
    void settled.then(() => this.inFlight.delete(promise));
  }

  private entryOf(tenantId: string, lineId: string): Entry {
    const key = `${tenantId}:${lineId}`;
    let entry = this.entries.get(key);
    if (entry) {
      // Most recently used last: the first idle entry is the one evicted when there are too many.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry;
    }
    entry = { tenantId, lineId, state: null, computedAt: 0, known: 0, running: false, next: null };
    this.entries.set(key, entry);
    if (this.entries.size > lineStateCache.maxLines) {
      for (const [oldKey, old] of this.entries) {
        if (!old.running && !old.next) {
          this.entries.delete(oldKey);
          break;
        }
      }
    }
    return entry;
  }

  /** The line's next refresh (started at once when none runs); `add` puts what it must do in before it starts. */
  private join(entry: Entry, add?: (next: Pending) => void): Pending {
    const pending = (entry.next ??= newPending());
    add?.(pending);
    if (!entry.running) this.runNext(entry);
    return pending;
  }

  private runNext(entry: Entry): void {
    const pending = entry.next;
    if (!pending) return;
    entry.next = null;
    entry.running = true;
    this.refreshes++;
    pending.start(() => this.refresh(entry, pending));
    void pending.result
      .catch(() => undefined) // the callers see the error; the line's next refresh still runs
      .then(() => {
        entry.running = false;
        this.runNext(entry);
      });
  }

  private async refresh(entry: Entry, pending: Pending): Promise<Refreshed | null> {
    const { tenantId, lineId } = entry;
    let found: Awaited<ReturnType<typeof computeLineState>>;
    // The holders of the events' tickets the transactions did not have (their own topics), read with the line.
    const holderIds = [...new Set(pending.events.flatMap(({ event }) => (event.ticket && !event.own ? [event.ticket.id] : [])))];
    try {
      found = await computeLineState(this.db, tenantId, lineId, pending.issued, undefined, holderIds);
    } catch (error) {
      if (pending.events.length > 0) logger.error({ err: error, tenantId, lineId, events: pending.events.length }, "refreshing a line failed; its events were not published");
      throw error;
    }
    const state = found?.state ?? null;
    if (state && (!entry.state || state.seq >= entry.state.seq)) {
      entry.state = state;
      entry.computedAt = Date.now();
    }
    if (pending.events.length > 0) {
      if (!state) logger.warn({ tenantId, lineId }, "a line with events is gone; its events were not published");
      else await publishEvents(this.db, state, pending.events, found?.holders ?? new Map());
    }
    return found;
  }
}

function newPending(): Pending {
  let start!: Pending["start"];
  const result = new Promise<Refreshed | null>((resolve, reject) => {
    start = (run) => run().then(resolve, reject);
  });
  // A refresh nobody awaits any more must not surface as an unhandled rejection.
  result.catch(() => undefined);
  return { issued: new Map(), events: [], result, start };
}

/** Publishes a refresh's events in number order, each publisher's in one batch (one Redis pipeline). */
async function publishEvents(db: Database, state: LineState, events: readonly { event: LineEvent; pubsub: QlinePubSub }[], holders: ReadonlyMap<string, PublicTicketView>): Promise<void> {
  let queueClaimed = false; // one queue message per refresh, however many events joined it
  const claim = () => !queueClaimed && (queueClaimed = true);
  const sorted = [...events].sort((a, b) => a.event.seq - b.event.seq);
  const byPubSub = new Map<QlinePubSub, Promise<boolean>[]>();
  for (const { event, pubsub } of sorted) {
    const sent = byPubSub.get(pubsub) ?? [];
    for (const p of eventPublications(event, state, claim, holders)) sent.push(pubsub.publish(p.topic, p.payload));
    byPubSub.set(pubsub, sent);
  }
  await Promise.all([...byPubSub.values()].flat());
  // Messages the events queued leave now (the worker renders them with this state), not at the next poll.
  if (events.some((e) => e.event.queuedMessages)) wakeWorker(db);
}

/** The line row (with its event number) and the database's clock, then the snapshot: one transaction, two statements. */
async function readLine(tx: Tx, tenantId: string, lineId: string, at?: number, holderIds: readonly string[] = []) {
  const [found] = await tx
    .select({ line: lines, now: sql<number>`(extract(epoch from clock_timestamp()) * 1000)::float8`.mapWith(Number) })
    .from(lines)
    .where(and(eq(lines.tenantId, tenantId), eq(lines.id, lineId)));
  if (!found) return null;
  const read = await readLineState(tx, tenantId, lineId, at ?? found.now);
  return { line: found.line, read, holders: await publicTickets(tx, tenantId, holderIds) };
}

/**
 * One refresh of a line, uncached: what the owner runs (tests call it with a fixed clock `at`). `issued`: tickets
 * (with their place at issue) whose estimate now becomes their issue-time estimate.
 */
export async function computeLineState(
  db: Database,
  tenantId: string,
  lineId: string,
  issued: Iterable<readonly [string, number | null]> = [],
  at?: number,
  holderIds: readonly string[] = [],
): Promise<Refreshed | null> {
  const found = await systemDoor(db, tenantId, (tx) => readLine(tx, tenantId, lineId, at, holderIds));
  if (!found) return null;
  const { line, read } = found;
  const { estimates, fallback } = await estimateFromSnapshot(line, read.snapshot, read.waitingCount); // no transaction open: may call the tenant's webhook
  const state: LineState = {
    tenantId,
    lineId,
    seq: line.eventSeq,
    at: read.snapshot.now,
    waitingCount: read.waitingCount,
    nowServing: read.nowServing,
    estimatedWaitSeconds: estimates.estimatedWaitSeconds,
    estimates,
    notificationSettings: line.notificationSettings,
  };
  await recordDecisions(db, state, issued, fallback);
  return { state, holders: found.holders };
}

/**
 * What a refresh decided, in one short transaction when there is anything: the issue-time estimates of tickets
 * issued since the last refresh, "almost your turn" messages for tickets that reached the line's threshold, and the
 * audit entry of a WEBHOOK estimator's first failure. A failure is logged: the next refresh of the line tries again.
 */
async function recordDecisions(db: Database, state: LineState, issued: Iterable<readonly [string, number | null]>, fallback: { reason: string } | null): Promise<void> {
  const { tenantId, lineId, estimates } = state;
  const candidates = almostThereCandidates(state.notificationSettings, estimates.waitingIds, (id) => estimates.byTicket.get(id)?.p50Seconds ?? null).filter(
    (id) => !almostThereSeen.has(`${tenantId}:${id}`),
  );
  const issuedRows = [...issued].flatMap(([id, position]) => {
    const e = estimates.forTicket(id, position);
    return e ? [sql`(${id}::uuid, ${Math.round(e.p50Seconds)}::int, ${Math.round(e.p90Seconds)}::int)`] : [];
  });
  if (candidates.length === 0 && issuedRows.length === 0 && !fallback) return;
  try {
    const queued = await systemDoor(db, tenantId, async (tx) => {
      if (fallback) {
        await recordAudit(tx, system, { tenantId, action: "line.estimator_fallback", targetType: "line", targetId: lineId, after: { reason: fallback.reason } });
      }
      if (issuedRows.length > 0) {
        // Issue-time estimates are analytics, not the record: their commit need not wait for the disk (a crash
        // can lose the last fraction of a second of them, never a ticket). Their own table, never the ticket
        // row: a lock on it would make a concurrent callNext pass over the ticket (SKIP LOCKED).
        await tx.execute(sql`set local synchronous_commit = off`);
        await tx.execute(sql`
          insert into ticket_estimates (tenant_id, ticket_id, p50_seconds, p90_seconds)
          select ${tenantId}::uuid, v.id, v.p50, v.p90 from (values ${sql.join(issuedRows, sql`, `)}) as v (id, p50, p90)
          on conflict do nothing`);
      }
      return candidates.length > 0 ? enqueueAlmostThere(tx, tenantId, candidates) : 0;
    });
    if (almostThereSeen.size > 100_000) almostThereSeen.clear();
    for (const id of candidates) almostThereSeen.add(`${tenantId}:${id}`);
    if (queued > 0) wakeWorker(db);
  } catch (error) {
    logger.error({ err: error, tenantId, lineId }, "recording a line refresh's decisions failed; the next refresh retries");
  }
}

/**
 * Tickets this process already queued "almost your turn" for (idempotent anyway by the outbox's unique
 * (ticket, ALMOST_THERE, channel)), so a busy line's refreshes do not write for the same front tickets again and again.
 */
const almostThereSeen = new Set<string>();

const owners = new WeakMap<Database, LineStates>();

/** The process's owner of line states for `db` (one per database handle: tests run several). */
export function lineStatesOf(db: Database): LineStates {
  let owner = owners.get(db);
  if (!owner) owners.set(db, (owner = new LineStates(db)));
  return owner;
}

/**
 * After a transaction that made line events committed: they are published with their lines' new states by the
 * lines' owner, off the request path. Never awaited by a mutation: it answers at commit.
 */
export function publishAfterCommit(target: { db: Database; pubsub: QlinePubSub }, events: readonly LineEvent[]): void {
  lineStatesOf(target.db).publish(target.pubsub, events);
}
