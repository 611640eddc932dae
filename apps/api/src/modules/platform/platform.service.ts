import { sql } from "drizzle-orm";
import { rowsOf, withTenantTx } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { isUuid } from "../../context/tenant-access.js";
import { forbidden, notFound, unauthenticated } from "../../errors/codes.js";
import { controlTopics } from "../../pubsub/control-topics.js";
import { announceAccessChange } from "../../subscriptions/live-access.js";
import { recordAudit } from "../audit/audit.service.js";

/** Platform administrators are named by PLATFORM_ADMIN_EMAILS; they act through the app.platform_* functions. */
function requirePlatformAdmin(ctx: RequestContext): void {
  if (ctx.actor.kind === "anonymous") throw unauthenticated();
  if (ctx.actor.kind !== "user" || !ctx.actor.platformAdmin) throw forbidden("Platform administrators only");
}

export interface PlatformAccountRow {
  id: string;
  name: string;
  owner_user_id: string;
  created_at: Date | string;
}

export async function platformAccounts(ctx: RequestContext) {
  requirePlatformAdmin(ctx);
  const rows = await withTenantTx(ctx.db, { tenantId: null, userId: null }, async (tx) =>
    rowsOf<PlatformAccountRow>(await tx.execute(sql`select * from app.platform_accounts()`)),
  );
  return rows.map((r) => ({ id: r.id, name: r.name, ownerUserId: r.owner_user_id, createdAt: new Date(r.created_at) }));
}

/**
 * Suspends (or restores) a tenant and with it its subtree: its users, keys and customers (tracking codes) get
 * FORBIDDEN until restored, and its live subscriptions end at once with FORBIDDEN.
 */
export async function setTenantSuspended(ctx: RequestContext, tenantId: string, suspended: boolean): Promise<boolean> {
  requirePlatformAdmin(ctx);
  if (!isUuid(tenantId)) throw notFound("Tenant");
  const subtree = await withTenantTx(ctx.db, { tenantId, userId: null }, async (tx) => {
    const [row] = rowsOf<{ id: string | null }>(await tx.execute(sql`select app.platform_set_tenant_suspended(${tenantId}, ${suspended}) as id`));
    if (!row?.id) throw notFound("Tenant");
    await recordAudit(tx, ctx.actor, { tenantId, action: suspended ? "tenant.suspend" : "tenant.restore", targetType: "tenant", targetId: tenantId });
    return rowsOf<{ id: string }>(await tx.execute(sql`select id from tenants where path @> array[${tenantId}::uuid]`)).map((r) => r.id);
  });
  // After commit: every live stream of the subtree ends now (each listens on its own tenant's topic).
  await announceAccessChange(ctx.pubsub, subtree.map(controlTopics.tenant), { kind: suspended ? "tenantSuspended" : "tenantResumed", tenantId });
  return suspended;
}
