/**
 * The outside-world side of notifications: one `ChannelSender` per provider (SMTP, TWILIO, WEBHOOK, WEB_PUSH),
 * registered per process in a `SenderRegistry`. The worker (../worker.ts) picks the provider for a message
 * (EMAIL → SMTP; SMS → the tenant's route: TWILIO or WEBHOOK; PUSH → WEB_PUSH), renders it, commits, and only
 * then calls `send` — outside any transaction. A sender never throws for a delivery problem: it answers a
 * `SendFailure` saying whether trying again could help.
 */
import type { JsonObject, NotificationChannel, NotificationProviderName, NotificationTrigger } from "@qline/db";

export interface OutgoingMessage {
  /** The notification's id: the idempotency key every provider is given (Message-ID, Idempotency-Key, ...). */
  id: string;
  tenantId: string;
  ticketId: string | null;
  trigger: NotificationTrigger;
  channel: NotificationChannel;
  language: string;
  /** EMAIL's subject (null for other channels). */
  subject: string | null;
  body: string;
  /** The ticket's tracking page (a push notification opens it). */
  link: string | null;
  /** The tenant's display name. */
  tenantName: string;
  /** The tenant's delivery settings and own credentials (decrypted for this call only, never logged). */
  route: ProviderRoute;
}

/** Per-tenant provider details for one message; a sender uses the parts it needs. */
export interface ProviderRoute {
  /** EMAIL: "Sender Name" shown with the platform's MAIL_FROM address, and Reply-To. */
  emailSenderName?: string | null;
  emailReplyTo?: string | null;
  /** SMS via the tenant's own Twilio account (null: the platform's account). */
  twilio?: { accountSid: string; authToken: string; from: string } | null;
  /** SMS via the tenant's signed webhook. */
  webhook?: { url: string; secret: string } | null;
}

export interface Recipient {
  /** Email address, E.164 phone number or push endpoint. */
  address: string;
  /** PUSH: the browser's PushSubscription JSON ({endpoint, keys: {p256dh, auth}}). */
  pushSubscription?: JsonObject | null;
}

export interface SendSuccess {
  ok: true;
  /** The provider's id for the message (Twilio's SM..., the SMTP server's queue id, ...), when it gives one. */
  providerMessageId: string | null;
}

export interface SendFailure {
  ok: false;
  /** True: the provider may accept it later (network, timeout, 5xx, 429). False: it never will (4xx): DEAD now. */
  retryable: boolean;
  /** What the provider said (stored as the row's last_error; no secrets). */
  message: string;
  /** PUSH: the subscription is gone (404/410): the ticket's subscription is dropped. */
  gone?: boolean;
}

export type SendResult = SendSuccess | SendFailure;

export interface ChannelSender {
  readonly provider: NotificationProviderName;
  readonly channel: NotificationChannel;
  send(message: OutgoingMessage, recipient: Recipient): Promise<SendResult>;
  close?(): Promise<void>;
}

/** The senders of one process (tests and the dev sinks build their own). */
export class SenderRegistry {
  private readonly senders = new Map<NotificationProviderName, ChannelSender>();

  register(sender: ChannelSender): this {
    this.senders.set(sender.provider, sender);
    return this;
  }

  get(provider: NotificationProviderName): ChannelSender | undefined {
    return this.senders.get(provider);
  }

  has(provider: NotificationProviderName): boolean {
    return this.senders.has(provider);
  }

  async close(): Promise<void> {
    await Promise.all([...this.senders.values()].map((s) => s.close?.()));
  }
}

/** A failure for an HTTP status: 408/425/429 and 5xx are worth retrying, any other 4xx is not. */
export function failureForStatus(status: number, message: string): SendFailure {
  const retryable = status >= 500 || status === 408 || status === 425 || status === 429;
  return { ok: false, retryable, message: `HTTP ${status}: ${message}`.slice(0, 1000) };
}

/** A failure to reach the provider (retryable); names the cause (fetch's "fetch failed" alone says nothing). */
export function networkFailure(error: unknown): SendFailure {
  const parts: string[] = [];
  for (let e: unknown = error; e && parts.length < 3; e = (e as { cause?: unknown }).cause) {
    parts.push(e instanceof Error ? `${e.message}${(e as { code?: unknown }).code ? ` (${String((e as { code?: unknown }).code)})` : ""}` : String(e));
  }
  return { ok: false, retryable: true, message: parts.join(": ").slice(0, 1000) };
}
