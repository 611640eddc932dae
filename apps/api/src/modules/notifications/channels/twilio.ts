/**
 * SMS through Twilio's Messages REST API: `POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json`,
 * form-encoded `To`, `From`, `Body`, HTTP Basic `AccountSid:AuthToken`. 201 with the Message resource (JSON,
 * `sid` = SM...) is success; an error answers `{code, message, more_info, status}`. 429 and 5xx are retried,
 * any other 4xx (bad number, unverified sender, auth) is not: DEAD with Twilio's message.
 *
 * Idempotency, honestly: Twilio's Messages API takes no idempotency key. We send the notification id in an
 * `X-Qline-Notification` header (Twilio ignores it; our dev sink and tests read it) — so if a process dies after
 * Twilio accepted a message and before the SENT row commits, the retry after the lease can send that SMS twice.
 * The window is one HTTP round trip; every other path delivers at most once.
 *
 * The platform account (TWILIO_*) is used unless the tenant chose its own (smsRoute TWILIO). The base URL is
 * always the platform's (TWILIO_BASE_URL): a tenant cannot point its credentials at another host.
 */
import { failureForStatus, networkFailure, type ChannelSender, type OutgoingMessage, type Recipient, type SendResult } from "./types.js";

export interface TwilioAccount {
  accountSid: string;
  authToken: string;
  from: string;
}

export function twilioSender(baseUrl: string, platform: TwilioAccount | null, timeoutMs: number): ChannelSender {
  return {
    provider: "TWILIO",
    channel: "SMS",
    async send(message: OutgoingMessage, recipient: Recipient): Promise<SendResult> {
      const account = message.route.twilio ?? platform;
      if (!account) return { ok: false, retryable: false, message: "no Twilio account is configured" };
      const url = `${baseUrl}/2010-04-01/Accounts/${encodeURIComponent(account.accountSid)}/Messages.json`;
      const form = new URLSearchParams({ To: recipient.address, From: account.from, Body: message.body });
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: {
            authorization: `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString("base64")}`,
            "content-type": "application/x-www-form-urlencoded",
            accept: "application/json",
            "x-qline-notification": message.id,
          },
          body: form.toString(),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: "error",
        });
        const text = (await response.text()).slice(0, 64 * 1024);
        let json: { sid?: unknown; message?: unknown; code?: unknown } = {};
        try {
          json = JSON.parse(text) as typeof json;
        } catch {
          // not JSON: reported as text below
        }
        if (response.status >= 200 && response.status < 300) {
          return { ok: true, providerMessageId: typeof json.sid === "string" ? json.sid : null };
        }
        const said = typeof json.message === "string" ? `${json.message}${json.code != null ? ` (Twilio ${String(json.code)})` : ""}` : text.slice(0, 300);
        return failureForStatus(response.status, said);
      } catch (error) {
        return networkFailure(error);
      }
    },
  };
}
