/**
 * One general job runner for qline's background work (the TTL job, the notification worker, the data-lifecycle job).
 *
 * Why our own and not graphile-worker or pg-boss: both need a real PostgreSQL server (LISTEN/NOTIFY, advisory
 * locks, their own schema migrated by a superuser-ish role) and neither runs on PGlite, the embedded database a
 * newcomer starts with. The pattern the TTL job already proved runs on both: due work is rows in an ordinary
 * tenant-owned table (RLS forced like every table); a SECURITY DEFINER function (the job's one cross-tenant
 * door) claims due rows with `FOR UPDATE SKIP LOCKED` and a lease, returning only ids; each item is then acted
 * on in its tenant's own transaction. Two processes never claim the same row at once (SKIP LOCKED), and a
 * process that dies leaves its rows to be reclaimed when the lease ends. Exactly-once is the job's own
 * business: the TTL job deletes its row in the action's transaction; the notification worker settles its row
 * in the same transaction that records the outcome (see modules/notifications/worker.ts).
 *
 * This file is only the loop: poll every `pollMs` (or at once after `kick()`), claim a batch, handle it with
 * up to `concurrency` items at a time, claim again while batches come back full, report each poll.
 */
import { AsyncResource } from "node:async_hooks";
import { logger } from "../observability/logger.js";

export interface JobPollOutcome {
  durationMs: number;
  /** Items whose handler reported work done. */
  actions: number;
  /** Items whose handler threw (their rows are retried after the lease). */
  failures: number;
  /** The claim itself failed. */
  failed: boolean;
}

export interface LeasedJobOptions<T> {
  /** For logs ("ttl", "notifications"). */
  name: string;
  /** Claims up to `limit` due items at `now` (ms epoch) with a lease of `leaseSeconds`. */
  claim: (now: number, limit: number, leaseSeconds: number) => Promise<T[]>;
  /** Acts on one claimed item; true when it did something (counted), false when there was nothing to do. */
  handle: (item: T) => Promise<boolean>;
  describe?: (item: T) => string;
  /** Poll interval; default 5 s. */
  pollMs?: number;
  /** The clock (ms epoch); default Date.now. */
  now?: () => number;
  /** Items claimed per poll (more are taken on the same poll while batches come back full). */
  batchSize?: number;
  /** How long a claim holds before another process may take the item over. */
  leaseSeconds?: number;
  /** Items handled at once (default 1: in claim order). */
  concurrency?: number;
  /** Start polling (default true); false: only `runOnce` (tests). */
  autoStart?: boolean;
  log?: (message: string, error?: unknown) => void;
  onPoll?: (outcome: JobPollOutcome) => void;
}

export interface LeasedJob {
  /** One poll: claims due items and handles them; returns how many handlers did something. */
  runOnce(): Promise<number>;
  /** Poll soon (after a commit that made work due), instead of at the next interval. */
  kick(): void;
  stop(): Promise<void>;
}

export function startLeasedJob<T>(options: LeasedJobOptions<T>): LeasedJob {
  const pollMs = options.pollMs ?? 5000;
  const now = options.now ?? Date.now;
  const batchSize = options.batchSize ?? 100;
  const leaseSeconds = options.leaseSeconds ?? 60;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const log = options.log ?? ((message, error) => logger.error({ err: error }, message));
  const describe = options.describe ?? (() => "item");
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;
  let kicked = false;

  const handleAll = async (items: T[]): Promise<{ actions: number; failures: number }> => {
    let actions = 0;
    let failures = 0;
    let next = 0;
    const lane = async () => {
      while (next < items.length) {
        const item = items[next++]!;
        try {
          if (await options.handle(item)) actions++;
        } catch (error) {
          failures++;
          log(`[${options.name}] ${describe(item)} failed (retried after the lease):`, error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
    return { actions, failures };
  };

  const poll = async (): Promise<JobPollOutcome> => {
    const start = performance.now();
    let actions = 0;
    let failures = 0;
    try {
      for (;;) {
        kicked = false;
        const claimed = await options.claim(now(), batchSize, leaseSeconds);
        const done = await handleAll(claimed);
        actions += done.actions;
        failures += done.failures;
        if ((claimed.length < batchSize && !kicked) || stopped) return { durationMs: performance.now() - start, actions, failures, failed: false };
      }
    } catch (error) {
      const outcome = { durationMs: performance.now() - start, actions, failures, failed: true };
      options.onPoll?.(outcome);
      throw error;
    }
  };
  const runOnce = async (): Promise<number> => {
    const outcome = await poll();
    options.onPoll?.(outcome);
    return outcome.actions;
  };

  // Polls run in the job's own async context, never in that of the request whose commit kicked it: a request's
  // deadline (AsyncLocalStorage, packages/db deadline.ts) would otherwise follow every later poll through the
  // timer chain, and once it passed every claim would fail with DeadlineExceededError — the worker stalled for good.
  const home = new AsyncResource("qline-leased-job");
  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => home.runInAsyncScope(tick), ms);
  };
  const tick = () => {
    timer = undefined;
    if (stopped) return;
    if (running) {
      kicked = true; // the running poll claims once more before it returns
      return;
    }
    running = runOnce()
      .catch((error: unknown) => {
        if (!stopped) log(`[${options.name}] poll failed:`, error);
        return 0;
      })
      .finally(() => {
        running = null;
        schedule(kicked ? 0 : pollMs);
      });
  };
  if (options.autoStart !== false) schedule(pollMs);

  return {
    runOnce,
    kick() {
      if (stopped || options.autoStart === false) return;
      if (running) kicked = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
