import { sql } from "drizzle-orm";
import { rowsOf, withTenantTx, type LocatableRecord, type Tx } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { locateReachableTenant, tenantUnavailableSql } from "../../context/tenant-access.js";
import { forbidden } from "../../errors/codes.js";

/**
 * The tenant owning a line, counter or ticket, for operations that take only its id, checked reachable by the
 * actor: an unknown id and a foreign one are the same NOT_FOUND ("Line not found"), never "Tenant not found".
 */
export async function tenantOf(ctx: RequestContext, kind: LocatableRecord, id: string): Promise<string> {
  return locateReachableTenant(ctx, { kind, id });
}

/** Public door: the tenant and id of the ticket with this tracking code, or null. */
export async function ticketByTrackingCode(ctx: RequestContext, code: string): Promise<{ tenantId: string; ticketId: string } | null> {
  if (!code || code.length > 64) return null;
  const row = await withTenantTx(ctx.db, { tenantId: null, userId: null }, async (tx) =>
    rowsOf<{ tenant_id: string; id: string }>(await tx.execute(sql`select tenant_id, id from app.ticket_by_code(${code})`))[0],
  );
  return row ? { tenantId: row.tenant_id, ticketId: row.id } : null;
}

/**
 * Public doors (a tracking code) check this in their tenant transaction: a suspended tenant, or one under a
 * suspended ancestor, answers FORBIDDEN to its customers too, as it does to its members and keys; so does one
 * scheduled for deletion (its grace period).
 */
export async function assertTenantNotSuspended(tx: Tx, tenantId: string): Promise<void> {
  const [row] = rowsOf<{ suspended: boolean }>(
    await tx.execute(sql`
      select ${tenantUnavailableSql} as suspended
      from tenants t where t.id = ${tenantId}`),
  );
  if (row?.suspended) throw forbidden("This tenant is unavailable (suspended or scheduled for deletion)");
}
