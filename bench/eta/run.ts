// bench/eta: replays simulated business days through the wait-time estimators and compares each customer's
// estimate (made when they joined) with when they were actually called.
//
//   node dist/eta/run.js [--days N] [--no-call-delay] [scenario.json ...]   (default: 3 days (seeds) of every file)
//
// Each scenario is replayed for N independent days (day d of line L is seeded from the scenario's seed, L and d).
// Compared: RECENT_AVERAGE (the naive baseline), STRONG_BASELINE (position × mean recent occupancy ÷ open counters,
// Erlang band; bench/eta/baseline.ts) and SERVICE_RATE (the default). Writes bench/results/eta.md and exits 1 when a
// goal of issue 16 is missed (see GOALS below and README.md).

import { mkdir, readdir, writeFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { estimators, type Estimate, type EstimatesByTicket, type LineSnapshot } from "@qline/estimates";
import { estimateStrongBaseline } from "./baseline.js";
import { countInversions, measureAccuracy, MIN_WINDOW_CUSTOMERS, WINDOW_P90_LIMIT, type Accuracy, type Observation } from "./metrics.js";
import { deriveSeed } from "./random.js";
import { loadScenario, type Scenario } from "./scenario.js";
import { simulateLine } from "./simulate.js";

type Compared = "RECENT_AVERAGE" | "STRONG_BASELINE" | "SERVICE_RATE";
const COMPARED: readonly Compared[] = ["RECENT_AVERAGE", "STRONG_BASELINE", "SERVICE_RATE"];
const ESTIMATE: Record<Compared, (snapshot: LineSnapshot) => EstimatesByTicket> = {
  RECENT_AVERAGE: (snapshot) => estimators.RECENT_AVERAGE(snapshot),
  STRONG_BASELINE: estimateStrongBaseline,
  SERVICE_RATE: (snapshot) => estimators.SERVICE_RATE(snapshot),
};

/** Issue 16's goals for the default estimator, per scenario. */
const GOALS = {
  maeVsStrong: 0.85,
  maeVsRecent: 0.5,
  pastP90Min: 0.05,
  pastP90Max: 0.15,
  windowsWithinLimit: 0.9,
  underP50Min: 0.4,
  underP50Max: 0.6,
};
/** Monday 23 November 2026, 00:00 UTC: the first simulated day. */
const DAY_START = Date.UTC(2026, 10, 23);
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const DEFAULT_DAYS = 3;

const scenariosFolder = fileURLToPath(new URL("../../eta/scenarios/", import.meta.url));
const resultsFile = fileURLToPath(new URL("../../results/eta.md", import.meta.url));

type ByEstimator<T> = Record<Compared, T>;

interface Goal {
  label: string;
  value: string;
  met: boolean;
}

interface ScenarioResult {
  file: string;
  scenario: Scenario;
  days: number;
  arrivals: number;
  accuracy: ByEstimator<Accuracy>;
  lines: { line: string; accuracy: ByEstimator<Accuracy> }[];
  inversions: ByEstimator<number>;
  zeroBehindOthers: ByEstimator<number>;
  goals: Goal[];
}

const byEstimator = <T>(make: (name: Compared) => T): ByEstimator<T> => ({
  RECENT_AVERAGE: make("RECENT_AVERAGE"),
  STRONG_BASELINE: make("STRONG_BASELINE"),
  SERVICE_RATE: make("SERVICE_RATE"),
});

/** Every waiting ticket gets an estimate of whole, finite, non-negative seconds with p90 ≥ p50. */
function assertWellFormed(name: Compared, estimates: Map<string, Estimate>, waiting: number): void {
  if (estimates.size !== waiting) throw new Error(`${name}: ${estimates.size} estimates for ${waiting} waiting tickets`);
  for (const [id, { p50Seconds, p90Seconds }] of estimates) {
    const wellFormed = Number.isInteger(p50Seconds) && Number.isInteger(p90Seconds) && p50Seconds >= 0 && p90Seconds >= p50Seconds;
    if (!wellFormed) throw new Error(`${name}: malformed estimate for ${id}: ${p50Seconds}/${p90Seconds}`);
  }
}

function runScenario(file: string, scenario: Scenario, days: number, callDelay: boolean): ScenarioResult {
  const all = byEstimator((): Observation[] => []);
  const inversions = byEstimator(() => 0);
  const zeroBehindOthers = byEstimator(() => 0);
  let arrivals = 0;
  const lines = scenario.lines.map((scenarioLine) => {
    const line = callDelay ? scenarioLine : { ...scenarioLine, callDelay: { meanSeconds: 0, cv: 1 } };
    const observations = byEstimator((): Observation[] => []);
    for (let day = 0; day < days; day++) {
      const dayStart = DAY_START + day * DAY_MS;
      const estimatesAtArrival = new Map<string, Partial<ByEstimator<Estimate>>>();
      const seed = deriveSeed(scenario.seed, `${line.name}#${day}`);
      const tickets = simulateLine(line, seed, dayStart, (snapshot, arriving) => {
        const found: Partial<ByEstimator<Estimate>> = {};
        const ids = snapshot.waiting.map((ticket) => ticket.id);
        for (const name of COMPARED) {
          const estimates = ESTIMATE[name](snapshot);
          assertWellFormed(name, estimates, snapshot.waiting.length);
          inversions[name] += countInversions(ids, estimates);
          const zeros = ids.slice(1).filter((id) => estimates.get(id)?.p50Seconds === 0).length;
          zeroBehindOthers[name] += zeros;
          found[name] = estimates.get(arriving.id);
        }
        estimatesAtArrival.set(arriving.id, found);
      });
      arrivals += tickets.length;
      for (const ticket of tickets) {
        if (ticket.calledAt === null) continue;
        const actualWaitSeconds = (ticket.calledAt - ticket.joinedAt) / 1000;
        const joinedHour = (ticket.joinedAt - dayStart) / HOUR_MS;
        for (const name of COMPARED) {
          const estimate = estimatesAtArrival.get(ticket.id)?.[name];
          if (estimate === undefined) throw new Error(`${line.name}: no ${name} estimate for ${ticket.id}`);
          const observation: Observation = { estimate, actualWaitSeconds, day, joinedHour };
          observations[name].push(observation);
          all[name].push(observation);
        }
      }
    }
    return { line: line.name, accuracy: byEstimator((name) => measureAccuracy(observations[name])) };
  });
  const accuracy = byEstimator((name) => measureAccuracy(all[name]));
  const rate = accuracy.SERVICE_RATE;
  const vsStrong = rate.p50MaeSeconds / accuracy.STRONG_BASELINE.p50MaeSeconds;
  const vsRecent = rate.p50MaeSeconds / accuracy.RECENT_AVERAGE.p50MaeSeconds;
  const goals: Goal[] = [
    { label: `MAE ÷ strong baseline's ≤ ${GOALS.maeVsStrong}`, value: vsStrong.toFixed(2), met: vsStrong <= GOALS.maeVsStrong },
    { label: `MAE ÷ RECENT_AVERAGE's ≤ ${GOALS.maeVsRecent}`, value: vsRecent.toFixed(2), met: vsRecent <= GOALS.maeVsRecent },
    {
      label: `past p90 in [${percent(GOALS.pastP90Min)}, ${percent(GOALS.pastP90Max)}]`,
      value: percent(rate.sharePastP90),
      met: rate.sharePastP90 >= GOALS.pastP90Min && rate.sharePastP90 <= GOALS.pastP90Max,
    },
    {
      label: `half-hour windows with ≤ ${percent(WINDOW_P90_LIMIT)} past p90 ≥ ${percent(GOALS.windowsWithinLimit)}`,
      value: `${percent(rate.shareOfWindowsWithinP90Limit)} of ${rate.windows.length}`,
      met: rate.shareOfWindowsWithinP90Limit >= GOALS.windowsWithinLimit,
    },
    {
      label: `under p50 in [${percent(GOALS.underP50Min)}, ${percent(GOALS.underP50Max)}]`,
      value: percent(rate.shareUnderP50),
      met: rate.shareUnderP50 >= GOALS.underP50Min && rate.shareUnderP50 <= GOALS.underP50Max,
    },
    { label: "no inverted estimates in queue order", value: String(inversions.SERVICE_RATE), met: inversions.SERVICE_RATE === 0 },
  ];
  return { file, scenario, days, arrivals, accuracy, lines, inversions, zeroBehindOthers, goals };
}

const seconds = (value: number): string => value.toFixed(0);
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

function accuracyRow(label: string, name: Compared, accuracy: Accuracy, result?: ScenarioResult): string {
  const extra = result === undefined ? "" : ` ${result.inversions[name]} | ${result.zeroBehindOthers[name]} |`;
  return `| ${label} | ${name} | ${accuracy.customers} | ${seconds(accuracy.meanActualWaitSeconds)} | ${seconds(accuracy.p50MaeSeconds)} | ${seconds(accuracy.p50BiasSeconds)} | ${percent(accuracy.shareUnderP50)} | ${percent(accuracy.sharePastP90)} | ${percent(accuracy.shareOfWindowsWithinP90Limit)} | ${percent(accuracy.worstWindowPastP90)} | ${percent(accuracy.worstDayPastP90)} | ${seconds(accuracy.meanBandSeconds)} | ${seconds(accuracy.pinballSeconds)} |${extra}`;
}

function renderScenario(result: ScenarioResult): string {
  const { scenario, accuracy } = result;
  const header = [
    "| line | estimator | n (called) | mean wait (s) | p50 MAE (s) | p50 bias (s) | under p50 | past p90 | windows ≤ 25% past p90 | worst window past p90 | worst day past p90 | p90 − p50 (s) | pinball (s) | inverted pairs | 0 s behind others |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const rows = COMPARED.map((name) => accuracyRow("**all lines**", name, accuracy[name], result));
  const lineHeader = header.map((row, index) => (index === 0 ? row.replace(" inverted pairs | 0 s behind others |", "") : row.replace("---:|---:|", "")));
  const lineRows: string[] = [];
  if (result.lines.length > 1) {
    for (const line of result.lines) for (const name of COMPARED) lineRows.push(accuracyRow(line.line, name, line.accuracy[name]));
  }
  const windows = accuracy.SERVICE_RATE.windows.map(
    (window) =>
      `| ${clock(window.fromHour)} | ${window.customers} | ${seconds(window.p50MaeSeconds)} | ${percent(window.shareUnderP50)} | ${percent(window.shareUnderP90)} |${1 - window.shareUnderP90 > WINDOW_P90_LIMIT ? " **miss** |" : " |"}`,
  );
  const met = result.goals.every((goal) => goal.met);
  return [
    `## ${scenario.name} (\`${result.file}\`)`,
    "",
    `${scenario.description} Seed ${scenario.seed}, ${result.days} simulated day(s), ${result.arrivals} tickets issued.`,
    "",
    ...header,
    ...rows,
    ...(lineRows.length > 0 ? ["", ...lineHeader, ...lineRows] : []),
    "",
    `Goals for SERVICE_RATE (${met ? "all met" : "**some missed**"}):`,
    "",
    ...result.goals.map((goal) => `- ${goal.label}: **${goal.value}** — ${goal.met ? "met" : "**MISSED**"}`),
    "",
    "<details><summary>SERVICE_RATE per half-hour window (pooled over the days)</summary>",
    "",
    "| joined from | n | p50 MAE (s) | under p50 | under p90 | |",
    "|---|---:|---:|---:|---:|---|",
    ...windows,
    "",
    "</details>",
    "",
  ].join("\n");
}

const clock = (hour: number): string => `${String(Math.floor(hour)).padStart(2, "0")}:${String(Math.round((hour % 1) * 60)).padStart(2, "0")}`;

function renderSummary(results: readonly ScenarioResult[]): string {
  const lines = [
    "## Summary (SERVICE_RATE unless named)",
    "",
    "| scenario | RECENT_AVERAGE MAE (s) | STRONG_BASELINE MAE (s) | SERVICE_RATE MAE (s) | ÷ strong | ÷ recent | under p50 | past p90 | windows ≤ 25% | band (s) | strong band (s) | pinball (s) | strong pinball (s) | inverted | goals |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const result of results) {
    const { RECENT_AVERAGE: recent, STRONG_BASELINE: strong, SERVICE_RATE: rate } = result.accuracy;
    const missed = result.goals.filter((goal) => !goal.met).length;
    lines.push(
      `| ${result.scenario.name} | ${seconds(recent.p50MaeSeconds)} | ${seconds(strong.p50MaeSeconds)} | ${seconds(rate.p50MaeSeconds)} | ${(rate.p50MaeSeconds / strong.p50MaeSeconds).toFixed(2)} | ${(rate.p50MaeSeconds / recent.p50MaeSeconds).toFixed(2)} | ${percent(rate.shareUnderP50)} | ${percent(rate.sharePastP90)} | ${percent(rate.shareOfWindowsWithinP90Limit)} | ${seconds(rate.meanBandSeconds)} | ${seconds(strong.meanBandSeconds)} | ${seconds(rate.pinballSeconds)} | ${seconds(strong.pinballSeconds)} | ${result.inversions.SERVICE_RATE} | ${missed === 0 ? "all met" : `${missed} missed`} |`,
    );
  }
  const met = results.reduce((sum, result) => sum + result.goals.filter((goal) => goal.met).length, 0);
  const total = results.reduce((sum, result) => sum + result.goals.length, 0);
  lines.push("", `Goals met: ${met} of ${total}.`);
  return `${lines.join("\n")}\n`;
}

interface Arguments {
  days: number;
  callDelay: boolean;
  files: string[];
}

function parseArguments(args: readonly string[]): Arguments {
  const files: string[] = [];
  let days = DEFAULT_DAYS;
  let callDelay = true;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--days" || arg.startsWith("--days=")) {
      const value = arg === "--days" ? args[++index] : arg.slice("--days=".length);
      days = Number(value);
      if (!Number.isInteger(days) || days < 1) throw new Error(`--days needs a whole number ≥ 1 (got ${String(value)})`);
    } else if (arg === "--no-call-delay") {
      callDelay = false;
    } else {
      files.push(arg);
    }
  }
  return { days, callDelay, files };
}

async function scenarioFiles(args: readonly string[]): Promise<string[]> {
  if (args.length > 0) return args.map((arg) => resolve(arg));
  const names = (await readdir(scenariosFolder)).filter((name) => name.endsWith(".json")).sort();
  return names.map((name) => resolve(scenariosFolder, name));
}

async function main(): Promise<void> {
  const started = performance.now();
  const { days, callDelay, files: requested } = parseArguments(process.argv.slice(2));
  const files = await scenarioFiles(requested);
  const results: ScenarioResult[] = [];
  for (const file of files) results.push(runScenario(basename(file), await loadScenario(file), days, callDelay));
  const elapsedSeconds = (performance.now() - started) / 1000;

  const report = [
    "# bench/eta: wait-time estimate accuracy",
    "",
    "Each customer's estimate is taken when they join (from the snapshot the API would build: queue, counters and",
    "their ids, last 2 hours / 200 finished tickets, counter changes, announced pauses) and compared with when they",
    "were actually called. Customers who left before being called are not scored. Staff call delay is",
    `${callDelay ? "**on** (each scenario's `callDelay`, default lognormal mean 12 s, cv 1)" : "**off** (`--no-call-delay`)"}.`,
    `Windows: half-hours of the day by join time, pooled over the days, scored when they hold ≥ ${MIN_WINDOW_CUSTOMERS} customers.`,
    "Pinball: the mean quantile loss of p50 and p90 (lower = sharper and calibrated). Generated by",
    "`pnpm --filter @qline/bench eta`.",
    "",
    renderSummary(results),
    ...results.map(renderScenario),
    `Ran ${results.length} scenario(s) × ${days} day(s) in ${elapsedSeconds.toFixed(1)} s.`,
    "",
  ].join("\n");
  console.log(renderSummary(results));
  await mkdir(resolve(resultsFile, ".."), { recursive: true });
  await writeFile(resultsFile, report);
  console.log(`Wrote ${resultsFile} in ${elapsedSeconds.toFixed(1)} s`);
  if (!results.every((result) => result.goals.every((goal) => goal.met))) process.exitCode = 1;
}

await main();
