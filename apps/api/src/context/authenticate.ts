import { sql } from "drizzle-orm";
import { col, decodeFirstRow, decodeRows, z, type Database } from "@qline/db";
import { unauthenticated } from "../errors/codes.js";
import { apiKeySecretMatches, parseApiKey, verifyUserToken } from "../modules/auth/tokens.js";
import { anonymous, type Actor } from "./actor.js";
import { lookupDoor, lookupStatement } from "./doors.js";
import { apiKeyScopes, type Permission } from "./permissions.js";
import type { Config } from "../env.js";

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

/**
 * A Bearer token is accepted while its session is live: signature and `exp` first, then one read of the
 * session and its user (`app.session_lookup`, one statement outside any transaction: lookupStatement). Nothing
 * is cached, so logout, logoutEverywhere and changePassword take effect on the very next request on every API process.
 */
const SessionRow = z.object({ email: col.text, live: col.bool });

async function authenticateUser(token: string, db: Database, config: Config): Promise<Actor> {
  const { userId, sessionId } = await verifyUserToken(token, config.jwtSecret);
  const session = decodeFirstRow(SessionRow, await lookupStatement(db, sql`select email, live from app.session_lookup(${sessionId}::uuid, ${userId}::uuid)`));
  if (!session) throw unauthenticated("Invalid token");
  if (!session.live) throw unauthenticated("Session ended: sign in again");
  return { kind: "user", userId, sessionId, platformAdmin: config.platformAdminEmails.includes(session.email) };
}

const ApiKeyRow = z.object({ tenant_id: col.uuid, id: col.uuid, secret_hash: col.text, scopes: col.textArray, revoked: col.bool });

async function authenticateApiKey(key: string, db: Database): Promise<Actor> {
  const parts = parseApiKey(key);
  if (!parts) throw unauthenticated("Malformed API key");
  return lookupDoor(db, async (tx) => {
    const rows = decodeRows(ApiKeyRow, await tx.execute(sql`select * from app.api_key_lookup(${parts.prefix})`));
    const row = rows.find((r) => apiKeySecretMatches(parts.secret, r.secret_hash));
    if (!row) throw unauthenticated("Unknown API key");
    if (row.revoked) throw unauthenticated("API key revoked");
    await tx.execute(sql`select app.touch_api_key(${row.tenant_id}, ${row.id})`);
    const scopes = new Set(row.scopes.filter((s): s is Permission => (apiKeyScopes as readonly string[]).includes(s)));
    return { kind: "apiKey", keyId: row.id, tenantId: row.tenant_id, scopes } satisfies Actor;
  });
}
