import { sql } from "drizzle-orm";
import { rowsOf, withLocatedTenantTx, withTenantTx, type LocatableRecord, type MemberRole, type Tx } from "@qline/db";
import { AppError, ErrorCode, forbidden, notFound, unauthenticated } from "../errors/codes.js";
import type { Actor } from "./actor.js";
import type { RequestContext, TenantAccess } from "./context.js";
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

interface AccessRow {
  id: string;
  account_id: string;
  path: string[];
  suspended: boolean;
  deletion_scheduled: boolean;
  roles: MemberRole[];
}

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
  const [row] = rowsOf<AccessRow>(
    await tx.execute(sql`
      select t.id, t.account_id, t.path,
        exists (select 1 from tenants a where a.id = any(t.path) and a.suspended_at is not null) as suspended,
        exists (select 1 from tenants a where a.id = any(t.path) and a.deletion_scheduled_at is not null) as deletion_scheduled,
        coalesce((select array_agg(m.role::text) from memberships m where m.user_id = ${userId} and m.tenant_id = any(t.path)), '{}') as roles
      from tenants t where t.id = ${tenantId}`),
  );
  if (!row) throw new NoAccess();
  const path = parseTextArray(row.path);
  let role: MemberRole | null = null;
  let granted: ReadonlySet<Permission>;
  if (actor.kind === "apiKey") {
    if (!path.includes(actor.tenantId)) throw new NoAccess();
    granted = withImplied(actor.scopes);
  } else {
    role = strongestRole(parseTextArray(row.roles) as MemberRole[]);
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

/**
 * The request path into tenant data: authenticate, open the tenant transaction (withTenantTx sets the RLS
 * scope), decide access in one place, then run `fn` with the same transaction.
 */
export async function inTenant<T>(
  ctx: RequestContext,
  tenantId: string,
  permission: Permission,
  fn: (tx: Tx, access: TenantAccess) => Promise<T>,
): Promise<T> {
  return withTenantAccess(ctx, tenantId, (tx, access) => {
    requirePermission(access, permission);
    return fn(tx, access);
  });
}

/**
 * The door under `inTenant`: the tenant transaction with the actor's access to it decided (once per request),
 * before any permission is checked. `inTenant` checks one permission; the batched reads of `tenant-reads.ts`
 * check each read's own permission in the same transaction.
 */
export async function withTenantAccess<T>(ctx: RequestContext, tenantId: string, fn: (tx: Tx, access: TenantAccess) => Promise<T>): Promise<T> {
  if (ctx.actor.kind === "anonymous") throw unauthenticated();
  if (!isUuid(tenantId)) throw new NoAccess();
  const userId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  return gated(ctx, tenantId, () => withTenantTx(ctx.db, { tenantId, userId }, async (tx) => fn(tx, await accessOf(ctx, tx, tenantId))));
}

const recordLabels: Record<LocatableRecord, string> = { line: "Line", counter: "Counter", ticket: "Ticket", ticketType: "Ticket type" };

/**
 * `inTenant` for an operation that takes only a record's id (`callNext(lineId)`, `completeTicket(id)`): the
 * record's tenant is located by the lookup door in the transaction's first statement (withLocatedTenantTx),
 * then access is decided as in `inTenant`. An unknown id and a record in a tenant the actor cannot reach are
 * the same NOT_FOUND.
 */
export async function inTenantOf<T>(
  ctx: RequestContext,
  record: { kind: LocatableRecord; id: string },
  permission: Permission,
  fn: (tx: Tx, access: TenantAccess) => Promise<T>,
): Promise<T> {
  return inLocatedTenant(ctx, record, (tx, tenantId) => decideAccess(ctx, tx, tenantId, permission), fn);
}

/**
 * The tenant of a line, counter or ticket the actor can reach, for operations that then open `inTenant`
 * themselves: located and checked in one transaction (access is cached for the request). Unknown id and a
 * record in a tenant the actor cannot reach are the same NOT_FOUND, named after the record.
 */
export async function locateReachableTenant(ctx: RequestContext, record: { kind: LocatableRecord; id: string }): Promise<string> {
  return inLocatedTenant(ctx, record, (tx, tenantId) => accessOf(ctx, tx, tenantId), async (_tx, access) => access.tenantId);
}

/** Locates the record's tenant in the transaction's first statement, decides access, then runs `fn`. */
async function inLocatedTenant<T>(
  ctx: RequestContext,
  record: { kind: LocatableRecord; id: string },
  decide: (tx: Tx, tenantId: string) => Promise<TenantAccess>,
  fn: (tx: Tx, access: TenantAccess) => Promise<T>,
): Promise<T> {
  const label = recordLabels[record.kind];
  if (ctx.actor.kind === "anonymous") throw unauthenticated();
  if (!isUuid(record.id)) throw notFound(label);
  const userId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  // The record's tenant is known only inside the transaction: wait in the turn of the tenant it had last time.
  return gated(ctx, locatedTenants.get(record.id) ?? (ctx.actor.kind === "apiKey" ? ctx.actor.tenantId : null), () =>
    withLocatedTenantTx(ctx.db, { record, userId }, async (tx, tenantId) => {
      if (!tenantId) throw notFound(label);
      rememberLocated(record.id, tenantId);
      return fn(tx, await asNotFound(label, () => decide(tx, tenantId)));
    }),
  );
}

/** What a public door knows of the tenant it opened: id, path (root first) and slug. */
export interface PublicTenantPlace {
  tenantId: string;
  path: string[];
  slug: string;
}

/**
 * The public door by line id (joinLine): no credentials; the line's tenant is located in the transaction's first
 * statement. An unknown line, a line of another tenant than `slug` (when given: the join page's tenant) are the
 * same NOT_FOUND; a suspended tenant (or one under a suspended ancestor) is FORBIDDEN, as on every public door.
 */
export async function inPublicLineTenant<T>(
  ctx: RequestContext,
  lineId: string,
  slug: string | null,
  fn: (tx: Tx, tenant: PublicTenantPlace) => Promise<T>,
): Promise<T> {
  if (!isUuid(lineId)) throw notFound("Line");
  const record = { kind: "line" as const, id: lineId };
  return gated(ctx, locatedTenants.get(lineId) ?? null, () =>
    withLocatedTenantTx(ctx.db, { record, userId: null }, async (tx, tenantId) => {
      if (!tenantId) throw notFound("Line");
      rememberLocated(lineId, tenantId);
      const [tenant] = rowsOf<{ path: unknown; slug: string; suspended: boolean }>(
        await tx.execute(sql`
          select t.path, t.slug, ${tenantUnavailableSql} as suspended
          from tenants t where t.id = ${tenantId}`),
      );
      if (!tenant || (slug !== null && tenant.slug !== slug.toLowerCase())) throw notFound("Line");
      if (tenant.suspended) throw forbidden("This tenant is unavailable (suspended or scheduled for deletion)");
      return fn(tx, { tenantId, path: parseTextArray(tenant.path), slug: tenant.slug });
    }),
  );
}

/** Records' tenants seen by `inTenantOf` (a line, counter or ticket never changes tenant), most recent last. */
const locatedTenants = new Map<string, string>();
function rememberLocated(recordId: string, tenantId: string): void {
  locatedTenants.delete(recordId);
  locatedTenants.set(recordId, tenantId);
  if (locatedTenants.size > 20_000) locatedTenants.delete(locatedTenants.keys().next().value!);
}

/** Fairness: at most RATE_TRANSACTIONS_PER_TENANT transactions of one tenant at once (rate-limits.ts TenantGate). */
function gated<T>(ctx: RequestContext, tenantId: string | null, fn: () => Promise<T>): Promise<T> {
  return ctx.rateLimits ? ctx.rateLimits.tenantGate.run(tenantId, fn) : fn();
}

/** Access in `tenantId`, decided once per request and tenant. */
async function accessOf(ctx: RequestContext, tx: Tx, tenantId: string): Promise<TenantAccess> {
  let access = ctx.accessCache.get(tenantId);
  if (!access) {
    access = await resolveAccess(tx, ctx.actor, tenantId);
    ctx.accessCache.set(tenantId, access);
  }
  return access;
}

/** Access in `tenantId`, refused unless it grants `permission`. */
async function decideAccess(ctx: RequestContext, tx: Tx, tenantId: string, permission: Permission): Promise<TenantAccess> {
  const access = await accessOf(ctx, tx, tenantId);
  requirePermission(access, permission);
  return access;
}

/** A transaction for the signed-in user's own rows (no tenant in scope). */
export async function asUser<T>(ctx: RequestContext, fn: (tx: Tx, userId: string) => Promise<T>): Promise<T> {
  if (ctx.actor.kind !== "user") throw unauthenticated("Sign in as a user");
  const userId = ctx.actor.userId;
  return withTenantTx(ctx.db, { tenantId: null, userId }, (tx) => fn(tx, userId));
}

/** Arrays from a raw `execute` (uuid[], array_agg(text)): parsed by the driver, or a '{a,b}' literal. */
export function parseTextArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string") {
    const inner = value.replace(/^\{|\}$/g, "");
    return inner ? inner.split(",").map((s) => s.replace(/^"|"$/g, "")) : [];
  }
  return [];
}

/** What the pairing door found for a token's hash (app.device_pairing_lookup), before any tenant is in scope. */
export interface PairingTokenState {
  tenantId: string;
  deviceId: string;
  expired: boolean;
  used: boolean;
  revoked: boolean;
}

/**
 * The public door by pairing token (pairDevice): no credentials; the token's device and tenant are found by the
 * token's hash through `app.device_pairing_lookup`, then `fn` runs in that tenant's transaction. An unknown hash
 * is null (the caller answers NOT_FOUND); a suspended tenant (or one waiting for deletion) is FORBIDDEN, as on
 * every public door. `fn` must re-check the token under a row lock: the lookup ran in its own transaction.
 */
export async function inPairingTenant<T>(
  ctx: RequestContext,
  tokenHash: string,
  fn: (tx: Tx, token: PairingTokenState, tenant: PublicTenantPlace) => Promise<T>,
): Promise<T | null> {
  const [found] = await withTenantTx(ctx.db, { tenantId: null, userId: null }, async (tx) =>
    rowsOf<{ tenant_id: string; id: string; expired: boolean; used: boolean; revoked: boolean }>(
      await tx.execute(sql`select * from app.device_pairing_lookup(${tokenHash})`),
    ),
  );
  if (!found) return null;
  const token: PairingTokenState = { tenantId: found.tenant_id, deviceId: found.id, expired: found.expired, used: found.used, revoked: found.revoked };
  return gated(ctx, token.tenantId, () =>
    withTenantTx(ctx.db, { tenantId: token.tenantId, userId: null }, async (tx) => {
      const [tenant] = rowsOf<{ path: unknown; slug: string; suspended: boolean }>(
        await tx.execute(sql`select t.path, t.slug, ${tenantUnavailableSql} as suspended from tenants t where t.id = ${token.tenantId}`),
      );
      if (!tenant) return null;
      if (tenant.suspended) throw forbidden("This tenant is unavailable (suspended or scheduled for deletion)");
      return fn(tx, token, { tenantId: token.tenantId, path: parseTextArray(tenant.path), slug: tenant.slug });
    }),
  );
}
