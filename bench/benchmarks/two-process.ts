/**
 * 6. Two API processes on the same PostgreSQL + Redis, the client spreading issueTicket load over both
 * (worker i → process i mod 2), vs the same load on one process. No goal in the issue: the ratio is reported.
 */
import { GqlClient } from "../lib/http.js";
import { loadLimits, startApi } from "../lib/api.js";
import { createBenchDatabase } from "../lib/database.js";
import { redisUrl, seconds } from "../lib/env.js";
import { createLine, issueMutation, signUp } from "../lib/fixtures.js";
import { closedLoop, type LoadResult } from "../lib/load.js";
import { isMain, runAlone, table, type Section } from "../lib/report.js";
import { fmt, median, ratio, spread } from "../lib/stats.js";

const concurrencies = [16, 64];
const repeats = 3;
const lineCount = 8;

export async function run(): Promise<Section> {
  const started = Date.now();
  const database = await createBenchDatabase();
  const first = await startApi({ databaseUrl: database.ownerUrl, redisUrl, env: loadLimits });
  const second = await startApi({ databaseUrl: database.ownerUrl, redisUrl, env: loadLimits });
  try {
    const owner = await signUp(first.url);
    const lineIds: string[] = [];
    for (let i = 0; i < lineCount; i++) lineIds.push(await createLine(owner, `Line ${i}`, `L${i}`));
    const a = owner.client;
    const b = new GqlClient(second.url, `Bearer ${owner.token}`);
    const issue = (client: GqlClient, worker: number) => client.ok(issueMutation, { input: { lineId: lineIds[worker % lineCount] } });
    const one = (w: number) => issue(a, w);
    const two = (w: number) => issue(w % 2 === 0 ? a : b, w);
    await closedLoop({ concurrency: 16, durationMs: seconds(1), maxOps: 2000, op: two });
    const rows: string[][] = [];
    const window = seconds(3);
    for (const concurrency of concurrencies) {
      const single: LoadResult[] = [];
      const double: LoadResult[] = [];
      for (let r = 0; r < repeats; r++) {
        single.push(await closedLoop({ concurrency, durationMs: window, maxOps: 100_000, op: one }));
        double.push(await closedLoop({ concurrency, durationMs: window, maxOps: 100_000, op: two }));
      }
      const s = single.map((x) => x.perSecond);
      const d = double.map((x) => x.perSecond);
      const errors = [...single, ...double].reduce((n, x) => n + x.errors, 0);
      rows.push([String(concurrency), spread(s), spread(d), `${fmt(ratio(median(d), median(s)), 2)}×`, String(errors)]);
    }
    b.close();
    a.close();
    const markdown = [
      `issueTicket over ${lineCount} lines, ${repeats} interleaved repeats of ${(window / 1000).toFixed(1)} s. Both processes: pg pool of 10 each, Redis pub/sub, same database. ` +
        `On this 2-core machine the two API processes, PostgreSQL, Redis and the load generator share the same two cores, so the second process can only help as far as the first one left a core idle.`,
      "",
      table(["concurrency", "one process issues/s", "two processes issues/s", "two ÷ one", "errors"], rows),
    ].join("\n");
    return { title: "6. Two API processes", markdown, goals: [], seconds: (Date.now() - started) / 1000 };
  } finally {
    await first.stop();
    await second.stop();
    await database.drop();
  }
}

if (isMain(import.meta.url)) await runAlone("two-process", run);
