import { sql } from "drizzle-orm";
import { rowsOf, withTenantTx, type Database } from "@qline/db";
import { unauthenticated } from "../errors/codes.js";
import { apiKeySecretMatches, parseApiKey, verifyUserToken } from "../modules/auth/tokens.js";
import { anonymous, type Actor } from "./actor.js";
import { apiKeyScopes, type Permission } from "./permissions.js";
import type { Config } from "../env.js";

const noScope = { tenantId: null, userId: null };

/**
 * Turns an `Authorization` value (`Bearer <jwt>` or `ApiKey <key>`, same on HTTP and in graphql-ws
 * connectionParams) into an Actor. No header: anonymous. A header that does not verify: UNAUTHENTICATED,
 * never a silent downgrade to anonymous.
 */
export async function authenticate(authorization: string | undefined, db: Database, config: Config): Promise<Actor> {
  if (!authorization) return anonymous;
  const [scheme, credential] = authorization.trim().split(/\s+/, 2);
  if (!credential) throw unauthenticated("Malformed Authorization header");
  if (scheme?.toLowerCase() === "bearer") return authenticateUser(credential, db, config);
  if (scheme?.toLowerCase() === "apikey") return authenticateApiKey(credential, db);
  throw unauthenticated("Unsupported Authorization scheme: use Bearer or ApiKey");
}

async function authenticateUser(token: string, db: Database, config: Config): Promise<Actor> {
  const { userId } = await verifyUserToken(token, config.jwtSecret);
  const email = await emailOf(db, userId);
  if (email === null) throw unauthenticated("Invalid token");
  return { kind: "user", userId, platformAdmin: config.platformAdminEmails.includes(email) };
}

/**
 * Users seen recently, per database: a signed token's user is looked up once a minute, not on every request.
 * Safe because no operation deletes a user or changes an email; what a user may do in a tenant is never
 * cached here (memberships are read in each tenant transaction). An unknown user is never cached.
 */
export const userLookupCache = { ttlMs: 60_000, maxEntries: 10_000 };
const knownUsers = new WeakMap<Database, Map<string, { email: string; at: number }>>();

async function emailOf(db: Database, userId: string): Promise<string | null> {
  let users = knownUsers.get(db);
  if (!users) knownUsers.set(db, (users = new Map()));
  const known = users.get(userId);
  if (known && Date.now() - known.at < userLookupCache.ttlMs) return known.email;
  const row = await withTenantTx(db, { tenantId: null, userId }, async (tx) =>
    rowsOf<{ email: string }>(await tx.execute(sql`select email from users where id = ${userId}`))[0],
  );
  if (!row) {
    users.delete(userId);
    return null;
  }
  users.delete(userId); // re-inserted last: the map's order is the order of the last lookups
  if (users.size >= userLookupCache.maxEntries) users.delete(users.keys().next().value!); // the oldest
  users.set(userId, { email: row.email, at: Date.now() });
  return row.email;
}

interface ApiKeyRow {
  tenant_id: string;
  id: string;
  secret_hash: string;
  scopes: string[];
  revoked: boolean;
}

async function authenticateApiKey(key: string, db: Database): Promise<Actor> {
  const parts = parseApiKey(key);
  if (!parts) throw unauthenticated("Malformed API key");
  return withTenantTx(db, noScope, async (tx) => {
    const rows = rowsOf<ApiKeyRow>(await tx.execute(sql`select * from app.api_key_lookup(${parts.prefix})`));
    const row = rows.find((r) => apiKeySecretMatches(parts.secret, r.secret_hash));
    if (!row) throw unauthenticated("Unknown API key");
    if (row.revoked) throw unauthenticated("API key revoked");
    await tx.execute(sql`select app.touch_api_key(${row.tenant_id}, ${row.id})`);
    const scopes = new Set(row.scopes.filter((s): s is Permission => (apiKeyScopes as readonly string[]).includes(s)));
    return { kind: "apiKey", keyId: row.id, tenantId: row.tenant_id, scopes } satisfies Actor;
  });
}
