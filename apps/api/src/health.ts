/**
 * Health endpoints. `/healthz` is liveness: the process answers (no I/O, so a database or Redis outage never
 * gets a healthy process restarted). `/readyz` is readiness: the database answers `select 1` and pub/sub
 * answers (Redis PING, subscriber connected), each within `timeoutMs`; 503 when either is down or the process
 * is draining, so a load balancer sends traffic elsewhere.
 */
import { sql } from "drizzle-orm";
import type { AppDatabase } from "@qline/db";
import type { QlinePubSub } from "./pubsub/pubsub.js";
import { withTimeout } from "./pubsub/pubsub.js";

export interface Readiness {
  ok: boolean;
  /** "ok", or why the dependency counts as down. */
  database: string;
  pubsub: string;
  draining: boolean;
}

const outcome = (check: Promise<unknown>): Promise<string> =>
  check.then(
    () => "ok",
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );

export async function readiness(options: { database: AppDatabase; pubsub: QlinePubSub; timeoutMs: number; draining: boolean }): Promise<Readiness> {
  const { database, pubsub, timeoutMs, draining } = options;
  const [db, ps] = await Promise.all([
    outcome(withTimeout(database.db.execute(sql`select 1`), timeoutMs, "database check")),
    outcome(pubsub.check(timeoutMs)),
  ]);
  return { ok: db === "ok" && ps === "ok" && !draining, database: db, pubsub: ps, draining };
}
