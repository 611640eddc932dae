import { sql } from "drizzle-orm";
import { col, decodeFirstRow, decodeRows, z } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { platformDoor } from "../../context/doors.js";
import { notFound } from "../../errors/codes.js";
import { controlTopics } from "../../pubsub/control-topics.js";
import { announceAccessChange } from "../../subscriptions/live-access.js";
import { recordAudit } from "../audit/audit.service.js";

/** Platform administrators are named by PLATFORM_ADMIN_EMAILS; they act through the app.platform_* functions (platformDoor). */
const PlatformAccountRow = z.object({ id: col.uuid, name: col.text, owner_user_id: col.uuid, created_at: col.timestamp });
const IdRow = z.object({ id: col.uuid.nullable() });
const SubtreeRow = z.object({ id: col.uuid });

export async function platformAccounts(ctx: RequestContext) {
  const rows = await platformDoor(ctx, null, async (tx) => decodeRows(PlatformAccountRow, await tx.execute(sql`select * from app.platform_accounts()`)));
  return rows.map((r) => ({ id: r.id, name: r.name, ownerUserId: r.owner_user_id, createdAt: r.created_at }));
}

/**
 * Suspends (or restores) a tenant and with it its subtree: its users, keys and customers (tracking codes) get
 * FORBIDDEN until restored, and its live subscriptions end at once with FORBIDDEN.
 */
export async function setTenantSuspended(ctx: RequestContext, tenantId: string, suspended: boolean): Promise<boolean> {
  const subtree = await platformDoor(ctx, tenantId, async (tx) => {
    const row = decodeFirstRow(IdRow, await tx.execute(sql`select app.platform_set_tenant_suspended(${tenantId}, ${suspended}) as id`));
    if (!row?.id) throw notFound("Tenant");
    await recordAudit(tx, ctx.actor, { tenantId, action: suspended ? "tenant.suspend" : "tenant.restore", targetType: "tenant", targetId: tenantId });
    return decodeRows(SubtreeRow, await tx.execute(sql`select id from tenants where path @> array[${tenantId}::uuid]`)).map((r) => r.id);
  });
  // After commit: every live stream of the subtree ends now (each listens on its own tenant's topic).
  await announceAccessChange(ctx.pubsub, subtree.map(controlTopics.tenant), { kind: suspended ? "tenantSuspended" : "tenantResumed", tenantId });
  return suspended;
}
