import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { apiKeys, col, decodeFirstRow, z } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { apiKeyScopes, type Permission } from "../../context/permissions.js";
import { asNotFound, isUuid } from "../../context/access.js";
import { lookupDoor, staffDoor } from "../../context/doors.js";
import { badInput, forbidden, notFound, unauthenticated } from "../../errors/codes.js";
import { controlTopics } from "../../pubsub/control-topics.js";
import { announceAccessChange } from "../../subscriptions/live-access.js";
import { recordAudit } from "../audit/audit.service.js";
import { hashApiKeySecret, newApiKey } from "../auth/tokens.js";

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function createApiKey(ctx: RequestContext, tenantId: string, name: string, scopes: string[]): Promise<{ apiKey: ApiKeyRow; secret: string }> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) throw badInput("Name must be 1-100 characters", [{ path: "name", message: "length" }]);
  if (scopes.length === 0) throw badInput("Give at least one scope", [{ path: "scopes", message: "empty" }]);
  const unknown = scopes.filter((s) => !(apiKeyScopes as readonly string[]).includes(s));
  if (unknown.length) {
    throw badInput(`Unknown or not allowed scopes: ${unknown.join(", ")}`, unknown.map((s) => ({ path: `scopes.${scopes.indexOf(s)}`, message: `"${s}" is not an API key scope` })));
  }
  return staffDoor(ctx, tenantId, "apikeys:manage", async (tx, access) => {
    const beyond = scopes.filter((s) => !access.permissions.has(s as Permission));
    if (beyond.length) throw forbidden(`You cannot grant scopes you do not hold: ${beyond.join(", ")}`);
    const { prefix, secret, key } = newApiKey();
    const [row] = await tx
      .insert(apiKeys)
      .values({
        tenantId,
        id: randomUUID(),
        name: trimmed,
        prefix,
        secretHash: hashApiKeySecret(secret),
        scopes: [...new Set(scopes)],
        createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      })
      .returning();
    await recordAudit(tx, ctx.actor, { tenantId, action: "apikey.create", targetType: "api_key", targetId: row!.id, after: { name: trimmed, prefix, scopes } });
    return { apiKey: row!, secret: key };
  });
}

const KeyTenantRow = z.object({ tenant_id: col.uuid.nullable() });

/**
 * Revocation takes effect on the key's next request, on every API process (keys are checked per request), and
 * at once on its open WebSocket connections and live subscriptions (closed / ended, subscriptions/live-access.ts).
 */
export async function revokeApiKey(ctx: RequestContext, id: string): Promise<ApiKeyRow> {
  if (ctx.actor.kind === "anonymous") throw unauthenticated();
  if (!isUuid(id)) throw notFound("API key");
  const tenantId = await lookupDoor(ctx.db, async (tx) => decodeFirstRow(KeyTenantRow, await tx.execute(sql`select app.api_key_tenant(${id}) as tenant_id`))?.tenant_id);
  if (!tenantId) throw notFound("API key");
  // A key of a tenant the actor cannot reach reads like a key that does not exist.
  const revoked = await asNotFound("API key", () => staffDoor(ctx, tenantId, "apikeys:manage", async (tx) => {
    const where = and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id));
    const [before] = await tx.select().from(apiKeys).where(where).for("update");
    if (!before) throw notFound("API key");
    if (before.revokedAt) return before;
    const [after] = await tx.update(apiKeys).set({ revokedAt: new Date() }).where(where).returning();
    await recordAudit(tx, ctx.actor, { tenantId, action: "apikey.revoke", targetType: "api_key", targetId: id });
    return after!;
  }));
  await announceAccessChange(ctx.pubsub, [controlTopics.apiKey(id)], { kind: "apiKeyRevoked", keyId: id });
  return revoked;
}

export async function listApiKeys(ctx: RequestContext, tenantId: string): Promise<ApiKeyRow[]> {
  return staffDoor(ctx, tenantId, "apikeys:manage", (tx) => tx.select().from(apiKeys).where(eq(apiKeys.tenantId, tenantId)).orderBy(desc(apiKeys.createdAt)));
}
