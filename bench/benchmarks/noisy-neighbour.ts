/**
 * 7. Noisy neighbour (issue 11, defect 6): tenant B's board query p99 while tenant A floods the same API
 * process at full speed, against B's quiet p99 measured in the same run, on PostgreSQL. Three API processes on
 * one database, run one at a time: limits off (RATE_LIMITS=off), fairness only (per-caller in-flight and
 * per-tenant transaction caps, budgets out of reach), and the defaults. Goal: flooded ÷ quiet p99 ≤ 2 with the
 * defaults. Also the limiter's cost per request: HTTP latency of a trivial query with limits off vs on (memory
 * and Redis counters), and the in-process cost of one operation's checks.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { callerOf, createRateLimits, loadConfig } from "@qline/api";
import { parse } from "graphql";
import { startApi, jwtSecret, type ApiProcess } from "../lib/api.js";
import { createBenchDatabase } from "../lib/database.js";
import { redisUrl, seconds } from "../lib/env.js";
import { createLine, issueMutation, signUp, type Owner } from "../lib/fixtures.js";
import { GqlClient } from "../lib/http.js";
import { closedLoop } from "../lib/load.js";
import { isMain, runAlone, table, type Section } from "../lib/report.js";
import { fmt, median, percentile } from "../lib/stats.js";
import { boardQuery } from "./board.js";

const repeats = 2;
/** B's pace: a busy but honest tenant (its board refreshed 15 times a second, under the default budgets). */
const quietPerSecond = 15;
/** A's flood: this many closed-loop workers over 4 API keys, as fast as the API answers. */
const floodWorkers = 64;
const floodKeys = 4;

const hugeBudgets = {
  RATE_LOGIN_PER_IP_PER_MINUTE: "100000000",
  RATE_PUBLIC_PER_IP_PER_MINUTE: "100000000",
  RATE_SIGNUP_PER_IP_PER_HOUR: "100000000",
  RATE_QUERIES_PER_CALLER_PER_MINUTE: "100000000",
  RATE_MUTATIONS_PER_CALLER_PER_MINUTE: "100000000",
  RATE_QUERIES_PER_TENANT_PER_MINUTE: "100000000",
  RATE_MUTATIONS_PER_TENANT_PER_MINUTE: "100000000",
};

interface Tenant {
  owner: Owner;
  lineId: string;
  keys: string[];
}

async function setUpTenant(url: string, waiting: number, keys: number): Promise<Tenant> {
  const owner = await signUp(url);
  const lineId = await createLine(owner);
  for (let i = 0; i < waiting; i++) await owner.client.ok(issueMutation, { input: { lineId, customerName: `Guest ${i}` } });
  const secrets: string[] = [];
  for (let i = 0; i < keys; i++) {
    const data = await owner.client.ok<{ createApiKey: { secret: string } }>(
      `mutation($t: ID!) { createApiKey(tenantId: $t, name: "board ${i}", scopes: ["tenant:read", "lines:read", "tickets:read"]) { secret } }`,
      { t: owner.tenantId },
    );
    secrets.push(`ApiKey ${data.createApiKey.secret}`);
  }
  return { owner, lineId, keys: secrets };
}

/** B's board at a steady pace for `ms`: latencies of the answered queries, and how many were refused or failed. */
async function pacedBoard(client: GqlClient, lineId: string, ms: number): Promise<{ latencies: number[]; failed: number }> {
  const latencies: number[] = [];
  let failed = 0;
  const interval = 1000 / quietPerSecond;
  const t0 = performance.now();
  for (let i = 0; performance.now() - t0 < ms; i++) {
    const due = t0 + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const s = performance.now();
    const res = await client.request(boardQuery, { lineId });
    if (res.errors?.length) failed++;
    else latencies.push(performance.now() - s);
  }
  return { latencies, failed };
}

interface FloodTally {
  answered: number;
  refused: number;
  failed: number;
  seconds: number;
}

/** A's flood for `ms`: every worker sends its next board query as soon as the last one answered. */
async function flood(clients: GqlClient[], lineId: string, ms: number): Promise<FloodTally> {
  const tally = { answered: 0, refused: 0, failed: 0 };
  const result = await closedLoop({
    concurrency: floodWorkers,
    durationMs: ms,
    maxOps: 10_000_000,
    op: async (worker) => {
      const res = await clients[worker % clients.length]!.request(boardQuery, { lineId });
      const code = res.errors?.[0]?.extensions?.code;
      if (!code) tally.answered++;
      else if (code === "LIMIT_EXCEEDED" || code === "SERVICE_UNAVAILABLE") tally.refused++;
      else tally.failed++;
    },
  });
  return { ...tally, seconds: result.seconds };
}

interface Scenario {
  name: string;
  api: ApiProcess;
  quiet: number[];
  flooded: number[];
  bFailed: number;
  floods: FloodTally[];
}

async function measure(scenario: Scenario, a: Tenant, b: Tenant, window: number): Promise<void> {
  const bClient = new GqlClient(scenario.api.url, b.keys[0], 4);
  const aClients = a.keys.map((key) => new GqlClient(scenario.api.url, key, floodWorkers));
  try {
    await pacedBoard(bClient, b.lineId, 500); // warm
    const quiet = await pacedBoard(bClient, b.lineId, window);
    const stop = flood(aClients, a.lineId, window + 1000);
    await new Promise((r) => setTimeout(r, 500)); // the flood at full speed before B measures
    const flooded = await pacedBoard(bClient, b.lineId, window);
    scenario.floods.push(await stop);
    scenario.quiet.push(...quiet.latencies);
    scenario.flooded.push(...flooded.latencies);
    scenario.bFailed += quiet.failed + flooded.failed;
    await new Promise((r) => setTimeout(r, 1000)); // let the API settle before the next phase
  } finally {
    bClient.close();
    for (const c of aClients) c.close();
  }
}

/** Sequential trivial queries through one API: p50 and mean latency, microseconds. */
async function trivialLatency(api: ApiProcess, authorization: string, ops: number): Promise<{ p50: number; mean: number }> {
  const client = new GqlClient(api.url, authorization, 1);
  try {
    for (let i = 0; i < 200; i++) await client.request(`{ __typename }`);
    const latencies: number[] = [];
    for (let i = 0; i < ops; i++) {
      const s = performance.now();
      const res = await client.request(`{ __typename }`);
      if (res.errors?.length) throw new Error(`trivial query failed: ${JSON.stringify(res.errors)}`);
      latencies.push((performance.now() - s) * 1000);
    }
    return { p50: median(latencies), mean: latencies.reduce((x, y) => x + y, 0) / latencies.length };
  } finally {
    client.close();
  }
}

/** In-process: one query's checks (caller + tenant budgets), microseconds per operation. */
async function checkCost(store: "memory" | "redis", ops: number): Promise<number> {
  const config = loadConfig({
    JWT_SECRET: jwtSecret,
    QLINE_DATA_DIR: "/tmp/qline-bench-unused",
    ...hugeBudgets,
    RATE_KEY_PREFIX: `qline:rl:bench:${randomBytes(4).toString("hex")}`,
    ...(store === "redis" ? { REDIS_URL: redisUrl } : {}),
  });
  const limits = createRateLimits(config);
  await limits.ready();
  const document = parse(`query($t: ID!) { tenant(id: $t) { id } }`);
  const callers = Array.from({ length: 16 }, (_, i) => callerOf({ kind: "apiKey", keyId: `k${i}`, tenantId: `t${i % 4}`, scopes: new Set() }, "127.0.0.1"));
  try {
    for (let i = 0; i < 500; i++) await limits.checkOperation(callers[i % 16]!, document, undefined);
    const t0 = performance.now();
    for (let i = 0; i < ops; i++) await limits.checkOperation(callers[i % 16]!, document, undefined);
    return ((performance.now() - t0) * 1000) / ops;
  } finally {
    await limits.close();
  }
}

const p99 = (values: number[]) => percentile(values, 99);

export async function run(): Promise<Section> {
  const started = Date.now();
  const database = await createBenchDatabase();
  const prefix = () => ({ RATE_KEY_PREFIX: `qline:rl:bench:${randomBytes(4).toString("hex")}` });
  const apis: ApiProcess[] = [];
  try {
    const off = await startApi({ databaseUrl: database.ownerUrl, redisUrl, env: { RATE_LIMITS: "off" } });
    apis.push(off);
    const fairness = await startApi({ databaseUrl: database.ownerUrl, redisUrl, env: { ...hugeBudgets, ...prefix() } });
    apis.push(fairness);
    const defaults = await startApi({ databaseUrl: database.ownerUrl, redisUrl, env: prefix() });
    apis.push(defaults);
    const memory = await startApi({ databaseUrl: database.ownerUrl, env: { ...hugeBudgets, ...prefix() } });
    apis.push(memory);

    // Set up through the unlimited process: A with a busy line (its board is the heavier query), B with a small one.
    const a = await setUpTenant(off.url, 150, floodKeys);
    const b = await setUpTenant(off.url, 20, 1);

    const scenarios: Scenario[] = [
      { name: "limits off", api: off, quiet: [], flooded: [], bFailed: 0, floods: [] },
      { name: "fairness caps only (budgets out of reach)", api: fairness, quiet: [], flooded: [], bFailed: 0, floods: [] },
      { name: "defaults (budgets + fairness caps)", api: defaults, quiet: [], flooded: [], bFailed: 0, floods: [] },
    ];
    const window = seconds(8);
    for (let r = 0; r < repeats; r++) for (const scenario of scenarios) await measure(scenario, a, b, window);

    const rows = scenarios.map((s) => {
      const quiet = p99(s.quiet);
      const flooded = p99(s.flooded);
      const seconds = s.floods.reduce((n, f) => n + f.seconds, 0);
      const answered = s.floods.reduce((n, f) => n + f.answered, 0);
      const refused = s.floods.reduce((n, f) => n + f.refused, 0);
      const failed = s.floods.reduce((n, f) => n + f.failed, 0);
      return {
        scenario: s,
        quiet,
        flooded,
        cells: [
          s.name,
          `${fmt(median(s.quiet))} / ${fmt(quiet)}`,
          `${fmt(median(s.flooded))} / ${fmt(flooded)}`,
          `${fmt(flooded / quiet, 2)}×`,
          fmt(answered / seconds, 0),
          fmt(refused / seconds, 0),
          String(failed),
          String(s.bFailed),
        ],
      };
    });

    // The limiter's cost: the same trivial query through processes that differ only in their limits.
    const costOps = Math.max(500, Math.round(3000 * Number(process.env.BENCH_SCALE ?? "1")));
    const key = b.keys[0]!;
    const latencies = { off: [] as number[], memory: [] as number[], redis: [] as number[] };
    for (let r = 0; r < 3; r++) {
      latencies.off.push((await trivialLatency(off, key, costOps)).p50);
      latencies.memory.push((await trivialLatency(memory, key, costOps)).p50);
      latencies.redis.push((await trivialLatency(fairness, key, costOps)).p50);
    }
    const inProcess = { memory: await checkCost("memory", 20_000), redis: await checkCost("redis", 5_000) };
    const off50 = median(latencies.off);
    const costRows = [
      ["limits off", fmt(off50, 0), "–", "–"],
      ["memory counters", fmt(median(latencies.memory), 0), fmt(median(latencies.memory) - off50, 0), fmt(inProcess.memory, 1)],
      ["Redis counters", fmt(median(latencies.redis), 0), fmt(median(latencies.redis) - off50, 0), fmt(inProcess.redis, 1)],
    ];

    const withDefaults = rows[2]!;
    const markdown = [
      `One API process at a time (pg pool of 10, Redis pub/sub, \`NODE_ENV=production\`) on one PostgreSQL database. ` +
        `Tenant B reads its board (the admin's queue board query, 20 waiting) with an API key at a steady ${quietPerSecond}/s; ` +
        `tenant A floods its own board (150 waiting) with ${floodWorkers} closed-loop workers over ${floodKeys} API keys, as fast as the API answers. ` +
        `Each phase ${(window / 1000).toFixed(1)} s (B quiet, then B while A floods), ${repeats} interleaved repeats per process; p99 over all of B's answers in that state. ` +
        `Fairness caps: \`RATE_IN_FLIGHT_PER_CALLER\` 8, \`RATE_IN_FLIGHT_PER_TENANT\` 4, \`RATE_TRANSACTIONS_PER_TENANT\` 6. Budgets (defaults): 1,200 queries per caller and 6,000 per tenant per minute.`,
      "",
      table(["limits", "B quiet p50 / p99 ms", "B flooded p50 / p99 ms", "flooded ÷ quiet p99", "A answered/s", "A refused/s", "A other errors", "B errors"], rows.map((r) => r.cells)),
      "",
      `Limiter cost per request: \`{ __typename }\` with an API key, one client in sequence, ${costOps} requests × 3 interleaved repeats, p50 in µs; ` +
        `the memory and Redis processes have every limit on with budgets out of reach (so each request is counted, never refused). ` +
        `"in-process" is one query's checks (caller and tenant budgets) called directly, µs per operation (Redis: two round trips on loopback).`,
      "",
      table(["counters", "HTTP p50 µs", "added µs", "in-process checks µs"], costRows),
    ].join("\n");
    const ratio = withDefaults.flooded / withDefaults.quiet;
    return {
      title: "7. Noisy neighbour",
      markdown,
      goals: [{ name: "B's p99 while A floods ≤ 2× B's quiet p99 (defaults)", met: ratio <= 2, detail: `${fmt(withDefaults.quiet)} → ${fmt(withDefaults.flooded)} ms (${fmt(ratio, 2)}×)` }],
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    for (const api of apis) await api.stop();
    await database.drop();
  }
}

if (isMain(import.meta.url)) await runAlone("noisy-neighbour", run);
