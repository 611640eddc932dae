// SERVICE_RATE's building blocks: the simulation of the calls to come, the random draws it uses, the change-point
// test on pace, the lognormal service model, no-shows at the counter, staff coming back, and its cost.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { driftAverage, SIMULATED_CALLS_BUDGET, SIMULATED_WINDOW, simulateCalls, type CallSimulationInput, type SimulatedCounter } from "../call-simulation.js";
import { detectChange } from "../pace.js";
import { logNormalOf, normalCdf, remainingLogNormal, seededRandom } from "../sampling.js";
import { learnServiceModel } from "../service-model.js";
import { estimateServiceRate } from "../service-rate.js";
import type { FinishedTicket, LineSnapshot } from "../types.js";
import { finishedHistory, NOW, p50sOf, repeat, secondsAgo, snapshot, waitingQueue } from "./fixtures.js";

function between(actual: number, low: number, high: number, what: string): void {
  assert.ok(actual >= low && actual <= high, `${what}: expected ${actual} in [${low}, ${high}]`);
}

const idle: SimulatedCounter = { away: null, current: null };
const noDelay = { mu: -Infinity, sigma: 0 };

function input(overrides: Partial<CallSimulationInput>): CallSimulationInput {
  return {
    counters: [idle],
    closure: null,
    busyServing: 0,
    occupancies: [],
    callDelay: noDelay,
    noShowShare: 0,
    noShowHold: logNormalOf(60, 0),
    leaveShare: 0,
    paceSigma: 0,
    driftSigmaPerSqrtHour: 0,
    driftCapSd: 0,
    runs: 200,
    seed: 7,
    // Every run over the whole window unless a test is about the budget.
    callBudget: Infinity,
    ...overrides,
  };
}

describe("simulateCalls", () => {
  it("without randomness is the schedule itself: one counter, 100 s each, called at 0, 100, 200 …", () => {
    const { p50, p90 } = simulateCalls(input({ occupancies: repeat(logNormalOf(100, 0), 5) }));
    assert.deepEqual([...p50].map(Math.round), [0, 100, 200, 300, 400]);
    assert.deepEqual([...p90].map(Math.round), [0, 100, 200, 300, 400]);
  });

  it("shares the queue among counters: the counter that frees first calls next", () => {
    const busyFor = (elapsedSeconds: number): SimulatedCounter => ({
      away: null,
      current: { occupancy: logNormalOf(100, 0), elapsedSeconds, noShowChance: 0 },
    });
    // Two busy counters, free in 30 s and 80 s; each ticket takes 100 s.
    const { p50 } = simulateCalls(input({ counters: [busyFor(70), busyFor(20)], busyServing: 2, occupancies: repeat(logNormalOf(100, 0), 4) }));
    assert.deepEqual([...p50].map(Math.round), [30, 80, 130, 180]);
  });

  it("never decreases with position, whatever the spread, no-shows and leavers", () => {
    const occupancies = Array.from({ length: 60 }, (_, index) => logNormalOf(index % 3 === 0 ? 900 : 60, 1.5));
    const { p50, p90 } = simulateCalls(
      input({ counters: [idle, idle, idle], occupancies, callDelay: logNormalOf(12, 1), noShowShare: 0.2, leaveShare: 0.1, paceSigma: 0.3, driftSigmaPerSqrtHour: 0.6 }),
    );
    for (let position = 1; position < 60; position++) {
      assert.ok((p50[position] ?? 0) >= (p50[position - 1] ?? 0), `p50 at ${position}`);
      assert.ok((p90[position] ?? 0) >= (p90[position - 1] ?? 0), `p90 at ${position}`);
      assert.ok((p90[position] ?? 0) >= (p50[position] ?? 0), `p90 ≥ p50 at ${position}`);
    }
  });

  it("a closure delays every counter together; a returning break only its own counter", () => {
    const occupancies = repeat(logNormalOf(100, 0), 4);
    const closed = simulateCalls(input({ counters: [idle, idle], closure: { duration: logNormalOf(600, 0), elapsedSeconds: 0 }, occupancies }));
    assert.deepEqual([...closed.p50].map(Math.round), [600, 600, 700, 700]);
    const onBreak: SimulatedCounter = { away: { duration: logNormalOf(600, 0), elapsedSeconds: 0 }, current: null };
    const oneAway = simulateCalls(input({ counters: [idle, onBreak], occupancies }));
    assert.deepEqual([...oneAway.p50].map(Math.round), [0, 100, 200, 300]);
  });

  it(`beyond the first ${SIMULATED_WINDOW} positions, each run's pace carries the queue: close to calling every ticket`, () => {
    const occupancies = Array.from({ length: 400 }, (_, index) => logNormalOf(index % 4 === 0 ? 300 : 120, 0.6));
    // Without drift (whose hours-long random walk would make the comparison one of sampling noise).
    const common = { counters: [idle, idle, idle, idle], occupancies, callDelay: logNormalOf(10, 1), noShowShare: 0.1, leaveShare: 0.05, paceSigma: 0.1, runs: 400 };
    const exact = simulateCalls(input({ ...common, window: 1000 }));
    const fast = simulateCalls(input(common));
    for (const position of [150, 250, 399]) {
      between((fast.p50[position] ?? 0) / (exact.p50[position] ?? 1), 0.97, 1.03, `p50 at ${position}`);
      between((fast.p90[position] ?? 0) / (exact.p90[position] ?? 1), 0.95, 1.05, `p90 at ${position}`);
    }
  });

  it("the pace's drift reverts: a long wait's band stops widening like a random walk's", () => {
    const occupancies = repeat(logNormalOf(60, 0.3), 240);
    const band = (driftCapSd: number): number => {
      const { p50, p90 } = simulateCalls(input({ occupancies, driftSigmaPerSqrtHour: 0.6, driftCapSd, runs: 400 }));
      return ((p90[239] ?? 0) - (p50[239] ?? 0)) / (p50[239] ?? 1);
    };
    // Four hours ahead: a random walk's sd is 1.2 in log; the capped drift's is at most 0.25 and averages out.
    between(band(0.25), 0.05, 0.4, "capped drift: relative band at 4 h");
    assert.ok(band(0) > 2 * band(0.25), "an unbounded random walk is much wider");
  });

  it(`the work per call is bounded: only the first ${SIMULATED_WINDOW} positions are simulated, within ${SIMULATED_CALLS_BUDGET} calls, whatever the queue's depth`, () => {
    const counters = [idle, idle, idle];
    const simulated = (positions: number): number =>
      simulateCalls(input({ counters, occupancies: repeat(logNormalOf(120, 0.5), positions), callDelay: logNormalOf(10, 1), paceSigma: 0.15, runs: 64, callBudget: undefined })).simulatedCalls;
    assert.equal(simulated(50), 50 * 64, "a short queue: every run");
    assert.ok(simulated(SIMULATED_WINDOW) <= SIMULATED_CALLS_BUDGET);
    assert.equal(simulated(5000), simulated(SIMULATED_WINDOW), "5,000 waiting: the same work as a full window");
    assert.equal(simulated(50_000), simulated(SIMULATED_WINDOW));
  });

  it("beyond the window, estimates keep rising with position and the band keeps widening (pace and services add up)", () => {
    const occupancies = Array.from({ length: 3000 }, (_, index) => logNormalOf(index % 5 === 0 ? 600 : 120, 0.8));
    const { p50, p90 } = simulateCalls(
      input({ counters: [idle, idle, idle, idle], occupancies, callDelay: logNormalOf(12, 1), noShowShare: 0.05, leaveShare: 0.03, paceSigma: 0.2, driftSigmaPerSqrtHour: 0.6, driftCapSd: 0.25, runs: 64, callBudget: undefined }),
    );
    for (let position = 1; position < occupancies.length; position++) {
      assert.ok((p50[position] ?? 0) >= (p50[position - 1] ?? 0), `p50 at ${position}`);
      assert.ok((p90[position] ?? 0) >= (p90[position - 1] ?? 0), `p90 at ${position}`);
    }
    const band = (position: number): number => (p90[position] ?? 0) - (p50[position] ?? 0);
    // Continuous at the window's edge, then wider further back (the band grows about in proportion to the wait).
    between((p50[SIMULATED_WINDOW] ?? 0) / (p50[SIMULATED_WINDOW - 1] ?? 1), 1, 1.05, "p50 across the window's edge");
    assert.ok(band(1000) > band(SIMULATED_WINDOW) && band(2999) > band(1000), `bands ${band(SIMULATED_WINDOW)}, ${band(1000)}, ${band(2999)}`);
    // About the expected time: 3000 tickets × 216 s mean (incl. no-shows, leavers, call delay) ÷ 4 counters.
    between((p50[2999] ?? 0) / ((2999 * (0.97 * (0.95 * 216 + 0.05 * 60) + 0.97 * 12)) / 4), 0.85, 1.1, "p50 at 3000 against the mean");
  });

  it("beyond the window with the capped drift: about the full simulation's p50 and p90 (the drift averages out over a long wait)", () => {
    const occupancies = Array.from({ length: 1000 }, (_, index) => logNormalOf(index % 5 === 0 ? 600 : 120, 0.8));
    const common = { counters: [idle, idle, idle, idle], occupancies, callDelay: logNormalOf(12, 1), noShowShare: 0.05, noShowHold: logNormalOf(60, 0.3), leaveShare: 0.03, paceSigma: 0.15, driftSigmaPerSqrtHour: 0.6, driftCapSd: 0.25 };
    const ratios = { p50: 0, p90: 0 };
    const seeds = [1, 2, 3, 4];
    for (const seed of seeds) {
      const fast = simulateCalls(input({ ...common, runs: 64, seed, callBudget: undefined }));
      const exact = simulateCalls(input({ ...common, runs: 600, seed: seed + 100, window: 1000 }));
      ratios.p50 += (fast.p50[999] ?? 0) / (exact.p50[999] ?? 1) / seeds.length;
      ratios.p90 += (fast.p90[999] ?? 0) / (exact.p90[999] ?? 1) / seeds.length;
    }
    between(ratios.p50, 0.96, 1.04, "p50 at 1000 against the full simulation");
    between(ratios.p90, 0.95, 1.06, "p90 at 1000 against the full simulation");
  });

  it("the drift's average over a span: starts where it is, reverts, and its spread vanishes for short and long spans", () => {
    const tau = (2 * 0.25 * 0.25) / (0.6 * 0.6);
    const short = driftAverage(0.001, 0.6, 0.25, tau);
    between(short.g, 0.99, 1, "a short span keeps the drift");
    // Over a short span the reversion does not show yet: a random walk's average, σ²·L/3.
    between(short.v / ((0.36 * 0.001) / 3), 0.95, 1.05, "a short span: the walk's spread");
    const long = driftAverage(100, 0.6, 0.25, tau);
    between(long.g, 0, 0.01, "a long span forgets it");
    between(long.v, 0, (2 * 0.25 * 0.25 * tau) / 100 + 1e-9, "a long span averages out");
    assert.deepEqual(driftAverage(2, 0.6, 0, Infinity), { g: 1, v: (0.36 * 2) / 3 });
  });

  it("is deterministic for a seed", () => {
    const run = (): number[] => [...simulateCalls(input({ occupancies: repeat(logNormalOf(100, 0.5), 10), seed: 42 })).p90];
    assert.deepEqual(run(), run());
  });
});

describe("random draws", () => {
  it("normalCdf matches known values", () => {
    between(normalCdf(0), 0.4999999, 0.5000001, "Φ(0)");
    between(normalCdf(1.2815516), 0.8999998, 0.9000002, "Φ(1.28)");
    between(normalCdf(-1.959964), 0.0249999, 0.0250001, "Φ(−1.96)");
  });

  it("what is left of a lognormal service is longer the longer it has lasted (heavy tail) and never negative", () => {
    const random = seededRandom(3);
    const service = logNormalOf(300, 1.8);
    const meanLeft = (elapsed: number): number => {
      let sum = 0;
      for (let index = 0; index < 20_000; index++) {
        const left = remainingLogNormal(random, service, elapsed);
        assert.ok(left >= 0);
        sum += left;
      }
      return sum / 20_000;
    };
    between(meanLeft(0), 250, 350, "fresh: the mean");
    assert.ok(meanLeft(1200) > meanLeft(0), "a service that has lasted 20 minutes has more left on average");
  });
});

describe("change detection", () => {
  const residual = (value: number) => ({ value, sigma: 0.3, ageSeconds: 0 });

  it("finds no change in a steady line", () => {
    const steady = Array.from({ length: 40 }, (_, index) => residual(index % 2 === 0 ? 0.25 : -0.25));
    assert.equal(detectChange(steady, 3), null);
  });

  it("finds a doubling (+0.69 in log) after a few tickets and returns the tickets since", () => {
    const history = [...Array.from({ length: 30 }, (_, index) => residual(index % 2 === 0 ? 0.2 : -0.2)), ...repeat(residual(0.69), 5)];
    const since = detectChange(history, 3);
    assert.ok(since !== null, "a change");
    between(since.length, 5, 7, "tickets since the change");
    // One slow ticket (2.3 sd) is not enough evidence; two are (2 × 2.3 / √2 > 3).
    assert.equal(detectChange(history.slice(0, 31), 3), null);
    assert.ok(detectChange(history.slice(0, 32), 3) !== null);
  });

  it("finds a speed-up as well", () => {
    const history = [...repeat(residual(0), 20), ...repeat(residual(-0.5), 8)];
    assert.ok(detectChange(history, 3) !== null);
  });
});

describe("service model", () => {
  it("learns heavy-tailed service in log space: the median stays the typical visit, the mean includes the long ones", () => {
    // 9 in 10 visits take 120 s, 1 in 10 takes 1800 s.
    const history = finishedHistory({ ticketTypeId: "visit", count: 100, serviceSeconds: (index) => (index % 10 === 0 ? 1800 : 120), everySeconds: 60 });
    const model = learnServiceModel(snapshot({ history, ticketTypes: [{ id: "visit", defaultServiceSeconds: null }] }), {
      halfLifeSeconds: 3600,
      priorWeight: 2,
      priorCv: 0.6,
      fallbackServiceSeconds: 300,
    });
    const visit = model.serviceTimeOf("visit");
    between(Math.exp(visit.logMu), 120, 190, "median");
    between(visit.meanSeconds, 200, 400, "mean (true 288)");
    assert.equal(visit.source, "OBSERVED");
  });
});

describe("SERVICE_RATE: staff and customers at the counter", () => {
  const ticketTypes = [{ id: "visit", defaultServiceSeconds: 300 }];
  /** Served visits with a 30 s walk-up, and every fourth a no-show held 90 s. */
  const history: FinishedTicket[] = finishedHistory({
    ticketTypeId: "visit",
    count: 60,
    serviceSeconds: (index) => (index % 4 === 0 ? 90 : 300),
    everySeconds: 100,
    outcome: (index) => (index % 4 === 0 ? "NO_SHOW" : "SERVED"),
  }).map((ticket) => (ticket.servedAt === null || ticket.calledAt === null ? ticket : { ...ticket, servedAt: ticket.calledAt + 30_000 }));

  it("a called customer still not at the counter long after the usual walk-up is probably a no-show: the counter frees sooner", () => {
    const line = (startedAt: number | null): LineSnapshot =>
      snapshot({ openCounters: 1, serving: [{ id: "s1", ticketTypeId: "visit", calledAt: secondsAgo(80), startedAt }], waiting: waitingQueue(["visit"]), history, ticketTypes });
    const arrived = estimateServiceRate(line(secondsAgo(50)), { priorCallDelaySeconds: 0 }).get("w1")?.p50Seconds ?? 0;
    const missing = estimateServiceRate(line(null), { priorCallDelaySeconds: 0 }).get("w1")?.p50Seconds ?? 0;
    between(arrived, 150, 300, "behind a customer being served for 50 s");
    between(missing, 5, 40, "behind a likely no-show: the rest of the 90 s hold");
  });

  it("staff away from an open counter come back: the wait lies between one counter and two", () => {
    const waiting = waitingQueue(repeat("visit", 8)).map((ticket) => ({ ...ticket, joinedAt: ticket.joinedAt - 600_000 }));
    const serving = [{ id: "s1", ticketTypeId: "visit", calledAt: secondsAgo(10), startedAt: secondsAgo(5), counterId: "c1" }];
    const twoCounterHistory = history.map((ticket, index) => ({ ...ticket, counterId: `c${(index % 2) + 1}`, completedAt: ticket.completedAt - 900_000, calledAt: ticket.calledAt === null ? null : ticket.calledAt - 900_000 }));
    const base = { serving, waiting, history: twoCounterHistory, ticketTypes };
    const w8 = (line: LineSnapshot): number => estimateServiceRate(line).get("w8")?.p50Seconds ?? 0;
    const one = w8(snapshot({ ...base, openCounters: 1, openCounterIds: ["c1"] }));
    const awayComesBack = w8(snapshot({ ...base, openCounters: 2, openCounterIds: ["c1", "c2"] }));
    const two = w8(snapshot({ ...base, openCounters: 2 }));
    assert.ok(awayComesBack < one && awayComesBack > two, `one ${one}, away ${awayComesBack}, two ${two}`);
  });

  it("stays cheap for 5,000 waiting tickets (it runs on every line change)", () => {
    const waiting = waitingQueue(repeat("visit", 5000));
    const line = snapshot({ openCounters: 12, serving: [], waiting, history, ticketTypes });
    estimateServiceRate(line);
    // The fastest of three calls: the machine running the tests may be busy with other work.
    let elapsedMs = Infinity;
    let estimates = new Map<string, { p50Seconds: number }>();
    for (let attempt = 1; attempt <= 3; attempt++) {
      const started = performance.now();
      estimates = estimateServiceRate({ ...line, now: NOW + attempt });
      elapsedMs = Math.min(elapsedMs, performance.now() - started);
    }
    assert.equal(estimates.size, 5000);
    const p50s = p50sOf(estimates);
    assert.deepEqual([...p50s].sort((a, b) => a - b), p50s);
    // About 2 ms (bench/eta/cost.ts); the bound leaves room for a slow, shared CI runner.
    assert.ok(elapsedMs < 50, `${elapsedMs.toFixed(1)} ms`);
  });
});

describe("SERVICE_RATE: steady answers", () => {
  it("while nothing happens, estimates move only with the clock (the simulation's draws do not change between reads)", () => {
    const ticketTypes = [{ id: "visit", defaultServiceSeconds: 300 }];
    const line = (now: number): LineSnapshot =>
      snapshot({ now, openCounters: 2, serving: [{ id: "s1", ticketTypeId: "visit", calledAt: NOW - 60_000, startedAt: NOW - 50_000 }], waiting: waitingQueue(repeat("visit", 6)), ticketTypes });
    const first = estimateServiceRate(line(NOW));
    const later = estimateServiceRate(line(NOW + 2000));
    for (const [id, estimate] of first) {
      const next = later.get(id);
      assert.ok(next !== undefined && Math.abs(next.p50Seconds - estimate.p50Seconds) <= 3, `${id}: ${estimate.p50Seconds} → ${next?.p50Seconds}`);
    }
  });
});
