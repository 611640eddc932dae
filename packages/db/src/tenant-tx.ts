import { sql } from "drizzle-orm";
import type { Database, Tx } from "./database.js";

/**
 * Who a transaction runs for. `tenantId` selects the tenant whose rows RLS lets through (its subtree for
 * tenants, itself for tenant-owned tables); `userId` lets a person see their own user row and memberships.
 * Either may be null: a missing value matches no row.
 */
export interface TenantScope {
  tenantId: string | null;
  userId: string | null;
}

/**
 * The only door to tenant data for request code: begin; set the scope with transaction-local,
 * parameterised `set_config`; run `fn(tx)`; commit, or roll back on any error. Use `tx` only inside `fn`.
 */
export async function withTenantTx<T>(db: Database, scope: TenantScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.tenant_id', ${scope.tenantId ?? ""}, true), set_config('app.user_id', ${scope.userId ?? ""}, true)`,
    );
    return fn(tx);
  });
}

/** Rows of a raw `execute`, typed by the caller: both drivers return `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
