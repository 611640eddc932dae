/**
 * 8. Remote join: the public joinLine (two short transactions, phone normalisation, per-address, per-device and
 * per-contact limiter charges in Redis, the active-ticket-per-contact check) against issueTicket on the same API
 * and lines in the same run. The limits are set far above the load so every limiter is charged but none refuses.
 * Goal: joinLine ≥ 50% of issueTicket's throughput at concurrency 16.
 */
import { randomUUID } from "node:crypto";
import { loadLimits, startApi } from "../lib/api.js";
import { createBenchDatabase } from "../lib/database.js";
import { redisUrl, seconds } from "../lib/env.js";
import { issueMutation, signUp } from "../lib/fixtures.js";
import { GqlClient } from "../lib/http.js";
import { closedLoop, type LoadResult } from "../lib/load.js";
import { isMain, runAlone, table, type Section } from "../lib/report.js";
import { fmt, median, pct, ratio, spread } from "../lib/stats.js";

const concurrencies = [1, 16];
const repeats = 3;
const lines = 8;

const joinMutation = `mutation($input: JoinLineInput!) { joinLine(input: $input) { trackingCode number status position } }`;

/** Every limiter stays on (and is charged); none comes near refusing. */
const highLimits: Record<string, string> = {
  ...loadLimits,
  RATE_JOIN_PER_IP_PER_HOUR: "100000000",
  RATE_JOIN_PER_DEVICE_PER_LINE_PER_HOUR: "100000000",
  RATE_JOIN_PER_CONTACT_PER_LINE_PER_HOUR: "100000000",
};

const p95 = (set: LoadResult[]) => median(set.map((x) => [...x.latenciesMs].sort((a, c) => a - c)[Math.floor(x.latenciesMs.length * 0.95)] ?? NaN));

export async function run(): Promise<Section> {
  const started = Date.now();
  const database = await createBenchDatabase();
  const api = await startApi({ databaseUrl: database.ownerUrl, redisUrl, env: highLimits });
  const anonymous = new GqlClient(api.url, undefined, 64);
  try {
    const owner = await signUp(api.url);
    const lineIds: string[] = [];
    for (let i = 0; i < lines; i++) {
      const data = await owner.client.ok<{ createLine: { id: string } }>(`mutation($input: CreateLineInput!) { createLine(input: $input) { id } }`, {
        input: { tenantId: owner.tenantId, name: `Remote ${i}`, prefix: `R${i}`, remoteJoin: true },
      });
      lineIds.push(data.createLine.id);
    }
    let phone = 0;
    const join = (worker: number) =>
      anonymous.ok(joinMutation, {
        input: { lineId: lineIds[worker % lines], customerName: "Bench", phone: `+44 20 7946 ${String(phone++ % 10000).padStart(4, "0")}`, deviceId: randomUUID() },
      });
    const issue = (worker: number) => owner.client.ok(issueMutation, { input: { lineId: lineIds[worker % lines], customerName: "Bench", phone: "+442079460000" } });
    // One phone may hold one active ticket per line: each line's tickets are ended between cells.
    const ownerPool = database.owner();
    const clear = () => ownerPool.query(`update tickets set status = 'CANCELLED', ended_at = now() where status = 'WAITING'`);
    await closedLoop({ concurrency: 16, durationMs: seconds(1), maxOps: 2000, op: join });
    await closedLoop({ concurrency: 16, durationMs: seconds(1), maxOps: 2000, op: issue });
    await clear();

    const window = seconds(3);
    const rows: string[][] = [];
    const goals: Section["goals"] = [];
    const notes: string[] = [];
    for (const concurrency of concurrencies) {
      const joins: LoadResult[] = [];
      const issues: LoadResult[] = [];
      for (let r = 0; r < repeats; r++) {
        joins.push(await closedLoop({ concurrency, durationMs: window, maxOps: 9000, op: join }));
        await clear();
        issues.push(await closedLoop({ concurrency, durationMs: window, maxOps: 9000, op: issue }));
        await clear();
      }
      for (const [label, set] of [["joinLine", joins], ["issueTicket", issues]] as const) {
        const errs = set.reduce((n, x) => n + x.errors, 0);
        if (errs) notes.push(`concurrency ${concurrency}, ${label}: ${errs} errors (first: ${set.find((x) => x.firstError)?.firstError})`);
      }
      const j = joins.map((x) => x.perSecond);
      const i = issues.map((x) => x.perSecond);
      const rr = ratio(median(j), median(i));
      rows.push([String(concurrency), spread(j), spread(i), pct(rr), fmt(p95(joins)), fmt(p95(issues))]);
      if (concurrency >= 16) goals.push({ name: `joinLine throughput at concurrency ${concurrency} ≥ 50% of issueTicket's`, met: rr >= 0.5, detail: `${pct(rr)} (${fmt(median(j))} vs ${fmt(median(i))}/s)` });
    }
    owner.client.close();
    const markdown = [
      `Closed loop, ${repeats} interleaved repeats of ${(window / 1000).toFixed(1)} s per cell, ${lines} remote-join lines (worker *i* on line *i* mod ${lines}); ` +
        "API: one child process on PostgreSQL with Redis (pub/sub and the rate limiters). joinLine: anonymous, a new phone and device each time; issueTicket: the owner. Waiting tickets are ended between cells.",
      "",
      table(["concurrency", "joinLine/s", "issueTicket/s", "ratio", "joinLine p95 ms", "issueTicket p95 ms"], rows),
      ...(notes.length ? ["", ...notes.map((n) => `- ${n}`)] : []),
    ].join("\n");
    return { title: "8. Remote join", markdown, goals, seconds: (Date.now() - started) / 1000 };
  } finally {
    anonymous.close();
    await api.stop();
    await database.drop();
  }
}

if (isMain(import.meta.url)) await runAlone("remote-join", run);
