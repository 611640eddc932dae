/** Reads and writes every ticket operation shares: the locked ticket, its line and counter, its history row, the party size and type rules. */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { isUsableTicketType } from "../tenants/templates.js";
import { auditLog, counters, lines, ticketEvents, tickets, type JsonObject, type TicketStatus, type Tx } from "@qline/db";
import type { AuditEntryInput } from "../audit/audit.service.js";
import { auditActor, type AuditSubject } from "../../context/actor.js";
import { badInput, notFound } from "../../errors/codes.js";
import { refuseArchivedTicketType } from "../lines/editing.service.js";
import type { LineRow } from "../lines/lines.service.js";
import { counterClosed, ticketTypeNotAllowed } from "./tickets.errors.js";
import type { TicketRow } from "./views.js";
import { isUuid } from "../../context/access.js";

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

/** One change of one ticket, as its history row records it. */
export interface TicketChange {
  tenantId: string;
  ticketId: string;
  lineId: string;
  kind: string;
  from: TicketStatus | null;
  to: TicketStatus;
  counterId: string | null;
  data?: JsonObject;
}

/**
 * The end of every ticket change, in one statement: its history row, its audit entry and the line's next event
 * number (data-modifying CTEs; the line's row lock is then held until commit, so numbers follow commit order).
 * Returns that number.
 */
export async function recordChange(tx: Tx, actor: AuditSubject, change: TicketChange, audit: Omit<AuditEntryInput, "tenantId">): Promise<number> {
  const { actorType, actorId } = auditActor(actor);
  const [row] = await tx
    .with(
      tx.$with("history").as(
        tx
          .insert(ticketEvents)
          .values({
            tenantId: change.tenantId,
            id: randomUUID(),
            ticketId: change.ticketId,
            lineId: change.lineId,
            kind: change.kind,
            fromStatus: change.from,
            toStatus: change.to,
            counterId: change.counterId,
            actorType,
            actorId,
            data: change.data ?? {},
            at: dbNow,
          })
          .returning({ id: ticketEvents.id }),
      ),
      tx.$with("audit").as(
        tx
          .insert(auditLog)
          .values({
            id: randomUUID(),
            tenantId: change.tenantId,
            actorType,
            actorId,
            action: audit.action,
            targetType: audit.targetType,
            targetId: audit.targetId,
            before: audit.before ?? null,
            after: audit.after ?? null,
          })
          .returning({ id: auditLog.id }),
      ),
    )
    .update(lines)
    .set({ eventSeq: sql`${lines.eventSeq} + 1` })
    .where(and(eq(lines.tenantId, change.tenantId), eq(lines.id, change.lineId)))
    .returning({ seq: lines.eventSeq });
  if (!row) throw new Error("recording a ticket change found no line");
  return row.seq;
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
    if (allowed.length === 1) {
      await refuseUnusableTicketType(tx, line, allowed[0]!, path);
      return allowed[0]!;
    }
    if (allowed.length > 1) throw badInput("This line needs a ticket type", [{ path, message: "required on this line" }]);
    return null;
  }
  if (!isUuid(ticketTypeId)) throw badInput("Unknown ticket type", [{ path, message: "no such ticket type in this tenant" }]);
  await refuseUnusableTicketType(tx, line, ticketTypeId, path, allowed.length > 0 && !allowed.includes(ticketTypeId));
  return ticketTypeId;
}

/**
 * The type must be one the line's tenant may use — its own, or one its chain passes down and nobody on the way
 * hides (templates.ts) — then allowed on the line and not archived.
 */
async function refuseUnusableTicketType(tx: Tx, line: LineRow, ticketTypeId: string, path: string, notAllowed = false): Promise<void> {
  if (!(await isUsableTicketType(tx, line.tenantId, ticketTypeId))) throw badInput("Unknown ticket type", [{ path, message: "no such ticket type in this tenant" }]);
  if (notAllowed) throw ticketTypeNotAllowed(line.name, path);
  await refuseArchivedTicketType(tx, ticketTypeId, path);
}

export async function checkCounter(tx: Tx, tenantId: string, lineId: string, counterId: string): Promise<void> {
  if (!isUuid(counterId)) throw notFound("Counter");
  const [counter] = await tx.select().from(counters).where(and(eq(counters.tenantId, tenantId), eq(counters.id, counterId)));
  if (!counter) throw notFound("Counter");
  if (counter.lineId !== lineId) throw badInput("The counter belongs to another line", [{ path: "counterId", message: "not a counter of this line" }]);
  if (!counter.isOpen) throw counterClosed(counter.name);
}

