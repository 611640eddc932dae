/**
 * What staff (and the TTL job) do to tickets: call the next one, and every transition of one ticket through the
 * state machine (ticket-state.ts). Each is one transaction that locks, changes, records history and audit, queues the
 * customer's messages and numbers the line's event; the mutation answers at commit and the line's owner publishes.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import { col, decodeFirstRow, tickets, z, type JsonObject, type NotificationTrigger, type Tx } from "@qline/db";
import type { AuditSubject } from "../../context/actor.js";
import type { RequestContext } from "../../context/context.js";
import type { Permission } from "../../context/permissions.js";
import { badInput, conflict, notFound } from "../../errors/codes.js";
import { lineArchived } from "../lines/lines.errors.js";
import { checkExtensionsShape, validateExtensions } from "../lines/extension-schema.js";
import { effectiveExtensionSchema } from "../tenants/templates.js";
import { enqueueForTicket } from "../notifications/outbox.js";
import { normalizeEmail } from "./contact.js";
import { lineEvent, type LineEvent } from "./live/events.js";
import { publishAfterCommit } from "./live/line-state.js";
import { checkCounter, checkPartySize, dbNow, lineOf, lockTicket, recordChange } from "./records.js";
import { nextEventSeq } from "./live/sequence.js";
import { eventKindOf, ticketTransitions, transition, undoNoShowWindowSeconds, type TicketAction } from "./ticket-state.js";
import { ticketTypeNotAllowed } from "./tickets.errors.js";
import { ticketSelection, toView, type TicketRow, type TicketView } from "./views.js";
import { recordDoor } from "../../context/doors.js";

/**
 * Calls the oldest waiting ticket of a line exactly once: `FOR NO KEY UPDATE SKIP LOCKED` lets concurrent callers
 * (on any API process) each take a different ticket; the status is re-checked on the locked row. Null when nobody
 * waits (or every waiting ticket is being taken by someone else right now). NO KEY: rows that only reference the
 * ticket (a queued message, an issue-time estimate) hold a key-share lock on it, which must not make a caller
 * pass over it (only changes of the ticket itself write its row).
 */
export async function callNext(ctx: RequestContext, lineId: string, counterId: string | null | undefined): Promise<TicketView | null> {
  const { ticket, events } = await recordDoor(ctx, { kind: "line", id: lineId }, "tickets:operate", async (tx, access) => {
    const tenantId = access.tenantId;
    await lineOf(tx, tenantId, lineId);
    if (counterId) await checkCounter(tx, tenantId, lineId, counterId);
    // The oldest waiting ticket nobody else is taking, called in the statement that finds it (with its view).
    const [called] = await tx
      .update(tickets)
      .set({ status: transition("WAITING", "call"), calledAt: dbNow, counterId: counterId ?? null, updatedAt: dbNow })
      .where(
        and(
          eq(tickets.tenantId, tenantId),
          eq(tickets.status, "WAITING"),
          sql`${tickets.id} = (select id from tickets where tenant_id = ${tenantId} and line_id = ${lineId} and status = 'WAITING' order by sort_key, id limit 1 for no key update skip locked)`,
        ),
      )
      .returning(ticketSelection);
    if (!called) return { ticket: null, events: [] };
    const queuedMessages = await enqueueForTicket(tx, { tenantId, id: called.id, lineId, notifyChannels: called.notifyChannels, language: called.language }, "CALLED");
    const seq = await recordChange(
      tx,
      ctx.actor,
      { tenantId, ticketId: called.id, lineId, kind: "CALLED", from: "WAITING", to: "CALLED", counterId: counterId ?? null, data: { via: "callNext" } },
      { action: "ticket.call", targetType: "ticket", targetId: called.id, before: { status: "WAITING" }, after: { status: "CALLED", counterId: counterId ?? null } },
    );
    const ticket = toView(called);
    return { ticket, events: [await lineEvent(tx, access.path, tenantId, lineId, "CALLED", ticket, { positionsChanged: true, queuedMessages, seq })] };
  });
  publishAfterCommit(ctx, events);
  return ticket;
}


/** Columns a transition sets besides status and its timestamp (a time the database's clock gives is SQL). */
export type TicketChanges = Partial<Omit<TicketRow, "ranLateAt">> & { ranLateAt?: SQL };

export interface TransitionChange {
  set?: TicketChanges;
  data?: JsonObject;
  /** The line the ticket left (transfer): its subscribers are told too. */
  leftLineId?: string;
}

/**
 * One transition of one ticket, in the caller's transaction: lock the row, ask the state machine, apply,
 * record history and audit, and number the line events (the caller publishes them after commit).
 */
export async function runTransition(
  tx: Tx,
  actor: AuditSubject,
  tenantPath: readonly string[],
  tenantId: string,
  id: string,
  action: TicketAction,
  change?: (before: TicketRow) => Promise<TransitionChange>,
): Promise<{ ticket: TicketView; events: LineEvent[] }> {
  const before = await lockTicket(tx, tenantId, id);
  const to = transition(before.status, action);
  const extra = change ? await change(before) : {};
  const stamp = ticketTransitions[action].stamps;
  const [updated] = await tx
    .update(tickets)
    .set({ ...extra.set, status: to, updatedAt: dbNow, ...(stamp ? { [stamp]: dbNow } : {}) })
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)))
    .returning(ticketSelection);
  if (!updated) throw notFound("Ticket");
  const kind = eventKindOf[action];
  const lineId = extra.set?.lineId ?? before.lineId;
  const counterId = extra.set?.counterId !== undefined ? extra.set.counterId : before.counterId;
  const ticket = toView(updated);
  const trigger = notificationTriggerOf(action, actor);
  const queuedMessages = trigger ? await enqueueForTicket(tx, { tenantId, id, lineId, notifyChannels: updated.notifyChannels, language: updated.language }, trigger) : 0;
  const positionsChanged = before.status === "WAITING" || to === "WAITING";
  // A transfer is an event on both lines (the one it left is told too). Their numbers are taken in line id order,
  // so two transfers between the same lines in opposite directions cannot deadlock on the lines' rows.
  const left = extra.leftLineId && extra.leftLineId !== lineId ? extra.leftLineId : null;
  const leftSeq = left && left < lineId ? await nextEventSeq(tx, tenantId, left) : undefined;
  const seq = await recordChange(
    tx,
    actor,
    { tenantId, ticketId: id, lineId, kind, from: before.status, to, counterId, data: extra.data ?? {} },
    { action: `ticket.${action}`, targetType: "ticket", targetId: id, before: { status: before.status }, after: { status: to, ...(extra.data ?? {}) } },
  );
  const events = [await lineEvent(tx, tenantPath, tenantId, lineId, kind, ticket, { positionsChanged, queuedMessages, seq })];
  if (left) events.push(await lineEvent(tx, tenantPath, tenantId, left, kind, ticket, { positionsChanged: true, ...(leftSeq !== undefined ? { seq: leftSeq } : {}) }));
  return { ticket, events };
}

/** The customer message a transition causes: called, no-show, expired, and cancelled by staff (not by the holder). */
function notificationTriggerOf(action: TicketAction, actor: AuditSubject): NotificationTrigger | null {
  switch (action) {
    case "call":
      return "CALLED";
    case "markNoShow":
      return "NO_SHOW";
    case "expire":
      return "EXPIRED";
    case "cancel":
      return actor.kind === "ticketHolder" ? null : "CANCELLED";
    default:
      return null;
  }
}

/** A staff operation on one ticket by id: locate its tenant, authorize, transition, publish after commit. */
async function operate(
  ctx: RequestContext,
  id: string,
  action: TicketAction,
  change?: (tx: Tx, before: TicketRow, tenantId: string) => Promise<TransitionChange>,
  permission: Permission = "tickets:operate",
): Promise<TicketView> {
  const { ticket, events } = await recordDoor(ctx, { kind: "ticket", id }, permission, (tx, { path, tenantId }) =>
    runTransition(tx, ctx.actor, path, tenantId, id, action, change && ((before) => change(tx, before, tenantId))),
  );
  publishAfterCommit(ctx, events);
  return ticket;
}

export function callTicket(ctx: RequestContext, id: string, counterId: string | null | undefined): Promise<TicketView> {
  return operate(ctx, id, "call", async (tx, before, tenantId) => {
    if (counterId) await checkCounter(tx, tenantId, before.lineId, counterId);
    return { set: { counterId: counterId ?? null }, data: { via: "callTicket" } };
  });
}

export const startServing = (ctx: RequestContext, id: string) => operate(ctx, id, "startServing");
export const completeTicket = (ctx: RequestContext, id: string) => operate(ctx, id, "complete");
export const markNoShow = (ctx: RequestContext, id: string) => operate(ctx, id, "markNoShow");
export const requeueTicket = (ctx: RequestContext, id: string) => operate(ctx, id, "requeue", async () => ({ set: { counterId: null } }));

/**
 * Undoes a no-show within undoNoShowWindowSeconds: the ticket waits again at its old place (its sort key never
 * changed, so a called ticket is next again) and keeps its number; history gets a NO_SHOW_UNDONE event and the
 * audit log `ticket.undoNoShow`, so both show the mistake and its correction. Later, or after its personal data
 * was erased: CONFLICT. A "we missed you" message already sent cannot be recalled.
 */
export const undoNoShow = (ctx: RequestContext, id: string) =>
  operate(ctx, id, "undoNoShow", async (tx, before): Promise<TransitionChange> => {
    if (before.status === "NO_SHOW" && (await noShowUndoWindowPassed(tx, before.endedAt))) {
      throw conflict(`A no-show can be undone for ${undoNoShowWindowSeconds / 60} minutes; this one is older`);
    }
    if (before.personalDataErasedAt) throw conflict("This ticket's customer data was erased; it cannot wait again");
    return { set: { counterId: null, endedAt: null }, data: { noShowAt: before.endedAt?.toISOString() ?? null } };
  });

const Passed = z.object({ passed: col.bool });

/** Whether the undo window after `endedAt` is over, by the database's clock (the one that wrote `ended_at`). */
async function noShowUndoWindowPassed(tx: Tx, endedAt: Date | null): Promise<boolean> {
  if (!endedAt) return true;
  const row = decodeFirstRow(Passed, await tx.execute(sql`select ${endedAt.toISOString()}::timestamptz < now() - make_interval(secs => ${undoNoShowWindowSeconds}) as passed`));
  return row?.passed ?? true;
}

export function cancelTicket(ctx: RequestContext, id: string, reason: string | null | undefined): Promise<TicketView> {
  const trimmed = reason?.trim() || null;
  if (trimmed && trimmed.length > 500) throw badInput("Reason is at most 500 characters", [{ path: "reason", message: "too long" }]);
  return operate(ctx, id, "cancel", async (): Promise<TransitionChange> => ({ set: { cancelReason: trimmed }, data: trimmed ? { reason: trimmed } : {} }));
}

/** Moves a ticket to another line of the same tenant, keeping its join time and place (fairness) and its number. */
export function transferTicket(ctx: RequestContext, id: string, lineId: string): Promise<TicketView> {
  return operate(ctx, id, "transfer", async (tx, before, tenantId) => {
    const target = await lineOf(tx, tenantId, lineId);
    if (target.archivedAt) throw lineArchived(target.name);
    if (target.id === before.lineId) throw badInput("The ticket is already in this line", [{ path: "lineId", message: "same line" }]);
    if (before.ticketTypeId && target.allowedTicketTypeIds.length > 0 && !target.allowedTicketTypeIds.includes(before.ticketTypeId)) {
      throw ticketTypeNotAllowed(target.name, "lineId");
    }
    return { set: { lineId: target.id, counterId: null }, data: { fromLineId: before.lineId, toLineId: target.id }, leftLineId: before.lineId };
  });
}

/**
 * The sort key that puts a waiting ticket at `position` (1 = next) among the line's other waiting tickets: between
 * its new neighbours' keys. `others` is how many other tickets wait (a position past them is out of range).
 */
export async function sortKeyAt(tx: Tx, tenantId: string, lineId: string, ticketId: string, position: number): Promise<{ others: number; key: string | null }> {
  const row = decodeFirstRow(
    z.object({ n: col.int, key: col.text.nullable() }),
    await tx.execute(sql`
      with others as (
        select sort_key, row_number() over (order by sort_key, id) as rn
        from tickets
        where tenant_id = ${tenantId} and line_id = ${lineId} and status = 'WAITING' and id <> ${ticketId}
      ),
      around as (
        select (select sort_key from others where rn = ${position} - 1) as prev, (select sort_key from others where rn = ${position}) as next
      )
      select (select count(*) from others)::int as n,
        (case when prev is null and next is null then null
              when prev is null then next - 1
              when next is null then prev + 1
              else (prev + next) / 2 end)::text as key
      from around`),
  );
  return { others: Number(row?.n ?? 0), key: row?.key ?? null };
}

/** Staff reorder: puts a waiting ticket at `position` (1 = next) among its line's waiting tickets. */
export function moveTicket(ctx: RequestContext, id: string, position: number): Promise<TicketView> {
  if (!Number.isInteger(position) || position < 1) throw badInput("Position starts at 1", [{ path: "position", message: "must be 1 or more" }]);
  return operate(ctx, id, "move", async (tx, before, tenantId) => {
    const { others, key } = await sortKeyAt(tx, tenantId, before.lineId, id, position);
    if (position > others + 1) throw badInput(`Position must be 1 to ${others + 1}`, [{ path: "position", message: "out of range" }]);
    return { set: { sortKey: key ?? before.sortKey }, data: { position } };
  });
}

export interface UpdateTicketFields {
  customerName?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  partySize?: number | null | undefined;
  extensions?: unknown;
}

/** Edits customer data; new extensions are validated against the tenant's current schema (and record its version). */
export function updateTicket(ctx: RequestContext, id: string, input: UpdateTicketFields): Promise<TicketView> {
  const partySize = checkPartySize(input.partySize, "input.partySize");
  const extensions = input.extensions !== undefined && input.extensions !== null ? checkExtensionsShape(input.extensions) : undefined;
  const email = input.email != null ? normalizeEmail(input.email, "input.email") : undefined;
  return operate(ctx, id, "update", async (tx, _before, tenantId) => {
    const set: TicketChanges = {};
    if (input.customerName != null) set.customerName = input.customerName;
    if (input.phone != null) set.phone = input.phone;
    if (email !== undefined) set.email = email;
    if (partySize != null) set.partySize = partySize;
    if (extensions) {
      set.extensions = extensions;
      set.extensionSchemaVersion = validateExtensions(extensions, await effectiveExtensionSchema(tx, tenantId));
    }
    const fields = Object.keys(set);
    // New personal data after an erasure is kept again (and erased again by the retention period).
    if (set.customerName != null || set.phone != null || set.email != null || set.extensions) set.personalDataErasedAt = null;
    return { set, data: { fields } };
  });
}

/** Used by the TTL job (estimator/TTL issue): expires a waiting or called ticket. */
export const expireTicket = (ctx: RequestContext, id: string) => operate(ctx, id, "expire");


