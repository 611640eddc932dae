import { randomUUID } from "node:crypto";
import { linePrefixSchema, problemOf } from "@qline/validation";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { col, counters, decodeRows, lines, tenants, ticketExtensionSchemas, ticketTypes, z, type JsonObject, type LineTtl, type OpeningPeriod, type Tx } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { isUuid } from "../../context/access.js";
import { publicTenantDoor, reachableTenantOf, recordDoor, staffDoor } from "../../context/doors.js";
import { alreadyRead, loadInTenant, perArgLoader, type TenantLoader } from "../../context/tenant-reads.js";
import { getTenant, type TenantRow } from "../tenants/tenants.service.js";
import { badInput, conflict, notFound, type FieldError } from "../../errors/codes.js";
import { mapUniqueViolations } from "../../errors/postgres.js";
import { recordAudit } from "../audit/audit.service.js";
import { checkEstimatorSettings, checkTtl, newEstimatorSecret, showSecretOnce, type EstimateView } from "../estimates/estimates.service.js";
import { lineStatesOf, publishAfterCommit, type LineStats } from "../tickets/live/line-state.js";
import { lineEvent, statsOf } from "../tickets/live/events.js";
import { refuseArchivedCounter, uniqueCounterName } from "./editing.service.js";
import { checkExtensionSchema, type ExtensionSchemaVersion } from "./extension-schema.js";
import { lineArchived } from "./lines.errors.js";
import { effectiveExtensionSchema, effectiveLinePreset, effectiveTicketTypesIn, usableTicketTypesIn } from "../tenants/templates.js";
import { checkOpeningHours, isOpenAt, isTimeZone } from "./opening-hours.js";

export type LineRow = typeof lines.$inferSelect;
export type TicketTypeRow = typeof ticketTypes.$inferSelect;
export type CounterRow = typeof counters.$inferSelect;

export interface LineFields {
  name?: string | null | undefined;
  prefix?: string | null | undefined;
  ticketTypeIds?: string[] | null | undefined;
  acceptingTickets?: boolean | null | undefined;
  capacity?: number | null | undefined;
  timeZone?: string | null | undefined;
  openingHours?: OpeningPeriod[] | null | undefined;
  estimator?: string | null | undefined;
  estimatorOptions?: Record<string, unknown> | null | undefined;
  showEstimates?: boolean | null | undefined;
  remoteJoin?: boolean | null | undefined;
  ttl?: LineTtl | null | undefined;
}

const codePattern = /^[A-Za-z0-9_-]{1,16}$/;

function checkLineFields(input: LineFields): FieldError[] {
  const fields: FieldError[] = [];
  if (input.name != null && !input.name.trim()) fields.push({ path: "input.name", message: "must not be empty" });
  const prefixProblem = input.prefix != null ? problemOf(linePrefixSchema, input.prefix) : null;
  if (prefixProblem) fields.push({ path: "input.prefix", message: prefixProblem });
  if (input.timeZone != null && !isTimeZone(input.timeZone)) fields.push({ path: "input.timeZone", message: "is not an IANA time zone" });
  return fields;
}

/**
 * The given ticket types must be usable in the tenant: its own or inherited from its chain and not hidden there
 * (templates.ts); a foreign, hidden or unknown id is reported by its index.
 */
async function checkTicketTypes(tx: Tx, tenantId: string, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const usable = (await effectiveTicketTypesIn(tx, tenantId)).filter((t) => !t.hidden);
  const known = new Set(usable.map((r) => r.id));
  const missing = ids.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
  if (missing.length) throw badInput("Unknown ticket types", missing.map(({ i }) => ({ path: `input.ticketTypeIds.${i}`, message: "no such ticket type in this tenant" })));
  return unique;
}

/**
 * A new line starts from the line preset its tenant inherits (templates.ts): every field the input leaves out
 * (estimator, TTL, time zone, opening hours, estimates shown, notification triggers) comes from the nearest
 * tenant on the chain that sets it. The preset is read in its own short transaction first.
 */
export async function createLine(ctx: RequestContext, tenantId: string, given: LineFields & { name: string; prefix: string }): Promise<LineRow> {
  const preset = await staffDoor(ctx, tenantId, "lines:manage", (tx) => effectiveLinePreset(tx, tenantId));
  const input: LineFields & { name: string; prefix: string } = {
    ...given,
    estimator: given.estimator ?? (given.estimatorOptions == null ? preset.estimator : undefined),
    estimatorOptions: given.estimatorOptions ?? (given.estimator == null ? preset.estimatorOptions : undefined),
    ttl: given.ttl ?? preset.ttl,
    timeZone: given.timeZone ?? preset.timeZone,
    openingHours: given.openingHours ?? preset.openingHours,
    showEstimates: given.showEstimates ?? preset.showEstimates,
  };
  const fields = checkLineFields(input);
  if (fields.length) throw badInput("Invalid line", fields);
  const openingHours = input.openingHours?.length ? checkOpeningHours(input.openingHours, "input.openingHours") : null;
  checkTtl(input.ttl, "input.ttl");
  const estimator = checkEstimatorSettings(input);
  return staffDoor(ctx, tenantId, "lines:manage", async (tx) => {
    const allowed = await checkTicketTypes(tx, tenantId, input.ticketTypeIds ?? []);
    const [row] = await tx
      .insert(lines)
      .values({
        tenantId,
        id: randomUUID(),
        name: input.name.trim(),
        prefix: input.prefix,
        allowedTicketTypeIds: allowed,
        acceptingTickets: input.acceptingTickets ?? true,
        capacity: input.capacity ?? null,
        timeZone: input.timeZone ?? "UTC",
        openingHours,
        estimator: estimator?.estimator ?? null,
        estimatorOptions: estimator?.options ?? {},
        estimatorSecret: estimator?.estimator === "WEBHOOK" ? newEstimatorSecret() : null,
        showEstimates: input.showEstimates ?? true,
        remoteJoin: input.remoteJoin ?? false,
        ttl: input.ttl ?? {},
        notificationSettings: preset.notificationSettings ?? {},
      })
      .returning();
    await recordAudit(tx, ctx.actor, { tenantId, action: "line.create", targetType: "line", targetId: row!.id, after: { ...row, estimatorSecret: row!.estimatorSecret ? "(set)" : null } });
    return row!.estimatorSecret ? showSecretOnce(row!) : row!;
  });
}

export async function updateLine(ctx: RequestContext, id: string, input: LineFields): Promise<LineRow> {
  const fields = checkLineFields(input);
  if (fields.length) throw badInput("Invalid line", fields);
  const openingHours = input.openingHours ? (input.openingHours.length ? checkOpeningHours(input.openingHours, "input.openingHours") : null) : undefined;
  const tenantId = await reachableTenantOf(ctx, { kind: "line", id: id });
  const { row, events } = await staffDoor(ctx, tenantId, "lines:manage", async (tx, access) => {
    const where = and(eq(lines.tenantId, tenantId), eq(lines.id, id));
    const [before] = await tx.select().from(lines).where(where).for("update");
    if (!before) throw notFound("Line");
    const changes: Partial<LineRow> = {};
    if (input.name != null) changes.name = input.name.trim();
    if (input.prefix != null) changes.prefix = input.prefix;
    if (input.ticketTypeIds != null) changes.allowedTicketTypeIds = await checkTicketTypes(tx, tenantId, input.ticketTypeIds);
    if (input.acceptingTickets != null) changes.acceptingTickets = input.acceptingTickets;
    if (input.capacity != null) changes.capacity = input.capacity === 0 ? null : input.capacity;
    if (input.timeZone != null) changes.timeZone = input.timeZone;
    if (openingHours !== undefined) changes.openingHours = openingHours;
    const estimator = checkEstimatorSettings(input, before);
    if (estimator) {
      changes.estimator = estimator.estimator;
      changes.estimatorOptions = estimator.options;
      if (estimator.estimator === "WEBHOOK" && !before.estimatorSecret) changes.estimatorSecret = newEstimatorSecret();
    }
    if (input.showEstimates != null) changes.showEstimates = input.showEstimates;
    if (input.remoteJoin != null) changes.remoteJoin = input.remoteJoin;
    if (input.ttl != null) {
      checkTtl(input.ttl, "input.ttl", before.ttl);
      changes.ttl = { ...before.ttl, ...input.ttl };
    }
    if (Object.keys(changes).length === 0) return { row: before, events: [] };
    const [after] = await tx.update(lines).set({ ...changes, updatedAt: new Date() }).where(where).returning();
    const changedBefore = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof LineRow]]));
    const secretMade = Boolean(changes.estimatorSecret);
    if (secretMade) changes.estimatorSecret = "(set)"; // never in the audit log
    await recordAudit(tx, ctx.actor, { tenantId, action: "line.update", targetType: "line", targetId: id, before: changedBefore, after: changes });
    return { row: secretMade ? showSecretOnce(after!) : after!, events: [await lineEvent(tx, access.path, tenantId, id, "LINE_UPDATED", null)] };
  });
  publishAfterCommit(ctx, events);
  return row;
}

/**
 * The tenant row getLine read with the line, carried on the line under a symbol (type-graphql hands field
 * resolvers a copy of the returned object, which keeps symbol-keyed properties; JSON and GraphQL never show it).
 */
const tenantReadWithLine = Symbol("tenant read with the line");
interface WithTenantRead {
  [tenantReadWithLine]?: TenantRow;
}

/**
 * A line by id (lines:read): located, access decided and the line read with its tenant's row in one transaction.
 * The line's `eventSeq` is the number its live fields (stats, estimates) are computed at.
 */
export async function getLine(ctx: RequestContext, id: string): Promise<LineRow> {
  const { line, tenant } = await recordDoor(ctx, { kind: "line", id }, "lines:read", async (tx, { tenantId }) => {
    const [row] = await tx
      .select({ line: lines, tenant: tenants })
      .from(lines)
      .innerJoin(tenants, eq(tenants.id, lines.tenantId))
      .where(and(eq(lines.tenantId, tenantId), eq(lines.id, id)));
    if (!row) throw notFound("Line");
    return row;
  });
  const carried: LineRow & WithTenantRead = line;
  carried[tenantReadWithLine] = tenant;
  return carried;
}

/** Line.tenant: the row read with the line when getLine found it (tenant:read is still required), else a batched read. */
export function tenantOfLine(ctx: RequestContext, line: { tenantId: string } & WithTenantRead): Promise<TenantRow> {
  const tenant = line[tenantReadWithLine];
  const load = () => getTenant(ctx, line.tenantId);
  return tenant ? alreadyRead(ctx, line.tenantId, "tenant:read", tenant, load) : load();
}

const tenantLines = perArgLoader("tenantLines", String, (tx, tenantId) =>
  tx.select().from(lines).where(eq(lines.tenantId, tenantId)).orderBy(asc(lines.name), asc(lines.id)),
);

export function linesOfTenant(ctx: RequestContext, tenantId: string): Promise<LineRow[]> {
  return loadInTenant(ctx, tenantId, "lines:read", tenantLines, tenantId);
}


/** Line.stats, waitingCount, nowServing: from the line's live state as of the event number read with the line. */
export async function lineStatsOf(ctx: RequestContext, line: Pick<LineRow, "tenantId" | "id" | "eventSeq">): Promise<LineStats> {
  const state = await lineStatesOf(ctx.db).current(line.tenantId, line.id, line.eventSeq);
  return state ? statsOf(state) : { waitingCount: 0, nowServing: [], estimatedWaitSeconds: null };
}

export function lineIsOpen(line: Pick<LineRow, "openingHours" | "timeZone">, at = new Date()): boolean {
  return isOpenAt(line.openingHours, line.timeZone, at);
}

export async function createTicketType(
  ctx: RequestContext,
  tenantId: string,
  input: { code: string; name: string; defaultServiceSeconds?: number | null | undefined; ttl?: LineTtl | null | undefined },
): Promise<TicketTypeRow> {
  checkTtl(input.ttl, "input.ttl");
  if (!codePattern.test(input.code)) throw badInput("Invalid ticket type code", [{ path: "input.code", message: "must be 1-16 letters, digits, _ or -" }]);
  if (!input.name.trim()) throw badInput("Name must not be empty", [{ path: "input.name", message: "must not be empty" }]);
  return staffDoor(ctx, tenantId, "lines:manage", async (tx) => {
    const [row] = await mapUniqueViolations(
      () =>
        tx
          .insert(ticketTypes)
          .values({ tenantId, id: randomUUID(), code: input.code, name: input.name.trim(), defaultServiceSeconds: input.defaultServiceSeconds ?? null, ttl: input.ttl ?? {} })
          .returning(),
      { ticket_types_tenant_code_key: () => conflict(`The code "${input.code}" is already used in this tenant`) },
    );
    await recordAudit(tx, ctx.actor, { tenantId, action: "ticket_type.create", targetType: "ticket_type", targetId: row!.id, after: row });
    return row!;
  });
}

/** The tenant's own ticket types and those its chain passes down (templates.ts), less the hidden ones; by code. */
const tenantTicketTypes = perArgLoader("tenantTicketTypes", String, async (tx, tenantId): Promise<TicketTypeRow[]> =>
  (await effectiveTicketTypesIn(tx, tenantId)).filter((t) => !t.hidden),
);

export function ticketTypesOfTenant(ctx: RequestContext, tenantId: string): Promise<TicketTypeRow[]> {
  return loadInTenant(ctx, tenantId, "lines:read", tenantTicketTypes, tenantId);
}

/** Ticket types by id, one query for all of a batch's ids. */
const ticketTypesById: TenantLoader<string, TicketTypeRow | null> = {
  name: "ticketTypesById",
  key: String,
  async load(tx, tenantId, ids) {
    // The tenant's own and its ancestors' types (RLS shows no other tenant's): a ticket may use its chain's type.
    const rows = await tx.select().from(ticketTypes).where(and(sql`${ticketTypes.tenantId} = any((select app.scope_ancestors())::uuid[])`, inArray(ticketTypes.id, [...ids])));
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  },
};

export function getTicketType(ctx: RequestContext, tenantId: string, id: string): Promise<TicketTypeRow | null> {
  return loadInTenant(ctx, tenantId, "lines:read", ticketTypesById, id);
}

export async function createCounter(ctx: RequestContext, lineId: string, name: string): Promise<CounterRow> {
  if (!name.trim()) throw badInput("Name must not be empty", [{ path: "input.name", message: "must not be empty" }]);
  const tenantId = await reachableTenantOf(ctx, { kind: "line", id: lineId });
  const { row, events } = await staffDoor(ctx, tenantId, "lines:manage", async (tx, access) => {
    const [line] = await tx.select({ id: lines.id, name: lines.name, archivedAt: lines.archivedAt }).from(lines).where(and(eq(lines.tenantId, tenantId), eq(lines.id, lineId)));
    if (!line) throw notFound("Line");
    if (line.archivedAt) throw lineArchived(line.name);
    const [row] = await uniqueCounterName(name.trim(), () => tx.insert(counters).values({ tenantId, id: randomUUID(), lineId, name: name.trim() }).returning());
    await recordAudit(tx, ctx.actor, { tenantId, action: "counter.create", targetType: "counter", targetId: row!.id, after: row });
    return { row: row!, events: [await lineEvent(tx, access.path, tenantId, lineId, "COUNTER_UPDATED", null)] };
  });
  publishAfterCommit(ctx, events);
  return row;
}

/** Staff open and close their counter (tickets:operate); callNext refuses a closed counter. */
export async function setCounterOpen(ctx: RequestContext, id: string, isOpen: boolean): Promise<CounterRow> {
  const tenantId = await reachableTenantOf(ctx, { kind: "counter", id: id });
  const { row, events } = await staffDoor(ctx, tenantId, "tickets:operate", async (tx, access) => {
    const where = and(eq(counters.tenantId, tenantId), eq(counters.id, id));
    const [before] = await tx.select().from(counters).where(where).for("update");
    if (!before) throw notFound("Counter");
    if (isOpen) refuseArchivedCounter(before);
    if (before.isOpen === isOpen) return { row: before, events: [] };
    const [after] = await tx.update(counters).set({ isOpen }).where(where).returning();
    await recordAudit(tx, ctx.actor, { tenantId, action: isOpen ? "counter.open" : "counter.close", targetType: "counter", targetId: id });
    return { row: after!, events: [await lineEvent(tx, access.path, tenantId, before.lineId, "COUNTER_UPDATED", null)] };
  });
  publishAfterCommit(ctx, events);
  return row;
}

/** Counters of lines, one query for all of a batch's lines. */
const countersByLine: TenantLoader<string, CounterRow[]> = {
  name: "countersByLine",
  key: String,
  async load(tx, tenantId, lineIds) {
    const rows = await tx
      .select()
      .from(counters)
      .where(and(eq(counters.tenantId, tenantId), inArray(counters.lineId, [...lineIds])))
      .orderBy(asc(counters.name), asc(counters.id));
    return lineIds.map((lineId) => rows.filter((r) => r.lineId === lineId));
  },
};

export function countersOfLine(ctx: RequestContext, tenantId: string, lineId: string): Promise<CounterRow[]> {
  return loadInTenant(ctx, tenantId, "lines:read", countersByLine, lineId);
}

/** The tenant's current extension schema version, in the caller's transaction (null: none set). */
export async function currentExtensionSchema(tx: Tx, tenantId: string): Promise<ExtensionSchemaVersion | null> {
  const [row] = await tx
    .select()
    .from(ticketExtensionSchemas)
    .where(eq(ticketExtensionSchemas.tenantId, tenantId))
    .orderBy(desc(ticketExtensionSchemas.version))
    .limit(1);
  return row ? { tenantId, version: row.version, schema: row.schema } : null;
}

/**
 * Sets a new version of the tenant's ticket extension schema. Needs lines:manage: the schema is queue
 * configuration (what a kiosk or partner must send with a ticket), which managers own. Existing tickets keep
 * the version they were validated against.
 */
export async function setTicketExtensionSchema(
  ctx: RequestContext,
  tenantId: string,
  schema: unknown,
): Promise<ExtensionSchemaVersion & { tenant: typeof tenants.$inferSelect }> {
  const checked = checkExtensionSchema(schema, "schema");
  return staffDoor(ctx, tenantId, "lines:manage", async (tx) => {
    // Serialise concurrent setters of one tenant so versions stay consecutive.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`qline.extension_schema.${tenantId}`}))`);
    const current = await currentExtensionSchema(tx, tenantId);
    const version = (current?.version ?? 0) + 1;
    await tx.insert(ticketExtensionSchemas).values({
      tenantId,
      version,
      schema: checked,
      createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
    });
    await recordAudit(tx, ctx.actor, { tenantId, action: "ticket_extension_schema.set", targetType: "tenant", targetId: tenantId, after: { version, schema: checked } });
    // Read here, under lines:manage, so a caller without tenant:read still gets its answer.
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId));
    if (!tenant) throw notFound("Tenant");
    return { tenantId, version, schema: checked, tenant };
  });
}

/** The schema in force for the tenant: its own or the one its chain passes down (templates.ts). */
const extensionSchemas = perArgLoader("extensionSchema", String, effectiveExtensionSchema);

export function extensionSchemaOf(ctx: RequestContext, tenantId: string): Promise<ExtensionSchemaVersion | null> {
  return loadInTenant(ctx, tenantId, "lines:read", extensionSchemas, tenantId);
}

/** Public: the tenant's current custom-field schema (what the join form renders; it holds no customer data). */
export function publicExtensionSchemaOf(ctx: RequestContext, tenantId: string): Promise<ExtensionSchemaVersion | null> {
  return publicTenantDoor(ctx, tenantId, (tx) => effectiveExtensionSchema(tx, tenantId));
}

/** The ticket types new tickets may use: own and inherited, not hidden (archived ones only label old tickets). */
function liveTicketTypes(tx: Tx, tenantId: string): Promise<TicketTypeRow[]> {
  return usableTicketTypesIn(tx, tenantId);
}

export interface PublicLineView {
  id: string;
  name: string;
  prefix: string;
  waitingCount: number;
  ticketTypes: { id: string; code: string; name: string }[];
}

const WaitingRow = z.object({ line_id: col.uuid, n: col.int });

/**
 * Public (no sign-in; the tenant's slug or id is public): lines accepting tickets now, with their ticket types.
 * Reads in a transaction scoped to the tenant with no user, like tenantBySlug.
 */
export async function publicLinesOf(ctx: RequestContext, tenantId: string): Promise<PublicLineView[]> {
  return publicTenantDoor(ctx, tenantId, async (tx) => {
    const rows = await tx.select().from(lines).where(and(eq(lines.tenantId, tenantId), eq(lines.acceptingTickets, true), isNull(lines.archivedAt))).orderBy(asc(lines.name));
    const open = rows.filter((l) => lineIsOpen(l));
    if (open.length === 0) return [];
    const types = await liveTicketTypes(tx, tenantId);
    const waiting = decodeRows(
      WaitingRow,
      await tx.execute(sql`select line_id, count(*)::int as n from tickets where tenant_id = ${tenantId} and status = 'WAITING' group by line_id`),
    );
    return open.map((l) => ({
      id: l.id,
      name: l.name,
      prefix: l.prefix,
      waitingCount: waiting.find((w) => w.line_id === l.id)?.n ?? 0,
      ticketTypes: types
        .filter((t) => l.allowedTicketTypeIds.length === 0 || l.allowedTicketTypeIds.includes(t.id))
        .map((t) => ({ id: t.id, code: t.code, name: t.name })),
    }));
  });
}

export type JoinUnavailableReason = "CLOSED" | "NOT_ACCEPTING" | "FULL";

export interface PublicJoinLineView extends PublicLineView {
  joinable: boolean;
  unavailableReason: JoinUnavailableReason | null;
  /** What someone joining now would wait, as customers see it (null when the line hides estimates). */
  estimate: EstimateView | null;
}

/** Most lines a join page lists (a public read's cost bound: each joinable line runs its estimator). */
export const maxJoinLines = 50;

/**
 * Public: the lines customers may join from their own phone (remoteJoin), joinable now or not and why, with the
 * wait for joining now — so the page says "closed" or "full" before anyone fills in a form. `lineId` narrows it
 * to one line (the join form). Scoped to the tenant with no user, like tenantBySlug; a suspended tenant lists none.
 */
export async function joinLinesOf(ctx: RequestContext, tenantId: string, lineId?: string): Promise<PublicJoinLineView[]> {
  if (lineId !== undefined && !isUuid(lineId)) return [];
  const { rows, types } = await publicTenantDoor(ctx, tenantId, async (tx) => {
    const conditions = [eq(lines.tenantId, tenantId), eq(lines.remoteJoin, true), isNull(lines.archivedAt)];
    if (lineId !== undefined) conditions.push(eq(lines.id, lineId));
    const rows = await tx.select().from(lines).where(and(...conditions)).orderBy(asc(lines.name)).limit(maxJoinLines);
    if (rows.length === 0) return { rows, types: [] };
    return { rows, types: await liveTicketTypes(tx, tenantId) };
  });
  // The lines' live states, outside the transaction (a WEBHOOK line's estimator calls the tenant's server).
  const states = await Promise.all(rows.map((l) => lineStatesOf(ctx.db).current(tenantId, l.id, l.eventSeq)));
  return rows.map((l, i): PublicJoinLineView => {
    const state = states[i] ?? null;
    const waitingCount = state?.waitingCount ?? 0;
    const unavailableReason: JoinUnavailableReason | null = !l.acceptingTickets
      ? "NOT_ACCEPTING"
      : !lineIsOpen(l)
        ? "CLOSED"
        : l.capacity != null && waitingCount >= l.capacity
          ? "FULL"
          : null;
    return {
      id: l.id,
      name: l.name,
      prefix: l.prefix,
      waitingCount,
      ticketTypes: types
        .filter((t) => l.allowedTicketTypeIds.length === 0 || l.allowedTicketTypeIds.includes(t.id))
        .map((t) => ({ id: t.id, code: t.code, name: t.name })),
      joinable: unavailableReason === null,
      unavailableReason,
      estimate: unavailableReason === null ? (state?.estimates.forArrival() ?? null) : null,
    };
  });
}

export type { JsonObject };
