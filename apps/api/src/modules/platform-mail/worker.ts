/**
 * The platform mail worker: delivers `platform_mail` in every API process, on the general job runner.
 * 1. claim through `app.claim_platform_mail` (SKIP LOCKED + lease; the row is SENDING with one more attempt);
 * 2. outside any transaction: the SMTP call, Message-ID `<id@qline>` (a retry after a crash carries the same id);
 * 3. settle through `app.settle_platform_mail`: SENT, RETRYING (exponential backoff like notifications), or DEAD
 *    (SMTP 5xx, or the last attempt). SENT and DEAD erase the body, which holds a one-time link.
 */
import { sql } from "drizzle-orm";
import { col, decodeRows, z, type Database } from "@qline/db";
import type { Config } from "../../env.js";
import { startLeasedJob, type LeasedJob } from "../../jobs/runner.js";
import { logger } from "../../observability/logger.js";
import { platformEmailSender, type PlatformEmailSender } from "../notifications/channels/smtp.js";
import type { DevSinks } from "../notifications/dev-sinks.js";
import { retryDelayMs } from "../notifications/worker.js";
import { registerPlatformMailWake } from "./outbox.js";
import { lookupDoor } from "../../context/doors.js";

const ClaimedMailRow = z.object({ id: col.uuid, kind: col.text, to_address: col.text, subject: col.text, body: col.text.nullable(), attempts: col.int });
type ClaimedMail = z.output<typeof ClaimedMailRow>;

export interface PlatformMailWorkerOptions {
  now?: () => number;
  pollMs?: number;
  /** false: only `runOnce` (tests). */
  autoStart?: boolean;
  /** Log each delivered mail with its text (dev sinks only: the text holds a one-time link). */
  logDelivered?: boolean;
}

export interface PlatformMailRuntime {
  job: LeasedJob | null;
  close(): Promise<void>;
}

/**
 * The process's platform mail worker, sending through PLATFORM_SMTP_URL / the notification SMTP settings, or the
 * dev SMTP sink when this process runs the dev sinks. Without any SMTP: no worker (mail waits in the outbox).
 */
export function startPlatformMail(db: Database, config: Config, devSinks: DevSinks | null, options: PlatformMailWorkerOptions | false = {}): PlatformMailRuntime {
  if (options === false) return { job: null, close: async () => {} };
  const smtp = devSinks ? { host: devSinks.smtp.host, port: devSinks.smtp.port, secure: false, user: undefined, password: undefined } : config.platformMail.smtp;
  if (!smtp) {
    logger.warn("platform mail: no SMTP configured (PLATFORM_SMTP_URL or SMTP_*): invitations and password resets wait in the outbox");
    return { job: null, close: async () => {} };
  }
  const sender = platformEmailSender(smtp, config.platformMail.from, config.notifications.sendTimeoutMs);
  // The dev sink has no inbox a newcomer can open before signing in: the console log shows the link instead.
  const job = startPlatformMailWorker(db, sender, config, { ...options, ...(devSinks ? { logDelivered: true } : {}) });
  return {
    job,
    async close() {
      await job.stop();
      await sender.close();
    },
  };
}

export function startPlatformMailWorker(db: Database, sender: PlatformEmailSender, config: Config, options: PlatformMailWorkerOptions = {}): LeasedJob {
  const now = options.now ?? Date.now;
  const { maxAttempts, retryBaseMs, sendTimeoutMs } = config.notifications;
  const leaseSeconds = Math.max(60, Math.ceil((2 * sendTimeoutMs) / 1000));
  const settle = (id: string, attempt: number, status: "SENT" | "RETRYING" | "DEAD", error: string | null, nextAt: Date | null) =>
    lookupDoor(db, (tx) =>
      tx.execute(sql`select app.settle_platform_mail(${id}::uuid, ${attempt}, ${status}, ${error}, ${nextAt?.toISOString() ?? null}::timestamptz)`),
    );
  const job = startLeasedJob<ClaimedMail>({
    name: "platform-mail",
    pollMs: options.pollMs ?? config.platformMail.pollMs,
    now,
    leaseSeconds,
    batchSize: 20,
    concurrency: 4,
    autoStart: options.autoStart ?? true,
    describe: (m) => `platform mail ${m.id}`,
    claim: (at, limit, lease) =>
      lookupDoor(db, async (tx) =>
        decodeRows(ClaimedMailRow, await tx.execute(sql`select * from app.claim_platform_mail(${new Date(at).toISOString()}::timestamptz, ${limit}, ${lease})`)),
      ),
    handle: async (mail) => {
      if (mail.body === null) {
        await settle(mail.id, mail.attempts, "DEAD", "no body to send", null);
        return true;
      }
      const result = await sender.send({ id: mail.id, to: mail.to_address, subject: mail.subject, body: mail.body });
      if (result.ok) {
        await settle(mail.id, mail.attempts, "SENT", null, null);
        if (options.logDelivered) logger.info({ to: mail.to_address, subject: mail.subject, text: mail.body }, "dev mailbox: platform mail delivered");
      }
      else if (!result.retryable || mail.attempts >= maxAttempts) {
        logger.warn({ mailId: mail.id, kind: mail.kind, error: result.message }, "platform mail given up");
        await settle(mail.id, mail.attempts, "DEAD", result.message, null);
      } else await settle(mail.id, mail.attempts, "RETRYING", result.message, new Date(now() + retryDelayMs(mail.attempts, retryBaseMs)));
      return true;
    },
  });
  registerPlatformMailWake(db, () => job.kick());
  const stop = job.stop.bind(job);
  return {
    ...job,
    async stop() {
      registerPlatformMailWake(db, null);
      await stop();
    },
  };
}
