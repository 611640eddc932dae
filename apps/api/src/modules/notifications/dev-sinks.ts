/**
 * The embedded default's outside world (QLINE_DEV_SINKS=1, which scripts/start.sh sets when no SMTP/Twilio is
 * configured): a real SMTP server (smtp-server, parsed with mailparser) and a real HTTP server speaking Twilio's
 * Messages API, both on loopback. The platform providers are pointed at them, so a newcomer's qline really sends
 * email and SMS — into these sinks, whose messages `devMailbox(tenantId)` lists. The same sinks serve the tests
 * (a responder hook makes them answer 4xx, fail, or hold an answer).
 *
 * Like a provider that honours idempotency keys, a sink keeps one message per notification id (SMTP Message-ID
 * `<id@qline>`, the Twilio request's X-Qline-Notification header) and counts repeats in `duplicates`.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface DevMessageRecord {
  id: string;
  kind: "EMAIL" | "SMS";
  /** The notification this message delivers (its idempotency key), when it said. */
  notificationId: string | null;
  to: string;
  from: string;
  subject: string | null;
  body: string;
  replyTo: string | null;
  receivedAt: Date;
}

export interface SinkRequest {
  kind: "EMAIL" | "SMS";
  notificationId: string | null;
  to: string;
  body: string;
}

/** What a sink does with a request: accept (default), answer an error, drop the connection, or wait first. */
export type SinkAnswer = { accept: true } | { status: number; message: string } | { drop: true } | { holdMs: number; then?: SinkAnswer };
export type SinkResponder = (request: SinkRequest) => SinkAnswer | Promise<SinkAnswer>;

export interface DevSinks {
  smtp: { host: string; port: number };
  twilio: { baseUrl: string; accountSid: string; authToken: string; from: string };
  /** Messages kept, oldest first (one per notification id). */
  messages(): DevMessageRecord[];
  /** Requests received for a notification id already kept (a retry the "provider" recognised). */
  duplicates: number;
  /** Every notification id a request carried, with how many requests (accepted or not). */
  received: Map<string, number>;
  responder: SinkResponder | null;
  clear(): void;
  close(): Promise<void>;
}

const maxKept = 1000;

/**
 * `account`: the Twilio account the SMS sink accepts (the platform's TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN when set, so
 * other API processes can deliver to this one's sinks); default: a random one.
 */
export async function startDevSinks(
  host = "127.0.0.1",
  ports: { smtp?: number; twilio?: number } = {},
  account?: { accountSid: string; authToken: string; from: string },
): Promise<DevSinks> {
  const kept: DevMessageRecord[] = [];
  const byNotification = new Set<string>();
  const sinks: DevSinks = {
    smtp: { host, port: 0 },
    twilio: { baseUrl: "", accountSid: account?.accountSid ?? `AC${randomBytes(16).toString("hex")}`, authToken: account?.authToken ?? randomBytes(16).toString("hex"), from: account?.from ?? "+15005550006" },
    messages: () => [...kept],
    duplicates: 0,
    received: new Map(),
    responder: null,
    clear() {
      kept.length = 0;
      byNotification.clear();
      sinks.received.clear();
      sinks.duplicates = 0;
    },
    close: async () => undefined,
  };

  const answer = async (request: SinkRequest): Promise<Exclude<SinkAnswer, { holdMs: number }>> => {
    if (request.notificationId) sinks.received.set(request.notificationId, (sinks.received.get(request.notificationId) ?? 0) + 1);
    let a: SinkAnswer = sinks.responder ? await sinks.responder(request) : { accept: true };
    while ("holdMs" in a) {
      const hold: { holdMs: number; then?: SinkAnswer } = a;
      await new Promise((r) => setTimeout(r, hold.holdMs));
      a = hold.then ?? { accept: true };
    }
    return a;
  };
  const keep = (record: Omit<DevMessageRecord, "id" | "receivedAt">) => {
    if (record.notificationId && byNotification.has(record.notificationId)) {
      sinks.duplicates++;
      return;
    }
    if (record.notificationId) byNotification.add(record.notificationId);
    kept.push({ ...record, id: randomBytes(8).toString("hex"), receivedAt: new Date() });
    if (kept.length > maxKept) kept.shift();
  };

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // No reverse DNS of the (loopback) client per connection: without a resolver it waits for a timeout.
    disableReverseLookup: true,
    banner: "qline dev mailbox",
    logger: false,
    size: 1024 * 1024,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const id = /^<([^@>]+)@qline>$/.exec(mail.messageId ?? "")?.[1] ?? null;
          const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
          const request: SinkRequest = { kind: "EMAIL", notificationId: id, to, body: mail.text ?? "" };
          const a = await answer(request);
          if ("status" in a) return callback(Object.assign(new Error(a.message), { responseCode: a.status }));
          if ("drop" in a) {
            stream.destroy();
            return callback(Object.assign(new Error("connection dropped"), { responseCode: 421 }));
          }
          keep({ kind: "EMAIL", notificationId: id, to, from: mail.from?.text ?? "", subject: mail.subject ?? null, body: (mail.text ?? "").trim(), replyTo: mail.replyTo?.text ?? null });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(ports.smtp ?? 0, host, () => resolve());
  });
  sinks.smtp.port = (smtp.server.address() as AddressInfo).port;

  const twilio = http.createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? "");
    if (req.method !== "POST" || !match) return json(404, { code: 20404, message: "The requested resource was not found", status: 404 });
    const expected = `Basic ${Buffer.from(`${sinks.twilio.accountSid}:${sinks.twilio.authToken}`).toString("base64")}`;
    if (req.headers.authorization !== expected || decodeURIComponent(match[1]!) !== sinks.twilio.accountSid) {
      return json(401, { code: 20003, message: "Authenticate", more_info: "https://www.twilio.com/docs/errors/20003", status: 401 });
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const to = form.get("To") ?? "";
      const from = form.get("From") ?? "";
      const body = form.get("Body") ?? "";
      if (!to) return json(400, { code: 21604, message: "A 'To' phone number is required.", status: 400 });
      if (!body) return json(400, { code: 21602, message: "Message body is required.", status: 400 });
      const header = req.headers["x-qline-notification"];
      const notificationId = typeof header === "string" ? header : null;
      void answer({ kind: "SMS", notificationId, to, body }).then((a) => {
        if ("drop" in a) return req.socket.destroy();
        if ("status" in a) return json(a.status, { code: 21211, message: a.message, status: a.status });
        keep({ kind: "SMS", notificationId, to, from, subject: null, body, replyTo: null });
        const sid = `SM${randomBytes(16).toString("hex")}`;
        json(201, { sid, account_sid: sinks.twilio.accountSid, to, from, body, status: "queued", direction: "outbound-api", api_version: "2010-04-01", error_code: null, error_message: null, uri: `/2010-04-01/Accounts/${sinks.twilio.accountSid}/Messages/${sid}.json` });
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    twilio.once("error", reject);
    twilio.listen(ports.twilio ?? 0, host, () => resolve());
  });
  sinks.twilio.baseUrl = `http://${host}:${(twilio.address() as AddressInfo).port}`;

  sinks.close = async () => {
    twilio.closeAllConnections();
    await Promise.all([new Promise<void>((r) => smtp.close(() => r())), new Promise<void>((r) => twilio.close(() => r()))]);
  };
  return sinks;
}
