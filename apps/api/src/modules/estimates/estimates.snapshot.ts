/**
 * Builds an estimator's `LineSnapshot` from the database, in the caller's tenant transaction (RLS applies):
 * the queue in order, tickets at counters, the finished tickets of the last 2 hours (at most 200, newest
 * last), the number of open counters and the tenant's ticket-type defaults. Four queries per line, whatever
 * the number of tickets: one snapshot serves every ticket's estimate.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Tx } from "@qline/db";
import type { FinishedTicket, LineSnapshot, ServingTicket, TicketOutcome, WaitingTicket } from "@qline/estimates";

export const snapshotLimits = { historyWindowMs: 2 * 3600_000, historyMax: 200, waitingMax: 5000 };

/** Tickets without a type share this id in snapshots. */
export const UNTYPED = "untyped";

const ms = (value: unknown): number | null => (value == null ? null : new Date(value as string | Date).getTime());

/**
 * `now` is the clock (ms epoch), injectable in tests. A line with no counters at all is served by one
 * unnamed desk (callNext without a counter), so it counts as one open counter; a line whose counters are all
 * closed has none (estimates say NO_COUNTERS).
 */
export async function buildLineSnapshot(tx: Tx, tenantId: string, lineId: string, now: number = Date.now()): Promise<LineSnapshot> {
  const since = new Date(now - snapshotLimits.historyWindowMs).toISOString();
  const waiting = rowsOf<{ id: string; ticket_type_id: string | null; joined_at: unknown; party_size: number }>(
    await tx.execute(sql`
      select id, ticket_type_id, joined_at, party_size from tickets
      where tenant_id = ${tenantId} and line_id = ${lineId} and status = 'WAITING'
      order by sort_key, id
      limit ${snapshotLimits.waitingMax}`),
  );
  const serving = rowsOf<{ id: string; ticket_type_id: string | null; called_at: unknown; served_at: unknown }>(
    await tx.execute(sql`
      select id, ticket_type_id, called_at, served_at from tickets
      where tenant_id = ${tenantId} and line_id = ${lineId} and status in ('CALLED', 'SERVING')`),
  );
  const history = rowsOf<{ id: string; ticket_type_id: string | null; status: string; joined_at: unknown; called_at: unknown; served_at: unknown; finished_at: unknown }>(
    await tx.execute(sql`
      select id, ticket_type_id, status, joined_at, called_at, served_at, coalesce(completed_at, ended_at) as finished_at from tickets
      where tenant_id = ${tenantId} and line_id = ${lineId} and status in ('SERVED', 'NO_SHOW', 'CANCELLED', 'EXPIRED')
        and coalesce(completed_at, ended_at) >= ${since}::timestamptz
        and coalesce(completed_at, ended_at) <= ${new Date(now).toISOString()}::timestamptz
      order by coalesce(completed_at, ended_at) desc, id
      limit ${snapshotLimits.historyMax}`),
  );
  const [counts] = rowsOf<{ total: number; open: number }>(
    await tx.execute(sql`
      select count(*)::int as total, count(*) filter (where is_open)::int as open from counters
      where tenant_id = ${tenantId} and line_id = ${lineId}`),
  );
  const types = rowsOf<{ id: string; default_service_seconds: number | null }>(
    await tx.execute(sql`select id, default_service_seconds from ticket_types where tenant_id = ${tenantId}`),
  );
  const total = Number(counts?.total ?? 0);
  return {
    now,
    openCounters: total === 0 ? 1 : Number(counts?.open ?? 0),
    waiting: waiting.map((r): WaitingTicket => ({ id: r.id, ticketTypeId: r.ticket_type_id ?? UNTYPED, joinedAt: ms(r.joined_at)!, partySize: Number(r.party_size) })),
    serving: serving.map((r): ServingTicket => ({ id: r.id, ticketTypeId: r.ticket_type_id ?? UNTYPED, calledAt: ms(r.called_at) ?? now, startedAt: ms(r.served_at) })),
    history: history.reverse().map(
      (r): FinishedTicket => ({
        id: r.id,
        ticketTypeId: r.ticket_type_id ?? UNTYPED,
        joinedAt: ms(r.joined_at)!,
        calledAt: ms(r.called_at),
        servedAt: ms(r.served_at),
        completedAt: ms(r.finished_at)!,
        outcome: r.status as TicketOutcome,
      }),
    ),
    ticketTypes: [...types.map((t) => ({ id: t.id, defaultServiceSeconds: t.default_service_seconds })), { id: UNTYPED, defaultServiceSeconds: null }],
  };
}
