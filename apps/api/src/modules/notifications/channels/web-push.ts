/**
 * The PUSH channel: one message to one browser's push subscription, through the `web-push` library (RFC 8030
 * request, RFC 8291 aes128gcm payload encryption, RFC 8292 VAPID). It only speaks to the push service; what an
 * outcome means for the notification row (sent, retried, dead, subscription dropped) is decided by the caller
 * from the outcome's kind. Never called inside a database transaction.
 */
import { Agent } from "node:https";
import { rootCertificates } from "node:tls";
import webpush from "web-push";
import type { PushConfig } from "../../../env.js";
import { pushEndpointAllowed, storedPushSubscription, type PushSubscriptionJson } from "../push-subscription.js";
import type { ChannelSender, OutgoingMessage, Recipient, SendResult } from "./types.js";

/** What the service worker receives (JSON in the encrypted payload); kiosk `public/sw.js` reads these fields. */
export interface PushMessage {
  /** The notification's title, e.g. "It's your turn". */
  title: string;
  /** The rendered template. */
  body: string;
  /** The customer's ticket page (opened or focused on click). */
  url: string;
  /** Collapses notifications of one ticket on the device (the service worker's `tag`). */
  tag: string;
  /** NotificationTrigger (JOINED, ALMOST_THERE, CALLED, …). */
  trigger: string;
}

export interface PushDelivery {
  subscription: PushSubscriptionJson;
  message: PushMessage;
  /** The ticket's id: the Topic header, so a push service holding an older undelivered message of this ticket replaces it. */
  ticketId: string;
}

/**
 * - `sent`: the push service accepted it (201); `messageId` is its Location, if any.
 * - `gone`: 404/410, the subscription has expired or was revoked: drop it, never retry.
 * - `rejected`: another 4xx (bad request, payload too large, VAPID refused, 429 aside): not retried.
 * - `retry`: 429, 5xx, a timeout or a network error: try again later (`retryAfterSeconds` if the service said).
 */
export type PushOutcome =
  | { kind: "sent"; statusCode: number; messageId: string | null }
  | { kind: "gone"; statusCode: number; error: string }
  | { kind: "rejected"; statusCode: number | null; error: string }
  | { kind: "retry"; statusCode: number | null; error: string; retryAfterSeconds: number | null };

/** How long a push service keeps an undelivered message (TTL header, seconds): a call is stale sooner than a join. */
export function pushTtlSeconds(trigger: string): number {
  return trigger === "CALLED" || trigger === "ALMOST_THERE" ? 30 * 60 : 4 * 3600;
}

/** RFC 8030 Urgency: "high" wakes a phone in battery saving for a call; the rest can wait for the next wake-up. */
export function pushUrgency(trigger: string): "high" | "normal" {
  return trigger === "CALLED" ? "high" : "normal";
}

/** Topic (RFC 8030 §5.4): at most 32 base64url characters; a ticket's uuid without dashes is exactly 32 hex digits. */
export function pushTopic(ticketId: string): string {
  return ticketId.replace(/-/g, "").slice(0, 32);
}

/** A push service answers within this or the attempt counts as a network failure (retried). */
const requestTimeoutMs = 10_000;
/** RFC 8291 leaves ~3993 bytes of plaintext in a 4096-byte record; keep well under it. */
const maxBodyChars = 1000;

function retryAfter(headers: Record<string, string> | undefined): number | null {
  const value = headers?.["retry-after"];
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, Math.ceil((at - Date.now()) / 1000)) : null;
}

function describe(statusCode: number, body: string): string {
  const text = body.replace(/\s+/g, " ").trim().slice(0, 300);
  return text ? `push service answered ${statusCode}: ${text}` : `push service answered ${statusCode}`;
}

export class WebPushSender {
  private readonly agent: Agent;

  constructor(private readonly config: PushConfig) {
    // One keep-alive agent for every push service; PUSH_TLS_CA_FILE adds a CA (the test receiver's) to the system's.
    this.agent = new Agent({ keepAlive: true, maxSockets: 64, ...(config.tlsCa ? { ca: [...rootCertificates, config.tlsCa] } : {}) });
  }

  get enabled(): boolean {
    return this.config.vapid !== null;
  }

  async send({ subscription, message, ticketId }: PushDelivery): Promise<PushOutcome> {
    const { vapid } = this.config;
    if (!vapid) return { kind: "rejected", statusCode: null, error: "Web Push is off: VAPID keys are not configured" };
    // Checked again at send time: the allowlist may have shrunk since the customer subscribed.
    if (!pushEndpointAllowed(subscription.endpoint, this.config.endpointAllowHosts)) {
      return { kind: "rejected", statusCode: null, error: "push endpoint is not an allowed push service" };
    }
    const payload = JSON.stringify({ ...message, body: message.body.slice(0, maxBodyChars) });
    try {
      const result = await webpush.sendNotification(subscription, payload, {
        vapidDetails: { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
        contentEncoding: "aes128gcm",
        TTL: pushTtlSeconds(message.trigger),
        urgency: pushUrgency(message.trigger),
        topic: pushTopic(ticketId),
        timeout: requestTimeoutMs,
        agent: this.agent,
      });
      const location = result.headers["location"];
      return { kind: "sent", statusCode: result.statusCode, messageId: typeof location === "string" ? location : null };
    } catch (error) {
      if (error instanceof webpush.WebPushError) {
        const { statusCode, body, headers } = error;
        if (statusCode === 404 || statusCode === 410) return { kind: "gone", statusCode, error: describe(statusCode, body) };
        if (statusCode === 429 || statusCode >= 500) return { kind: "retry", statusCode, error: describe(statusCode, body), retryAfterSeconds: retryAfter(headers) };
        return { kind: "rejected", statusCode, error: describe(statusCode, body) };
      }
      return { kind: "retry", statusCode: null, error: error instanceof Error ? error.message : String(error), retryAfterSeconds: null };
    }
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The outcome as the outbox's worker reads it (channels/types.ts): 404/410 are DEAD with reason "gone". */
export function sendResultOf(outcome: PushOutcome): SendResult {
  switch (outcome.kind) {
    case "sent":
      return { ok: true, providerMessageId: outcome.messageId };
    case "gone":
      return { ok: false, retryable: false, gone: true, message: `gone: ${outcome.error}` };
    case "rejected":
      return { ok: false, retryable: false, message: outcome.error };
    case "retry":
      return { ok: false, retryable: true, message: outcome.error };
  }
}

/**
 * The WEB_PUSH provider of the PUSH channel for the outbox's worker. The notification's title is the tenant's
 * name; its body the rendered PUSH template; a tap opens the ticket's tracking page.
 */
export class WebPushChannelSender implements ChannelSender {
  readonly provider = "WEB_PUSH" as const;
  readonly channel = "PUSH" as const;
  private readonly push: WebPushSender;

  constructor(config: PushConfig) {
    this.push = new WebPushSender(config);
  }

  async send(message: OutgoingMessage, recipient: Recipient): Promise<SendResult> {
    const subscription = storedPushSubscription(recipient.pushSubscription);
    if (!subscription) return { ok: false, retryable: false, message: "no push subscription" };
    const ticketId = message.ticketId ?? message.id;
    const outcome = await this.push.send({
      subscription,
      ticketId,
      message: { title: message.tenantName, body: message.body, url: message.link ?? "", tag: `qline-ticket-${ticketId}`, trigger: message.trigger },
    });
    return sendResultOf(outcome);
  }

  async close(): Promise<void> {
    this.push.close();
  }
}
