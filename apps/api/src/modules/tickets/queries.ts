/** Reading tickets as staff and partners see them: one by id, its history, and a line's tickets in pages. */
import { and, asc, eq, gt, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { col, counters, decodeRows, ticketEvents, tickets, ticketTypes, type TicketStatus, type Tx, z } from "@qline/db";
import type { CounterRow, TicketTypeRow } from "../lines/lines.service.js";
import type { RequestContext } from "../../context/context.js";
import { loadInTenant, perArgLoader } from "../../context/tenant-reads.js";
import { badInput, notFound } from "../../errors/codes.js";
import { loadTicket, toView, type TicketRow, type TicketView } from "./views.js";
import { recordDoor, staffDoor } from "../../context/doors.js";
import { isUuid } from "../../context/access.js";

export async function getTicket(ctx: RequestContext, id: string): Promise<TicketView> {
  return recordDoor(ctx, { kind: "ticket", id }, "display:read", async (tx, { tenantId }) => {
    const ticket = await loadTicket(tx, tenantId, id);
    if (!ticket) throw notFound("Ticket");
    return ticket;
  });
}

export async function ticketHistory(ctx: RequestContext, tenantId: string, ticketId: string) {
  return staffDoor(ctx, tenantId, "tickets:read", (tx) =>
    tx
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.tenantId, tenantId), eq(ticketEvents.ticketId, ticketId)))
      .orderBy(asc(ticketEvents.at), asc(ticketEvents.id)),
  );
}

export interface TicketListFilter {
  status?: TicketStatus[] | null | undefined;
  ticketTypeId?: string | null | undefined;
  from?: Date | null | undefined;
  to?: Date | null | undefined;
  extensionPath?: string[] | null | undefined;
  extensionEquals?: unknown;
}

export const defaultTicketPage = 50;

interface Cursor {
  k: string;
  i: string;
}
const encodeCursor = (sortKey: string, id: string) => Buffer.from(JSON.stringify({ k: sortKey, i: id } satisfies Cursor)).toString("base64url");
function decodeCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<Cursor>;
    if (typeof parsed.k === "string" && /^-?\d+(\.\d+)?$/.test(parsed.k) && typeof parsed.i === "string" && isUuid(parsed.i)) return { k: parsed.k, i: parsed.i };
  } catch {
    // fall through to the typed error
  }
  throw badInput("Malformed cursor", [{ path: "after", message: "is not a cursor from this connection" }]);
}

/** A line's tickets in queue order, keyset-paginated, filtered by status, type, issue time and an extension value. */
export async function ticketsOfLine(ctx: RequestContext, tenantId: string, lineId: string, filter: TicketListFilter, first: number, after?: string | null) {
  if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput("first must be between 1 and 200", [{ path: "first", message: "out of range" }]);
  const path = filter.extensionPath ?? null;
  if (path && (path.length === 0 || path.length > 10)) throw badInput("extensionPath has 1 to 10 keys", [{ path: "filter.extensionPath", message: "1 to 10 keys" }]);
  if (path && filter.extensionEquals === undefined) throw badInput("Give extensionEquals with extensionPath", [{ path: "filter.extensionEquals", message: "required with extensionPath" }]);
  const cursor = after ? decodeCursor(after) : null;
  return loadInTenant(ctx, tenantId, "display:read", ticketPages, { lineId, filter, first, cursor });
}

interface TicketPageArgs {
  lineId: string;
  filter: TicketListFilter;
  first: number;
  cursor: Cursor | null;
}

/**
 * The queue positions of a page's waiting tickets in one statement: the line's waiting tickets are numbered
 * in queue order up to the page's last waiting one — linear in how deep the page reaches, where a count per
 * ticket (positionSql) would be quadratic (200 tickets: 11 ms → under 1 ms).
 */
async function withPositions(tx: Tx, tenantId: string, lineId: string, rows: TicketRow[]): Promise<(TicketRow & { position: number | null })[]> {
  const waiting = rows.filter((r) => r.status === "WAITING");
  const last = waiting[waiting.length - 1];
  if (!last) return rows.map((r) => ({ ...r, position: null }));
  const ranked = decodeRows(
    z.object({ id: col.uuid, position: col.int }),
    await tx.execute(sql`
      select id, position from (
        select id, row_number() over (order by sort_key, id) as position from tickets
        where tenant_id = ${tenantId} and line_id = ${lineId} and status = 'WAITING' and (sort_key, id) <= (${last.sortKey}::numeric, ${last.id}::uuid)
      ) ranked
      where id = any(${`{${waiting.map((r) => r.id).join(",")}}`}::uuid[])`), // one array parameter: uuids read from the database
  );
  const positions = new Map(ranked.map((r) => [r.id, Number(r.position)]));
  return rows.map((r) => ({ ...r, position: r.status === "WAITING" ? (positions.get(r.id) ?? null) : null }));
}

/** What a page's ticket was read with: its type and counter (lines:read to see) and its line's event number. */
export interface ReadWithPage {
  ticketType: TicketTypeRow | null;
  counter: CounterRow | null;
  lineSeq: number;
}
/**
 * Carried on the page's views under a symbol: type-graphql hands field resolvers a copy of each node, which keeps
 * symbol-keyed properties; JSON and GraphQL never show them.
 */
const readWithPage = Symbol("read with the page");
interface WithPageRead {
  [readWithPage]?: ReadWithPage;
}

/** What a ticket of a Line.tickets page was read with, in this request (undefined for a ticket from elsewhere). */
export const readWithTicket = (ticket: object & WithPageRead): ReadWithPage | undefined => ticket[readWithPage];

const lineSeqSql = (tenantId: string, lineId: string) =>
  sql<number>`(select l.event_seq from lines l where l.tenant_id = ${tenantId} and l.id = ${lineId})`.mapWith(Number);

/** Pages of tickets (Line.tickets), each its own query, all in the batch's one transaction. */
const ticketPages = perArgLoader(
  "ticketPages",
  (a: TicketPageArgs) => JSON.stringify([a.lineId, a.first, a.cursor, a.filter.status, a.filter.ticketTypeId, a.filter.from, a.filter.to, a.filter.extensionPath, a.filter.extensionEquals]),
  async (tx, tenantId, { lineId, filter, first, cursor }: TicketPageArgs) => {
    const path = filter.extensionPath ?? null;
    const conditions: SQL[] = [eq(tickets.tenantId, tenantId), eq(tickets.lineId, lineId)];
    if (filter.status?.length) conditions.push(inArray(tickets.status, filter.status));
    if (filter.ticketTypeId) conditions.push(isUuid(filter.ticketTypeId) ? eq(tickets.ticketTypeId, filter.ticketTypeId) : sql`false`);
    if (filter.from) conditions.push(gte(tickets.createdAt, filter.from));
    if (filter.to) conditions.push(lt(tickets.createdAt, filter.to));
    if (path) {
      const walk = sql.join(path.map((key) => sql`-> ${key}::text`), sql` `);
      conditions.push(sql`${tickets.extensions} ${walk} = ${JSON.stringify(filter.extensionEquals ?? null)}::jsonb`);
    }
    if (cursor) {
      const later = or(gt(tickets.sortKey, cursor.k), and(eq(tickets.sortKey, cursor.k), gt(tickets.id, cursor.i)));
      if (later) conditions.push(later);
    }
    // The ticket's type and counter (Ticket.ticketType, Ticket.counter) and the line's event number (Ticket.estimate)
    // come with the page: the next level of fields reads nothing more. A first page of only WAITING tickets,
    // unfiltered otherwise (the board's), is the head of the queue: its positions are its row numbers, in the
    // same statement (the window runs before the limit); any other page ranks its waiting tickets separately.
    const headOfQueue =
      !cursor && filter.status?.length === 1 && filter.status[0] === "WAITING" && !filter.ticketTypeId && !filter.from && !filter.to && !path;
    const joined = await tx
      .select({
        ticket: tickets,
        ticketType: ticketTypes,
        counter: counters,
        lineSeq: lineSeqSql(tenantId, lineId),
        position: headOfQueue ? sql<number>`row_number() over (order by ${tickets.sortKey}, ${tickets.id})`.mapWith(Number) : sql<null>`null`,
      })
      .from(tickets)
      .leftJoin(ticketTypes, and(eq(ticketTypes.tenantId, tickets.tenantId), eq(ticketTypes.id, tickets.ticketTypeId)))
      .leftJoin(counters, and(eq(counters.tenantId, tickets.tenantId), eq(counters.id, tickets.counterId), eq(counters.lineId, tickets.lineId)))
      .where(and(...conditions))
      .orderBy(asc(tickets.sortKey), asc(tickets.id))
      .limit(first + 1);
    const rows = headOfQueue
      ? joined.map((j) => ({ ...j.ticket, position: j.position }))
      : await withPositions(
          tx,
          tenantId,
          lineId,
          joined.map((j) => j.ticket),
        );
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    const nodes = page.map((row, i) => {
      const view: TicketView & WithPageRead = toView(row);
      const { ticketType, counter, lineSeq } = joined[i]!;
      view[readWithPage] = { ticketType, counter, lineSeq: Number(lineSeq) };
      return view;
    });
    return {
      nodes,
      edges: page.map((row, i) => ({ cursor: encodeCursor(row.sortKey, row.id), node: nodes[i]! })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last.sortKey, last.id) : null },
    };
  },
);

