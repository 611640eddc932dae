// bench/eta: replays simulated business days through the wait-time estimators and compares each customer's
// estimate (made when they joined) with when they were actually called.
//
//   node dist/eta/run.js [--days N] [scenario.json ...]     (default: 20 days of every file in eta/scenarios/)
//
// Each scenario is replayed for N independent days (day d of line L is seeded from the scenario's seed, L and d).
// Prints a Markdown table per scenario, writes them to bench/results/eta.md, and exits 1 when a target misses:
// SERVICE_RATE p50 MAE ≤ 50% of RECENT_AVERAGE's, and ≤ 20% of customers called later than their p90.

import { mkdir, readdir, writeFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { estimators, type Estimate, type LocalEstimatorName } from "@qline/estimates";
import { measureAccuracy, type Accuracy, type Observation } from "./metrics.js";
import { deriveSeed } from "./random.js";
import { loadScenario, type Scenario } from "./scenario.js";
import { simulateLine } from "./simulate.js";

const COMPARED: readonly LocalEstimatorName[] = ["RECENT_AVERAGE", "SERVICE_RATE"];
const TARGET_MAE_RATIO = 0.5;
const TARGET_SHARE_LATER_THAN_P90 = 0.2;
/** Monday 23 November 2026, 00:00 UTC: the first simulated day. */
const DAY_START = Date.UTC(2026, 10, 23);
const DAY_MS = 24 * 3_600_000;
const DEFAULT_DAYS = 20;

const scenariosFolder = fileURLToPath(new URL("../../eta/scenarios/", import.meta.url));
const resultsFile = fileURLToPath(new URL("../../results/eta.md", import.meta.url));

type ObservationsByEstimator = Record<LocalEstimatorName, Observation[]>;

interface LineResult {
  line: string;
  arrivals: number;
  accuracy: Record<LocalEstimatorName, Accuracy>;
}

interface ScenarioResult {
  file: string;
  scenario: Scenario;
  days: number;
  lines: LineResult[];
  accuracy: Record<LocalEstimatorName, Accuracy>;
  maeRatio: number;
  passes: boolean;
}

function emptyObservations(): ObservationsByEstimator {
  return { RECENT_AVERAGE: [], SERVICE_RATE: [] };
}

function accuracyOf(observations: ObservationsByEstimator): Record<LocalEstimatorName, Accuracy> {
  return { RECENT_AVERAGE: measureAccuracy(observations.RECENT_AVERAGE), SERVICE_RATE: measureAccuracy(observations.SERVICE_RATE) };
}

/** Every waiting ticket gets an estimate of whole, finite, non-negative seconds with p90 ≥ p50. */
function assertWellFormed(name: LocalEstimatorName, estimates: Map<string, Estimate>, waiting: number): void {
  if (estimates.size !== waiting) throw new Error(`${name}: ${estimates.size} estimates for ${waiting} waiting tickets`);
  for (const [id, { p50Seconds, p90Seconds }] of estimates) {
    const wellFormed =
      Number.isInteger(p50Seconds) && Number.isInteger(p90Seconds) && p50Seconds >= 0 && p90Seconds >= p50Seconds;
    if (!wellFormed) throw new Error(`${name}: malformed estimate for ${id}: ${p50Seconds}/${p90Seconds}`);
  }
}

function runScenario(file: string, scenario: Scenario, days: number): ScenarioResult {
  const all = emptyObservations();
  const lines = scenario.lines.map((line): LineResult => {
    const observations = emptyObservations();
    let arrivals = 0;
    for (let day = 0; day < days; day++) {
      const estimatesAtArrival = new Map<string, Partial<Record<LocalEstimatorName, Estimate>>>();
      const seed = deriveSeed(scenario.seed, `${line.name}#${day}`);
      const tickets = simulateLine(line, seed, DAY_START + day * DAY_MS, (snapshot, arriving) => {
        const byEstimator: Partial<Record<LocalEstimatorName, Estimate>> = {};
        for (const name of COMPARED) {
          const estimates = estimators[name](snapshot);
          assertWellFormed(name, estimates, snapshot.waiting.length);
          byEstimator[name] = estimates.get(arriving.id);
        }
        estimatesAtArrival.set(arriving.id, byEstimator);
      });
      arrivals += tickets.length;
      for (const ticket of tickets) {
        if (ticket.calledAt === null) continue;
        const actualWaitSeconds = (ticket.calledAt - ticket.joinedAt) / 1000;
        for (const name of COMPARED) {
          const estimate = estimatesAtArrival.get(ticket.id)?.[name];
          if (estimate === undefined) throw new Error(`${line.name}: no ${name} estimate for ${ticket.id}`);
          observations[name].push({ estimate, actualWaitSeconds });
          all[name].push({ estimate, actualWaitSeconds });
        }
      }
    }
    return { line: line.name, arrivals, accuracy: accuracyOf(observations) };
  });
  const accuracy = accuracyOf(all);
  const maeRatio = accuracy.SERVICE_RATE.p50MaeSeconds / accuracy.RECENT_AVERAGE.p50MaeSeconds;
  const passes = maeRatio <= TARGET_MAE_RATIO && accuracy.SERVICE_RATE.shareLaterThanP90 <= TARGET_SHARE_LATER_THAN_P90;
  return { file, scenario, days, lines, accuracy, maeRatio, passes };
}

const seconds = (value: number): string => value.toFixed(0);
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

function accuracyRow(label: string, name: LocalEstimatorName, accuracy: Accuracy): string {
  return `| ${label} | ${name} | ${accuracy.customers} | ${seconds(accuracy.meanActualWaitSeconds)} | ${seconds(accuracy.p50MaeSeconds)} | ${seconds(accuracy.p50BiasSeconds)} | ${percent(accuracy.shareLaterThanP50)} | ${percent(accuracy.shareLaterThanP90)} | ${percent(accuracy.shareLaterThanP90WhenWaitExpected)} | ${seconds(accuracy.meanBandSeconds)} |`;
}

function renderScenario(result: ScenarioResult): string {
  const { scenario, accuracy } = result;
  const header = [
    "| line | estimator | n (called) | mean wait (s) | p50 MAE (s) | p50 bias (s) | later than p50 | later than p90 | later than p90, told to wait | p90 − p50 (s) |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const rows = COMPARED.map((name) => accuracyRow("**all lines**", name, accuracy[name]));
  if (result.lines.length > 1) {
    for (const line of result.lines) for (const name of COMPARED) rows.push(accuracyRow(line.line, name, line.accuracy[name]));
  }
  const arrivals = result.lines.reduce((sum, line) => sum + line.arrivals, 0);
  const verdict = (ok: boolean): string => (ok ? "PASS" : "FAIL");
  return [
    `## ${scenario.name} (\`${result.file}\`)`,
    "",
    `${scenario.description} Seed ${scenario.seed}, ${result.days} simulated day(s), ${arrivals} tickets issued.`,
    "",
    ...header,
    ...rows,
    "",
    `- SERVICE_RATE MAE / RECENT_AVERAGE MAE = **${result.maeRatio.toFixed(2)}** (target ≤ ${TARGET_MAE_RATIO}): ${verdict(result.maeRatio <= TARGET_MAE_RATIO)}`,
    `- SERVICE_RATE customers called later than p90: **${percent(accuracy.SERVICE_RATE.shareLaterThanP90)}** (target ≤ ${percent(TARGET_SHARE_LATER_THAN_P90)}): ${verdict(accuracy.SERVICE_RATE.shareLaterThanP90 <= TARGET_SHARE_LATER_THAN_P90)}`,
    "",
  ].join("\n");
}

function renderSummary(results: readonly ScenarioResult[]): string {
  const lines = [
    "## Summary",
    "",
    "| scenario | RECENT_AVERAGE MAE (s) | SERVICE_RATE MAE (s) | ratio | RECENT_AVERAGE later than p90 | SERVICE_RATE later than p90 | RECENT_AVERAGE band (s) | SERVICE_RATE band (s) | n | targets |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const result of results) {
    const recent = result.accuracy.RECENT_AVERAGE;
    const rate = result.accuracy.SERVICE_RATE;
    lines.push(
      `| ${result.scenario.name} | ${seconds(recent.p50MaeSeconds)} | ${seconds(rate.p50MaeSeconds)} | ${result.maeRatio.toFixed(2)} | ${percent(recent.shareLaterThanP90)} | ${percent(rate.shareLaterThanP90)} | ${seconds(recent.meanBandSeconds)} | ${seconds(rate.meanBandSeconds)} | ${rate.customers} | ${result.passes ? "PASS" : "FAIL"} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}

interface Arguments {
  days: number;
  files: string[];
}

function parseArguments(args: readonly string[]): Arguments {
  const files: string[] = [];
  let days = DEFAULT_DAYS;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--days" || arg.startsWith("--days=")) {
      const value = arg === "--days" ? args[++index] : arg.slice("--days=".length);
      days = Number(value);
      if (!Number.isInteger(days) || days < 1) throw new Error(`--days needs a whole number ≥ 1 (got ${String(value)})`);
    } else {
      files.push(arg);
    }
  }
  return { days, files };
}

async function scenarioFiles(args: readonly string[]): Promise<string[]> {
  if (args.length > 0) return args.map((arg) => resolve(arg));
  const names = (await readdir(scenariosFolder)).filter((name) => name.endsWith(".json")).sort();
  return names.map((name) => resolve(scenariosFolder, name));
}

async function main(): Promise<void> {
  const started = performance.now();
  const { days, files: requested } = parseArguments(process.argv.slice(2));
  const files = await scenarioFiles(requested);
  const results: ScenarioResult[] = [];
  for (const file of files) results.push(runScenario(basename(file), await loadScenario(file), days));
  const elapsedSeconds = (performance.now() - started) / 1000;

  const report = [
    "# bench/eta: wait-time estimate accuracy",
    "",
    "Each customer's estimate is taken when they join (from the snapshot the API would build: queue, counters,",
    "last 2 hours / 200 finished tickets) and compared with when they were actually called. Customers who left",
    "before being called are not scored. Generated by `pnpm --filter @qline/bench eta`.",
    "",
    ...results.map(renderScenario),
    renderSummary(results),
    `Ran ${results.length} scenario(s) in ${elapsedSeconds.toFixed(1)} s.`,
    "",
  ].join("\n");
  console.log(report);
  await mkdir(resolve(resultsFile, ".."), { recursive: true });
  await writeFile(resultsFile, report);
  console.log(`Wrote ${resultsFile}`);
  if (!results.every((result) => result.passes)) process.exitCode = 1;
}

await main();
