import { SignJWT, jwtVerify, errors } from "jose";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { LRUCache } from "lru-cache";
import { unauthenticated } from "../../errors/codes.js";

const issuer = "qline";

export interface TokenClaims {
  userId: string;
  /** The session the token belongs to (`sid`): authentication accepts the token only while it is live. */
  sessionId: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A token for one session: HS256, subject = the user, `sid` = the session, `exp` = the session's end. */
export async function signUserToken(claims: TokenClaims, secret: string, expiresAt: Date): Promise<string> {
  return new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.userId)
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(new TextEncoder().encode(secret));
}

/**
 * Verifies signature (HS256 only: `alg: none` or any other algorithm is refused), issuer and expiry, and
 * requires `exp`, `sub` and `sid`: a token that never expires or names no session is not accepted. Whether
 * the session is still live is decided by the caller against the database.
 *
 * A token that verified is remembered until its `exp` (bounded LRU per signing secret): a token's signature and
 * claims never change, and every client sends the same token on each request, so the HMAC is checked once per
 * token, not once per request. Nothing about the session is remembered (that is read on every request).
 */
export async function verifyUserToken(token: string, secret: string): Promise<TokenClaims> {
  const verified = verifiedTokens(secret);
  const known = verified.get(token);
  if (known) {
    if (known.expiresAtMs > Date.now()) return known.claims;
    verified.delete(token);
    throw unauthenticated("Token expired: sign in again");
  }
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      issuer,
      algorithms: ["HS256"],
      requiredClaims: ["exp", "sub", "sid"],
    });
    const { sub, sid, exp } = payload;
    if (typeof sub !== "string" || !uuidPattern.test(sub) || typeof sid !== "string" || !uuidPattern.test(sid)) throw unauthenticated("Invalid token");
    const claims = { userId: sub, sessionId: sid };
    if (typeof exp === "number") verified.set(token, { claims, expiresAtMs: exp * 1000 });
    return claims;
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthenticated("Token expired: sign in again");
    throw unauthenticated("Invalid token");
  }
}

interface VerifiedToken {
  claims: TokenClaims;
  expiresAtMs: number;
}

/** Tokens that verified, per signing secret (an API process has one; the tests start several in one process). */
const verifiedBySecret = new Map<string, LRUCache<string, VerifiedToken>>();

function verifiedTokens(secret: string): LRUCache<string, VerifiedToken> {
  let cache = verifiedBySecret.get(secret);
  if (!cache) {
    if (verifiedBySecret.size >= 16) verifiedBySecret.clear();
    verifiedBySecret.set(secret, (cache = new LRUCache<string, VerifiedToken>({ max: 10_000 })));
  }
  return cache;
}

/** API keys read `qk_<prefix>_<secret>`: the prefix finds the key, the secret proves it. */
export interface ApiKeyParts {
  prefix: string;
  secret: string;
}

export function newApiKey(): ApiKeyParts & { key: string } {
  const prefix = randomBytes(6).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  return { prefix, secret, key: `qk_${prefix}_${secret}` };
}

export function parseApiKey(key: string): ApiKeyParts | null {
  const match = /^qk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(key);
  return match?.[1] && match[2] ? { prefix: match[1], secret: match[2] } : null;
}

export const hashApiKeySecret = (secret: string): string => createHash("sha256").update(secret).digest("hex");

export function apiKeySecretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKeySecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * One-time link tokens (invitations, password resets): 256 random bits, base64url. Only their SHA-256 is stored,
 * so a copy of the database opens no link; a token is found by its hash through a lookup door.
 */
export const newLinkToken = (): string => randomBytes(32).toString("base64url");
export const hashLinkToken = (token: string): string => createHash("sha256").update(token).digest("hex");
/** A token as newLinkToken writes it; anything else is refused before the database is asked. */
export const isLinkToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);
