/**
 * The notification worker: delivers the outbox, in every API process, on the general job runner (jobs/runner.ts).
 *
 * For each message claimed through the job's door (`app.claim_due_notifications`: SKIP LOCKED + lease, a
 * ticket's later message waits while an earlier one on the same channel is open):
 * 1. in the tenant's transaction: lock the row; render the template (unless an earlier attempt already did:
 *    every retry sends the same words) and resolve the recipient and provider; mark it SENDING with attempts+1
 *    and a lease; COMMIT;
 * 2. outside any transaction: the provider call (SMTP, Twilio, webhook, web push), with the row's id as the
 *    idempotency key (Message-ID, Idempotency-Key header);
 * 3. in another transaction: SENT, or RETRYING at now + backoff (exponential with ±20 % jitter), or DEAD
 *    (a 4xx from the provider, or the last attempt). Only the attempt that marked SENDING may settle the row.
 * A process that dies between 1 and 3 leaves a SENDING row; its lease runs out and another process sends again
 * with the SAME id: at most one SENT row, and a provider that honours the key delivers once (docs/notifications.md
 * "Exactly once" says what each provider does with it). Delivery never runs inside a ticket's transaction, so
 * it never delays or fails the change that caused it.
 */
import { and, eq, sql } from "drizzle-orm";
import {
  notifications,
  col,
  decodeFirstRow,
  decodeRows,
  z,
  type Database,
  type JsonObject,
  type NotificationChannel,
  type NotificationProviderName,
  type NotificationTrigger,
  type Tx,
} from "@qline/db";
import { lookupDoor, systemDoor } from "../../context/doors.js";
import type { NotificationConfig } from "../../env.js";
import { logger } from "../../observability/logger.js";
import { startLeasedJob, type LeasedJob } from "../../jobs/runner.js";
import { lineStatesOf, type LineStates } from "../tickets/live/line-state.js";
import { registerWorkerWake } from "./outbox.js";
import { readSecrets } from "./secrets.js";
import { readTenantNotificationSettings } from "./settings.js";
import { dropGonePushSubscription } from "./web-push.service.js";
import { effectiveTemplate, isLanguage, render, waitRange, type Language, type TemplateValues } from "./templates.js";
import { networkFailure, type ChannelSender, type OutgoingMessage, type ProviderRoute, type Recipient, type SendResult, type SenderRegistry } from "./channels/types.js";

export interface ClaimedNotification {
  tenantId: string;
  id: string;
}

export interface WorkerDeps {
  db: Database;
  senders: SenderRegistry;
  config: Pick<NotificationConfig, "maxAttempts" | "retryBaseMs" | "sendTimeoutMs" | "secretsKey" | "twilio">;
  /** QLINE_PUBLIC_URL: the ticket's tracking link. */
  publicUrl: string;
  now: () => number;
  leaseSeconds: number;
  /** Jitter source (tests pin it). */
  random?: () => number;
  /** Each settled attempt or skip (metrics). */
  onOutcome?: (channel: string, status: "SENT" | "RETRYING" | "DEAD" | "SKIPPED") => void;
}

const ClaimedRow = z.object({ tenant_id: col.uuid, id: col.uuid });
const EmailRow = z.object({ email: col.text });

/** Claims due messages across tenants through `app.claim_due_notifications` (the lookup door: ids only). */
export async function claimDueNotifications(db: Database, now: number, limit: number, leaseSeconds: number): Promise<ClaimedNotification[]> {
  const rows = await lookupDoor(db, async (tx) =>
    decodeRows(
      ClaimedRow,
      await tx.execute(sql`select tenant_id, id from app.claim_due_notifications(${new Date(now).toISOString()}::timestamptz, ${limit}, ${leaseSeconds})`),
    ),
  );
  return rows.map((r) => ({ tenantId: r.tenant_id, id: r.id }));
}

/** Exponential backoff with ±20 % jitter: base × 2^(attempt−1), at most one hour. */
export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const raw = Math.min(3_600_000, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

const TicketContextRow = z.object({
  status: col.text,
  number: col.text,
  tracking_code: col.text,
  language: col.text,
  phone: col.text.nullable(),
  email: col.text.nullable(),
  push_subscription: col.jsonObject.nullable(),
  line_id: col.uuid,
  line_name: col.text,
  line_estimator: col.text.nullable(),
  counter_name: col.text.nullable(),
  position: col.int.nullable(),
  issued_p50_seconds: col.int.nullable(),
  issued_p90_seconds: col.int.nullable(),
});
export type TicketContext = z.output<typeof TicketContextRow>;

export async function ticketContext(tx: Tx, tenantId: string, ticketId: string): Promise<TicketContext | null> {
  const row = decodeFirstRow(
    TicketContextRow,
    await tx.execute(sql`
      select t.status, t.number, t.tracking_code, t.language, t.phone, t.email, t.push_subscription, t.line_id,
        l.name as line_name, l.estimator as line_estimator, c.name as counter_name, e.p50_seconds as issued_p50_seconds, e.p90_seconds as issued_p90_seconds,
        case when t.status = 'WAITING' then (
          select count(*)::int + 1 from tickets w
          where w.tenant_id = t.tenant_id and w.line_id = t.line_id and w.status = 'WAITING' and (w.sort_key, w.id) < (t.sort_key, t.id)) end as position
      from tickets t
      join lines l on l.tenant_id = t.tenant_id and l.id = t.line_id
      left join counters c on c.tenant_id = t.tenant_id and c.id = t.counter_id
      left join ticket_estimates e on e.tenant_id = t.tenant_id and e.ticket_id = t.id
      where t.tenant_id = ${tenantId} and t.id = ${ticketId}`),
  );
  return row ?? null;
}

/** The ticket's customer page (the kiosk app's /ticket/<code>?t=<slug>). */
export const ticketLink = (publicUrl: string, code: string, slug: string) => `${publicUrl}/ticket/${encodeURIComponent(code)}?t=${encodeURIComponent(slug)}`;

/**
 * The customer's estimate as the line's live state has it (no refresh: this runs inside the tenant's transaction,
 * which must not wait for another). The refresh that published the message's event computed it just before
 * waking the worker; when this process has none, the issue-time estimate stands.
 */
function customerEstimate(states: LineStates, tenantId: string, lineId: string, ticketId: string, position: number | null): [number, number] | null {
  const e = states.peek(tenantId, lineId)?.estimates.forCustomer(ticketId, position);
  return e ? [e.p50Seconds, e.p90Seconds] : null;
}

/**
 * The values a ticket's message is rendered with (in the tenant's transaction; no network I/O). `{waitRange}`
 * is the line's estimate now (computed only when the template uses it), or the issue-time estimate when the
 * line asks the tenant's webhook (that would be network I/O).
 */
export async function ticketValues(
  tx: Tx,
  tenantId: string,
  ticketId: string,
  ticket: TicketContext,
  tenant: { name: string; slug: string },
  publicUrl: string,
  language: Language,
  needsWait = true,
  states: LineStates | null = null,
): Promise<TemplateValues> {
  let p50 = ticket.issued_p50_seconds;
  let p90 = ticket.issued_p90_seconds;
  if (needsWait && states && ticket.status === "WAITING") {
    const mine = customerEstimate(states, tenantId, ticket.line_id, ticketId, ticket.position);
    if (mine) [p50, p90] = mine;
  }
  return {
    number: ticket.number,
    line: ticket.line_name,
    counter: ticket.counter_name ?? (language === "de" ? "dem Schalter" : "the counter"),
    position: ticket.position == null ? "–" : String(ticket.position),
    waitRange: waitRange(p50, p90, language),
    link: ticketLink(publicUrl, ticket.tracking_code, tenant.slug),
    tenant: tenant.name,
  };
}

function providerFor(channel: NotificationChannel, smsRoute: string): NotificationProviderName {
  if (channel === "EMAIL") return "SMTP";
  if (channel === "PUSH") return "WEB_PUSH";
  return smsRoute === "WEBHOOK" ? "WEBHOOK" : "TWILIO";
}

interface Prepared {
  attempt: number;
  channel: NotificationChannel;
  ticketId: string | null;
  sender: ChannelSender;
  message: OutgoingMessage;
  recipient: Recipient;
}

type Settle = { status: "SKIPPED"; reason: string };

/** Step 1: render, resolve and mark SENDING (committed before any network I/O); null when there is nothing to send. */
async function prepare(deps: WorkerDeps, claimed: ClaimedNotification): Promise<Prepared | null> {
  const now = deps.now();
  return systemDoor(deps.db, claimed.tenantId, async (tx) => {
    const [n] = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.tenantId, claimed.tenantId), eq(notifications.id, claimed.id)))
      .for("update");
    if (!n || !["PENDING", "RETRYING", "SENDING"].includes(n.status)) return null; // settled meanwhile
    if (!n.leaseUntil || n.leaseUntil.getTime() <= now) return null; // our claim's lease ran out: someone else's now

    const skip = async (s: Settle): Promise<null> => {
      deps.onOutcome?.(n.channel, s.status);
      await tx
        .update(notifications)
        .set({ status: s.status, lastError: s.reason, leaseUntil: null, updatedAt: new Date(now) })
        .where(and(eq(notifications.tenantId, n.tenantId), eq(notifications.id, n.id)));
      return null;
    };

    const tenant = await readTenantNotificationSettings(tx, n.tenantId);
    const ticket = n.ticketId ? await ticketContext(tx, n.tenantId, n.ticketId) : null;
    if (!ticket) return skip({ status: "SKIPPED", reason: "the ticket no longer exists" });
    if (n.trigger === "ALMOST_THERE" && ticket.status !== "WAITING" && n.status === "PENDING") {
      return skip({ status: "SKIPPED", reason: "the ticket is no longer waiting" });
    }
    const language: Language = isLanguage(n.language) ? n.language : "en";

    // The recipient: kept from an earlier attempt, else read now (an erased contact is not sent to).
    let address = n.recipient;
    let pushSubscription: JsonObject | null = null;
    if (n.channel === "PUSH") {
      pushSubscription = ticket.push_subscription;
      const endpoint = pushSubscription?.endpoint;
      address = typeof endpoint === "string" ? endpoint : null;
    } else if (!address) {
      if (n.recipientUserId) {
        const member = decodeFirstRow(
          EmailRow,
          await tx.execute(sql`
            select u.email from memberships m join users u on u.id = m.user_id
            where m.tenant_id = ${n.tenantId} and m.user_id = ${n.recipientUserId} and m.escalation_emails and m.role in ('OWNER', 'ADMIN', 'MANAGER')`),
        );
        address = member?.email ?? null;
      } else {
        address = n.channel === "SMS" ? ticket.phone : ticket.email;
      }
    }
    if (!address) return skip({ status: "SKIPPED", reason: n.channel === "PUSH" ? "no push subscription" : n.recipientUserId ? "the member no longer receives escalations" : `no ${n.channel === "SMS" ? "phone number" : "email address"}` });

    // The provider: the one an interrupted attempt used (same idempotency key, same receiver), else the route now.
    const provider = n.status === "SENDING" && n.provider ? n.provider : providerFor(n.channel, tenant.notifications.smsRoute);
    const sender = deps.senders.get(provider);
    if (!sender) return skip({ status: "SKIPPED", reason: `no ${provider} sender is configured on this server` });
    const secrets = provider === "TWILIO" || provider === "WEBHOOK" ? await readSecrets(tx, deps.config.secretsKey, n.tenantId) : {};
    const route: ProviderRoute = { emailSenderName: tenant.notifications.emailSenderName, emailReplyTo: tenant.notifications.emailReplyTo };
    if (provider === "TWILIO" && tenant.notifications.smsRoute === "TWILIO") {
      const { twilioAccountSid, twilioFrom } = tenant.notifications;
      const token = secrets.TWILIO_AUTH_TOKEN;
      if (!twilioAccountSid || !twilioFrom || !token) return skip({ status: "SKIPPED", reason: "the tenant's Twilio account is not fully configured" });
      route.twilio = { accountSid: twilioAccountSid, authToken: token, from: twilioFrom };
    } else if (provider === "TWILIO" && !deps.config.twilio) {
      return skip({ status: "SKIPPED", reason: "no platform SMS provider is configured" });
    }
    if (provider === "WEBHOOK") {
      const secret = secrets.WEBHOOK_SECRET;
      if (!tenant.notifications.webhookUrl || !secret) return skip({ status: "SKIPPED", reason: "the tenant's SMS webhook is not configured" });
      route.webhook = { url: tenant.notifications.webhookUrl, secret };
    }

    // The words: rendered once, at the first attempt, and kept (every retry sends the same message).
    let subject = n.subject;
    let body = n.body;
    if (body == null) {
      const template = await effectiveTemplate(tx, n.tenantId, n.trigger, n.channel, language);
      const needsWait = template.body.includes("{waitRange}") || Boolean(template.subject?.includes("{waitRange}"));
      const values = await ticketValues(tx, n.tenantId, n.ticketId!, ticket, tenant, deps.publicUrl, language, needsWait, lineStatesOf(deps.db));
      body = render(template.body, values);
      subject = template.subject != null ? render(template.subject, values) : null;
    }
    const attempt = n.attempts + 1;
    await tx
      .update(notifications)
      .set({
        status: "SENDING",
        provider,
        recipient: address,
        subject,
        body,
        attempts: attempt,
        leaseUntil: new Date(now + deps.leaseSeconds * 1000),
        updatedAt: new Date(now),
      })
      .where(and(eq(notifications.tenantId, n.tenantId), eq(notifications.id, n.id)));
    return {
      attempt,
      channel: n.channel,
      ticketId: n.ticketId,
      sender,
      recipient: { address, pushSubscription },
      message: {
        id: n.id,
        tenantId: n.tenantId,
        ticketId: n.ticketId,
        trigger: n.trigger as NotificationTrigger,
        channel: n.channel,
        language,
        subject,
        body,
        link: ticketLink(deps.publicUrl, ticket.tracking_code, tenant.slug),
        tenantName: tenant.name,
        route,
      },
    };
  });
}

/** Step 2: the provider call, with a backstop deadline (senders have their own timeouts). */
async function sendOutside(deps: WorkerDeps, prepared: Prepared): Promise<SendResult> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<SendResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, retryable: true, message: `no answer within ${deps.config.sendTimeoutMs + 1000} ms` }), deps.config.sendTimeoutMs + 1000);
  });
  try {
    return await Promise.race([prepared.sender.send(prepared.message, prepared.recipient).catch(networkFailure), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Step 3: record the outcome; only the attempt that marked SENDING settles the row. */
async function settle(deps: WorkerDeps, claimed: ClaimedNotification, prepared: Prepared, result: SendResult): Promise<void> {
  const now = deps.now();
  await systemDoor(deps.db, claimed.tenantId, async (tx) => {
    const mine = and(eq(notifications.tenantId, claimed.tenantId), eq(notifications.id, claimed.id), eq(notifications.status, "SENDING"), eq(notifications.attempts, prepared.attempt));
    if (result.ok) {
      await tx
        .update(notifications)
        .set({ status: "SENT", sentAt: new Date(now), providerMessageId: result.providerMessageId, lastError: null, leaseUntil: null, updatedAt: new Date(now) })
        .where(mine);
      deps.onOutcome?.(prepared.channel, "SENT");
      return;
    }
    const dead = !result.retryable || prepared.attempt >= deps.config.maxAttempts;
    deps.onOutcome?.(prepared.channel, dead ? "DEAD" : "RETRYING");
    await tx
      .update(notifications)
      .set({
        status: dead ? "DEAD" : "RETRYING",
        lastError: result.message,
        leaseUntil: null,
        nextAttemptAt: dead ? undefined : new Date(now + retryDelayMs(prepared.attempt, deps.config.retryBaseMs, deps.random)),
        updatedAt: new Date(now),
      })
      .where(mine);
    if (result.gone && prepared.channel === "PUSH" && prepared.ticketId) {
      // Only the subscription that failed (the customer may have subscribed again meanwhile); PUSH leaves the channels.
      await dropGonePushSubscription(tx, claimed.tenantId, prepared.ticketId, prepared.recipient.address);
    }
  });
}

/** Delivers one claimed message (steps 1–3); false when there was nothing to send. */
export async function deliverNotification(deps: WorkerDeps, claimed: ClaimedNotification): Promise<boolean> {
  const prepared = await prepare(deps, claimed);
  if (!prepared) return false;
  const result = await sendOutside(deps, prepared);
  await settle(deps, claimed, prepared, result);
  if (!result.ok) logger.warn({ notificationId: claimed.id, tenantId: claimed.tenantId, retryable: result.retryable, error: result.message }, "notification delivery failed");
  return true;
}

export interface NotificationWorkerOptions {
  db: Database;
  senders: SenderRegistry;
  config: NotificationConfig;
  publicUrl: string;
  pollMs?: number;
  now?: () => number;
  leaseSeconds?: number;
  batchSize?: number;
  /** Messages delivered at once by this process (default 8). */
  concurrency?: number;
  autoStart?: boolean;
  random?: () => number;
  onOutcome?: WorkerDeps["onOutcome"];
  log?: (message: string, error?: unknown) => void;
}

export type NotificationWorker = LeasedJob;

export function startNotificationWorker(options: NotificationWorkerOptions): NotificationWorker {
  const now = options.now ?? Date.now;
  const leaseSeconds = options.leaseSeconds ?? Math.max(60, Math.ceil((2 * options.config.sendTimeoutMs) / 1000));
  const deps: WorkerDeps = {
    db: options.db,
    senders: options.senders,
    config: options.config,
    publicUrl: options.publicUrl,
    now,
    leaseSeconds,
    ...(options.random ? { random: options.random } : {}),
    ...(options.onOutcome ? { onOutcome: options.onOutcome } : {}),
  };
  const job = startLeasedJob<ClaimedNotification>({
    name: "notifications",
    claim: (at, limit, lease) => claimDueNotifications(options.db, at, limit, lease),
    handle: (item) => deliverNotification(deps, item),
    describe: (item) => `notification ${item.id}`,
    pollMs: options.pollMs ?? options.config.pollMs,
    now,
    leaseSeconds,
    batchSize: options.batchSize ?? 50,
    concurrency: options.concurrency ?? 8,
    ...(options.autoStart !== undefined ? { autoStart: options.autoStart } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  registerWorkerWake(options.db, () => job.kick());
  return {
    runOnce: job.runOnce,
    kick: job.kick,
    async stop() {
      registerWorkerWake(options.db, null);
      await job.stop();
    },
  };
}
