import { SignJWT, jwtVerify, errors } from "jose";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { unauthenticated } from "../../errors/codes.js";

const issuer = "qline";

export interface TokenClaims {
  userId: string;
}

export async function signUserToken(userId: string, secret: string, ttlSeconds: number): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}

export async function verifyUserToken(token: string, secret: string): Promise<TokenClaims> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), { issuer, algorithms: ["HS256"] });
    if (typeof payload.sub !== "string") throw unauthenticated("Invalid token");
    return { userId: payload.sub };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthenticated("Token expired: sign in again");
    throw unauthenticated("Invalid token");
  }
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
