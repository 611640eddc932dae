/**
 * A local push service for tests: a real HTTPS server speaking RFC 8030 to the application server, holding
 * each subscription's keys as a browser does, checking every request's VAPID header (RFC 8292) and decrypting
 * its aes128gcm body (RFC 8291). What it accepted is in `messages`; what it refused (and why) in `refused`.
 *
 * TLS: a self-signed certificate for 127.0.0.1 / localhost (fixtures/, test-only key); the API trusts it through
 * PUSH_TLS_CA_FILE = `receiver.caFile` and allows the host through PUSH_ENDPOINT_ALLOWLIST = `receiver.host`.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { decryptAes128gcm, userAgentKeys, type UserAgentKeys } from "./rfc8291.js";
import { verifyVapid, type VapidClaims } from "./vapid.js";

export { decryptAes128gcm, deriveKeys, userAgentKeys, DecryptError, type UserAgentKeys } from "./rfc8291.js";
export { verifyVapid, VapidError, type VapidClaims } from "./vapid.js";

/** The browser's PushSubscription.toJSON() for a subscription this receiver holds. */
export interface PushSubscriptionJson {
  endpoint: string;
  expirationTime: null;
  keys: { p256dh: string; auth: string };
}

export interface ReceivedPush {
  subscriptionId: string;
  /** The decrypted payload as text. */
  text: string;
  ttl: number;
  urgency: string | null;
  topic: string | null;
  vapid: VapidClaims;
  receivedAt: number;
}

export interface RefusedPush {
  subscriptionId: string;
  status: number;
  reason: string;
}

export interface PushReceiver {
  /** https://127.0.0.1:<port> */
  origin: string;
  /** 127.0.0.1:<port>, for PUSH_ENDPOINT_ALLOWLIST. */
  host: string;
  /** The certificate to trust (PUSH_TLS_CA_FILE). */
  caFile: string;
  /** A new subscription, as a browser would hand it to the page. */
  subscribe(): { id: string; subscription: PushSubscriptionJson };
  /** From now on, answer pushes to this subscription with `status` (e.g. 410 Gone, 500) instead of accepting them. */
  respondWith(id: string, status: number | null): void;
  readonly messages: readonly ReceivedPush[];
  readonly refused: readonly RefusedPush[];
  /** Resolves once `count` messages were accepted (for `subscriptionId` when given); rejects after `timeoutMs`. */
  waitForMessages(count: number, options?: { subscriptionId?: string; timeoutMs?: number }): Promise<ReceivedPush[]>;
  close(): Promise<void>;
}

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
export const receiverCaFile = fixture("receiver-cert.pem");

/** Largest body a push service must accept (RFC 8030 §7.2: 4096 bytes of payload). */
const maxBody = 4096;

export async function startPushReceiver(options: { expectedVapidKey?: string } = {}): Promise<PushReceiver> {
  const subscriptions = new Map<string, { keys: UserAgentKeys; status: number | null }>();
  const messages: ReceivedPush[] = [];
  const refused: RefusedPush[] = [];
  const waiters = new Set<() => void>();
  let origin = "";
  let sequence = 0;

  const server: Server = createServer({ key: readFileSync(fixture("receiver-key.pem")), cert: readFileSync(receiverCaFile) }, (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBody + 200) chunks.push(chunk);
    });
    req.on("end", () => {
      const id = /^\/push\/([\w-]+)$/.exec(req.url ?? "")?.[1] ?? "";
      const refuse = (status: number, reason: string) => {
        refused.push({ subscriptionId: id, status, reason });
        res.writeHead(status, { "content-type": "text/plain" }).end(reason);
        for (const wake of waiters) wake();
      };
      const subscription = subscriptions.get(id);
      if (req.method !== "POST" || !subscription) return refuse(404, "no such subscription");
      if (subscription.status !== null) return refuse(subscription.status, `answering ${subscription.status} as told`);
      if (size > maxBody + 86) return refuse(413, "payload too large");
      let vapid: VapidClaims;
      try {
        vapid = verifyVapid(req.headers.authorization, origin);
        if (options.expectedVapidKey && vapid.publicKey !== options.expectedVapidKey) throw new Error("k is not the expected application server key");
      } catch (error) {
        return refuse(401, `VAPID: ${(error as Error).message}`);
      }
      const ttl = Number(req.headers["ttl"]);
      if (!Number.isInteger(ttl) || ttl < 0) return refuse(400, "TTL header missing or invalid");
      if (req.headers["content-encoding"] !== "aes128gcm") return refuse(415, `Content-Encoding must be aes128gcm, got ${String(req.headers["content-encoding"])}`);
      let text: string;
      try {
        text = decryptAes128gcm(subscription.keys, Buffer.concat(chunks)).plaintext.toString("utf8");
      } catch (error) {
        return refuse(400, `decrypt: ${(error as Error).message}`);
      }
      const urgency = req.headers["urgency"];
      const topic = req.headers["topic"];
      messages.push({ subscriptionId: id, text, ttl, urgency: typeof urgency === "string" ? urgency : null, topic: typeof topic === "string" ? topic : null, vapid, receivedAt: Date.now() });
      res.writeHead(201, { location: `${origin}/message/${++sequence}` }).end();
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo; // a TCP server's address is an AddressInfo
  origin = `https://127.0.0.1:${port}`;

  return {
    origin,
    host: `127.0.0.1:${port}`,
    caFile: receiverCaFile,
    subscribe() {
      const id = randomUUID();
      const keys = userAgentKeys();
      subscriptions.set(id, { keys, status: null });
      return { id, subscription: { endpoint: `${origin}/push/${id}`, expirationTime: null, keys: { p256dh: keys.publicKey.toString("base64url"), auth: keys.authSecret.toString("base64url") } } };
    },
    respondWith(id, status) {
      const subscription = subscriptions.get(id);
      if (!subscription) throw new Error(`no subscription ${id}`);
      subscription.status = status;
    },
    messages,
    refused,
    waitForMessages(count, { subscriptionId, timeoutMs = 15_000 } = {}) {
      const matching = () => messages.filter((m) => subscriptionId === undefined || m.subscriptionId === subscriptionId);
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = matching();
          if (found.length < count) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`push receiver: ${matching().length} of ${count} messages after ${timeoutMs} ms; refused: ${JSON.stringify(refused)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
