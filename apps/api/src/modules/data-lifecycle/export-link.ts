/**
 * The signed, short-lived link of a tenant export: `/exports/tenant/<token>` on the API, where the token is
 * `v1.<payload>.<signature>`, the payload the base64url JSON `{ t: tenantId, u: userId, e: expiry (epoch s) }`
 * and the signature HMAC-SHA256 over `v1.<payload>` with a key derived from the server secret (JWT_SECRET), so it
 * can never pass as a session token or the other way round. Written here with node:crypto (a dozen lines; a JWT
 * library would add a header and algorithm choice this link does not need). The link names one tenant and one
 * user; the download decides that user's access again (tenant:export) before it reads a row.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export interface ExportClaims {
  tenantId: string;
  userId: string;
  /** Epoch seconds. */
  expiresAt: number;
}

const version = "v1";
const keyOf = (secret: string) => createHmac("sha256", secret).update("qline tenant export link v1").digest();
const sign = (secret: string, body: string) => createHmac("sha256", keyOf(secret)).update(body).digest("base64url");

export function signExportLink(secret: string, claims: ExportClaims): string {
  const payload = Buffer.from(JSON.stringify({ t: claims.tenantId, u: claims.userId, e: claims.expiresAt })).toString("base64url");
  const body = `${version}.${payload}`;
  return `${body}.${sign(secret, body)}`;
}

/** The claims of a well-signed, unexpired token; null otherwise (the caller answers 404 alike for each reason). */
export function verifyExportLink(secret: string, token: string, nowSeconds: number): ExportClaims | null {
  if (token.length > 1024) return null;
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== version) return null;
  const [, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(secret, `${version}.${payload}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { t, u, e } = parsed as Record<string, unknown>;
  if (typeof t !== "string" || typeof u !== "string" || typeof e !== "number" || e <= nowSeconds) return null;
  return { tenantId: t, userId: u, expiresAt: e };
}
