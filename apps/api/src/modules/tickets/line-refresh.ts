/**
 * After-commit line refreshes, coalesced per line. An event's publications carry the line's stats and
 * estimates as they are after the event; building them reads a snapshot of the line (up to
 * `snapshotLimits.waitingMax` waiting tickets) and runs its estimator. Under a burst on one line (staff at
 * 16 counters calling next on a 50,000-deep queue) doing that once per event is most of the work, and every
 * result but the newest is stale by the time it is published.
 *
 * So each process runs at most one refresh of a line at a time. A caller (after its own commit) joins the
 * next refresh that has not started yet — started after the call, it sees the caller's change — and every
 * caller that joined it shares its one result. A line's refreshes run one after another, so the events of
 * one line leave in commit order.
 *
 * The refresh reads in its own transaction scoped to the line's tenant as the system (like the TTL job): it
 * serves every joined caller's events, whoever they were, and reads nothing a subscriber is not re-checked for.
 */
import { sql } from "drizzle-orm";
import { withTenantTx, type Database, type Tx } from "@qline/db";
import { estimateLine, type LineEstimates } from "../estimates/estimates.service.js";
import type { QlinePubSub } from "../../pubsub/pubsub.js";
import { logger } from "../../observability/logger.js";
import { eventPublications, publishAll, type LineEvent, type RefreshedLine } from "./tickets.events.js";
import { almostThereCandidates, enqueueAlmostThere, wakeWorker } from "../notifications/outbox.js";

interface Pending {
  /** Tickets whose estimate, as this refresh computes it, is stored as their issue-time estimate. */
  issued: Set<string>;
  result: Promise<RefreshedLine>;
  settle: (run: () => Promise<RefreshedLine>) => void;
}

interface LineState {
  running: boolean;
  next: Pending | null;
}

export class LineRefresher {
  private readonly lines = new Map<string, LineState>();
  /** Refreshes run so far (diagnostics and tests: how much coalescing saved). */
  runs = 0;

  constructor(private readonly db: Database) {}

  /**
   * The line after every change committed before this call. `issuedTicketId`: also store the estimate this
   * refresh gives that ticket as its issue-time estimate (analytics compares it with the wait it had).
   */
  refresh(tenantId: string, lineId: string, issuedTicketId: string | null = null): Promise<RefreshedLine> {
    const key = `${tenantId}:${lineId}`;
    let state = this.lines.get(key);
    if (!state) this.lines.set(key, (state = { running: false, next: null }));
    const pending = (state.next ??= newPending());
    if (issuedTicketId) pending.issued.add(issuedTicketId);
    if (!state.running) this.runNext(key, state, tenantId, lineId);
    return pending.result;
  }

  private runNext(key: string, state: LineState, tenantId: string, lineId: string): void {
    const pending = state.next;
    if (!pending) {
      this.lines.delete(key);
      return;
    }
    state.next = null;
    state.running = true;
    this.runs++;
    pending.settle(() => refreshLine(this.db, tenantId, lineId, [...pending.issued]));
    void pending.result
      .catch(() => undefined) // the callers see the error; the line's next refresh still runs
      .then(() => {
        state.running = false;
        this.runNext(key, state, tenantId, lineId);
      });
  }
}

function newPending(): Pending {
  let settle!: Pending["settle"];
  const result = new Promise<RefreshedLine>((resolve, reject) => {
    settle = (run) => run().then(resolve, reject);
  });
  // A refresh nobody awaits any more must not surface as an unhandled rejection.
  result.catch(() => undefined);
  return { issued: new Set(), result, settle };
}

async function refreshLine(db: Database, tenantId: string, lineId: string, issued: readonly string[]): Promise<RefreshedLine> {
  const { estimates, stats } = await withTenantTx(db, { tenantId, userId: null }, async (tx) => {
    const estimates = await estimateLine(tx, tenantId, lineId);
    if (!estimates) return { estimates, stats: { waitingCount: 0, nowServing: [], estimatedWaitSeconds: null } };
    await recordIssuedEstimates(tx, tenantId, issued, estimates);
    const stats = { waitingCount: estimates.waitingCount, nowServing: estimates.nowServing, estimatedWaitSeconds: estimates.estimatedWaitSeconds };
    return { estimates, stats };
  });
  if (estimates) await detectAlmostThere(db, tenantId, estimates);
  let queueClaimed = false; // one queue message per refresh, however many events joined it
  return {
    estimates,
    stats,
    claimQueueMessage: () => !queueClaimed && (queueClaimed = true),
  };
}

/**
 * "Almost your turn": the refresh already knows every waiting ticket's position and estimate, so it finds the
 * tickets at or under the line's threshold (position ≤ N or p50 ≤ M minutes) and queues their message in its
 * own short transaction — idempotent by the outbox's unique (ticket, ALMOST_THERE, channel). Tickets already
 * handled by this process are remembered, so a busy line's refreshes do not write for the same front tickets
 * again and again. A failure is logged: the next refresh of the line tries again.
 */
async function detectAlmostThere(db: Database, tenantId: string, estimates: NonNullable<Awaited<ReturnType<typeof estimateLine>>>): Promise<void> {
  const candidates = almostThereCandidates(estimates.notificationSettings, estimates.waitingIds, (id) => estimates.byTicket.get(id)?.p50Seconds ?? null).filter(
    (id) => !almostThereSeen.has(`${tenantId}:${id}`),
  );
  if (candidates.length === 0) return;
  try {
    const queued = await withTenantTx(db, { tenantId, userId: null }, (tx) => enqueueAlmostThere(tx, tenantId, candidates));
    if (almostThereSeen.size > 100_000) almostThereSeen.clear();
    for (const id of candidates) almostThereSeen.add(`${tenantId}:${id}`);
    if (queued > 0) wakeWorker(db);
  } catch (error) {
    logger.error({ err: error, tenantId }, "queueing almost-your-turn messages failed; the next refresh retries");
  }
}
const almostThereSeen = new Set<string>();

/** One statement for every ticket issued since the line's last refresh that now has an estimate. */
async function recordIssuedEstimates(tx: Tx, tenantId: string, ids: readonly string[], estimates: LineEstimates): Promise<void> {
  const rows = ids.flatMap((id) => {
    const e = estimates.byTicket.get(id);
    return e ? [sql`(${id}::uuid, ${Math.round(e.p50Seconds)}::int, ${Math.round(e.p90Seconds)}::int)`] : [];
  });
  if (rows.length === 0) return;
  // Issue-time estimates are analytics, not the record: their commit need not wait for the disk (a crash can
  // lose the last fraction of a second of them, never a ticket).
  await tx.execute(sql`set local synchronous_commit = off`);
  await tx.execute(sql`
    update tickets t set issued_p50_seconds = v.p50, issued_p90_seconds = v.p90
    from (values ${sql.join(rows, sql`, `)}) as v (id, p50, p90)
    where t.tenant_id = ${tenantId} and t.id = v.id and t.issued_p50_seconds is null`);
}

/**
 * Publishes events after their transaction committed: each line is refreshed once (joined with every other
 * caller's events of that line), then the publications leave in the events' order. A refresh that fails
 * does not fail the caller — its change is committed — so it is logged and that line's events are dropped
 * (a subscriber that misses one sees the next; live streams start from a fresh read).
 */
export async function announce(target: { db: Database; pubsub: QlinePubSub }, events: readonly LineEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (events.some((e) => e.queuedMessages)) wakeWorker(target.db); // its messages leave at once, not at the next poll
  const refresher = refresherOf(target.db);
  const refreshed = await Promise.all(
    events.map((e) =>
      refresher.refresh(e.tenantId, e.lineId, e.issued && e.ticket ? e.ticket.id : null).catch((error: unknown) => {
        logger.error({ err: error, tenantId: e.tenantId, lineId: e.lineId, event: e.kind }, "refreshing a line failed; its events were not published");
        return null;
      }),
    ),
  );
  await publishAll(
    target.pubsub,
    events.flatMap((e, i) => {
      const line = refreshed[i];
      return line ? eventPublications(e, line) : [];
    }),
  );
}

const refreshers = new WeakMap<Database, LineRefresher>();

/** The process's refresher for `db` (one per database handle: tests run several). */
export function refresherOf(db: Database): LineRefresher {
  let refresher = refreshers.get(db);
  if (!refresher) refreshers.set(db, (refresher = new LineRefresher(db)));
  return refresher;
}
