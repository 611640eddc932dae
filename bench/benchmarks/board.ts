/**
 * 4. Board query: the admin's live queue board (apps/admin/src/modules/board/graphql/queue-board.query.ts) at
 * 100 concurrent clients, p50/p95/p99. Baseline: the very SQL statements one board query runs (captured from an
 * in-process API on the same database), replayed in order through `pg`; and (issue 14) the board's data in one indexed
 * read through `pg`. Goals: p95 ≤ 10 ms; queries/s ≥ 50% of the one-read baseline's.
 */
import pg from "pg";
import { loadConfig, startServer, createPubSub } from "@qline/api";
import { openDatabase } from "@qline/db";
import { loadLimits, startApi, jwtSecret } from "../lib/api.js";
import { appPool, baselineBoardRead } from "../lib/baseline.js";
import { createBenchDatabase } from "../lib/database.js";
import { redisUrl, seconds } from "../lib/env.js";
import { bulkWaitingSql, callNextMutation, createCounter, createLine, issueMutation, signUp } from "../lib/fixtures.js";
import { GqlClient } from "../lib/http.js";
import { closedLoop, type LoadResult } from "../lib/load.js";
import { isMain, runAlone, table, type Section } from "../lib/report.js";
import { fmt, median, pct, percentile, ratio, spread } from "../lib/stats.js";

const clients = 100;
const repeats = 3;
/** Each repeat is bounded in count too: at a few board queries per second, 100 clients drain slowly. */
const opsPerRepeat = Number(process.env.BENCH_BOARD_OPS ?? 100);

export const boardQuery = `
  query QueueBoard($lineId: ID!) {
    line(id: $lineId) {
      id tenantId name prefix acceptingTickets openNow showEstimates seq waitingCount estimatedWaitSeconds
      ttl { waitingSeconds calledSeconds }
      counters { id name isOpen }
      waiting: tickets(status: [WAITING], first: 200) { nodes { ...BoardTicket } pageInfo { hasNextPage } }
      active: tickets(status: [CALLED, SERVING], first: 100) { nodes { ...BoardTicket } }
      tenant { id ticketExtensionSchema lines { id name prefix } }
    }
  }
  fragment BoardTicket on Ticket {
    id number status position customerName phone partySize extensions joinedAt calledAt servedAt
    ticketType { id code name }
    counter { id name }
    estimate { p50Seconds p90Seconds }
  }`;

export interface Captured {
  text: string;
  values: unknown[] | undefined;
  /** Which of the API's pooled connections sent it (resolvers run in parallel on several). */
  connection: number;
}

/**
 * Runs one board query on an in-process API and records every statement it sends, in order, and its answer; with
 * `sequential`, then times that many more board queries one after another (ms each, not recorded).
 */
export async function captureBoardSql(
  ownerUrl: string,
  token: string,
  lineId: string,
  sequential = 0,
): Promise<{ statements: Captured[]; response: unknown; latenciesMs: number[]; cpuMsPerQuery: number | null }> {
  const captured: Captured[] = [];
  let recording = false;
  const connections = new Map<unknown, number>();
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    if (recording) {
      const [first, second] = args;
      if (!connections.has(this)) connections.set(this, connections.size);
      const connection = connections.get(this)!;
      if (typeof first === "string") captured.push({ text: first, values: Array.isArray(second) ? second : undefined, connection });
      else if (first && typeof first === "object" && "text" in first) captured.push({ text: String((first as { text: string }).text), values: Array.isArray(second) ? second : (first as { values?: unknown[] }).values, connection });
    }
    return original.apply(this, args);
  };
  const database = await openDatabase({ databaseUrl: ownerUrl });
  const pubsub = createPubSub(undefined);
  const config = { ...loadConfig({ JWT_SECRET: jwtSecret, QLINE_DATA_DIR: "/tmp/qline-bench-unused" }), port: 0, seedDemo: false };
  const server = await startServer({ config, database, pubsub, port: 0 });
  const client = new GqlClient(server.url, `Bearer ${token}`);
  let response: unknown;
  const latenciesMs: number[] = [];
  let cpuMsPerQuery: number | null = null;
  try {
    await client.ok(boardQuery, { lineId }); // warm
    recording = true;
    response = await client.ok(boardQuery, { lineId });
    recording = false;
    const cpuBefore = process.cpuUsage();
    for (let i = 0; i < sequential; i++) {
      const started = performance.now();
      await client.ok(boardQuery, { lineId });
      latenciesMs.push(performance.now() - started);
    }
    const cpu = process.cpuUsage(cpuBefore);
    cpuMsPerQuery = sequential ? (cpu.user + cpu.system) / 1000 / sequential : null;
  } finally {
    proto.query = original;
    client.close();
    await server.close();
    await pubsub.close();
    await database.close();
  }
  return { statements: captured, response, latenciesMs, cpuMsPerQuery };
}

/** The captured statements replayed: each connection's sequence in order, the connections in parallel (as the API ran them). */
async function replay(pool: pg.Pool, statements: Captured[]): Promise<void> {
  const byConnection = new Map<number, Captured[]>();
  for (const s of statements) byConnection.set(s.connection, [...(byConnection.get(s.connection) ?? []), s]);
  await Promise.all(
    [...byConnection.values()].map(async (sequence) => {
      const c = await pool.connect();
      try {
        for (const s of sequence) await c.query(s.text, s.values as unknown[]);
      } finally {
        c.release();
      }
    }),
  );
}

export async function run(): Promise<Section> {
  const started = Date.now();
  const database = await createBenchDatabase();
  // 100 boards under one sign-in: the per-caller caps would refuse most of them.
  const env = loadLimits;
  const api = await startApi({ databaseUrl: database.ownerUrl, redisUrl, env });
  const liteApi = await startApi({ env });
  try {
    // The board of a busy line: 150 waiting, 5 called at 2 counters.
    const setup = async (url: string, bulk: boolean) => {
      const owner = await signUp(url, clients);
      const lineId = await createLine(owner);
      const counters = [await createCounter(owner, lineId, "Desk 1"), await createCounter(owner, lineId, "Desk 2")];
      await createLine(owner, "Second", "S");
      if (bulk) await database.owner().query(bulkWaitingSql, [owner.tenantId, lineId, 150, 0]);
      else for (let i = 0; i < 150; i++) await owner.client.ok(issueMutation, { input: { lineId, customerName: `Guest ${i}` } });
      for (let i = 0; i < 5; i++) await owner.client.ok(callNextMutation, { l: lineId, c: counters[i % 2] });
      return { owner, lineId };
    };
    const onPg = await setup(api.url, true);
    const onLite = await setup(liteApi.url, false);
    const { statements } = await captureBoardSql(database.ownerUrl, onPg.owner.token, onPg.lineId);
    const pool = appPool(database.appUrl);
    const ours = () => onPg.owner.client.ok(boardQuery, { lineId: onPg.lineId });
    const lite = () => onLite.owner.client.ok(boardQuery, { lineId: onLite.lineId });
    const base = () => replay(pool, statements);
    const oneRead = () => baselineBoardRead(pool, onPg.owner.tenantId, onPg.lineId);
    const window = seconds(4);
    for (const op of [ours, base, oneRead]) await closedLoop({ concurrency: 10, durationMs: seconds(1), maxOps: 20, op });
    const o: LoadResult[] = [];
    const b: LoadResult[] = [];
    const l: LoadResult[] = [];
    const one: LoadResult[] = [];
    for (let r = 0; r < repeats; r++) {
      o.push(await closedLoop({ concurrency: clients, durationMs: window, maxOps: opsPerRepeat, op: ours }));
      b.push(await closedLoop({ concurrency: clients, durationMs: window, maxOps: 20_000, op: base }));
      one.push(await closedLoop({ concurrency: clients, durationMs: window, maxOps: 20_000, op: oneRead }));
      // PGlite is one connection: one repeat, one round of the 100 clients.
      if (r === 0) l.push(await closedLoop({ concurrency: clients, durationMs: window, maxOps: clients, op: lite }));
    }
    await pool.end();
    onPg.owner.client.close();
    onLite.owner.client.close();
    const row = (label: string, set: LoadResult[]) => [
      label,
      spread(set.map((x) => percentile(x.latenciesMs, 50))),
      spread(set.map((x) => percentile(x.latenciesMs, 95))),
      spread(set.map((x) => percentile(x.latenciesMs, 99))),
      spread(set.map((x) => x.perSecond)),
      `${set.reduce((n, x) => n + x.errors, 0)}${set.find((x) => x.firstError) ? ` (${set.find((x) => x.firstError)!.firstError!.slice(0, 120)})` : ""}`,
    ];
    const p95 = median(o.map((x) => percentile(x.latenciesMs, 95)));
    const basep95 = median(b.map((x) => percentile(x.latenciesMs, 95)));
    const perSecond = median(o.map((x) => x.perSecond));
    const oneReadPerSecond = median(one.map((x) => x.perSecond));
    const transactions = statements.filter((s) => /^begin/i.test(s.text)).length;
    const markdown = [
      `${clients} concurrent clients in a closed loop, ${repeats} interleaved repeats of ${(window / 1000).toFixed(1)} s or ${opsPerRepeat} queries (PGlite: one round of ${clients}); a line with 150 waiting and 5 called tickets, 2 counters. ` +
        `One board query runs **${statements.length} SQL statements in ${transactions} transactions** on the API (captured); the baseline replays exactly those through \`pg\` (pool of 10), each connection's sequence in order and the connections in parallel, as the API ran them. The one-read baseline reads the same data the board shows (line, counters, 200 waiting with positions and types, called/serving with counters, the tenant's lines) in one indexed statement per request (in a set_config transaction as qline_app). ` +
        `Latencies in ms.`,
      "",
      table(["", "p50", "p95", "p99", "queries/s", "errors"], [row("API/PostgreSQL", o), row("pg baseline (same SQL)", b), row("pg one-read baseline", one), row("API/PGlite", l)]),
    ].join("\n");
    return {
      title: "4. Board query",
      markdown,
      goals: [
        { name: "board query p95 ≤ 10 ms at 100 clients", met: p95 <= 10, detail: `${fmt(p95)} ms (baseline p95 ${fmt(basep95)} ms)` },
        { name: "board queries/s ≥ 50% of the one-read baseline at 100 clients", met: perSecond >= oneReadPerSecond / 2, detail: `${pct(ratio(perSecond, oneReadPerSecond))} (${fmt(perSecond)} vs ${fmt(oneReadPerSecond)}/s)` },
      ],
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await api.stop();
    await liteApi.stop();
    await database.drop();
  }
}

if (isMain(import.meta.url)) await runAlone("board", run);
