import { sql } from "drizzle-orm";
import type { Database, Tx } from "./database.js";
import { statementTimeoutMs } from "./deadline.js";
import { decodeFirstRow, z } from "./decode.js";

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
 * Inside a request's deadline (deadline.ts) every statement also gets the time left as `statement_timeout`.
 */
export async function withTenantTx<T>(db: Database, scope: TenantScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const timeout = statementTimeoutMs();
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.tenant_id', ${scope.tenantId ?? ""}, true), set_config('app.user_id', ${scope.userId ?? ""}, true)${statementTimeout(timeout)}`,
    );
    return fn(tx);
  });
}

/** `, set_config('statement_timeout', …, true)` (transaction-local) when a deadline applies; it binds from the next statement on. */
const statementTimeout = (ms: number | undefined) => (ms === undefined ? sql`` : sql`, set_config('statement_timeout', ${String(ms)}, true)`);

/** Records whose tenant can be found from their id alone, each through its narrow lookup door (CONVENTIONS.md 7). */
const tenantLookups = {
  line: sql.raw("app.line_tenant"),
  counter: sql.raw("app.counter_tenant"),
  ticket: sql.raw("app.ticket_tenant"),
  ticketType: sql.raw("app.ticket_type_tenant"),
} as const;

export type LocatableRecord = keyof typeof tenantLookups;

/** set_config answers the text it set: '' when the lookup found no record. */
const LocatedRow = z.object({ tenant_id: z.string() });

/** Who a transaction runs for when only a record's id is known: the tenant is the record's own. */
export interface LocatedScope {
  record: { kind: LocatableRecord; id: string };
  userId: string | null;
}

/**
 * The same door as `withTenantTx`, for a request that knows only a record's id (a line, counter, ticket or ticket type):
 * the lookup door finds the record's tenant and the scope is set to it in the same statement, so locating
 * costs no extra transaction. `fn` gets the tenant id, or null for an unknown id (the scope then matches no
 * tenant's rows). Only locates: whether the caller may act there is still decided inside (and by RLS).
 * `record.id` must be a uuid.
 */
export async function withLocatedTenantTx<T>(db: Database, scope: LocatedScope, fn: (tx: Tx, tenantId: string | null) => Promise<T>): Promise<T> {
  const timeout = statementTimeoutMs();
  return db.transaction(async (tx) => {
    const row = decodeFirstRow(
      LocatedRow,
      await tx.execute(
        sql`select set_config('app.tenant_id', coalesce(${tenantLookups[scope.record.kind]}(${scope.record.id}::uuid)::text, ''), true) as tenant_id, set_config('app.user_id', ${scope.userId ?? ""}, true)${statementTimeout(timeout)}`,
      ),
    );
    return fn(tx, row?.tenant_id || null);
  });
}
