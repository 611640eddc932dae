/**
 * Chain templates: branding, the line preset, the custom-field schema and ticket types set at a tenant are
 * inherited by its whole subtree, field by field, and each store may override a field or go back to inheriting.
 *
 * Nothing is copied: every read resolves the value along the tenant's `path` (root first) in the tenant's own
 * transaction. RLS shows a tenant's transaction its ancestors' rows (tenants, ticket_types,
 * ticket_extension_schemas: `app.scope_ancestors()`), never a sibling's, so a store's staff see exactly what
 * is inherited into their store. A change at the root reaches every existing store at its next read.
 */
import { asc, eq, sql } from "drizzle-orm";
import {
  col,
  decodeRows,
  tenants,
  ticketExtensionSchemas,
  ticketTypes,
  z,
  type JsonObject,
  type JsonValue,
  type LinePresetJson,
  type TenantTheme,
  type Tx,
} from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { staffDoor } from "../../context/doors.js";
import { isUuid } from "../../context/access.js";
import { badInput, notFound } from "../../errors/codes.js";
import { recordAudit } from "../audit/audit.service.js";
import { checkEstimatorSettings, checkTtl } from "../estimates/estimates.service.js";
import { checkOpeningHours, isTimeZone } from "../lines/opening-hours.js";
import type { ExtensionSchemaVersion } from "../lines/extension-schema.js";
import { checkJsonObject } from "./settings.js";

export const themeFields = ["logoUrl", "primaryColor", "accentColor", "fontFamily"] as const;
export const linePresetFields = ["estimator", "estimatorOptions", "ttl", "timeZone", "openingHours", "showEstimates", "notificationSettings"] as const;
export type ThemeField = (typeof themeFields)[number];
export type LinePresetField = (typeof linePresetFields)[number];
export type TemplateKind = "THEME" | "LINE_PRESET" | "EXTENSION_SCHEMA";

/** The tenant a value comes from. */
export interface TemplateSource {
  id: string;
  name: string;
}

/** One inheritable field as a tenant sees it: its value, where it comes from, and whether it is set here. */
export interface EffectiveValue {
  field: string;
  value: JsonValue | null;
  /** Null: nobody on the chain sets it (the built-in default applies). */
  source: TemplateSource | null;
  overridden: boolean;
}

interface ChainLink {
  id: string;
  name: string;
  depth: number;
  theme: TenantTheme;
  linePreset: LinePresetJson;
  hiddenTicketTypeIds: string[];
}

/** The tenant and its ancestors, root first, read in the tenant's transaction (RLS shows ancestors). */
export async function chainOf(tx: Tx, tenantId: string): Promise<ChainLink[]> {
  const [self] = await tx.select({ path: tenants.path }).from(tenants).where(eq(tenants.id, tenantId));
  if (!self) throw notFound("Tenant");
  const rows = await tx
    .select({ id: tenants.id, name: tenants.name, depth: tenants.depth, theme: tenants.theme, linePreset: tenants.linePreset, hiddenTicketTypeIds: tenants.hiddenTicketTypeIds })
    .from(tenants)
    .where(sql`${tenants.id} = any(${`{${self.path.join(",")}}`}::uuid[])`)
    .orderBy(asc(tenants.depth));
  return rows;
}

/** Per field, the nearest tenant on the chain (the tenant itself first) that sets it. */
function resolveFields<F extends string>(chain: readonly ChainLink[], fields: readonly F[], own: (link: ChainLink) => Partial<Record<F, unknown>>): EffectiveValue[] {
  const self = chain[chain.length - 1];
  return fields.map((field) => {
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i]!;
      const value = own(link)[field];
      if (value !== undefined && value !== null) {
        // jsonb values read back from the database are JSON by construction.
        return { field, value: value as JsonValue, source: { id: link.id, name: link.name }, overridden: link.id === self?.id };
      }
    }
    return { field, value: null, source: null, overridden: false };
  });
}

export const effectiveThemeFields = (chain: readonly ChainLink[]): EffectiveValue[] => resolveFields(chain, themeFields, (l) => l.theme);
export const effectiveLinePresetFields = (chain: readonly ChainLink[]): EffectiveValue[] => resolveFields(chain, linePresetFields, (l) => l.linePreset);

const asObject = (values: readonly EffectiveValue[]): Record<string, JsonValue> =>
  Object.fromEntries(values.filter((v) => v.value !== null).map((v) => [v.field, v.value as JsonValue]));

/** The theme a tenant's public pages use: each field from the nearest tenant that sets it. */
export async function effectiveTheme(tx: Tx, tenantId: string): Promise<TenantTheme> {
  return asObject(effectiveThemeFields(await chainOf(tx, tenantId))) as TenantTheme; // theme fields are strings by their input checks
}

/** The preset new lines of the tenant start from (fields nobody sets are absent). */
export async function effectiveLinePreset(tx: Tx, tenantId: string): Promise<LinePresetJson> {
  return asObject(effectiveLinePresetFields(await chainOf(tx, tenantId))) as LinePresetJson; // stored only through checkLinePreset
}

const EffectiveSchemaRow = z.object({
  tenant_id: col.uuid.nullable(),
  version: col.int.nullable(),
  schema: col.jsonObject.nullable(),
  name: col.text.nullable(),
});

export interface EffectiveExtensionSchema extends ExtensionSchemaVersion {
  source: TemplateSource;
  overridden: boolean;
}

/**
 * The custom-field schema in force for a tenant: its own latest version, unless it has none or that version hands
 * it back to its ancestors (`inherit`); then the nearest ancestor's, the same way. Null: nobody on the chain has one.
 */
export async function effectiveExtensionSchema(tx: Tx, tenantId: string): Promise<EffectiveExtensionSchema | null> {
  // One statement (issuing reads it on every ticket): the tenant's path, each link's latest version, the nearest
  // link whose latest version does not hand back to its ancestors.
  const [row] = decodeRows(
    EffectiveSchemaRow,
    await tx.execute(sql`
      select found.tenant_id, found.version, found.schema, found.name
      from tenants self
      left join lateral (
        select latest.tenant_id, latest.version, latest.schema, link.name
        from (select distinct on (tenant_id) tenant_id, version, schema, inherit
              from ticket_extension_schemas where tenant_id = any(self.path)
              order by tenant_id, version desc) latest
        join tenants link on link.id = latest.tenant_id
        where not latest.inherit
        order by link.depth desc
        limit 1) found on true
      where self.id = ${tenantId}`),
  );
  if (!row) throw notFound("Tenant");
  if (!row.tenant_id || row.version == null || !row.schema || row.name == null) return null;
  return { tenantId: row.tenant_id, version: row.version, schema: row.schema, source: { id: row.tenant_id, name: row.name }, overridden: row.tenant_id === tenantId };
}

export type TicketTypeRow = typeof ticketTypes.$inferSelect;

export interface EffectiveTicketType extends TicketTypeRow {
  source: TemplateSource;
  inherited: boolean;
  /** Hidden here by this tenant or an ancestor between it and the type's owner: not offered on its lines. */
  hidden: boolean;
}

/**
 * The ticket types a tenant's lines may use: its own and its ancestors', one per code (the nearest tenant's type
 * wins, so a store overrides a chain type by defining the same code), with those hidden on the way marked.
 */
export async function effectiveTicketTypesIn(tx: Tx, tenantId: string): Promise<EffectiveTicketType[]> {
  const chain = await chainOf(tx, tenantId);
  const ids = chain.map((l) => l.id);
  const rows = await tx
    .select()
    .from(ticketTypes)
    .where(sql`${ticketTypes.tenantId} = any(${`{${ids.join(",")}}`}::uuid[])`)
    .orderBy(asc(ticketTypes.code));
  const depthOf = new Map(chain.map((l, i) => [l.id, i]));
  const byCode = new Map<string, TicketTypeRow>();
  for (const row of rows) {
    const kept = byCode.get(row.code);
    if (!kept || (depthOf.get(row.tenantId) ?? -1) > (depthOf.get(kept.tenantId) ?? -1)) byCode.set(row.code, row);
  }
  return [...byCode.values()].map((row) => {
    const owner = depthOf.get(row.tenantId) ?? 0;
    const hidden = chain.slice(owner + 1).some((l) => l.hiddenTicketTypeIds.includes(row.id));
    const link = chain[owner]!;
    return { ...row, source: { id: link.id, name: link.name }, inherited: row.tenantId !== tenantId, hidden };
  });
}

/** The types new tickets of the tenant may use: effective, not hidden, not archived. */
export async function usableTicketTypesIn(tx: Tx, tenantId: string): Promise<EffectiveTicketType[]> {
  return (await effectiveTicketTypesIn(tx, tenantId)).filter((t) => !t.hidden && !t.archivedAt);
}

const UsableRow = z.object({ id: col.uuid, hidden: col.bool, shadowed: col.bool });

/**
 * Issuing's check in one statement (the hot path): whether the ticket type `id` is usable in the tenant — its own or
 * an ancestor's, not hidden by a tenant between its owner and this one, not replaced by a nearer type of the same code.
 */
export async function isUsableTicketType(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const [row] = decodeRows(
    UsableRow,
    await tx.execute(sql`
      select tt.id,
        exists (select 1 from tenants h where h.id = any(s.path) and h.depth > o.depth and tt.id = any(h.hidden_ticket_type_ids)) as hidden,
        exists (select 1 from ticket_types x join tenants xo on xo.id = x.tenant_id
                where x.code = tt.code and x.tenant_id = any(s.path) and xo.depth > o.depth) as shadowed
      from tenants s
      join ticket_types tt on tt.id = ${id} and tt.tenant_id = any(s.path)
      join tenants o on o.id = tt.tenant_id
      where s.id = ${tenantId}`),
  );
  return row !== undefined && !row.hidden && !row.shadowed;
}

// --- reads through the staff door -------------------------------------------------------------------------------

export interface TenantTemplatesView {
  tenantId: string;
  theme: EffectiveValue[];
  linePreset: EffectiveValue[];
  extensionSchema: EffectiveExtensionSchema | null;
  ticketTypes: EffectiveTicketType[];
}

/** Every template field of a tenant with its effective value and source (tenant:read). */
export async function templatesOf(ctx: RequestContext, tenantId: string): Promise<TenantTemplatesView> {
  return staffDoor(ctx, tenantId, "tenant:read", async (tx) => {
    const chain = await chainOf(tx, tenantId);
    return {
      tenantId,
      theme: effectiveThemeFields(chain),
      linePreset: effectiveLinePresetFields(chain),
      extensionSchema: await effectiveExtensionSchema(tx, tenantId),
      ticketTypes: await effectiveTicketTypesIn(tx, tenantId),
    };
  });
}

// --- writes -----------------------------------------------------------------------------------------------------

export interface LinePresetInputFields {
  estimator?: string | null | undefined;
  estimatorOptions?: Record<string, unknown> | null | undefined;
  ttl?: { warnSeconds?: number | null; waitingSeconds?: number | null; calledSeconds?: number | null } | null | undefined;
  timeZone?: string | null | undefined;
  openingHours?: { day: number; opens: string; closes: string }[] | null | undefined;
  showEstimates?: boolean | null | undefined;
  notificationSettings?: Record<string, unknown> | null | undefined;
}

/** Checks the given preset fields as createLine would check them; returns only the fields given (non-null). */
export function checkLinePreset(input: LinePresetInputFields): LinePresetJson {
  const out: LinePresetJson = {};
  if (input.estimator != null || input.estimatorOptions != null) {
    const checked = checkEstimatorSettings({ estimator: input.estimator ?? null, estimatorOptions: input.estimatorOptions ?? null });
    if (checked) {
      if (input.estimator != null) out.estimator = checked.estimator;
      if (input.estimatorOptions != null) out.estimatorOptions = checked.options;
    }
  }
  if (input.ttl != null) {
    checkTtl(input.ttl, "input.ttl");
    out.ttl = { ...input.ttl };
  }
  if (input.timeZone != null) {
    if (!isTimeZone(input.timeZone)) throw badInput("Invalid line preset", [{ path: "input.timeZone", message: "is not an IANA time zone" }]);
    out.timeZone = input.timeZone;
  }
  if (input.openingHours != null) out.openingHours = input.openingHours.length ? checkOpeningHours(input.openingHours, "input.openingHours") : [];
  if (input.showEstimates != null) out.showEstimates = input.showEstimates;
  if (input.notificationSettings != null) {
    const settings = Object.fromEntries(Object.entries(input.notificationSettings).filter(([, v]) => v !== null && v !== undefined));
    out.notificationSettings = checkJsonObject(settings as JsonObject, "input.notificationSettings", 2048); // the input type allows booleans and ints only
  }
  return out;
}

/** Sets fields of the tenant's line preset (tenant:update); fields not given keep their value or stay inherited. */
export async function setLinePreset(ctx: RequestContext, tenantId: string, input: LinePresetInputFields): Promise<typeof tenants.$inferSelect> {
  const changes = checkLinePreset(input);
  return staffDoor(ctx, tenantId, "tenant:update", async (tx) => {
    const [before] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for("update");
    if (!before) throw notFound("Tenant");
    if (Object.keys(changes).length === 0) return before;
    const linePreset = { ...before.linePreset, ...changes };
    const [after] = await tx.update(tenants).set({ linePreset, updatedAt: new Date() }).where(eq(tenants.id, tenantId)).returning();
    await recordAudit(tx, ctx.actor, { tenantId, action: "tenant.template.set", targetType: "tenant", targetId: tenantId, before: { linePreset: before.linePreset }, after: { linePreset } });
    return after!;
  });
}

/**
 * Hands one template field back to the tenant's ancestors: a theme field or line preset field is cleared here
 * (tenant:update); the custom-field schema gets a version that inherits (lines:manage, as setTicketExtensionSchema).
 * An unknown field is BAD_USER_INPUT naming `field`.
 */
export async function resetTemplateField(ctx: RequestContext, tenantId: string, template: TemplateKind, field: string): Promise<typeof tenants.$inferSelect> {
  const unknownField = () => badInput(`Unknown ${template} field "${field}"`, [{ path: "field", message: "unknown field" }]);
  if (template === "THEME" && !themeFields.some((f) => f === field)) throw unknownField();
  if (template === "LINE_PRESET" && !linePresetFields.some((f) => f === field)) throw unknownField();
  if (template === "EXTENSION_SCHEMA" && field !== "schema") throw unknownField();
  const permission = template === "EXTENSION_SCHEMA" ? "lines:manage" : "tenant:update";
  return staffDoor(ctx, tenantId, permission, async (tx) => {
    const [before] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for("update");
    if (!before) throw notFound("Tenant");
    if (template === "EXTENSION_SCHEMA") {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`qline.extension_schema.${tenantId}`}))`);
      const [current] = await tx
        .select({ version: ticketExtensionSchemas.version, inherit: ticketExtensionSchemas.inherit })
        .from(ticketExtensionSchemas)
        .where(eq(ticketExtensionSchemas.tenantId, tenantId))
        .orderBy(sql`${ticketExtensionSchemas.version} desc`)
        .limit(1);
      if (current && !current.inherit) {
        await tx.insert(ticketExtensionSchemas).values({ tenantId, version: current.version + 1, schema: {}, inherit: true, createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null });
      }
      await recordAudit(tx, ctx.actor, { tenantId, action: "tenant.template.reset", targetType: "tenant", targetId: tenantId, after: { template, field } });
      return before;
    }
    const changes: Partial<typeof tenants.$inferSelect> =
      template === "THEME" ? { theme: { ...before.theme, [field]: null } } : { linePreset: Object.fromEntries(Object.entries(before.linePreset).filter(([k]) => k !== field)) };
    const [after] = await tx.update(tenants).set({ ...changes, updatedAt: new Date() }).where(eq(tenants.id, tenantId)).returning();
    await recordAudit(tx, ctx.actor, { tenantId, action: "tenant.template.reset", targetType: "tenant", targetId: tenantId, after: { template, field } });
    return after!;
  });
}

/**
 * Hides (or shows again) a ticket type the tenant inherits from an ancestor (lines:manage): hidden types are not
 * offered on the tenant's lines or kiosks, in its subtree too. A type of the tenant itself (archive it instead) or
 * one not inherited here is BAD_USER_INPUT naming `ticketTypeId`.
 */
export async function setInheritedTicketTypeHidden(ctx: RequestContext, tenantId: string, ticketTypeId: string, hidden: boolean): Promise<typeof tenants.$inferSelect> {
  const notInherited = () => badInput("Not a ticket type this tenant inherits", [{ path: "ticketTypeId", message: "not inherited here" }]);
  if (!isUuid(ticketTypeId)) throw notInherited();
  return staffDoor(ctx, tenantId, "lines:manage", async (tx) => {
    const [before] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for("update");
    if (!before) throw notFound("Tenant");
    const [type] = await tx.select({ tenantId: ticketTypes.tenantId }).from(ticketTypes).where(eq(ticketTypes.id, ticketTypeId));
    if (!type || type.tenantId === tenantId || !before.path.includes(type.tenantId)) throw notInherited();
    const set = new Set(before.hiddenTicketTypeIds);
    if (hidden) set.add(ticketTypeId);
    else set.delete(ticketTypeId);
    const [after] = await tx.update(tenants).set({ hiddenTicketTypeIds: [...set], updatedAt: new Date() }).where(eq(tenants.id, tenantId)).returning();
    await recordAudit(tx, ctx.actor, { tenantId, action: hidden ? "ticket_type.hide" : "ticket_type.show", targetType: "ticket_type", targetId: ticketTypeId });
    return after!;
  });
}


// --- the subtree, paged (the tenant switcher) -------------------------------------------------------------------

export const maxSubtreePage = 100;

export interface SubtreePage {
  rows: (typeof tenants.$inferSelect)[];
  hasNextPage: boolean;
  totalCount: number;
}

const CountRow = z.object({ n: col.int });

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A tenant's descendants in tree order (by `path`: each store right after its parent), `first` at a time after the
 * cursor (a previous row's path), optionally only those whose name or slug contains `search` (tenant:read).
 */
export async function subtreePage(ctx: RequestContext, tenantId: string, opts: { search?: string | null | undefined; first: number; after?: string | null | undefined }): Promise<SubtreePage> {
  if (opts.first < 1 || opts.first > maxSubtreePage) throw badInput(`first must be 1-${maxSubtreePage}`, [{ path: "first", message: "out of range" }]);
  const search = opts.search?.trim() ? `%${escapeLike(opts.search.trim().slice(0, 100))}%` : null;
  const after = opts.after ? decodePathCursor(opts.after) : null;
  return staffDoor(ctx, tenantId, "tenant:read", async (tx) => {
    const inSubtree = sql`${tenants.path} @> array[${tenantId}]::uuid[] and ${tenants.id} <> ${tenantId}`;
    const matches = search ? sql`${inSubtree} and (${tenants.name} ilike ${search} or ${tenants.slug} ilike ${search})` : inSubtree;
    const rows = await tx
      .select()
      .from(tenants)
      .where(after ? sql`${matches} and ${tenants.path} > ${`{${after.join(",")}}`}::uuid[]` : matches)
      .orderBy(asc(tenants.path))
      .limit(opts.first + 1);
    const [count] = decodeRows(CountRow, await tx.execute(sql`select count(*)::int as n from tenants where ${matches}`));
    return { rows: rows.slice(0, opts.first), hasNextPage: rows.length > opts.first, totalCount: count?.n ?? 0 };
  });
}

export const encodePathCursor = (path: readonly string[]): string => Buffer.from(path.join(","), "utf8").toString("base64url");

function decodePathCursor(cursor: string): string[] {
  const path = Buffer.from(cursor, "base64url").toString("utf8").split(",");
  if (path.length === 0 || path.length > 64 || !path.every(isUuid)) throw badInput("Malformed cursor", [{ path: "after", message: "is not a cursor from this connection" }]);
  return path;
}
