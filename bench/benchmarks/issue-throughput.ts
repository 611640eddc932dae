/**
 * 1. Issue throughput: issueTicket over GraphQL/HTTP at concurrency 1, 16, 64, against a plain `pg` loop
 * running the same transaction (tenant context + numbering upsert + insert) on the same database.
 * PGlite (the embedded API) is a second, labelled column. Goal: ≥ 50% of the baseline at 16+.
 */
import { loadLimits, startApi } from "../lib/api.js";
import { appPool, baselineIssue } from "../lib/baseline.js";
import { createBenchDatabase } from "../lib/database.js";
import { redisUrl, seconds } from "../lib/env.js";
import { createLine, issueMutation, signUp, type Owner } from "../lib/fixtures.js";
import { closedLoop, type LoadResult } from "../lib/load.js";
import { isMain, runAlone, table, type Section } from "../lib/report.js";
import { fmt, median, pct, ratio, spread } from "../lib/stats.js";

export const concurrencies = [1, 16, 64];
const repeats = 3;
const linesPerTenant = 8;

async function setupApi(url: string): Promise<{ owner: Owner; lineIds: string[] }> {
  const owner = await signUp(url);
  const lineIds: string[] = [];
  for (let i = 0; i < linesPerTenant; i++) lineIds.push(await createLine(owner, `Line ${i}`, `L${i}`));
  return { owner, lineIds };
}

const apiIssue = (s: { owner: Owner; lineIds: string[] }) => (worker: number) =>
  s.owner.client.ok(issueMutation, { input: { lineId: s.lineIds[worker % s.lineIds.length] } });

export async function run(): Promise<Section> {
  const started = Date.now();
  const database = await createBenchDatabase();
  const pgApi = await startApi({ databaseUrl: database.ownerUrl, redisUrl, env: loadLimits });
  const liteApi = await startApi({ env: loadLimits });
  try {
    const onPg = await setupApi(pgApi.url);
    const onLite = await setupApi(liteApi.url);
    const pool = appPool(database.appUrl);
    const baselineOp = (worker: number) => baselineIssue(pool, onPg.owner.tenantId, onPg.lineIds[worker % onPg.lineIds.length]!);
    const window = seconds(3);
    // Warm up (JIT, pools, plans).
    await closedLoop({ concurrency: 16, durationMs: seconds(1), maxOps: 2000, op: apiIssue(onPg) });
    await closedLoop({ concurrency: 16, durationMs: seconds(1), maxOps: 2000, op: apiIssue(onLite) });
    await closedLoop({ concurrency: 16, durationMs: seconds(1), maxOps: 2000, op: baselineOp });

    const rows: string[][] = [];
    const goals: Section["goals"] = [];
    const notes: string[] = [];
    for (const concurrency of concurrencies) {
      const ours: LoadResult[] = [];
      const base: LoadResult[] = [];
      const lite: LoadResult[] = [];
      for (let r = 0; r < repeats; r++) {
        // Interleaved, so drift and noise hit all three alike.
        ours.push(await closedLoop({ concurrency, durationMs: window, maxOps: 100_000, op: apiIssue(onPg) }));
        base.push(await closedLoop({ concurrency, durationMs: window, maxOps: 100_000, op: baselineOp }));
        lite.push(await closedLoop({ concurrency, durationMs: window, maxOps: 100_000, op: apiIssue(onLite) }));
      }
      for (const [label, set] of [["API/PostgreSQL", ours], ["pg baseline", base], ["API/PGlite", lite]] as const) {
        const errs = set.reduce((n, x) => n + x.errors, 0);
        if (errs) notes.push(`concurrency ${concurrency}, ${label}: ${errs} errors (first: ${set.find((x) => x.firstError)?.firstError})`);
      }
      const o = ours.map((x) => x.perSecond);
      const b = base.map((x) => x.perSecond);
      const l = lite.map((x) => x.perSecond);
      const rr = ratio(median(o), median(b));
      const p95 = (set: LoadResult[]) => median(set.map((x) => [...x.latenciesMs].sort((a, c) => a - c)[Math.floor(x.latenciesMs.length * 0.95)] ?? NaN));
      rows.push([String(concurrency), spread(o), spread(b), pct(rr), fmt(p95(ours)), fmt(p95(base)), spread(l), pct(ratio(median(l), median(b)))]);
      if (concurrency >= 16) goals.push({ name: `issue throughput at concurrency ${concurrency} ≥ 50% of the pg baseline`, met: rr >= 0.5, detail: `${pct(rr)} (${fmt(median(o))} vs ${fmt(median(b))} issues/s)` });
    }
    await pool.end();
    onPg.owner.client.close();
    onLite.owner.client.close();
    const markdown = [
      `Closed loop, ${repeats} interleaved repeats of ${(window / 1000).toFixed(1)} s per cell; ${linesPerTenant} lines, worker *i* issues on line *i* mod ${linesPerTenant}. ` +
        `API: one child process, pg pool of 10, Redis pub/sub. Baseline: the same transaction (set_config + numbering upsert + insert) through \`pg\` (pool of 10) as qline_app.`,
      "",
      table(
        ["concurrency", "API/PostgreSQL issues/s", "pg baseline issues/s", "ratio", "API p95 ms", "baseline p95 ms", "API/PGlite issues/s", "PGlite ÷ pg baseline"],
        rows,
      ),
      ...(notes.length ? ["", ...notes.map((n) => `- ${n}`)] : []),
    ].join("\n");
    return { title: "1. Issue throughput", markdown, goals, seconds: (Date.now() - started) / 1000 };
  } finally {
    await pgApi.stop();
    await liteApi.stop();
    await database.drop();
  }
}

if (isMain(import.meta.url)) await runAlone("issue-throughput", run);
