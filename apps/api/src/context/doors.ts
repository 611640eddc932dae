/**
 * The doors into tenant data: every transaction the API opens goes through one of these (a lint rule forbids
 * `withTenantTx` / `withLocatedTenantTx` outside `context/` and `jobs/`). Each door is named for who comes
 * through it and says what it checks; RLS (the scope it sets) is the second lock behind it.
 *
 * | door                  | for                                                    | checks                                         |
 * |-----------------------|--------------------------------------------------------|------------------------------------------------|
 * | staffDoor             | a user or API key, in a tenant given by id             | access decided once, one permission            |
 * | staffAccessDoor       | the same, deciding several permissions itself          | access decided once                            |
 * | recordDoor            | a user or key, in the tenant of a line/counter/ticket  | located by id in the first statement; access   |
 * | loadInTenant          | field resolvers' batched reads (tenant-reads.ts)       | as staffAccessDoor, each read's permission     |
 * | treeDoor              | an operation over two tenants of one tree (move)       | none: the callback decides each tenant's access|
 * | newTenantDoor         | creating a root tenant (signUp, createTenant)          | none: there is nothing yet to hold a role in   |
 * | linkDoor              | a signed link's user, outside a request (export)       | access decided each time, one permission       |
 * | trackingCodeDoor      | the holder of a tracking code (public)                 | code located by its lookup; suspension refused |
 * | publicLineDoor        | anyone, on a line by id (joinLine)                     | line located; slug matched; suspension refused |
 * | slugDoor              | anyone, on a tenant by slug (kiosk, join page)         | slug located; reports (not refuses) suspension |
 * | publicTenantDoor      | the public fields of a tenant the slug door found      | none: reads only what is public                |
 * | userDoor              | the signed-in user's own rows (no tenant)              | a user is signed in                            |
 * | signInDoor            | a user not yet the request's actor (login, session)    | none: the caller verified the user             |
 * | platformDoor          | platform administrators (app.platform_* functions)     | the caller is a platform administrator         |
 * | systemDoor            | jobs and after-commit work, in a tenant by id          | none: the actor is `system`                    |
 * | lookupDoor            | before any scope: app.* lookup and claim functions     | none: no tenant or user in scope, RLS shows 0  |
 * | lookupStatement       | one app.* lookup per request, no transaction (auth)    | none: no scope; the function reads by its args |
 */
import { sql, type SQL } from "drizzle-orm";
import { col, decodeFirstRow, withLocatedTenantTx, withTenantTx, z, type Database, type LocatableRecord, type Tx } from "@qline/db";
import { forbidden, notFound, unauthenticated } from "../errors/codes.js";
import { asNotFound, isUuid, NoAccess, requirePermission, resolveAccess, tenantUnavailableSql } from "./access.js";
import { system, type Actor } from "./actor.js";
import type { RequestContext, TenantAccess } from "./context.js";
import type { Permission } from "./permissions.js";

/**
 * Staff door: a signed-in user or an API key, in a tenant given by id. Refuses anonymous callers
 * (UNAUTHENTICATED); an unknown tenant and one where the actor holds no role are the same NOT_FOUND; a suspended
 * tenant is FORBIDDEN; then `permission` must be granted (FORBIDDEN). Access is decided once per request.
 */
export async function staffDoor<T>(
  ctx: RequestContext,
  tenantId: string,
  permission: Permission,
  fn: (tx: Tx, access: TenantAccess) => Promise<T>,
): Promise<T> {
  return staffAccessDoor(ctx, tenantId, (tx, access) => {
    requirePermission(access, permission);
    return fn(tx, access);
  });
}

/**
 * The staff door without its one permission: the access is decided (as in staffDoor) and handed to `fn`, which
 * checks each permission it needs (the batched reads of tenant-reads.ts; a read that varies with the role).
 */
export async function staffAccessDoor<T>(ctx: RequestContext, tenantId: string, fn: (tx: Tx, access: TenantAccess) => Promise<T>): Promise<T> {
  if (ctx.actor.kind === "anonymous") throw unauthenticated();
  if (!isUuid(tenantId)) throw new NoAccess();
  return gated(ctx, tenantId, () => withTenantTx(ctx.db, { tenantId, userId: userIdOf(ctx.actor) }, async (tx) => fn(tx, await accessOf(ctx, tx, tenantId))));
}

const recordLabels: Record<LocatableRecord, string> = { line: "Line", counter: "Counter", ticket: "Ticket", ticketType: "Ticket type" };

/**
 * Record door: the staff door for an operation that takes only a record's id (`callNext(lineId)`,
 * `completeTicket(id)`): the record's tenant is located by its lookup function in the transaction's first
 * statement, then access is decided as in staffDoor. An unknown id and a record in a tenant the actor cannot
 * reach are the same NOT_FOUND, named after the record ("Line not found").
 */
export async function recordDoor<T>(
  ctx: RequestContext,
  record: { kind: LocatableRecord; id: string },
  permission: Permission,
  fn: (tx: Tx, access: TenantAccess) => Promise<T>,
): Promise<T> {
  return inLocatedTenant(ctx, record, (tx, tenantId) => decideAccess(ctx, tx, tenantId, permission), fn);
}

/**
 * The tenant of a line, counter or ticket the actor can reach, for operations that then open staffDoor
 * themselves: located and checked in one transaction (access is cached for the request). Unknown id and a
 * record in a tenant the actor cannot reach are the same NOT_FOUND, named after the record.
 */
export async function reachableTenantOf(ctx: RequestContext, record: { kind: LocatableRecord; id: string }): Promise<string> {
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
  // The record's tenant is known only inside the transaction: wait in the turn of the tenant it had last time.
  return gated(ctx, locatedTenants.get(record.id) ?? (ctx.actor.kind === "apiKey" ? ctx.actor.tenantId : null), () =>
    withLocatedTenantTx(ctx.db, { record, userId: userIdOf(ctx.actor) }, async (tx, tenantId) => {
      if (!tenantId) throw notFound(label);
      rememberLocated(record.id, tenantId);
      return fn(tx, await asNotFound(label, () => decide(tx, tenantId)));
    }),
  );
}

/**
 * Tree door: one transaction scoped to a tree's root, for an operation that spans two tenants of the tree
 * (moveTenant: the tenant and its new parent). It decides nothing: `fn` must `resolveAccess` each tenant it
 * touches and check its permission there. Anonymous callers are refused.
 */
export async function treeDoor<T>(ctx: RequestContext, rootId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (ctx.actor.kind === "anonymous") throw unauthenticated();
  if (!isUuid(rootId)) throw new NoAccess();
  return gated(ctx, rootId, () => withTenantTx(ctx.db, { tenantId: rootId, userId: userIdOf(ctx.actor) }, fn));
}

/**
 * New-tenant door: the scope of a root tenant that exists only once `fn` inserts it, for the user who will own
 * it (signUp creates the user too; createTenant's caller must own the account, which `fn` checks). No access is
 * decided: nobody holds a role in a tenant that does not exist yet.
 */
export async function newTenantDoor<T>(db: Database, scope: { tenantId: string; userId: string }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenantTx(db, scope, fn);
}

/**
 * Link door: a user named by a signed link rather than by a request's credentials (the tenant export's
 * download): access is decided in every transaction, so a role removed since the link was issued stops the
 * export at its next batch; NOT_FOUND / FORBIDDEN as on the staff door.
 */
export async function linkDoor<T>(
  db: Database,
  link: { userId: string; tenantId: string; permission: Permission },
  fn: (tx: Tx, access: TenantAccess) => Promise<T>,
): Promise<T> {
  return withTenantTx(db, { tenantId: link.tenantId, userId: link.userId }, async (tx) => {
    const access = await resolveAccess(tx, { kind: "user", userId: link.userId, platformAdmin: false }, link.tenantId);
    requirePermission(access, link.permission);
    return fn(tx, access);
  });
}

/** A ticket found by its tracking code: its tenant and id. */
export interface TrackedTicket {
  tenantId: string;
  ticketId: string;
}

const TicketByCode = z.object({ tenant_id: col.uuid, id: col.uuid });

/** The tenant and id of the ticket with this tracking code (`app.ticket_by_code`), or null. Opens no tenant. */
export async function locateTrackingCode(ctx: RequestContext, code: string): Promise<TrackedTicket | null> {
  if (!code || code.length > 64) return null;
  const row = await lookupDoor(ctx.db, async (tx) => decodeFirstRow(TicketByCode, await tx.execute(sql`select tenant_id, id from app.ticket_by_code(${code})`)));
  return row ? { tenantId: row.tenant_id, ticketId: row.id } : null;
}

/**
 * Tracking-code door: the holder of a ticket's tracking code (the code is the capability; no credentials). The
 * ticket's tenant is located through `app.ticket_by_code`, then its tenant's transaction opens with no user in
 * scope. An unknown code is NOT_FOUND ("Ticket"); a suspended tenant (or one scheduled for deletion) FORBIDDEN.
 * What `fn` records names the ticket holder (`ticketHolder(ticket.ticketId)`).
 */
export async function trackingCodeDoor<T>(ctx: RequestContext, code: string, fn: (tx: Tx, ticket: TrackedTicket) => Promise<T>): Promise<T> {
  const found = await locateTrackingCode(ctx, code);
  if (!found) throw notFound("Ticket");
  return withTenantTx(ctx.db, { tenantId: found.tenantId, userId: null }, async (tx) => {
    await refuseUnavailableTenant(tx, found.tenantId);
    return fn(tx, found);
  });
}

const Unavailable = z.object({ suspended: col.bool });

/**
 * Inside a public door's transaction: a suspended tenant (or one under a suspended ancestor, or scheduled for
 * deletion) answers FORBIDDEN to its customers too, as it does to its members and keys.
 */
export async function refuseUnavailableTenant(tx: Tx, tenantId: string): Promise<void> {
  const row = decodeFirstRow(Unavailable, await tx.execute(sql`select ${tenantUnavailableSql} as suspended from tenants t where t.id = ${tenantId}`));
  if (row?.suspended) throw forbidden("This tenant is unavailable (suspended or scheduled for deletion)");
}

/** What a public door knows of the tenant it opened: id, path (root first) and slug. */
export interface PublicTenantPlace {
  tenantId: string;
  path: string[];
  slug: string;
}

const PublicPlace = z.object({ path: col.textArray, slug: col.text, suspended: col.bool });

/**
 * Public line door (joinLine): no credentials; the line's tenant is located in the transaction's first
 * statement. An unknown line and a line of another tenant than `slug` (when given: the join page's tenant) are
 * the same NOT_FOUND; a suspended tenant (or one under a suspended ancestor) is FORBIDDEN.
 */
export async function publicLineDoor<T>(
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
      const tenant = decodeFirstRow(PublicPlace, await tx.execute(sql`select t.path, t.slug, ${tenantUnavailableSql} as suspended from tenants t where t.id = ${tenantId}`));
      if (!tenant || (slug !== null && tenant.slug !== slug.toLowerCase())) throw notFound("Line");
      if (tenant.suspended) throw forbidden("This tenant is unavailable (suspended or scheduled for deletion)");
      return fn(tx, { tenantId, path: tenant.path, slug: tenant.slug });
    }),
  );
}

const TenantIdRow = z.object({ id: col.uuid.nullable() });

/** The public slug → tenant id lookup (`app.tenant_id_by_slug`), before any tenant is in scope; null when unknown. */
export async function tenantIdBySlug(ctx: RequestContext, slug: string): Promise<string | null> {
  return lookupDoor(ctx.db, async (tx) => decodeFirstRow(TenantIdRow, await tx.execute(sql`select app.tenant_id_by_slug(${slug}) as id`))?.id ?? null);
}

/**
 * Slug door: anyone, on a tenant named by its public slug (the kiosk, the join page). The slug is located through
 * `app.tenant_id_by_slug`; `fn` gets null for an unknown slug. A suspended tenant is NOT refused here: `fn`
 * reads `unavailable` (tenantBySlug shows the customer a "suspended" page); it must not act for an unavailable one.
 */
export async function slugDoor<T>(
  ctx: RequestContext,
  slug: string,
  fn: (tx: Tx, tenant: { tenantId: string; unavailable: boolean } | null) => Promise<T>,
): Promise<T | null> {
  const tenantId = await tenantIdBySlug(ctx, slug);
  if (!tenantId) return null;
  return publicTenantDoor(ctx, tenantId, async (tx) => {
    const row = decodeFirstRow(Unavailable, await tx.execute(sql`select ${tenantUnavailableSql} as suspended from tenants t where t.id = ${tenantId}`));
    return fn(tx, row ? { tenantId, unavailable: row.suspended } : null);
  });
}

/**
 * Public tenant door: the public fields of a tenant the slug door found (`PublicTenant.lines`, `joinLines`,
 * `extensionSchema`), in its transaction with no user in scope. It checks nothing: what `fn` reads must be public
 * (lines, ticket types, the custom-field schema; never customers' data), and a read that must not happen for a
 * suspended tenant checks that itself.
 */
export async function publicTenantDoor<T>(ctx: RequestContext, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!isUuid(tenantId)) throw notFound("Tenant");
  return withTenantTx(ctx.db, { tenantId, userId: null }, fn);
}

/** User door: the signed-in user's own rows (user, sessions, memberships, accounts), no tenant in scope. UNAUTHENTICATED otherwise. */
export async function userDoor<T>(ctx: RequestContext, fn: (tx: Tx, userId: string) => Promise<T>): Promise<T> {
  if (ctx.actor.kind !== "user") throw unauthenticated("Sign in as a user");
  const userId = ctx.actor.userId;
  return withTenantTx(ctx.db, { tenantId: null, userId }, (tx) => fn(tx, userId));
}

/**
 * Sign-in door: a user's own rows for a user who is not (yet) the request's actor: login after the password was
 * verified, authentication reading a token's session and user, a password reset by its link, the demo seed.
 * Checks nothing: the caller has proven who the user is. `null`: no user in scope (a reset asked for an address
 * with no login takes the same path, so its answer and timing say nothing).
 */
export async function signInDoor<T>(db: Database, userId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenantTx(db, { tenantId: null, userId }, fn);
}

/**
 * Platform door: platform administrators (PLATFORM_ADMIN_EMAILS), acting through the `app.platform_*`
 * functions. UNAUTHENTICATED for anonymous callers, FORBIDDEN for anyone else. `tenantId` scopes the
 * transaction (the tenant acted on, for its audit row), or null for a cross-tenant listing.
 */
export async function platformDoor<T>(ctx: RequestContext, tenantId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (ctx.actor.kind === "anonymous") throw unauthenticated();
  if (ctx.actor.kind !== "user" || !ctx.actor.platformAdmin) throw forbidden("Platform administrators only");
  if (tenantId !== null && !isUuid(tenantId)) throw notFound("Tenant");
  return withTenantTx(ctx.db, { tenantId, userId: null }, fn);
}

/**
 * System door: the server acting on its own in a tenant given by id: background jobs (TTL, data lifecycle, the
 * notification worker) and after-commit work. No user in scope; `fn` gets the `system` actor, which history and
 * audit rows record as SYSTEM. Checks nothing: the tenant id comes from the server (a claim door, a committed
 * event), never from a caller. `null`: no tenant in scope, for a door function that acts on a root tenant
 * (the data-lifecycle job's `app.hard_delete_tenant` of a tree without a parent to audit in).
 */
export async function systemDoor<T>(db: Database, tenantId: string | null, fn: (tx: Tx, actor: typeof system) => Promise<T>): Promise<T> {
  return withTenantTx(db, { tenantId, userId: null }, (tx) => fn(tx, system));
}

/**
 * Lookup door: a transaction with no tenant and no user in scope, so RLS shows no row of any table; only the
 * narrow `app.*` functions answer (login_lookup, api_key_lookup, api_key_tenant, ticket_by_code,
 * tenant_id_by_slug, the jobs' claim_due_* doors; packages/db/CONVENTIONS.md 7).
 */
export async function lookupDoor<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenantTx(db, { tenantId: null, userId: null }, fn);
}

/**
 * Lookup statement: one `app.*` lookup function called on its own, outside any transaction, with no tenant or
 * user in scope (the scope is only ever set transaction-locally, so RLS shows no row of any table): for a check
 * every request makes that need not cost a transaction (authentication's `app.session_lookup`). Only a
 * SECURITY DEFINER lookup that reads by its arguments belongs here; anything else goes through lookupDoor.
 */
export async function lookupStatement(db: Database, query: SQL): Promise<unknown> {
  return db.execute(query);
}

/** Records' tenants seen by the record doors (a line, counter or ticket never changes tenant), most recent last. */
const locatedTenants = new Map<string, string>();
function rememberLocated(recordId: string, tenantId: string): void {
  locatedTenants.delete(recordId);
  locatedTenants.set(recordId, tenantId);
  if (locatedTenants.size > 20_000) locatedTenants.delete(locatedTenants.keys().next().value!);
}

const userIdOf = (actor: Actor): string | null => (actor.kind === "user" ? actor.userId : null);

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

/** A device pairing token as the lookup found it (pairDevice re-checks it under a row lock). */
export interface PairingTokenState {
  tenantId: string;
  deviceId: string;
  expired: boolean;
  used: boolean;
  revoked: boolean;
}

const PairingRow = z.object({ tenant_id: col.uuid, id: col.uuid, expired: z.boolean(), used: z.boolean(), revoked: z.boolean() });
const PlaceRow = z.object({ path: col.textArray, slug: col.text, suspended: z.boolean() });

/**
 * The public door by device pairing token (pairDevice): no credentials; the token's device and tenant are found by
 * the token's hash through `app.device_pairing_lookup`, then `fn` runs in that tenant's transaction. An unknown hash
 * is null (the caller answers NOT_FOUND); a suspended tenant (or one waiting for deletion) is FORBIDDEN, as on
 * every public door. `fn` must re-check the token under a row lock: the lookup ran in its own transaction.
 */
export async function pairingDoor<T>(
  ctx: RequestContext,
  tokenHash: string,
  fn: (tx: Tx, token: PairingTokenState, tenant: PublicTenantPlace) => Promise<T>,
): Promise<T | null> {
  const found = await lookupDoor(ctx.db, async (tx) => decodeFirstRow(PairingRow, await tx.execute(sql`select * from app.device_pairing_lookup(${tokenHash})`)));
  if (!found) return null;
  const token: PairingTokenState = { tenantId: found.tenant_id, deviceId: found.id, expired: found.expired, used: found.used, revoked: found.revoked };
  return gated(ctx, token.tenantId, () =>
    withTenantTx(ctx.db, { tenantId: token.tenantId, userId: null }, async (tx) => {
      const tenant = decodeFirstRow(PlaceRow, await tx.execute(sql`select t.path, t.slug, ${tenantUnavailableSql} as suspended from tenants t where t.id = ${token.tenantId}`));
      if (!tenant) return null;
      if (tenant.suspended) throw forbidden("This tenant is unavailable (suspended or scheduled for deletion)");
      return fn(tx, token, { tenantId: token.tenantId, path: tenant.path, slug: tenant.slug });
    }),
  );
}

/**
 * Invitation door: the invitee accepting an invitation to a tenant they are not yet a member of. The tenant comes
 * from the invitation found by its link's hash (`app.invitation_by_token`), never from the caller; the user is the
 * signed-in invitee (or the login just created for the invited address), or nobody for the link's preview. `fn` must re-check the invitation under
 * a row lock and that the user's email is the invited one: nothing else is checked here.
 */
export async function invitationDoor<T>(db: Database, scope: { tenantId: string; userId: string | null }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenantTx(db, scope, fn);
}
