/**
 * Deciding what an actor may do in a tenant, for the doors (doors.ts): roles held on the tenant or an ancestor,
 * or an API key's scopes; suspension and the deletion grace. Request code opens a door; it calls `resolveAccess`
 * itself only for a second tenant inside a door's transaction (moveTenant's new parent, ancestorsOf).
 */
import { sql } from "drizzle-orm";
import { col, decodeFirstRow, memberRoles, z, type MemberRole, type Tx } from "@qline/db";
import { AppError, ErrorCode, forbidden, notFound } from "../errors/codes.js";
import type { Actor } from "./actor.js";
import type { TenantAccess } from "./context.js";
import { duringDeletionGrace, roleGrants, strongestRole, withImplied, type Permission } from "./permissions.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => uuidPattern.test(value);

/**
 * "No such tenant, or no role there": NOT_FOUND. Operations that take a record's id relabel it with the record's
 * name (asNotFound), so another tenant's line answers exactly like a line that exists nowhere.
 */
export class NoAccess extends AppError {
  constructor() {
    super(ErrorCode.NOT_FOUND, "Tenant not found");
    this.name = "NoAccess";
  }
}

/** Runs `fn`; a NoAccess from deciding access becomes `notFound(label)`. Other errors pass unchanged. */
export async function asNotFound<T>(label: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw error instanceof NoAccess ? notFound(label) : error;
  }
}

const AccessRow = z.object({
  id: col.uuid,
  account_id: col.uuid,
  path: col.textArray,
  suspended: col.bool,
  deletion_scheduled: col.bool,
  roles: col.textArray.pipe(z.array(z.enum(memberRoles))),
});

/**
 * SQL: whether the tenant row aliased `t` is unavailable to the public and its staff: it or an ancestor is
 * suspended, or scheduled for deletion (deleteTenant's grace period). One definition for every door.
 */
export const tenantUnavailableSql = sql.raw(
  "exists (select 1 from tenants a where a.id = any(t.path) and (a.suspended_at is not null or a.deletion_scheduled_at is not null))",
);

/** The refusal of a tenant waiting for its deletion (FORBIDDEN, like a suspension). */
export const scheduledForDeletion = () => forbidden("This tenant is scheduled for deletion");

/**
 * Reads, inside a transaction scoped to `tenantId`, what the actor may do there. Unknown tenant and "no
 * role here" give the same NOT_FOUND, so ids of other tenants reveal nothing; a suspended tenant (or one under
 * a suspended ancestor) is FORBIDDEN.
 */
export async function resolveAccess(tx: Tx, actor: Actor, tenantId: string): Promise<TenantAccess> {
  const userId = actor.kind === "user" ? actor.userId : null;
  const row = decodeFirstRow(
    AccessRow,
    await tx.execute(sql`
      select t.id, t.account_id, t.path,
        exists (select 1 from tenants a where a.id = any(t.path) and a.suspended_at is not null) as suspended,
        exists (select 1 from tenants a where a.id = any(t.path) and a.deletion_scheduled_at is not null) as deletion_scheduled,
        coalesce((select array_agg(m.role::text) from memberships m where m.user_id = ${userId} and m.tenant_id = any(t.path)), '{}') as roles
      from tenants t where t.id = ${tenantId}`),
  );
  if (!row) throw new NoAccess();
  const path = row.path;
  let role: MemberRole | null = null;
  let granted: ReadonlySet<Permission>;
  if (actor.kind === "apiKey") {
    if (!path.includes(actor.tenantId)) throw new NoAccess();
    granted = withImplied(actor.scopes);
  } else {
    role = strongestRole(row.roles);
    if (!role) throw new NoAccess();
    granted = roleGrants[role];
  }
  if (row.suspended) throw forbidden("This tenant is suspended");
  if (row.deletion_scheduled) {
    // The grace period: the owner may still read, export and cancel; nobody else (keys included) may do anything.
    if (role !== "OWNER") throw scheduledForDeletion();
    granted = new Set([...granted].filter((p) => duringDeletionGrace.has(p)));
  }
  return { tenantId: row.id, accountId: row.account_id, path, role, permissions: granted };
}

export function requirePermission(access: TenantAccess, permission: Permission): void {
  if (!access.permissions.has(permission)) throw forbidden(`Missing permission ${permission} in this tenant`);
}

