// bench/eta/cost.ts: what one SERVICE_RATE call costs on the API's event loop (issue 14: the estimator runs once per
// line change). A line with 50, 200, 1,000 and 5,000 waiting tickets, a full 2-hour history (200 finished tickets at
// 4 counters, counter ids known, two ticket types) and every counter busy; each call sees a new snapshot (a new
// ticket joined, so the seed changes), as in production.
//
//   node dist/eta/cost.js [--calls N]      (default 300 calls per size after 50 warm-up calls)
//
// Prints the CPU time and wall time per call (p50, p90, ms) and the goals on the CPU time's p50 (≤ 0.5 ms at 50
// waiting, ≤ 2 ms at 5,000); exits 1 on a miss. The machine may be shared: CPU time is what one call takes from
// the event loop; wall time also counts being descheduled. Writes bench/results/eta-cost.md.

import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { estimators, type FinishedTicket, type LineSnapshot, type ServingTicket, type WaitingTicket } from "@qline/estimates";
import { deriveSeed, mulberry32 } from "./random.js";

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const COUNTERS = ["c1", "c2", "c3", "c4"];
const TYPES = [
  { id: "quick", defaultServiceSeconds: 120 },
  { id: "long", defaultServiceSeconds: 600 },
];
const GOALS: readonly { waiting: number; maxMs: number }[] = [
  { waiting: 50, maxMs: 0.5 },
  { waiting: 5000, maxMs: 2 },
];

function history(random: () => number): FinishedTicket[] {
  const tickets: FinishedTicket[] = [];
  const finishAt = new Map(COUNTERS.map((id) => [id, NOW - 2 * 3600_000]));
  for (let index = 0; index < 200; index++) {
    const counterId = COUNTERS[index % COUNTERS.length] ?? "c1";
    const long = random() < 0.3;
    const service = (long ? 500 : 100) * Math.exp(0.5 * (random() + random() - 1));
    const calledAt = (finishAt.get(counterId) ?? NOW) + 5_000 + random() * 20_000;
    const completedAt = calledAt + service * 1000;
    finishAt.set(counterId, completedAt);
    const noShow = random() < 0.05;
    tickets.push({
      id: `h${index}`,
      ticketTypeId: long ? "long" : "quick",
      joinedAt: calledAt - 600_000,
      calledAt,
      servedAt: noShow ? null : calledAt + 15_000,
      completedAt,
      outcome: noShow ? "NO_SHOW" : "SERVED",
      counterId,
    });
  }
  return tickets.sort((a, b) => a.completedAt - b.completedAt).filter((ticket) => ticket.completedAt <= NOW);
}

function lineWith(waitingCount: number, call: number, random: () => number, past: FinishedTicket[]): LineSnapshot {
  const waiting: WaitingTicket[] = Array.from({ length: waitingCount }, (_, index) => ({
    id: `w${call}-${index}`,
    ticketTypeId: random() < 0.3 ? "long" : "quick",
    joinedAt: NOW - (waitingCount - index) * 20_000,
  }));
  const serving: ServingTicket[] = COUNTERS.map((counterId, index) => ({
    id: `s${call}-${index}`,
    ticketTypeId: "quick",
    calledAt: NOW - (30 + 40 * index) * 1000,
    startedAt: NOW - (20 + 40 * index) * 1000,
    counterId,
  }));
  return {
    now: NOW + call * 1000,
    openCounters: COUNTERS.length,
    totalCounters: COUNTERS.length + 1,
    openCounterIds: COUNTERS,
    counterEvents: [{ at: NOW - 3600_000, openCounters: COUNTERS.length }],
    plannedClosures: [{ from: NOW + 4 * 3600_000, until: NOW + 5 * 3600_000 }],
    waiting,
    serving,
    history: past,
    ticketTypes: TYPES,
  };
}

function quantile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

export interface Cost {
  /** CPU time of one call (user + system, ms): what it takes from the event loop, whatever else runs on the machine. */
  cpuP50: number;
  cpuP90: number;
  /** Wall time of one call (ms): includes being descheduled on a shared machine. */
  wallP50: number;
  wallP90: number;
}

export function measureCost(waitingCount: number, calls: number): Cost {
  const random = mulberry32(deriveSeed(14, `cost-${waitingCount}`));
  const past = history(random);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let call = 0; call < calls + 50; call++) {
    // Each snapshot is built before its call: only the estimator call is timed.
    const line = lineWith(waitingCount, call, random, past);
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    const estimates = estimators.SERVICE_RATE(line);
    const elapsed = performance.now() - started;
    const cpuUsed = process.cpuUsage(cpuStarted);
    if (estimates.size !== waitingCount) throw new Error(`expected ${waitingCount} estimates, got ${estimates.size}`);
    if (call >= 50) {
      times.push(elapsed);
      cpu.push((cpuUsed.user + cpuUsed.system) / 1000);
    }
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { cpuP50: quantile(cpu, 0.5), cpuP90: quantile(cpu, 0.9), wallP50: quantile(times, 0.5), wallP90: quantile(times, 0.9) };
}

function main(): void {
  const callsArg = process.argv.indexOf("--calls");
  const calls = callsArg >= 0 ? Number(process.argv[callsArg + 1]) : 300;
  if (!Number.isInteger(calls) || calls < 10) throw new Error("--calls takes an integer ≥ 10");
  const rows: string[] = ["| waiting | CPU p50 (ms) | CPU p90 (ms) | wall p50 (ms) | wall p90 (ms) | goal (CPU p50) |", "|---:|---:|---:|---:|---:|---|"];
  let missed = 0;
  for (const waiting of [50, 200, 1000, 5000]) {
    const cost = measureCost(waiting, waiting >= 1000 ? Math.max(10, Math.floor(calls / 3)) : calls);
    const goal = GOALS.find((entry) => entry.waiting === waiting);
    const met = goal === undefined || cost.cpuP50 <= goal.maxMs;
    if (!met) missed++;
    const goalText = goal === undefined ? "" : `≤ ${goal.maxMs} ms: ${met ? "met" : "**MISSED**"}`;
    rows.push(`| ${waiting} | ${cost.cpuP50.toFixed(3)} | ${cost.cpuP90.toFixed(3)} | ${cost.wallP50.toFixed(3)} | ${cost.wallP90.toFixed(3)} | ${goalText} |`);
  }
  const report = [
    "# bench/eta/cost: one SERVICE_RATE call",
    "",
    "4 busy counters, 200 finished tickets of history (counter ids, 2 types, no-shows), a planned closure ahead; each call",
    `a new snapshot. ${calls} calls per depth (a third of that at 1,000 and 5,000) after 50 warm-up calls. Generated by`,
    "`pnpm --filter @qline/bench eta:cost`; CPU time is user + system time of the process during the call.",
    "",
    ...rows,
    "",
  ].join("\n");
  console.log(report);
  writeFileSync(fileURLToPath(new URL("../../results/eta-cost.md", import.meta.url)), report);
  if (missed > 0) process.exitCode = 1;
}

if (process.argv[1]?.endsWith("cost.js")) main();
