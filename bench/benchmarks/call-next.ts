/**
 * 2. Call-next throughput: callNext over GraphQL/HTTP at concurrency 16 against a deep queue, vs the bare SQL
 * dequeue (`FOR UPDATE SKIP LOCKED` + update, one transaction) on another line of the same depth. Goal ≥ 50%.
 */
import { loadLimits, startApi } from "../lib/api.js";
import { appPool, baselineDequeue } from "../lib/baseline.js";
import { createBenchDatabase } from "../lib/database.js";
import { redisUrl, seconds } from "../lib/env.js";
import { bulkWaitingSql, callNextMutation, createCounter, createLine, signUp } from "../lib/fixtures.js";
import { closedLoop, type LoadResult } from "../lib/load.js";
import { isMain, runAlone, table, type Section } from "../lib/report.js";
import { fmt, median, pct, ratio, spread } from "../lib/stats.js";

const concurrency = 16;
const repeats = 3;
export const queueDepth = 50_000;

export async function run(): Promise<Section> {
  const started = Date.now();
  const database = await createBenchDatabase();
  const api = await startApi({ databaseUrl: database.ownerUrl, redisUrl, env: loadLimits });
  try {
    const owner = await signUp(api.url);
    const apiLine = await createLine(owner, "API line", "A");
    const baseLine = await createLine(owner, "Baseline line", "B");
    const counterId = await createCounter(owner, apiLine);
    const ownerPool = database.owner();
    for (const line of [apiLine, baseLine]) await ownerPool.query(bulkWaitingSql, [owner.tenantId, line, queueDepth, 0]);
    await ownerPool.query("analyze tickets");
    const pool = appPool(database.appUrl);
    const ours = () => owner.client.ok(callNextMutation, { l: apiLine, c: counterId });
    const base = () => baselineDequeue(pool, owner.tenantId, baseLine);
    await closedLoop({ concurrency, durationMs: seconds(1), maxOps: 1000, op: ours });
    await closedLoop({ concurrency, durationMs: seconds(1), maxOps: 1000, op: base });
    const o: LoadResult[] = [];
    const b: LoadResult[] = [];
    const window = seconds(3);
    for (let r = 0; r < repeats; r++) {
      o.push(await closedLoop({ concurrency, durationMs: window, maxOps: queueDepth / 2 / repeats, op: ours }));
      b.push(await closedLoop({ concurrency, durationMs: window, maxOps: queueDepth / 2 / repeats, op: base }));
    }
    await pool.end();
    owner.client.close();
    const or = o.map((x) => x.perSecond);
    const br = b.map((x) => x.perSecond);
    const rr = ratio(median(or), median(br));
    const p95 = (set: LoadResult[]) => median(set.map((x) => [...x.latenciesMs].sort((a, c) => a - c)[Math.floor(x.latenciesMs.length * 0.95)] ?? NaN));
    const errors = [...o, ...b].filter((x) => x.errors).map((x) => `${x.errors} errors (${x.firstError})`);
    const markdown = [
      `Concurrency ${concurrency}, ${repeats} interleaved repeats of ${(window / 1000).toFixed(1)} s; each line starts ${queueDepth.toLocaleString("en")} tickets deep (bulk-loaded). ` +
        `API: callNext with a counter, one child process, pg pool of 10, Redis pub/sub. Baseline: \`with next as (select … for update skip locked) update … returning\` ` +
        `in a set_config transaction through \`pg\` (pool of 10) as qline_app.`,
      "",
      table(["", "calls/s", "p95 ms"], [
        ["API callNext", spread(or), fmt(p95(o))],
        ["bare SQL dequeue", spread(br), fmt(p95(b))],
        ["ratio", pct(rr), ""],
      ]),
      ...(errors.length ? ["", ...errors.map((e) => `- ${e}`)] : []),
    ].join("\n");
    return {
      title: "2. Call-next throughput",
      markdown,
      goals: [{ name: "callNext ≥ 50% of the bare SQL dequeue at concurrency 16", met: rr >= 0.5, detail: `${pct(rr)} (${fmt(median(or))} vs ${fmt(median(br))} calls/s)` }],
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await api.stop();
    await database.drop();
  }
}

if (isMain(import.meta.url)) await runAlone("call-next", run);
