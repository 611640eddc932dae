import { pgRole } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/**
 * The role every request connects as. It owns no table, is no superuser and has no BYPASSRLS, so every
 * row it reads or writes passes the policies below. It is created (idempotently, roles are cluster-global)
 * by the first custom migration, hence `.existing()`.
 */
export const appRole = pgRole("qline_app").existing();

/** Tenant in scope for this transaction, or NULL (which matches no row). */
export const currentTenant = sql`(select app.current_tenant_id())`;
/** Signed-in user for this transaction, or NULL. */
export const currentUser = sql`(select app.current_user_id())`;
