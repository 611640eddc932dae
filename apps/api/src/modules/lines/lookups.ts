import { sql } from "drizzle-orm";
import { rowsOf, withTenantTx, type Tx } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { isUuid } from "../../context/tenant-access.js";
import { forbidden, notFound, unauthenticated } from "../../errors/codes.js";

const lookupFunctions = {
  line: { fn: sql.raw("app.line_tenant"), label: "Line" },
  counter: { fn: sql.raw("app.counter_tenant"), label: "Counter" },
  ticket: { fn: sql.raw("app.ticket_tenant"), label: "Ticket" },
} as const;

/**
 * The tenant owning a line, counter or ticket, for operations that take only its id. Only locates: the caller
 * must then go through `inTenant`, which answers NOT_FOUND when the actor has no access (so a foreign id and
 * an unknown id look the same).
 */
export async function tenantOf(ctx: RequestContext, kind: keyof typeof lookupFunctions, id: string): Promise<string> {
  const { fn, label } = lookupFunctions[kind];
  if (ctx.actor.kind === "anonymous") throw unauthenticated();
  if (!isUuid(id)) throw notFound(label);
  const tenantId = await withTenantTx(ctx.db, { tenantId: null, userId: null }, async (tx) =>
    rowsOf<{ tenant_id: string | null }>(await tx.execute(sql`select ${fn}(${id}::uuid) as tenant_id`))[0]?.tenant_id,
  );
  if (!tenantId) throw notFound(label);
  return tenantId;
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
 * suspended ancestor, answers FORBIDDEN to its customers too, as it does to its members and keys.
 */
export async function assertTenantNotSuspended(tx: Tx, tenantId: string): Promise<void> {
  const [row] = rowsOf<{ suspended: boolean }>(
    await tx.execute(sql`
      select exists (select 1 from tenants a where a.id = any(t.path) and a.suspended_at is not null) as suspended
      from tenants t where t.id = ${tenantId}`),
  );
  if (row?.suspended) throw forbidden("This tenant is suspended");
}
