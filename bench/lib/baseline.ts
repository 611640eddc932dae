/** The baselines: the same SQL the API's hot path needs, through a plain `pg` pool as qline_app (RLS applies). */
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";

/** Same pool size as the API's (openDatabase's default of 10). */
export const apiPoolSize = 10;

export function appPool(appUrl: string, max = apiPoolSize): pg.Pool {
  const pool = new pg.Pool({ connectionString: appUrl, max });
  // An idle client ended by the server (a benchmark database dropped with force) must not crash the run.
  pool.on("error", () => undefined);
  return pool;
}

async function inTx<T>(pool: pg.Pool, tenantId: string, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    await client.query("select set_config('app.tenant_id', $1, true)", [tenantId]);
    const out = await fn(client);
    await client.query("commit");
    return out;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Issue: tenant context + numbering upsert + ticket insert, one transaction. */
export function baselineIssue(pool: pg.Pool, tenantId: string, lineId: string): Promise<unknown> {
  return inTx(pool, tenantId, async (c) => {
    const numbered = await c.query<{ last: number; service_day: string }>(
      `insert into line_day_counters (tenant_id, line_id, service_day, last)
       values ($1, $2, (now() at time zone 'UTC')::date, 1)
       on conflict (tenant_id, line_id, service_day) do update set last = line_day_counters.last + 1
       returning last, service_day::text as service_day`,
      [tenantId, lineId],
    );
    const row = numbered.rows[0]!;
    await c.query(
      `insert into tickets (tenant_id, id, line_id, issued_line_id, service_day, seq, number, tracking_code, status, sort_key, joined_at, created_at, party_size)
       values ($1, $2, $3, $3, $4, $5, $6, $7, 'WAITING', extract(epoch from clock_timestamp()), clock_timestamp(), clock_timestamp(), 1)`,
      [tenantId, randomUUID(), lineId, row.service_day, row.last, `A${String(row.last).padStart(3, "0")}`, randomBytes(15).toString("base64url")],
    );
  });
}

/** Dequeue: the oldest waiting ticket, `FOR UPDATE SKIP LOCKED`, marked CALLED. */
export function baselineDequeue(pool: pg.Pool, tenantId: string, lineId: string): Promise<string | null> {
  return inTx(pool, tenantId, async (c) => {
    const res = await c.query<{ id: string }>(
      `with next as (
         select id from tickets where tenant_id = $1 and line_id = $2 and status = 'WAITING'
         order by sort_key, id limit 1 for update skip locked)
       update tickets t set status = 'CALLED', called_at = now(), updated_at = now()
       from next where t.tenant_id = $1 and t.id = next.id and t.status = 'WAITING'
       returning t.id`,
      [tenantId, lineId],
    );
    return res.rows[0]?.id ?? null;
  });
}

/**
 * The board's data in one indexed read (issue 14's baseline for the board query): the line, its counters, the
 * first 200 waiting tickets with their positions and types, the called/serving tickets with their counters, and
 * the tenant's lines, as one JSON value. The same data the admin board shows, not the API's statements.
 */
export function baselineBoardRead(pool: pg.Pool, tenantId: string, lineId: string): Promise<unknown> {
  return inTx(pool, tenantId, async (c) => {
    const res = await c.query<{ board: unknown }>(
      `select json_build_object(
         'line', (select row_to_json(l) from (select id, name, prefix, accepting_tickets, show_estimates, ttl from lines where tenant_id = $1 and id = $2) l),
         'counters', (select coalesce(json_agg(k order by k.name), '[]') from (select id, name, is_open from counters where tenant_id = $1 and line_id = $2) k),
         'waiting', (select coalesce(json_agg(w), '[]') from (
            select t.id, t.number, t.status, row_number() over (order by t.sort_key, t.id) as position, t.customer_name, t.phone, t.party_size,
                   t.extensions, t.joined_at, t.called_at, t.served_at, tt.id as type_id, tt.code as type_code, tt.name as type_name
            from tickets t left join ticket_types tt on tt.tenant_id = t.tenant_id and tt.id = t.ticket_type_id
            where t.tenant_id = $1 and t.line_id = $2 and t.status = 'WAITING' order by t.sort_key, t.id limit 200) w),
         'active', (select coalesce(json_agg(a), '[]') from (
            select t.id, t.number, t.status, t.customer_name, t.phone, t.party_size, t.extensions, t.joined_at, t.called_at, t.served_at,
                   k.id as counter_id, k.name as counter_name
            from tickets t left join counters k on k.tenant_id = t.tenant_id and k.id = t.counter_id
            where t.tenant_id = $1 and t.line_id = $2 and t.status in ('CALLED', 'SERVING') order by t.called_at desc limit 100) a),
         'lines', (select coalesce(json_agg(x), '[]') from (select id, name, prefix from lines where tenant_id = $1) x)
       ) as board`,
      [tenantId, lineId],
    );
    return res.rows[0]?.board;
  });
}
