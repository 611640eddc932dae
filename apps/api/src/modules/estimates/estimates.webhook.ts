/**
 * The WEBHOOK estimator: qline POSTs the line's snapshot to the tenant's URL and uses the bands it returns.
 *
 * Request: `POST <url>` with a JSON body `{ lineId, sentAt, snapshot }`, headers
 *   `X-Qline-Timestamp: <sentAt, unix seconds>` and `X-Qline-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>`.
 * The timestamp is inside the signed body too, so a receiver that checks signature, header = body.sentAt and
 * freshness (e.g. ±5 min) rejects replays. Answer: `{ estimates: { <ticketId>: { p50Seconds, p90Seconds } } }`,
 * checked by `validateWebhookBand`.
 *
 * Address rule (checked when the line is configured and again on every call, on the resolved address, so DNS
 * cannot point a configured name somewhere private later): http or https only; no loopback (127/8, ::1),
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 — cloud metadata — fe80::/10),
 * unspecified/CGNAT/multicast/reserved addresses, `localhost` or `metadata.google.internal` — unless the host is
 * named in `ESTIMATOR_WEBHOOK_ALLOW_HOSTS` (comma-separated, exact host names or IP literals).
 *
 * Backoff: per line and URL, in memory of each API process: after a failure the endpoint is not called again
 * for 5 s × 2^(failures − 1), at most 5 min; meanwhile estimates fall back at once. A success resets it.
 * (Each process backs off on its own: with N processes an endpoint sees at most N attempts per window.)
 */
import { createHmac } from "node:crypto";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, BlockList } from "node:net";
import { validateWebhookBand, type EstimateBand, type LineSnapshot } from "@qline/estimates";

export const WEBHOOK_DEFAULT_TIMEOUT_MS = 800;
export const WEBHOOK_MAX_TIMEOUT_MS = 5000;
const MAX_RESPONSE_BYTES = 1024 * 1024;

/** Hosts the operator allows despite the address rule (ESTIMATOR_WEBHOOK_ALLOW_HOSTS); set once at start. */
const allowedHosts = new Set<string>();
export function setWebhookAllowHosts(hosts: readonly string[]): void {
  allowedHosts.clear();
  for (const host of hosts) allowedHosts.add(host.trim().toLowerCase().replace(/^\[|\]$/g, ""));
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** True for an address the webhook may not reach (IPv4-mapped IPv6 is checked as IPv4). */
export function isDisallowedAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) return blocked.check(address, "ipv6");
  return true;
}

const blockedNames = new Set(["localhost", "metadata.google.internal", "metadata"]);

/** Why a webhook URL is refused, or null when it is acceptable (see the rule above). */
export function webhookUrlProblem(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 2048) return "must be an http(s) URL of at most 2048 characters";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "is not a URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must use http or https";
  if (url.username || url.password) return "must not contain credentials";
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (allowedHosts.has(host)) return null;
  if (isIP(host)) return isDisallowedAddress(host) ? "points at a loopback, private, link-local or reserved address" : null;
  if (blockedNames.has(host) || host.endsWith(".localhost") || host.endsWith(".internal")) return "points at a local or metadata host name";
  return null;
}

/** A DNS lookup that refuses disallowed resolved addresses (unless the host is allow-listed). */
function guardedLookup(host: string) {
  return (hostname: string, options: object, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = addresses as LookupAddress[];
      if (!allowedHosts.has(host) && list.some((a) => isDisallowedAddress(a.address))) {
        return callback(Object.assign(new Error(`${hostname} resolves to a disallowed address`), { code: "EDISALLOWED" }), "", 0);
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
      return callback(null, first.address, first.family);
    });
  };
}

export function signWebhookBody(secret: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

interface BackoffState {
  failures: number;
  retryAt: number;
  lastReason: string;
}
const backoff = new Map<string, BackoffState>();
export const webhookBackoff = { baseMs: 5000, maxMs: 5 * 60_000 };

/** Forget every endpoint's backoff (tests). */
export function resetWebhookBackoff(): void {
  backoff.clear();
}

export type WebhookOutcome =
  | { ok: true; bands: Map<string, EstimateBand> }
  /** `firstFailure`: this failure started a failing streak (the caller records it in the audit log once). */
  | { ok: false; reason: string; firstFailure: boolean };

export interface WebhookCall {
  lineId: string;
  url: string;
  secret: string;
  timeoutMs: number;
  snapshot: LineSnapshot;
}

/** Calls the tenant's estimator (unless it is backed off); never throws. The clock is `snapshot.now`. */
export async function callWebhookEstimator(call: WebhookCall): Promise<WebhookOutcome> {
  const key = `${call.lineId} ${call.url}`;
  const now = call.snapshot.now;
  const state = backoff.get(key);
  if (state && now < state.retryAt) {
    return { ok: false, reason: `webhook backed off after ${state.failures} failure(s) (last: ${state.lastReason})`, firstFailure: false };
  }
  const problem = webhookUrlProblem(call.url);
  const result: WebhookOutcome = problem
    ? { ok: false, reason: `webhook URL ${problem}`, firstFailure: false }
    : await post(call).then(
        (payload) => {
          const checked = validateWebhookBand(payload, call.snapshot.waiting.map((t) => t.id));
          return checked.ok ? ({ ok: true, bands: checked.band } as const) : { ok: false as const, reason: `webhook answered a bad payload: ${checked.reason}`, firstFailure: false };
        },
        (error: unknown) => ({ ok: false as const, reason: `webhook failed: ${error instanceof Error ? error.message : String(error)}`, firstFailure: false }),
      );
  if (result.ok) {
    backoff.delete(key);
    return result;
  }
  const failures = (state?.failures ?? 0) + 1;
  const delay = Math.min(webhookBackoff.maxMs, webhookBackoff.baseMs * 2 ** (failures - 1));
  backoff.set(key, { failures, retryAt: now + delay, lastReason: result.reason });
  return { ...result, firstFailure: failures === 1 };
}

function post(call: WebhookCall): Promise<unknown> {
  const sentAt = Math.floor(call.snapshot.now / 1000);
  const body = JSON.stringify({ lineId: call.lineId, sentAt, snapshot: call.snapshot });
  const url = new URL(call.url);
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        lookup: guardedLookup(host) as never,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "user-agent": "qline-estimator/1",
          "x-qline-timestamp": String(sentAt),
          "x-qline-signature": signWebhookBody(call.secret, body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) request.destroy(new Error("response larger than 1 MB"));
          else chunks.push(chunk);
        });
        response.on("end", () => {
          if ((response.statusCode ?? 0) < 200 || (response.statusCode ?? 0) >= 300) return reject(new Error(`HTTP ${response.statusCode}`));
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
          } catch {
            reject(new Error("response is not JSON"));
          }
        });
        response.on("error", reject);
      },
    );
    // Literal IPs skip `lookup`: check them here.
    if (isIP(host) && !allowedHosts.has(host) && isDisallowedAddress(host)) {
      request.destroy(new Error("disallowed address"));
    }
    // A total deadline (not a socket idle timeout): a server trickling bytes is cut off too.
    const timer = setTimeout(() => request.destroy(new Error(`timed out after ${call.timeoutMs} ms`)), call.timeoutMs);
    request.on("close", () => clearTimeout(timer));
    request.on("error", reject);
    request.end(body);
  });
}
