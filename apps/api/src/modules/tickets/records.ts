/** Reads and writes every ticket operation shares: the locked ticket, its line and counter, its history row, the party size and type rules. */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { counters, lines, ticketEvents, tickets, ticketTypes, type JsonObject, type TicketStatus, type Tx } from "@qline/db";
import { auditActor, type AuditSubject } from "../../context/actor.js";
import { isUuid } from "../../context/tenant-access.js";
import { badInput, notFound } from "../../errors/codes.js";
import type { LineRow } from "../lines/lines.service.js";
import { counterClosed, ticketTypeNotAllowed } from "./tickets.errors.js";
import type { TicketRow } from "./views.js";

/** The database's clock, as every ticket timestamp is taken (one clock for joins, calls, history and audit). */
export const dbNow = sql`clock_timestamp()`;

export async function lockTicket(tx: Tx, tenantId: string, id: string): Promise<TicketRow> {
  const [row] = await tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)))
    .for("update");
  if (!row) throw notFound("Ticket");
  return row;
}

export async function lineOf(tx: Tx, tenantId: string, lineId: string): Promise<LineRow> {
  if (!isUuid(lineId)) throw notFound("Line");
  const [line] = await tx.select().from(lines).where(and(eq(lines.tenantId, tenantId), eq(lines.id, lineId)));
  if (!line) throw notFound("Line");
  return line;
}

export async function recordEvent(
  tx: Tx,
  actor: AuditSubject,
  e: { tenantId: string; ticketId: string; lineId: string; kind: string; from: TicketStatus | null; to: TicketStatus; counterId: string | null; data?: JsonObject },
): Promise<void> {
  const { actorType, actorId } = auditActor(actor);
  await tx.insert(ticketEvents).values({
    tenantId: e.tenantId,
    id: randomUUID(),
    ticketId: e.ticketId,
    lineId: e.lineId,
    kind: e.kind,
    fromStatus: e.from,
    toStatus: e.to,
    counterId: e.counterId,
    actorType,
    actorId,
    data: e.data ?? {},
    at: dbNow,
  });
}

export function checkPartySize(partySize: number | null | undefined, path: string): number | undefined {
  if (partySize == null) return undefined;
  if (!Number.isInteger(partySize) || partySize < 1 || partySize > 1000) throw badInput("Party size must be 1 to 1000", [{ path, message: "must be 1 to 1000" }]);
  return partySize;
}

/** The ticket type a new ticket gets: given and allowed on the line, or the line's only allowed type. */
export async function resolveTicketType(tx: Tx, line: LineRow, ticketTypeId: string | null | undefined, path: string): Promise<string | null> {
  const allowed = line.allowedTicketTypeIds;
  if (!ticketTypeId) {
    if (allowed.length === 1) return allowed[0]!;
    if (allowed.length > 1) throw badInput("This line needs a ticket type", [{ path, message: "required on this line" }]);
    return null;
  }
  const [type] = isUuid(ticketTypeId)
    ? await tx.select({ id: ticketTypes.id }).from(ticketTypes).where(and(eq(ticketTypes.tenantId, line.tenantId), eq(ticketTypes.id, ticketTypeId)))
    : [];
  if (!type) throw badInput("Unknown ticket type", [{ path, message: "no such ticket type in this tenant" }]);
  if (allowed.length > 0 && !allowed.includes(ticketTypeId)) {
    throw ticketTypeNotAllowed(line.name, path);
  }
  return ticketTypeId;
}

export async function checkCounter(tx: Tx, tenantId: string, lineId: string, counterId: string): Promise<void> {
  if (!isUuid(counterId)) throw notFound("Counter");
  const [counter] = await tx.select().from(counters).where(and(eq(counters.tenantId, tenantId), eq(counters.id, counterId)));
  if (!counter) throw notFound("Counter");
  if (counter.lineId !== lineId) throw badInput("The counter belongs to another line", [{ path: "counterId", message: "not a counter of this line" }]);
  if (!counter.isOpen) throw counterClosed(counter.name);
}

