/**
 * 5. Scale with data: sequential issueTicket and callNext latency on an empty database vs one holding
 * 1,000,000 historic tickets across 10,000 tenants (bulk-loaded as the owner, then ANALYZE), measured
 * interleaved on two API processes. Prints EXPLAIN of the hot queries; a Seq Scan fails the goal.
 * Goal: loaded within 1.2× of empty.
 */
import pg from "pg";
import { loadLimits, startApi, type ApiProcess } from "../lib/api.js";
import { createBenchDatabase, type BenchDatabase } from "../lib/database.js";
import { redisUrl } from "../lib/env.js";
import { callNextMutation, createCounter, createLine, issueMutation, signUp, type Owner } from "../lib/fixtures.js";
import { closedLoop } from "../lib/load.js";
import { isMain, runAlone, table, type Section } from "../lib/report.js";
import { fmt, median, percentile, ratio, spread } from "../lib/stats.js";

export const historicTenants = Number(process.env.BENCH_SCALE_TENANTS ?? 10_000);
export const ticketsPerTenant = Number(process.env.BENCH_SCALE_TICKETS_PER_TENANT ?? 100);
const repeats = 3;
const opsPerRepeat = 60;

/**
 * 10,000 root tenants (own accounts, one line with two counters each, staffed by one owner membership) and
 * 100 historic tickets per line, 5% still waiting.
 */
async function bulkLoad(owner: pg.Pool): Promise<number> {
  const t0 = Date.now();
  await owner.query(`insert into users (id, email, name, password_hash) values ('00000000-0000-4000-8000-000000000001', 'bulk@bench.test', 'Bulk', 'x')`);
  await owner.query(`
    insert into accounts (id, name, owner_user_id)
    select ('10000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Account ' || g, '00000000-0000-4000-8000-000000000001'
    from generate_series(1, $1::int) g`, [historicTenants]);
  await owner.query(`
    insert into tenants (id, account_id, parent_id, path, depth, slug, name)
    select ('20000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, ('10000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, null,
      array[('20000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid], 0, 'bulk-' || g, 'Bulk ' || g
    from generate_series(1, $1::int) g`, [historicTenants]);
  await owner.query(`
    insert into lines (tenant_id, id, name, prefix)
    select ('20000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, ('30000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Line', 'A'
    from generate_series(1, $1::int) g`, [historicTenants]);
  await owner.query(`
    insert into memberships (tenant_id, user_id, role)
    select ('20000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, '00000000-0000-4000-8000-000000000001', 'OWNER'
    from generate_series(1, $1::int) g`, [historicTenants]);
  await owner.query(`
    insert into counters (tenant_id, id, line_id, name)
    select ('20000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, gen_random_uuid(), ('30000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Desk ' || d
    from generate_series(1, $1::int) g, generate_series(1, 2) d`, [historicTenants]);
  await owner.query(`
    insert into tickets (tenant_id, id, line_id, issued_line_id, service_day, seq, number, tracking_code, status, sort_key, party_size,
                         created_at, joined_at, called_at, served_at, completed_at, ended_at)
    select ('20000000-0000-4000-8000-' || lpad(to_hex(t), 12, '0'))::uuid, gen_random_uuid(),
      ('30000000-0000-4000-8000-' || lpad(to_hex(t), 12, '0'))::uuid, ('30000000-0000-4000-8000-' || lpad(to_hex(t), 12, '0'))::uuid,
      date '2026-01-01' + (n / 50), n, 'A' || n, md5(t || '-' || n) || md5(n || '-' || t),
      case when n % 20 = 0 then 'WAITING' when n % 7 = 0 then 'CANCELLED' else 'SERVED' end,
      extract(epoch from timestamptz '2026-01-01' + n * interval '10 minutes'), 1,
      timestamptz '2026-01-01' + n * interval '10 minutes', timestamptz '2026-01-01' + n * interval '10 minutes',
      case when n % 20 = 0 then null else timestamptz '2026-01-01' + n * interval '10 minutes' + interval '5 minutes' end,
      case when n % 20 = 0 or n % 7 = 0 then null else timestamptz '2026-01-01' + n * interval '10 minutes' + interval '6 minutes' end,
      case when n % 20 = 0 or n % 7 = 0 then null else timestamptz '2026-01-01' + n * interval '10 minutes' + interval '9 minutes' end,
      case when n % 20 = 0 then null else timestamptz '2026-01-01' + n * interval '10 minutes' + interval '9 minutes' end
    from generate_series(1, $1::int) t, generate_series(1, $2::int) n`, [historicTenants, ticketsPerTenant]);
  await owner.query("analyze");
  return (Date.now() - t0) / 1000;
}

interface Side {
  db: BenchDatabase;
  api: ApiProcess;
  owner: Owner;
  lineId: string;
  counterId: string;
}

async function side(loaded: boolean): Promise<Side & { loadSeconds: number }> {
  const db = await createBenchDatabase();
  const loadSeconds = loaded ? await bulkLoad(db.owner()) : 0;
  const api = await startApi({ databaseUrl: db.ownerUrl, redisUrl, env: loadLimits });
  const owner = await signUp(api.url, 1);
  const lineId = await createLine(owner);
  const counterId = await createCounter(owner, lineId);
  return { db, api, owner, lineId, counterId, loadSeconds };
}

const hotQueries: { name: string; asOwner?: boolean; sql: string; params: (s: Side, ticketId: string) => unknown[] }[] = [
  { name: "line → tenant (app.line_tenant body)", asOwner: true, sql: `select l.tenant_id from lines l where l.id = $1`, params: (s) => [s.lineId] },
  { name: "ticket → tenant (app.ticket_tenant body)", asOwner: true, sql: `select t.tenant_id from tickets t where t.id = $1`, params: (_s, id) => [id] },
  { name: "tracking code → ticket", asOwner: true, sql: `select tenant_id, id from tickets where tracking_code = $1`, params: () => ["nope"] },
  {
    name: "access (resolveAccess)",
    sql: `select t.id, t.account_id, t.path,
        exists (select 1 from tenants a where a.id = any(t.path) and a.suspended_at is not null) as suspended,
        coalesce((select array_agg(m.role::text) from memberships m where m.user_id = $2 and m.tenant_id = any(t.path)), '{}') as roles
      from tenants t where t.id = $1`,
    params: (s) => [s.owner.tenantId, s.owner.userId],
  },
  {
    name: "numbering upsert",
    sql: `insert into line_day_counters (tenant_id, line_id, service_day, last) values ($1, $2, current_date, 1)
      on conflict (tenant_id, line_id, service_day) do update set last = line_day_counters.last + 1 returning last`,
    params: (s) => [s.owner.tenantId, s.lineId],
  },
  {
    name: "dequeue (callNext)",
    sql: `with next as (select id from tickets where tenant_id = $1 and line_id = $2 and status = 'WAITING' order by sort_key, id limit 1 for update skip locked)
      update tickets t set status = 'CALLED', called_at = now() from next where t.tenant_id = $1 and t.id = next.id and t.status = 'WAITING' returning t.id`,
    params: (s) => [s.owner.tenantId, s.lineId],
  },
  { name: "waiting count (lineStats)", sql: `select count(*)::int as n from tickets where tenant_id = $1 and line_id = $2 and status = 'WAITING'`, params: (s) => [s.owner.tenantId, s.lineId] },
  {
    name: "now serving (lineStats)",
    sql: `select t.counter_id, c.name, t.id, t.number, t.status, t.called_at from tickets t left join counters c on c.tenant_id = t.tenant_id and c.id = t.counter_id
      where t.tenant_id = $1 and t.line_id = $2 and t.status in ('CALLED', 'SERVING') order by t.called_at desc nulls last, t.id limit 100`,
    params: (s) => [s.owner.tenantId, s.lineId],
  },
  {
    name: "position of a ticket",
    sql: `select (select count(*)::int + 1 from tickets w where w.tenant_id = t.tenant_id and w.line_id = t.line_id and w.status = 'WAITING'
      and (w.sort_key, w.id) < (t.sort_key, t.id)) from tickets t where t.tenant_id = $1 and t.id = $2`,
    params: (s, id) => [s.owner.tenantId, id],
  },
];

/** EXPLAIN of each hot query on the loaded database: as qline_app in the tenant's scope (or as the owner for the lookup functions' bodies). */
async function explainAll(s: Side, ticketId: string): Promise<{ text: string; seqScans: string[] }> {
  const out: string[] = [];
  const seqScans: string[] = [];
  for (const q of hotQueries) {
    const client = new pg.Client({ connectionString: q.asOwner ? s.db.ownerUrl : s.db.appUrl });
    await client.connect();
    try {
      await client.query("begin");
      await client.query(`select set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [s.owner.tenantId, s.owner.userId]);
      const res = await client.query<{ "QUERY PLAN": string }>(`explain ${q.sql}`, q.params(s, ticketId));
      const plan = res.rows.map((r) => r["QUERY PLAN"]).join("\n");
      for (const m of plan.matchAll(/Seq Scan on (\w+)/g)) seqScans.push(`${q.name}: ${m[1]}`);
      out.push(`-- ${q.name}\n${plan}`);
      await client.query("rollback");
    } finally {
      await client.end();
    }
  }
  return { text: out.join("\n\n"), seqScans };
}

export async function run(): Promise<Section> {
  const started = Date.now();
  const empty = await side(false);
  const loaded = await side(true);
  try {
    const measure = async (s: Side) => {
      const issue = await closedLoop({ concurrency: 1, durationMs: 20_000, maxOps: opsPerRepeat, op: () => s.owner.client.ok(issueMutation, { input: { lineId: s.lineId } }) });
      const call = await closedLoop({ concurrency: 1, durationMs: 20_000, maxOps: opsPerRepeat, op: () => s.owner.client.ok(callNextMutation, { l: s.lineId, c: s.counterId }) });
      return { issue: median(issue.latenciesMs), issue95: percentile(issue.latenciesMs, 95), call: median(call.latenciesMs), call95: percentile(call.latenciesMs, 95) };
    };
    await measure(empty); // warm both
    await measure(loaded);
    const e: Awaited<ReturnType<typeof measure>>[] = [];
    const l: typeof e = [];
    for (let r = 0; r < repeats; r++) {
      e.push(await measure(empty));
      l.push(await measure(loaded));
    }
    const issued = await loaded.owner.client.ok<{ issueTicket: { id: string } }>(issueMutation, { input: { lineId: loaded.lineId } });
    const { text, seqScans } = await explainAll(loaded, issued.issueTicket.id);
    const issueRatio = ratio(median(l.map((x) => x.issue)), median(e.map((x) => x.issue)));
    const callRatio = ratio(median(l.map((x) => x.call)), median(e.map((x) => x.call)));
    const markdown = [
      `Sequential (concurrency 1) issueTicket then callNext, ${opsPerRepeat} each per repeat, ${repeats} repeats alternating between two API processes: one on an empty database, ` +
        `one on a database bulk-loaded with ${(historicTenants * ticketsPerTenant).toLocaleString("en")} historic tickets across ${historicTenants.toLocaleString("en")} tenants ` +
        `(5% still waiting; loaded + ANALYZE in ${fmt(loaded.loadSeconds)} s). Latencies in ms (median of per-repeat medians, min–max).`,
      "",
      table(["", "empty p50", "loaded p50", "loaded ÷ empty", "empty p95", "loaded p95"], [
        ["issueTicket", spread(e.map((x) => x.issue)), spread(l.map((x) => x.issue)), `${fmt(issueRatio, 2)}×`, fmt(median(e.map((x) => x.issue95))), fmt(median(l.map((x) => x.issue95)))],
        ["callNext", spread(e.map((x) => x.call)), spread(l.map((x) => x.call)), `${fmt(callRatio, 2)}×`, fmt(median(e.map((x) => x.call95))), fmt(median(l.map((x) => x.call95)))],
      ]),
      "",
      `Seq Scans in the hot queries' plans on the loaded database: ${seqScans.length ? seqScans.join("; ") : "none"}.`,
      "",
      "<details><summary>EXPLAIN of the hot queries (loaded database)</summary>",
      "",
      "```",
      text,
      "```",
      "</details>",
    ].join("\n");
    return {
      title: "5. Scale with data",
      markdown,
      goals: [
        { name: "issueTicket loaded within 1.2× of empty", met: issueRatio <= 1.2, detail: `${fmt(issueRatio, 2)}×` },
        { name: "callNext loaded within 1.2× of empty", met: callRatio <= 1.2, detail: `${fmt(callRatio, 2)}×` },
        { name: "no Seq Scan in the hot queries", met: seqScans.length === 0, detail: seqScans.length ? seqScans.join("; ") : "index scans only" },
      ],
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    for (const s of [empty, loaded]) {
      s.owner.client.close();
      await s.api.stop();
      await s.db.drop();
    }
  }
}

if (isMain(import.meta.url)) await runAlone("scale", run);
