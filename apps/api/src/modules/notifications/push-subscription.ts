/**
 * A browser's PushSubscription (its `toJSON()`), checked before it is stored: the endpoint must be an https URL
 * of a known push service (or a host the operator allowed), the keys must be what RFC 8291 needs. Anything else
 * is BAD_USER_INPUT at the failing `subscription.*` path, so the server never stores a URL it would not call.
 */
import { createPublicKey } from "node:crypto";
import { badInput, type FieldError } from "../../errors/codes.js";

/** What is stored in tickets.push_subscription (nothing else the browser sent). */
export interface PushSubscriptionJson {
  endpoint: string;
  expirationTime: number | null;
  keys: { p256dh: string; auth: string };
}

/** Longest endpoint URL accepted (real ones are 150–500 characters; WNS URLs are the longest). */
export const maxEndpointLength = 1024;

/**
 * Hosts of the push services browsers use, by suffix ("." first) or exactly: Chrome/Edge/Opera (FCM), Firefox
 * (Mozilla autopush), Edge legacy / Windows (WNS), Safari (Apple web push).
 */
const knownPushHosts = ["fcm.googleapis.com", ".push.services.mozilla.com", ".notify.windows.com", "web.push.apple.com", ".push.apple.com"];

function hostMatches(host: string, pattern: string): boolean {
  return pattern.startsWith(".") ? host.endsWith(pattern) && host.length > pattern.length : host === pattern;
}

/**
 * May the server POST to this endpoint? https only, no credentials in the URL, the host a known push service on
 * the default port, or listed in PUSH_ENDPOINT_ALLOWLIST (`host` any port, `host:port` that port only).
 * Checked when subscribing and again before every send.
 */
export function pushEndpointAllowed(endpoint: string, allowHosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.username || url.password || url.hash) return false;
  const host = url.hostname.toLowerCase();
  const port = url.port; // "" = 443
  if (allowHosts.some((allowed) => allowed === host || allowed === `${host}:${port || "443"}`)) return true;
  return port === "" && knownPushHosts.some((pattern) => hostMatches(host, pattern));
}

const base64url = /^[A-Za-z0-9_-]+={0,2}$/;

/** The bytes of a base64url string (padding allowed, then dropped), or null when it is not one. */
function decodeBase64url(value: unknown): Buffer | null {
  if (typeof value !== "string" || value.length > 200 || !base64url.test(value)) return null;
  return Buffer.from(value.replace(/=+$/, ""), "base64url");
}

/** A point on P-256 in uncompressed form (0x04 ‖ x ‖ y), as RFC 8291 requires of the user agent's key. */
function isP256Point(bytes: Buffer): boolean {
  if (bytes.length !== 65 || bytes[0] !== 4) return false;
  try {
    createPublicKey({ key: { kty: "EC", crv: "P-256", x: bytes.subarray(1, 33).toString("base64url"), y: bytes.subarray(33).toString("base64url") }, format: "jwk" });
    return true;
  } catch {
    return false; // not on the curve
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The subscription as stored, or BAD_USER_INPUT naming every failing field (`path` is `subscription.endpoint`,
 * `subscription.keys.p256dh`, `subscription.keys.auth`, `subscription.expirationTime`).
 */
export function parsePushSubscription(input: unknown, allowHosts: readonly string[], path = "subscription"): PushSubscriptionJson {
  const fields: FieldError[] = [];
  if (!isRecord(input)) throw badInput("The push subscription must be the browser's PushSubscription JSON", [{ path, message: "must be an object { endpoint, keys: { p256dh, auth } }" }]);
  const { endpoint, keys, expirationTime } = input;
  if (typeof endpoint !== "string" || endpoint.length === 0 || endpoint.length > maxEndpointLength) {
    fields.push({ path: `${path}.endpoint`, message: `must be a URL of at most ${maxEndpointLength} characters` });
  } else if (!pushEndpointAllowed(endpoint, allowHosts)) {
    fields.push({ path: `${path}.endpoint`, message: "must be an https URL of a known push service" });
  }
  const p256dh = isRecord(keys) ? decodeBase64url(keys.p256dh) : null;
  const auth = isRecord(keys) ? decodeBase64url(keys.auth) : null;
  if (!p256dh || !isP256Point(p256dh)) fields.push({ path: `${path}.keys.p256dh`, message: "must be a base64url uncompressed P-256 public key (65 bytes)" });
  if (!auth || auth.length !== 16) fields.push({ path: `${path}.keys.auth`, message: "must be a base64url authentication secret of 16 bytes" });
  if (expirationTime !== undefined && expirationTime !== null && !(typeof expirationTime === "number" && Number.isFinite(expirationTime) && expirationTime >= 0)) {
    fields.push({ path: `${path}.expirationTime`, message: "must be null or a time in milliseconds" });
  }
  if (fields.length > 0 || !p256dh || !auth || typeof endpoint !== "string") throw badInput("Invalid push subscription", fields);
  return {
    endpoint,
    expirationTime: typeof expirationTime === "number" ? expirationTime : null,
    keys: { p256dh: p256dh.toString("base64url"), auth: auth.toString("base64url") },
  };
}

/** A stored subscription read back from the database (jsonb), or null when it is not one (never trusted blindly). */
export function storedPushSubscription(value: unknown): PushSubscriptionJson | null {
  if (!isRecord(value) || typeof value.endpoint !== "string" || !isRecord(value.keys)) return null;
  const { p256dh, auth } = value.keys;
  if (typeof p256dh !== "string" || typeof auth !== "string") return null;
  return { endpoint: value.endpoint, expirationTime: typeof value.expirationTime === "number" ? value.expirationTime : null, keys: { p256dh, auth } };
}
