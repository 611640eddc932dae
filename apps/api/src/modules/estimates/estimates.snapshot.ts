/**
 * Builds an estimator's `LineSnapshot` from the database, in the caller's tenant transaction (RLS applies):
 * the queue in order (at most `waitingMax`), tickets at counters (the `servingMax` most recently called),
 * the finished tickets of the last 2 hours (at most 200, newest last), the number of open counters and the
 * tenant's ticket-type defaults, the counters (total, the open ones' ids) and the counter openings/closings of the
 * last 2 hours (from the audit log) — and, from the same reads, the line's waiting count and now-serving list.
 * One statement per line, whatever the number of tickets: one snapshot serves every ticket's estimate. Rows
 * travel as one JSON value per list (parsed once, not row by row).
 */
import { sql, type SQL } from "drizzle-orm";
import { col, decodeFirstRow, RowDecodeError, z, type Tx } from "@qline/db";
import type { CounterEvent, FinishedTicket, LineSnapshot, ServingTicket, TicketOutcome, WaitingTicket } from "@qline/estimates";

/**
 * `waitingMax` is the window: the front of the queue an estimator sees and whose holders get live places; a
 * refresh's work stops growing with the queue there (places beyond are extrapolated, see estimates.service.ts).
 */
export const snapshotLimits = { historyWindowMs: 2 * 3600_000, historyMax: 200, waitingMax: 2000, servingMax: 500, nowServingMax: 100 };

/** Tickets without a type share this id in snapshots. */
export const UNTYPED = "untyped";

/** A ticket at a counter, as the now-serving list shows it (newest call first). */
export interface NowServing {
  counterId: string | null;
  counterName: string | null;
  ticketId: string;
  number: string;
  status: string;
  calledAt: string | null;
}

/** The line as one statement read it. */
export interface LineState {
  snapshot: LineSnapshot;
  /** Every waiting ticket (counted beyond the snapshot's limit). */
  waitingCount: number;
  nowServing: NowServing[];
}

type Ms = number | null;
/** A ticket at a counter: [id, type, calledAt ms, servedAt ms, number, status, counter id, counter name]. */
export type ActiveTuple = [string, string | null, Ms, Ms, string, string, string | null, string | null];

/**
 * The snapshot statement's row. The lists are JSON built by this statement's own `json_build_array`s, so their
 * tuple shapes (documented on each) are ours; the decoder checks the columns, the counts and that each list is one.
 */
const StateRow = z.object({
  /** [id, type, joinedAt ms, party size] in queue order. */
  waiting: col.json,
  waiting_count: col.int,
  /** Newest call first (`ActiveTuple`). */
  active: col.json,
  /** [id, type, status, joinedAt, calledAt, servedAt, finishedAt, counter id] newest first. */
  history: col.json,
  counters_total: col.int,
  counters_open: col.int,
  /** Ids of the open counters. */
  open_counter_ids: col.json,
  /** [at ms, opened?] of the line's counters in the history window, oldest first. */
  counter_changes: col.json,
  types: col.json,
});

const epochMs = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);
const iso = (ms: Ms): string | null => (ms == null ? null : new Date(ms).toISOString());
/**
 * One of the snapshot's JSON lists: checked to be a list; its tuples' shape is the statement's own json_build_array
 * (an unchecked element type, so the hot path does not validate thousands of tuples field by field).
 */
function jsonList<T>(value: unknown): T[] {
  const list: unknown = parseJson(value);
  if (!Array.isArray(list)) throw new RowDecodeError("a snapshot list is not a JSON array");
  return list as T[]; // element shape: built by this module's own SQL above
}

/** A JSON column as parsed by the driver (pg), or as text (PGlite returns `json` as a string). */
export const parseJson = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);

/**
 * The line's tickets at counters (CALLED, SERVING), newest call first, at most `limit`, as one JSON array of
 * `ActiveTuple`s: a scalar subquery, for the snapshot and for the line's stats alike.
 */
export function activeTicketsJson(tenantId: string, lineId: string, limit: number): SQL {
  return sql`(select coalesce(json_agg(json_build_array(id, ticket_type_id, ${epochMs("called_at")}, ${epochMs("served_at")}, number, status, counter_id, counter_name)
      order by called_at desc nulls last, id), '[]')
    from (
      select t.id, t.ticket_type_id, t.called_at, t.served_at, t.number, t.status, t.counter_id, c.name as counter_name
      from tickets t left join counters c on c.tenant_id = t.tenant_id and c.id = t.counter_id
      where t.tenant_id = ${tenantId} and t.line_id = ${lineId} and t.status in ('CALLED', 'SERVING')
      order by t.called_at desc nulls last, t.id
      limit ${limit}
    ) active)`;
}

/** The now-serving list from `activeTicketsJson`'s tuples (the newest `nowServingMax`). */
export function nowServingOf(active: readonly ActiveTuple[]): NowServing[] {
  return active
    .slice(0, snapshotLimits.nowServingMax)
    .map(([ticketId, , calledAt, , number, status, counterId, counterName]): NowServing => ({ counterId, counterName, ticketId, number, status, calledAt: iso(calledAt) }));
}

/**
 * `now` is the clock (ms epoch), injectable in tests. A line with no counters at all is served by one
 * unnamed desk (callNext without a counter), so it counts as one open counter; a line whose counters are all
 * closed has none (estimates say NO_COUNTERS).
 */
export async function readLineState(tx: Tx, tenantId: string, lineId: string, now: number = Date.now()): Promise<LineState> {
  const since = new Date(now - snapshotLimits.historyWindowMs).toISOString();
  const until = new Date(now).toISOString();
  const { waitingMax, servingMax, historyMax } = snapshotLimits;
  const row = decodeFirstRow(
    StateRow,
    await tx.execute(sql`
      with waiting as (
        select id, ticket_type_id, joined_at, party_size, sort_key from tickets
        where tenant_id = ${tenantId} and line_id = ${lineId} and status = 'WAITING'
        order by sort_key, id
        limit ${waitingMax}
      ),
      history as (
        select id, ticket_type_id, status, joined_at, called_at, served_at, coalesce(completed_at, ended_at) as finished_at, counter_id from tickets
        where tenant_id = ${tenantId} and line_id = ${lineId} and status in ('SERVED', 'NO_SHOW', 'CANCELLED', 'EXPIRED')
          and coalesce(completed_at, ended_at) >= ${since}::timestamptz
          and coalesce(completed_at, ended_at) <= ${until}::timestamptz
        order by coalesce(completed_at, ended_at) desc, id
        limit ${historyMax}
      ),
      w as (select count(*)::int as n from waiting)
      select
        (select coalesce(json_agg(json_build_array(id, ticket_type_id, ${epochMs("joined_at")}, party_size) order by sort_key, id), '[]') from waiting) as waiting,
        case when w.n < ${waitingMax} then w.n
          else (select count(*)::int from tickets where tenant_id = ${tenantId} and line_id = ${lineId} and status = 'WAITING') end as waiting_count,
        ${activeTicketsJson(tenantId, lineId, servingMax)} as active,
        (select coalesce(json_agg(json_build_array(id, ticket_type_id, status, ${epochMs("joined_at")}, ${epochMs("called_at")}, ${epochMs("served_at")}, ${epochMs("finished_at")}, counter_id)
          order by finished_at desc, id), '[]') from history) as history,
        (select count(*)::int from counters where tenant_id = ${tenantId} and line_id = ${lineId}) as counters_total,
        (select count(*)::int from counters where tenant_id = ${tenantId} and line_id = ${lineId} and is_open) as counters_open,
        (select coalesce(json_agg(id order by id), '[]') from counters where tenant_id = ${tenantId} and line_id = ${lineId} and is_open) as open_counter_ids,
        (select coalesce(json_agg(json_build_array(${epochMs("a.created_at")}, a.action = 'counter.open') order by a.created_at, a.id), '[]')
          from audit_log a
          where a.tenant_id = ${tenantId} and a.target_type = 'counter' and a.action in ('counter.open', 'counter.close')
            and a.created_at >= ${since}::timestamptz and a.created_at <= ${until}::timestamptz
            and a.target_id in (select id::text from counters where tenant_id = ${tenantId} and line_id = ${lineId})) as counter_changes,
        (select coalesce(json_agg(json_build_array(id, default_service_seconds)), '[]') from ticket_types where tenant_id = any((select app.scope_ancestors())::uuid[])) as types
      from w`),
  );
  if (!row) throw new Error("line state returned no row");
  const waiting = jsonList<[string, string | null, number, number]>(row.waiting);
  const active = jsonList<ActiveTuple>(row.active);
  const history = jsonList<[string, string | null, string, number, Ms, Ms, number, string | null]>(row.history);
  const types = jsonList<[string, number | null]>(row.types);
  const total = row.counters_total;
  const openCounters = total === 0 ? 1 : row.counters_open;
  const snapshot: LineSnapshot = {
    now,
    openCounters,
    totalCounters: Math.max(total, 1),
    ...(total > 0 ? { openCounterIds: jsonList<string>(row.open_counter_ids) } : {}),
    counterEvents: counterEventsOf(jsonList<[number, boolean]>(row.counter_changes), openCounters),
    waiting: waiting.map(([id, type, joinedAt, partySize]): WaitingTicket => ({ id, ticketTypeId: type ?? UNTYPED, joinedAt, partySize })),
    serving: active.map(([id, type, calledAt, servedAt, , , counterId]): ServingTicket => ({ id, ticketTypeId: type ?? UNTYPED, calledAt: calledAt ?? now, startedAt: servedAt, counterId })),
    history: history.reverse().map(
      ([id, type, status, joinedAt, calledAt, servedAt, finishedAt, counterId]): FinishedTicket => ({
        id,
        ticketTypeId: type ?? UNTYPED,
        joinedAt,
        calledAt,
        servedAt,
        completedAt: finishedAt,
        outcome: status as TicketOutcome,
        counterId,
      }),
    ),
    ticketTypes: [...types.map(([id, defaultServiceSeconds]) => ({ id, defaultServiceSeconds })), { id: UNTYPED, defaultServiceSeconds: null }],
  };
  return { snapshot, waitingCount: row.waiting_count, nowServing: nowServingOf(active) };
}

/**
 * The number of open counters after each opening/closing (oldest first), reconstructed backwards from the number
 * open now: before an opening one fewer was open, before a closing one more.
 */
export function counterEventsOf(changes: readonly [number, boolean][], openNow: number): CounterEvent[] {
  const events: CounterEvent[] = [];
  let open = openNow;
  for (let index = changes.length - 1; index >= 0; index--) {
    const change = changes[index];
    if (change === undefined) continue;
    const [at, opened] = change;
    events.push({ at, openCounters: open });
    open = Math.max(0, open + (opened ? -1 : 1));
  }
  return events.reverse();
}

/** The estimator's snapshot alone (see `readLineState`). */
export async function buildLineSnapshot(tx: Tx, tenantId: string, lineId: string, now: number = Date.now()): Promise<LineSnapshot> {
  return (await readLineState(tx, tenantId, lineId, now)).snapshot;
}
