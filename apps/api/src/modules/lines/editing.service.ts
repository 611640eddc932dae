/**
 * Renaming, archiving and restoring what a tenant configures: lines, counters and ticket types. Archiving is a
 * soft flag (`archived_at`), never a delete: tickets, their history, the audit log and analytics keep pointing
 * at the row and so keep its name. What archiving takes away is the future —
 *   - an archived line takes no tickets (issue, join), is hidden from kiosks, join pages and transfer targets,
 *     and is refused while it still has active tickets (nobody is stranded in a line nobody sees);
 *   - an archived counter is closed, cannot be opened or called to, and frees its name for a new counter;
 *   - an archived ticket type is not offered and not accepted for new tickets.
 * Restoring is the inverse and is refused (CONFLICT) when a live counter took the name meanwhile.
 */
import { and, eq, sql } from "drizzle-orm";
import { col, counters, decodeFirstRow, lines, ticketTypes, z, type Tx } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { badInput, notFound } from "../../errors/codes.js";
import { mapUniqueViolations } from "../../errors/postgres.js";
import { recordAudit } from "../audit/audit.service.js";
import { publishAfterCommit } from "../tickets/live/line-state.js";
import { lineEvent } from "../tickets/live/events.js";
import { counterArchived, counterNameTaken, lineHasActiveTickets, ticketTypeArchived } from "./lines.errors.js";
import type { CounterRow, LineRow, TicketTypeRow } from "./lines.service.js";
import { reachableTenantOf, staffDoor } from "../../context/doors.js";

const CountRow = z.object({ n: col.int });

const counterNameIndex = "counters_line_name_key";

function checkName(name: string | null | undefined, path = "input.name"): string | undefined {
  if (name == null) return undefined;
  const trimmed = name.trim();
  if (!trimmed) throw badInput("Name must not be empty", [{ path, message: "must not be empty" }]);
  if (trimmed.length > 100) throw badInput("Name is at most 100 characters", [{ path, message: "at most 100 characters" }]);
  return trimmed;
}

/** Runs a write that may hit the live-counter-name index, as CONFLICT naming the counter. */
export function uniqueCounterName<T>(name: string, write: () => Promise<T>): Promise<T> {
  return mapUniqueViolations(write, { [counterNameIndex]: () => counterNameTaken(name) });
}

// ---- lines ----

/** Archives a line (lines:manage): CONFLICT while it has WAITING, CALLED or SERVING tickets. Idempotent. */
export async function archiveLine(ctx: RequestContext, id: string): Promise<LineRow> {
  return setLineArchived(ctx, id, true);
}

/** Restores an archived line: it takes tickets again as its acceptingTickets switch says. Idempotent. */
export async function restoreLine(ctx: RequestContext, id: string): Promise<LineRow> {
  return setLineArchived(ctx, id, false);
}

async function setLineArchived(ctx: RequestContext, id: string, archive: boolean): Promise<LineRow> {
  const tenantId = await reachableTenantOf(ctx, { kind: "line", id: id });
  const { row, events } = await staffDoor(ctx, tenantId, "lines:manage", async (tx, access) => {
    const where = and(eq(lines.tenantId, tenantId), eq(lines.id, id));
    const [before] = await tx.select().from(lines).where(where).for("update");
    if (!before) throw notFound("Line");
    if ((before.archivedAt !== null) === archive) return { row: before, events: [] };
    if (archive) {
      const active = decodeFirstRow(
        CountRow,
        await tx.execute(sql`select count(*)::int as n from tickets where tenant_id = ${tenantId} and line_id = ${id} and status in ('WAITING', 'CALLED', 'SERVING')`),
      );
      const n = active?.n ?? 0;
      if (n > 0) throw lineHasActiveTickets(before.name, n);
    }
    const [after] = await tx.update(lines).set({ archivedAt: archive ? sql`now()` : null, updatedAt: new Date() }).where(where).returning();
    await recordAudit(tx, ctx.actor, { tenantId, action: archive ? "line.archive" : "line.restore", targetType: "line", targetId: id, before: { name: before.name } });
    return { row: after!, events: [await lineEvent(tx, access.path, tenantId, id, "LINE_UPDATED", null)] };
  });
  publishAfterCommit(ctx, events);
  return row;
}

// ---- counters ----

/** Renames a counter (lines:manage); CONFLICT when another live counter of its line has the name. */
export async function updateCounter(ctx: RequestContext, id: string, input: { name?: string | null | undefined }): Promise<CounterRow> {
  const name = checkName(input.name);
  const tenantId = await reachableTenantOf(ctx, { kind: "counter", id: id });
  const { row, events } = await staffDoor(ctx, tenantId, "lines:manage", async (tx, access) => {
    const where = and(eq(counters.tenantId, tenantId), eq(counters.id, id));
    const [before] = await tx.select().from(counters).where(where).for("update");
    if (!before) throw notFound("Counter");
    if (name === undefined || name === before.name) return { row: before, events: [] };
    const [after] = await uniqueCounterName(name, () => tx.update(counters).set({ name }).where(where).returning());
    await recordAudit(tx, ctx.actor, { tenantId, action: "counter.update", targetType: "counter", targetId: id, before: { name: before.name }, after: { name } });
    return { row: after!, events: [await lineEvent(tx, access.path, tenantId, before.lineId, "COUNTER_UPDATED", null)] };
  });
  publishAfterCommit(ctx, events);
  return row;
}

/** Archives a counter (lines:manage): it closes and frees its name; a ticket called to it keeps it. Idempotent. */
export function archiveCounter(ctx: RequestContext, id: string): Promise<CounterRow> {
  return setCounterArchived(ctx, id, true);
}

/** Restores an archived counter, closed (staff open it); CONFLICT when a live counter took its name meanwhile. */
export function restoreCounter(ctx: RequestContext, id: string): Promise<CounterRow> {
  return setCounterArchived(ctx, id, false);
}

async function setCounterArchived(ctx: RequestContext, id: string, archive: boolean): Promise<CounterRow> {
  const tenantId = await reachableTenantOf(ctx, { kind: "counter", id: id });
  const { row, events } = await staffDoor(ctx, tenantId, "lines:manage", async (tx, access) => {
    const where = and(eq(counters.tenantId, tenantId), eq(counters.id, id));
    const [before] = await tx.select().from(counters).where(where).for("update");
    if (!before) throw notFound("Counter");
    if ((before.archivedAt !== null) === archive) return { row: before, events: [] };
    const [after] = await uniqueCounterName(before.name, () =>
      tx
        .update(counters)
        .set(archive ? { archivedAt: sql`now()`, isOpen: false } : { archivedAt: null })
        .where(where)
        .returning(),
    );
    await recordAudit(tx, ctx.actor, { tenantId, action: archive ? "counter.archive" : "counter.restore", targetType: "counter", targetId: id, before: { name: before.name } });
    return { row: after!, events: [await lineEvent(tx, access.path, tenantId, before.lineId, "COUNTER_UPDATED", null)] };
  });
  publishAfterCommit(ctx, events);
  return row;
}

/** setCounterOpen's guard: an archived counter is never opened. */
export function refuseArchivedCounter(counter: Pick<CounterRow, "archivedAt" | "name">): void {
  if (counter.archivedAt) throw counterArchived(counter.name);
}

// ---- ticket types ----

export interface TicketTypeEdit {
  name?: string | null | undefined;
  defaultServiceSeconds?: number | null | undefined;
}

/** Renames a ticket type or changes its service-time hint (lines:manage). Its code stays: history refers to it. */
export async function updateTicketType(ctx: RequestContext, id: string, input: TicketTypeEdit): Promise<TicketTypeRow> {
  const name = checkName(input.name);
  const tenantId = await reachableTenantOf(ctx, { kind: "ticketType", id: id });
  return staffDoor(ctx, tenantId, "lines:manage", async (tx) => {
    const where = and(eq(ticketTypes.tenantId, tenantId), eq(ticketTypes.id, id));
    const [before] = await tx.select().from(ticketTypes).where(where).for("update");
    if (!before) throw notFound("Ticket type");
    const changes: Partial<TicketTypeRow> = {};
    if (name !== undefined && name !== before.name) changes.name = name;
    if (input.defaultServiceSeconds !== undefined && input.defaultServiceSeconds !== before.defaultServiceSeconds) {
      changes.defaultServiceSeconds = input.defaultServiceSeconds === 0 ? null : input.defaultServiceSeconds;
    }
    if (Object.keys(changes).length === 0) return before;
    const [after] = await tx.update(ticketTypes).set(changes).where(where).returning();
    const changedBefore = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof TicketTypeRow]]));
    await recordAudit(tx, ctx.actor, { tenantId, action: "ticket_type.update", targetType: "ticket_type", targetId: id, before: changedBefore, after: changes });
    return after!;
  });
}

/** Archives a ticket type (lines:manage): not offered or accepted for new tickets; existing tickets keep it. */
export function archiveTicketType(ctx: RequestContext, id: string): Promise<TicketTypeRow> {
  return setTicketTypeArchived(ctx, id, true);
}

export function restoreTicketType(ctx: RequestContext, id: string): Promise<TicketTypeRow> {
  return setTicketTypeArchived(ctx, id, false);
}

async function setTicketTypeArchived(ctx: RequestContext, id: string, archive: boolean): Promise<TicketTypeRow> {
  const tenantId = await reachableTenantOf(ctx, { kind: "ticketType", id: id });
  return staffDoor(ctx, tenantId, "lines:manage", async (tx) => {
    const where = and(eq(ticketTypes.tenantId, tenantId), eq(ticketTypes.id, id));
    const [before] = await tx.select().from(ticketTypes).where(where).for("update");
    if (!before) throw notFound("Ticket type");
    if ((before.archivedAt !== null) === archive) return before;
    const [after] = await tx.update(ticketTypes).set({ archivedAt: archive ? sql`now()` : null }).where(where).returning();
    await recordAudit(tx, ctx.actor, {
      tenantId,
      action: archive ? "ticket_type.archive" : "ticket_type.restore",
      targetType: "ticket_type",
      targetId: id,
      before: { code: before.code, name: before.name },
    });
    return after!;
  });
}

/**
 * Issuing's guard (tickets.service resolveTicketType): the chosen ticket type must not be archived. BAD_USER_INPUT
 * at `path` naming the type; an unknown id is left to the caller's own check.
 */
export async function refuseArchivedTicketType(tx: Tx, id: string, path: string): Promise<void> {
  const [type] = await tx
    .select({ name: ticketTypes.name, archivedAt: ticketTypes.archivedAt })
    .from(ticketTypes)
    // The scope's own types and its chain's (templates.ts); RLS shows no other tenant's.
    .where(and(sql`${ticketTypes.tenantId} = any((select app.scope_ancestors())::uuid[])`, eq(ticketTypes.id, id)));
  if (type?.archivedAt) throw ticketTypeArchived(type.name, path);
}
