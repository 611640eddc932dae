/**
 * EMAIL through SMTP (nodemailer). One pooled transport per process from SMTP_URL or SMTP_HOST/PORT/SECURE/
 * USER/PASSWORD (or the embedded dev mailbox). From: the platform's MAIL_FROM address with the tenant's sender
 * name; Reply-To: the tenant's. Message-ID is `<notification-id@qline>`, so a retry after a crash mid-delivery
 * carries the same Message-ID as the first try (receivers and mailbox providers can drop the duplicate).
 * SMTP 5xx (permanent) → not retried; 4xx (transient) and network errors → retried.
 */
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool/index.js";
import type { SmtpConfig } from "../../../env.js";
import { networkFailure, type ChannelSender, type OutgoingMessage, type Recipient, type SendResult } from "./types.js";

export const messageIdOf = (notificationId: string) => `<${notificationId}@qline>`;

export function transportOptions(config: SmtpConfig, timeoutMs: number): SMTPPool.Options | string {
  if ("url" in config) return config.url;
  return {
    // A few kept-open connections instead of one handshake per message (bursts: everyone behind a call).
    pool: true,
    maxConnections: 5,
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? "" } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  };
}

/** The address part of MAIL_FROM ("qline <no-reply@x>" → "no-reply@x"). */
export function addressOf(from: string): string {
  const m = /<([^>]+)>/.exec(from);
  return (m ? m[1]! : from).trim();
}

export function smtpSender(config: SmtpConfig, mailFrom: string, timeoutMs: number): ChannelSender {
  const options = transportOptions(config, timeoutMs);
  const transporter: Transporter<SMTPPool.SentMessageInfo> = typeof options === "string" ? nodemailer.createTransport(options) : nodemailer.createTransport(options);
  const fromAddress = addressOf(mailFrom);
  return {
    provider: "SMTP",
    channel: "EMAIL",
    async send(message: OutgoingMessage, recipient: Recipient): Promise<SendResult> {
      const name = message.route.emailSenderName ?? message.tenantName;
      try {
        const info = await transporter.sendMail({
          from: name ? { name, address: fromAddress } : mailFrom,
          to: recipient.address,
          ...(message.route.emailReplyTo ? { replyTo: message.route.emailReplyTo } : {}),
          subject: message.subject ?? "",
          text: message.body,
          messageId: messageIdOf(message.id),
          headers: { "X-Qline-Notification": message.id },
        });
        return { ok: true, providerMessageId: typeof info.response === "string" ? info.response.slice(0, 200) : info.messageId };
      } catch (error) {
        const code = (error as { responseCode?: unknown }).responseCode;
        if (typeof code === "number" && code >= 500 && code < 600) {
          return { ok: false, retryable: false, message: `SMTP ${code}: ${(error as Error).message}`.slice(0, 1000) };
        }
        return networkFailure(error);
      }
    },
    async close() {
      transporter.close();
    },
  };
}

/** One platform email (invitation, password reset): the platform speaks as itself, no tenant sender name. */
export interface PlatformEmail {
  /** The outbox row's id: Message-ID `<id@qline>` on every attempt. */
  id: string;
  to: string;
  subject: string;
  body: string;
}

export type PlatformEmailSender = { send(mail: PlatformEmail): Promise<SendResult>; close(): Promise<void> };

/** The platform outbox's sender: the same transport and failure rules as customer email (5xx final, else retried). */
export function platformEmailSender(config: SmtpConfig, mailFrom: string, timeoutMs: number): PlatformEmailSender {
  const options = transportOptions(config, timeoutMs);
  const transporter: Transporter<SMTPPool.SentMessageInfo> = typeof options === "string" ? nodemailer.createTransport(options) : nodemailer.createTransport(options);
  return {
    async send(mail) {
      try {
        const info = await transporter.sendMail({ from: mailFrom, to: mail.to, subject: mail.subject, text: mail.body, messageId: messageIdOf(mail.id), headers: { "X-Qline-Platform-Mail": mail.id } });
        return { ok: true, providerMessageId: typeof info.response === "string" ? info.response.slice(0, 200) : info.messageId };
      } catch (error) {
        const code = (error as { responseCode?: unknown }).responseCode;
        if (typeof code === "number" && code >= 500 && code < 600) {
          return { ok: false, retryable: false, message: `SMTP ${code}: ${(error as Error).message}`.slice(0, 1000) };
        }
        return networkFailure(error);
      }
    },
    async close() {
      transporter.close();
    },
  };
}
