/**
 * SMS (or WhatsApp, or anything) through the tenant's own gateway: a signed webhook.
 *
 * `POST <tenant URL>` with JSON `{ id, sentAt, tenantId, ticketId, trigger, channel, language, to, body }` and
 * headers `X-Qline-Timestamp: <sentAt, unix seconds>`, `X-Qline-Signature: sha256=<hex HMAC-SHA256(secret,
 * "<timestamp>.<raw body>")>` and `Idempotency-Key: <notification id>` (the same on every retry of this message:
 * a receiver that remembers keys delivers once). A receiver checks the signature, that the timestamp is fresh
 * (±5 min) and equals `sentAt`. Any 2xx is success (`{"id": "..."}` in the answer is stored as the provider's
 * id); 408/425/429/5xx and network errors are retried; any other 4xx is DEAD with the answer's text.
 *
 * The URL follows the WEBHOOK estimator's address rule (checked on save and on every call, connect to the
 * checked address): the same code, `guardedPost` in estimates/estimates.webhook.ts.
 */
import { createHmac } from "node:crypto";
import { guardedPost, webhookUrlProblem } from "../../estimates/estimates.webhook.js";
import { failureForStatus, networkFailure, type ChannelSender, type OutgoingMessage, type Recipient, type SendResult } from "./types.js";

export function signNotificationWebhook(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

export function webhookSender(timeoutMs: number, clock: () => number = Date.now): ChannelSender {
  return {
    provider: "WEBHOOK",
    channel: "SMS",
    async send(message: OutgoingMessage, recipient: Recipient): Promise<SendResult> {
      const hook = message.route.webhook;
      if (!hook) return { ok: false, retryable: false, message: "no SMS webhook is configured" };
      const problem = webhookUrlProblem(hook.url);
      if (problem) return { ok: false, retryable: false, message: `webhook URL ${problem}` };
      const sentAt = String(Math.floor(clock() / 1000));
      const body = JSON.stringify({
        id: message.id,
        sentAt: Number(sentAt),
        tenantId: message.tenantId,
        ticketId: message.ticketId,
        trigger: message.trigger,
        channel: message.channel,
        language: message.language,
        to: recipient.address,
        body: message.body,
      });
      try {
        const response = await guardedPost(
          hook.url,
          body,
          {
            "content-type": "application/json",
            "user-agent": "qline-notify/1",
            "x-qline-timestamp": sentAt,
            "x-qline-signature": signNotificationWebhook(hook.secret, sentAt, body),
            "idempotency-key": message.id,
          },
          timeoutMs,
        );
        if (response.status >= 200 && response.status < 300) {
          let id: string | null = null;
          try {
            const parsed = JSON.parse(response.body) as { id?: unknown };
            if (typeof parsed.id === "string") id = parsed.id.slice(0, 200);
          } catch {
            // any 2xx body is fine
          }
          return { ok: true, providerMessageId: id };
        }
        return failureForStatus(response.status, response.body.slice(0, 300));
      } catch (error) {
        return networkFailure(error);
      }
    },
  };
}
