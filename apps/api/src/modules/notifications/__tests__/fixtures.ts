/** Shared setup of the notification tests: an API whose platform SMTP and Twilio are the (real) dev sinks. */
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { col, decodeRows, withTenantTx, z, type Database } from "@qline/db";
import type { TestDatabase } from "@qline/db/testing";
import { startTestApi, testConfig, type TestApi } from "../../../__tests__/harness.js";
import { startDevSinks, type DevSinks } from "../dev-sinks.js";
import { lineStatesOf } from "../../tickets/live/line-state.js";

export interface NotifyEnv {
  api: TestApi;
  sinks: DevSinks;
  /** The worker's clock: real time plus `skip` ms (tests jump over backoff and leases). */
  clock: { skip: number; now(): number };
  /** Polls the worker until a poll delivers nothing (each poll claims what is due, in order per ticket). */
  drain(): Promise<number>;
  close(): Promise<void>;
}

/** Polls the API's notification worker until a poll delivers nothing (each poll claims what is due, in order per ticket). */
export async function drainWorker(api: TestApi): Promise<number> {
  await lineStatesOf(api.database.db).idle(); // what the lines' refreshes queue after commit ("almost your turn")
  const worker = api.server.notifications.worker!;
  let total = 0;
  for (let i = 0; i < 20; i++) {
    const n = await worker.runOnce();
    total += n;
    if (n === 0) return total;
  }
  return total;
}

export async function startNotifyEnv(options: { database?: TestDatabase; allowHosts?: string[]; ttlNow?: () => number } = {}): Promise<NotifyEnv> {
  const sinks = await startDevSinks();
  const base = testConfig();
  const clock = {
    skip: 0,
    now() {
      return Date.now() + this.skip;
    },
  };
  const api = await startTestApi(
    {
      estimatorWebhookAllowHosts: options.allowHosts ?? [],
      notifications: {
        ...base.notifications,
        smtp: { host: sinks.smtp.host, port: sinks.smtp.port, secure: false, user: undefined, password: undefined },
        twilio: { accountSid: sinks.twilio.accountSid, authToken: sinks.twilio.authToken, from: sinks.twilio.from },
        twilioBaseUrl: sinks.twilio.baseUrl,
        retryBaseMs: 5000,
        sendTimeoutMs: 3000,
      },
    },
    {
      ...(options.database ? { database: options.database } : {}),
      ...(options.ttlNow ? { ttlJob: { autoStart: false, now: options.ttlNow } } : {}),
      notifications: { worker: { autoStart: false, now: () => clock.now(), random: () => 0.5 } } },
  );
  return {
    api,
    sinks,
    clock,
    drain: () => drainWorker(api),
    async close() {
      await api.close();
      await sinks.close();
    },
  };
}

const OutboxRow = z.object({
  id: col.uuid,
  ticket_id: col.uuid,
  trigger: col.text,
  channel: col.text,
  provider: col.text.nullable(),
  status: col.text,
  attempts: col.int,
  last_error: col.text.nullable(),
  recipient: col.text.nullable(),
  body: col.text.nullable(),
});
export type OutboxRow = z.output<typeof OutboxRow>;

/** The tenant's outbox rows (read in the tenant's scope, as the app role). */
export async function outbox(db: Database, tenantId: string, ticketId?: string): Promise<OutboxRow[]> {
  return withTenantTx(db, { tenantId, userId: null }, async (tx) =>
    decodeRows(
      OutboxRow,
      await tx.execute(
        sql`select id, ticket_id, trigger, channel, provider, status, attempts, last_error, recipient, body from notifications
            where tenant_id = ${tenantId} ${ticketId ? sql`and ticket_id = ${ticketId}` : sql``} order by seq`,
      ),
    ),
  );
}

export function only<T>(rows: T[], what: string): T {
  assert.equal(rows.length, 1, `expected exactly one ${what}, got ${JSON.stringify(rows)}`);
  return rows[0]!;
}
