import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { accounts, memberships, tenants, type JsonObject, type TenantLocation, type TenantTheme, type Tx } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { isUuid, requirePermission, resolveAccess } from "../../context/access.js";
import { newTenantDoor, slugDoor, staffDoor, tenantIdBySlug, treeDoor, userDoor } from "../../context/doors.js";
import { loadInTenant, perArgLoader } from "../../context/tenant-reads.js";
import { badInput, conflict, notFound, unauthenticated, forbidden } from "../../errors/codes.js";
import { mapUniqueViolations } from "../../errors/postgres.js";
import { recordAudit } from "../audit/audit.service.js";
import { asPublicOnly } from "../../context/field-guards.js";
import { checkJsonObject, mergeSettings } from "./settings.js";
import { slugProblem } from "./slugs.js";
import { effectiveTheme } from "./templates.js";
import { checkRemoteJoinSettings } from "./remote-join-settings.js";
import { checkRetentionSettings } from "../data-lifecycle/retention.js";

/** Settings are free-form JSON of bounded size; the keys qline itself reads are checked too. */
function checkTenantSettings(settings: JsonObject): JsonObject {
  checkJsonObject(settings, "input.settings");
  checkRemoteJoinSettings(settings);
  checkRetentionSettings(settings);
  return settings;
}

export type TenantRow = typeof tenants.$inferSelect;
/** The part of a tenant that field resolvers pass back in. */
export type TenantRef = Pick<TenantRow, "id" | "path" | "accountId">;

export interface TenantFields {
  name?: string | null | undefined;
  slug?: string | null | undefined;
  location?: TenantLocation | null | undefined;
  settings?: JsonObject | null | undefined;
  theme?: TenantTheme | null | undefined;
}

export interface CreateTenantFields extends TenantFields {
  name: string;
  slug: string;
  parentId?: string | null | undefined;
  accountId?: string | null | undefined;
}

export const slugTaken = (slug: string) => conflict(`The slug "${slug}" is already taken`);

export function checkSlug(slug: string, path = "slug"): string {
  const problem = slugProblem(slug);
  if (problem) throw badInput(`Slug ${problem}`, [{ path, message: problem }]);
  return slug;
}

/** Validates the location; a venue ("inside tenant") must be a tenant the actor can read. */
async function checkLocation(ctx: RequestContext, location: TenantLocation): Promise<TenantLocation> {
  const { latitude, longitude, insideTenantId } = location;
  if ((latitude == null) !== (longitude == null)) {
    throw badInput("Give both latitude and longitude, or neither", [{ path: "location.latitude", message: "incomplete point" }]);
  }
  if (insideTenantId) {
    await staffDoor(ctx, insideTenantId, "tenant:read", async () => undefined).catch(() => {
      throw badInput("The venue tenant does not exist or is not visible to you", [{ path: "location.insideTenantId", message: "unknown tenant" }]);
    });
  }
  return {
    address: location.address ?? null,
    latitude: latitude ?? null,
    longitude: longitude ?? null,
    insideTenantId: insideTenantId ?? null,
  };
}

const tenantUniques = (slug: string) => ({ tenants_slug_key: () => slugTaken(slug) });

const tenantRows = perArgLoader("tenant", String, async (tx, id) => {
  const [row] = await tx.select().from(tenants).where(eq(tenants.id, id));
  if (!row) throw notFound("Tenant");
  return row;
});

export function getTenant(ctx: RequestContext, id: string): Promise<TenantRow> {
  return loadInTenant(ctx, id, "tenant:read", tenantRows, id);
}

/** Inserts a tenant under `parent` (or as a root) in the caller's transaction. */
export async function insertTenant(
  tx: Tx,
  fields: { id: string; accountId: string; name: string; slug: string; parent: Pick<TenantRow, "id" | "path" | "depth"> | null } & TenantFields,
): Promise<TenantRow> {
  const path = fields.parent ? [...fields.parent.path, fields.id] : [fields.id];
  const [row] = await mapUniqueViolations(
    () =>
      tx
        .insert(tenants)
        .values({
          id: fields.id,
          accountId: fields.accountId,
          parentId: fields.parent?.id ?? null,
          path,
          depth: path.length - 1,
          name: fields.name,
          slug: fields.slug,
          location: fields.location ?? {},
          settings: fields.settings ?? {},
          theme: fields.theme ?? {},
        })
        .returning(),
    tenantUniques(fields.slug),
  );
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function createTenant(ctx: RequestContext, input: CreateTenantFields): Promise<TenantRow> {
  checkSlug(input.slug, "input.slug");
  const location = input.location ? await checkLocation(ctx, input.location) : {};
  const settings = input.settings ? checkTenantSettings(input.settings) : {};
  const id = randomUUID();
  const fields = { ...input, id, location, settings, theme: input.theme ?? {} };

  if (input.parentId) {
    return staffDoor(ctx, input.parentId, "tenant:create", async (tx, access) => {
      if (input.accountId && input.accountId !== access.accountId) {
        throw badInput("The parent belongs to another account", [{ path: "input.accountId", message: "does not match the parent's account" }]);
      }
      const [parent] = await tx.select().from(tenants).where(eq(tenants.id, input.parentId!));
      if (!parent) throw notFound("Tenant");
      const row = await insertTenant(tx, { ...fields, accountId: parent.accountId, parent });
      await recordAudit(tx, ctx.actor, { tenantId: parent.id, action: "tenant.create", targetType: "tenant", targetId: row.id, after: row });
      return row;
    });
  }

  // A new root tenant: only the account's owner may add one.
  if (ctx.actor.kind !== "user") throw unauthenticated("Sign in as the account owner to create a root tenant");
  const userId = ctx.actor.userId;
  if (!input.accountId) throw badInput("Give parentId (a subtenant) or accountId (a root tenant)", [{ path: "input.accountId", message: "required without parentId" }]);
  const accountId = input.accountId;
  if (!isUuid(accountId)) throw notFound("Account");
  return newTenantDoor(ctx.db, { tenantId: id, userId }, async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId));
    if (!account) throw notFound("Account");
    if (account.ownerUserId !== userId) throw forbidden("Only the account owner can add a root tenant");
    const row = await insertTenant(tx, { ...fields, accountId, parent: null });
    await tx.insert(memberships).values({ tenantId: id, userId, role: "OWNER" });
    await recordAudit(tx, ctx.actor, { tenantId: id, action: "tenant.create", targetType: "tenant", targetId: id, after: row });
    return row;
  });
}

export async function updateTenant(ctx: RequestContext, id: string, input: TenantFields): Promise<TenantRow> {
  if (input.slug != null) checkSlug(input.slug, "input.slug");
  if (input.name != null && !input.name.trim()) throw badInput("Name must not be empty", [{ path: "input.name", message: "empty" }]);
  const location = input.location ? await checkLocation(ctx, input.location) : undefined;
  const settings = input.settings ? checkTenantSettings(input.settings) : undefined;
  return staffDoor(ctx, id, "tenant:update", async (tx) => {
    const [before] = await tx.select().from(tenants).where(eq(tenants.id, id)).for("update");
    if (!before) throw notFound("Tenant");
    const changes: Partial<TenantRow> = {};
    if (input.name != null) changes.name = input.name.trim();
    if (input.slug != null) changes.slug = input.slug;
    if (location) changes.location = location;
    if (settings) {
      // `settings.notifications` is managed by setNotificationProviders (validated there): kept as stored.
      const { notifications: _ignored, ...rest } = settings;
      changes.settings = before.settings.notifications !== undefined ? { ...rest, notifications: before.settings.notifications } : rest;
    }
    if (input.theme) changes.theme = { ...before.theme, ...input.theme };
    if (Object.keys(changes).length === 0) return before;
    const [after] = await mapUniqueViolations(
      () =>
        tx
          .update(tenants)
          .set({ ...changes, updatedAt: new Date() })
          .where(eq(tenants.id, id))
          .returning(),
      tenantUniques(input.slug ?? ""),
    );
    if (!after) throw notFound("Tenant");
    const changedBefore = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof TenantRow]]));
    await recordAudit(tx, ctx.actor, { tenantId: id, action: "tenant.update", targetType: "tenant", targetId: id, before: changedBefore, after: changes });
    return after;
  });
}

/**
 * Moves a tenant (with its subtree) under another tenant of the same tree. One transaction scoped to the
 * tree's root sees both ends; both rows are locked in id order, so concurrent moves cannot form a cycle.
 */
export async function moveTenant(ctx: RequestContext, id: string, newParentId: string): Promise<TenantRow> {
  const tenant = await getTenant(ctx, id);
  if (!isUuid(newParentId)) throw notFound("Tenant");
  if (newParentId === id) throw badInput("A tenant cannot be its own parent", [{ path: "parentId", message: "would form a cycle" }]);
  const rootId = tenant.path[0]!;
  return treeDoor(ctx, rootId, async (tx) => {
    requirePermission(await resolveAccess(tx, ctx.actor, id), "tenant:update");
    const parentAccess = await resolveAccess(tx, ctx.actor, newParentId).catch(() => {
      throw notFound("Tenant"); // outside this tree, or not visible to the actor
    });
    requirePermission(parentAccess, "tenant:create");
    const locked = await tx
      .select()
      .from(tenants)
      .where(inArray(tenants.id, [id, newParentId]))
      .orderBy(asc(tenants.id))
      .for("update");
    const moving = locked.find((t) => t.id === id);
    const parent = locked.find((t) => t.id === newParentId);
    if (!moving || !parent) throw notFound("Tenant");
    if (parent.path.includes(id)) {
      throw badInput("Cannot move a tenant under its own descendant", [{ path: "parentId", message: "would form a cycle" }]);
    }
    if (moving.parentId === parent.id) return moving;
    const newPrefix = parent.path;
    await tx.execute(sql`
      update tenants
      set path = ${`{${newPrefix.join(",")}}`}::uuid[] || path[${moving.depth + 1}:],
          depth = depth - ${moving.depth} + ${parent.depth + 1},
          updated_at = now()
      where path @> array[${id}::uuid]`);
    const [after] = await tx.update(tenants).set({ parentId: parent.id }).where(eq(tenants.id, id)).returning();
    await recordAudit(tx, ctx.actor, {
      tenantId: rootId,
      action: "tenant.move",
      targetType: "tenant",
      targetId: id,
      before: { parentId: moving.parentId },
      after: { parentId: parent.id },
    });
    return after!;
  });
}

export async function childrenOf(ctx: RequestContext, id: string): Promise<TenantRow[]> {
  return staffDoor(ctx, id, "tenant:read", (tx) => tx.select().from(tenants).where(eq(tenants.parentId, id)).orderBy(asc(tenants.name)));
}

/**
 * Ancestors, root first, without the tenant itself. An ancestor the actor cannot read on its own (a
 * subtenant's ADMIN or key looking up) comes back public-only: name, slug and branding, not its settings.
 */
export async function ancestorsOf(ctx: RequestContext, tenant: TenantRef): Promise<TenantRow[]> {
  return staffDoor(ctx, tenant.id, "tenant:read", async (tx) => {
    const rows = await tx
      .select()
      .from(tenants)
      .where(and(inArray(tenants.id, tenant.path), ne(tenants.id, tenant.id)))
      .orderBy(asc(tenants.depth));
    for (const row of rows) {
      const readable = await resolveAccess(tx, ctx.actor, row.id).then(
        (access) => access.permissions.has("tenant:read"),
        () => false,
      );
      if (!readable) asPublicOnly(row);
    }
    return rows;
  });
}

export async function effectiveSettingsOf(ctx: RequestContext, tenant: TenantRef): Promise<JsonObject> {
  const chain = await staffDoor(ctx, tenant.id, "tenant:read", (tx) =>
    tx.select({ settings: tenants.settings }).from(tenants).where(inArray(tenants.id, tenant.path)).orderBy(asc(tenants.depth)),
  );
  return mergeSettings(chain.map((c) => c.settings));
}

export async function accountOf(ctx: RequestContext, tenant: TenantRef) {
  return staffDoor(ctx, tenant.id, "tenant:read", async (tx) => {
    const [row] = await tx.select().from(accounts).where(eq(accounts.id, tenant.accountId));
    return row ?? null;
  });
}

export async function slugAvailability(ctx: RequestContext, slug: string): Promise<{ available: boolean; reason: string | null }> {
  const problem = slugProblem(slug);
  if (problem) return { available: false, reason: `Slug ${problem}` };
  const taken = await tenantIdBySlug(ctx, slug);
  return taken ? { available: false, reason: "Slug is already taken" } : { available: true, reason: null };
}

export interface PublicTenantView {
  id: string;
  name: string;
  slug: string;
  theme: TenantTheme;
  suspended: boolean;
}

/** Public (no sign-in): what a kiosk or customer page needs to show the tenant. The slug is public. */
export async function tenantBySlug(ctx: RequestContext, slug: string): Promise<PublicTenantView | null> {
  return slugDoor(ctx, slug, async (tx, place) => {
    if (!place) return null;
    const [row] = await tx.select({ id: tenants.id, name: tenants.name, slug: tenants.slug }).from(tenants).where(eq(tenants.id, place.tenantId));
    // The branding its chain passes down, field by field, under its own (templates.ts).
    return row ? { ...row, theme: await effectiveTheme(tx, place.tenantId), suspended: place.unavailable } : null;
  });
}

/** Accounts the signed-in user owns or holds a membership in. */
export async function myAccounts(ctx: RequestContext) {
  return userDoor(ctx, (tx) => tx.select().from(accounts).orderBy(asc(accounts.createdAt)));
}

/** Tenants of an account where the signed-in user holds a membership directly (their entry points). */
export async function accountTenantsForUser(ctx: RequestContext, accountId: string): Promise<TenantRow[]> {
  if (ctx.actor.kind !== "user") return [];
  return userDoor(ctx, (tx) => tx.select().from(tenants).where(eq(tenants.accountId, accountId)).orderBy(asc(tenants.depth), asc(tenants.name)));
}
