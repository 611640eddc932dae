/**
 * The WEBHOOK estimator: qline POSTs the line's snapshot to the tenant's URL and uses the bands it returns.
 *
 * Request: `POST <url>` with a JSON body `{ lineId, sentAt, snapshot }`, headers
 *   `X-Qline-Timestamp: <sentAt, unix seconds>` and `X-Qline-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>`.
 * The timestamp is inside the signed body too, so a receiver that checks signature, header = body.sentAt and
 * freshness (e.g. ±5 min) rejects replays. Answer: `{ estimates: { <ticketId>: { p50Seconds, p90Seconds } } }`,
 * checked by `validateWebhookBand`.
 *
 * Address rule (checked when the line is configured and again on every call, on every resolved address, and the
 * socket connects to the address that was checked, so DNS cannot point a configured name somewhere private
 * later): http or https only; only public unicast addresses (see `isDisallowedAddress`: no loopback, private,
 * link-local — cloud metadata — CGNAT, multicast, reserved, and no IPv6 form that carries such an IPv4 address:
 * mapped, compatible, NAT64, 6to4); no `localhost`, `*.localhost`, `*.internal` or `metadata` (trailing dots
 * ignored) — unless the host is named in `ESTIMATOR_WEBHOOK_ALLOW_HOSTS` (comma-separated, exact host names or
 * IP literals).
 *
 * Backoff: per line and URL, in memory of each API process: after a failure the endpoint is not called again
 * for 5 s × 2^(failures − 1), at most 5 min; meanwhile estimates fall back at once. A success resets it.
 * (Each process backs off on its own: with N processes an endpoint sees at most N attempts per window.)
 */
import { createHmac } from "node:crypto";
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { validateWebhookBand, type EstimateBand, type LineSnapshot } from "@qline/estimates";

export const WEBHOOK_DEFAULT_TIMEOUT_MS = 800;
export const WEBHOOK_MAX_TIMEOUT_MS = 5000;
const MAX_RESPONSE_BYTES = 1024 * 1024;

/** Hosts the operator allows despite the address rule (ESTIMATOR_WEBHOOK_ALLOW_HOSTS); set once at start. */
const allowedHosts = new Set<string>();
export function setWebhookAllowHosts(hosts: readonly string[]): void {
  allowedHosts.clear();
  for (const host of hosts) allowedHosts.add(normalizeHost(host));
}

/**
 * True for an address the webhook may not reach. Deny by default: an IPv4 address must be ordinary unicast
 * (not loopback, private, link-local, CGNAT, multicast, broadcast, reserved, benchmarking, ...); an IPv6
 * address must be global unicast (2000::/3) and not a special range (Teredo, ORCHID, documentation, ...).
 * IPv6 forms that carry an IPv4 address are judged by that IPv4 address: IPv4-mapped (::ffff:0:0/96),
 * IPv4-translated (::ffff:0:0:0/96), IPv4-compatible (::/96), NAT64 (64:ff9b::/96) and 6to4 (2002::/16),
 * so `[::127.0.0.1]`, `[::ffff:0:7f00:1]`, `[64:ff9b::7f00:1]` and `[2002:7f00:1::]` are loopback here.
 */
export function isDisallowedAddress(address: string): boolean {
  const literal = address.replace(/^\[|\]$/g, "");
  if (isIP(literal) === 0) return true; // only canonical literals (a DNS answer, a URL's normalized host)
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(literal);
  } catch {
    return true;
  }
  if (parsed instanceof ipaddr.IPv4) return parsed.range() !== "unicast";
  const embedded = embeddedIPv4(parsed);
  if (embedded) return embedded.range() !== "unicast";
  return parsed.zoneId !== undefined || !parsed.match(globalUnicast) || parsed.range() !== "unicast";
}

const globalUnicast = ipaddr.IPv6.parseCIDR("2000::/3");
const ipv4Carriers = (["::ffff:0:0/96", "::ffff:0:0:0/96", "::/96", "64:ff9b::/96"] as const).map((cidr) => ipaddr.IPv6.parseCIDR(cidr));
const sixToFour = ipaddr.IPv6.parseCIDR("2002::/16");

/** The IPv4 address inside an IPv6 address of a form that carries one (see isDisallowedAddress), else null. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const bytes = address.toByteArray();
  if (ipv4Carriers.some((range) => address.match(range))) return new ipaddr.IPv4(bytes.slice(12, 16));
  if (address.match(sixToFour)) return new ipaddr.IPv4(bytes.slice(2, 6));
  return null;
}

/** A URL's host as compared with the rules: lower case, no IPv6 brackets, no trailing dots (`localhost.` is `localhost`). */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\[|\]$/g, "").replace(/\.+$/, "");
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
  const host = normalizeHost(url.hostname);
  if (allowedHosts.has(host)) return null;
  if (isIP(host)) return isDisallowedAddress(host) ? "points at a loopback, private, link-local or reserved address" : null;
  if (blockedNames.has(host) || host.endsWith(".localhost") || host.endsWith(".internal")) return "points at a local or metadata host name";
  return null;
}

/**
 * The socket's DNS lookup: resolves once, checks every address, and hands the connection only checked
 * addresses, so the address connected to is the address checked (a name cannot answer "public" to a check and
 * "private" to the connect: no DNS-rebinding window). A name with any disallowed address is refused whole.
 */
function guardedLookup(host: string): LookupFunction {
  return (hostname, options, callback) => {
    webhookDns.lookup(hostname, { family: options.family ?? 0, hints: options.hints ?? 0, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      if (!allowedHosts.has(host) && addresses.some((a) => isDisallowedAddress(a.address))) {
        return callback(Object.assign(new Error(`${hostname} resolves to a disallowed address`), { code: "EDISALLOWED" }), "", 0);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
      return callback(null, first.address, first.family);
    });
  };
}

/** The resolver behind the webhook's socket lookup (tests replace it to play a DNS server). */
export const webhookDns: { lookup: (hostname: string, options: LookupAllOptions, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void } = {
  lookup: dnsLookup,
};

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

async function post(call: WebhookCall): Promise<unknown> {
  const sentAt = Math.floor(call.snapshot.now / 1000);
  const body = JSON.stringify({ lineId: call.lineId, sentAt, snapshot: call.snapshot });
  const response = await guardedPost(call.url, body, {
    "content-type": "application/json",
    "user-agent": "qline-estimator/1",
    "x-qline-timestamp": String(sentAt),
    "x-qline-signature": signWebhookBody(call.secret, body),
  }, call.timeoutMs);
  if (response.status < 200 || response.status >= 300) throw new Error(`HTTP ${response.status}`);
  try {
    return JSON.parse(response.body);
  } catch {
    throw new Error("response is not JSON");
  }
}

export interface GuardedResponse {
  status: number;
  body: string;
}

/**
 * POSTs `body` to a tenant's URL under the address rule above (also the notification WEBHOOK channel's door to
 * the outside): a literal IP is checked before any socket exists, a name is resolved once and the socket
 * connects only to checked addresses; a total deadline of `timeoutMs`; answers over 1 MB are cut off. Rejects
 * on a network error, a disallowed address or the deadline; any HTTP status resolves.
 */
export function guardedPost(rawUrl: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<GuardedResponse> {
  const url = new URL(rawUrl);
  const host = normalizeHost(url.hostname);
  const client = url.protocol === "https:" ? https : http;
  // A literal IP is connected to as written (Node skips `lookup` for it): check it before any socket exists.
  if (isIP(host) && !allowedHosts.has(host) && isDisallowedAddress(host)) return Promise.reject(new Error("disallowed address"));
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        lookup: guardedLookup(host),
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) request.destroy(new Error("response larger than 1 MB"));
          else chunks.push(chunk);
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    // A total deadline (not a socket idle timeout): a server trickling bytes is cut off too.
    const timer = setTimeout(() => request.destroy(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    request.on("close", () => clearTimeout(timer));
    request.on("error", reject);
    request.end(body);
  });
}

/** What a test call to an estimator webhook found (the admin's "Test" button). */
export interface WebhookTestResult {
  ok: boolean;
  /** The HTTP status, when an answer came. */
  httpStatus: number | null;
  /** From sending to the whole answer (or the failure). */
  latencyMs: number;
  /** Why it is not usable (address rule, network, status, JSON, bands), in words; null when ok. */
  problem: string | null;
}

/**
 * One test call with `call.snapshot` (a sample): the same address rule, signature and answer check as
 * `callWebhookEstimator`, but it reports the status, the latency and the first problem instead of falling
 * back, and it neither reads nor changes the endpoint's backoff. Never throws. Call it outside any transaction.
 */
export async function testWebhookEstimator(call: WebhookCall): Promise<WebhookTestResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const problem = webhookUrlProblem(call.url);
  if (problem) return { ok: false, httpStatus: null, latencyMs: 0, problem: `The URL ${problem}` };
  const sentAt = Math.floor(call.snapshot.now / 1000);
  const body = JSON.stringify({ lineId: call.lineId, sentAt, snapshot: call.snapshot });
  let response: GuardedResponse;
  try {
    response = await guardedPost(call.url, body, {
      "content-type": "application/json",
      "user-agent": "qline-estimator/1",
      "x-qline-timestamp": String(sentAt),
      "x-qline-signature": signWebhookBody(call.secret, body),
    }, call.timeoutMs);
  } catch (error) {
    return { ok: false, httpStatus: null, latencyMs: elapsed(), problem: `No answer: ${error instanceof Error ? error.message : String(error)}` };
  }
  const latencyMs = elapsed();
  if (response.status < 200 || response.status >= 300) return { ok: false, httpStatus: response.status, latencyMs, problem: `It answered HTTP ${response.status}` };
  let payload: unknown;
  try {
    payload = JSON.parse(response.body);
  } catch {
    return { ok: false, httpStatus: response.status, latencyMs, problem: "The answer is not JSON" };
  }
  const checked = validateWebhookBand(payload, call.snapshot.waiting.map((t) => t.id));
  return checked.ok
    ? { ok: true, httpStatus: response.status, latencyMs, problem: null }
    : { ok: false, httpStatus: response.status, latencyMs, problem: `The answer is not usable: ${checked.reason}` };
}
