import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EstimateOptionError } from "../errors.js";
import { estimateServiceRate } from "../service-rate.js";
import type { Estimate, LineSnapshot } from "../types.js";
import {
  alternating,
  finishedHistory,
  mergeHistories,
  NOW,
  p50sOf,
  repeat,
  secondsAgo,
  servingTickets,
  snapshot,
  waitingQueue,
} from "./fixtures.js";

const ticketTypes = [
  { id: "short", defaultServiceSeconds: 60 },
  { id: "long", defaultServiceSeconds: 180 },
  { id: "unknown", defaultServiceSeconds: null },
];

/** Two hours of steady service: a `short` ticket completes every 90 s and takes 60 s ± 30%. */
const steadyShortHistory = finishedHistory({ ticketTypeId: "short", count: 80, serviceSeconds: alternating(60), everySeconds: 90 });

/**
 * Without drift, so the band reflects only service-time dispersion and estimation error; and with instant calls
 * (no staff call delay: these fixtures carry no counter ids to learn one from), so the service model is seen alone.
 */
const noDrift = { rateDriftPerSqrtHour: 0, priorCallDelaySeconds: 0 };

function assertWellFormed(estimates: Map<string, Estimate>): void {
  for (const [id, estimate] of estimates) {
    for (const value of [estimate.p50Seconds, estimate.p90Seconds]) {
      assert.ok(Number.isInteger(value) && value >= 0, `${id}: ${value} is not a non-negative whole number`);
    }
    assert.ok(estimate.p90Seconds >= estimate.p50Seconds, `${id}: p90 below p50`);
  }
}

function between(actual: number, low: number, high: number, what: string): void {
  assert.ok(actual >= low && actual <= high, `${what}: expected ${actual} in [${low}, ${high}]`);
}

describe("SERVICE_RATE", () => {
  it("calls tickets at once while counters are idle (without a call delay)", () => {
    const estimates = estimateServiceRate(
      snapshot({ openCounters: 3, serving: servingTickets("short", [20]), waiting: waitingQueue(repeat("short", 3)), history: steadyShortHistory, ticketTypes }),
      { priorCallDelaySeconds: 0 },
    );
    assert.deepEqual(estimates.get("w1"), { p50Seconds: 0, p90Seconds: 0, basis: "HISTORY" });
    // Behind another customer: never 0, at least a second more.
    assert.deepEqual(estimates.get("w2"), { p50Seconds: 1, p90Seconds: 1, basis: "HISTORY" });
    const third = estimates.get("w3");
    assert.ok(third !== undefined && third.p50Seconds > 0 && third.p50Seconds < 60, `w3: ${JSON.stringify(third)}`);
  });

  it("estimates tickets ahead × observed service time ÷ open counters", () => {
    // One counter, 20 short tickets ahead of w21, the current one just called: about 21 × 60 s.
    const estimates = estimateServiceRate(
      snapshot({ openCounters: 1, serving: servingTickets("short", [0]), waiting: waitingQueue(repeat("short", 21)), history: steadyShortHistory, ticketTypes }),
      noDrift,
    );
    assertWellFormed(estimates);
    const last = estimates.get("w21");
    assert.ok(last !== undefined);
    between(last.p50Seconds, 1200, 1290, "p50 of position 21 (mean 1260 s)");
    // Sum of 21 services with cv 0.3: sd ≈ 83 s, plus how well the current pace is known: p90 ≈ p50 + 1.28 sd.
    between(last.p90Seconds - last.p50Seconds, 100, 260, "band of position 21");
    assert.equal(last.basis, "HISTORY");
    // Estimates grow with position.
    const p50s = p50sOf(estimates);
    assert.deepEqual([...p50s].sort((a, b) => a - b), p50s);
  });

  it("cold start uses the type defaults and says so", () => {
    const queue = (typeId: string): LineSnapshot =>
      snapshot({ openCounters: 2, serving: servingTickets(typeId, [0, 0]), waiting: waitingQueue(repeat(typeId, 12)), ticketTypes });
    const short = estimateServiceRate(queue("short"), noDrift);
    const long = estimateServiceRate(queue("long"), noDrift);
    assertWellFormed(short);
    assert.ok([...short.values(), ...long.values()].every((estimate) => estimate.basis === "COLD_START"));
    const shortLast = short.get("w12")?.p50Seconds ?? 0;
    const longLast = long.get("w12")?.p50Seconds ?? 0;
    // 12 tickets at 60 s on two counters ≈ 6 minutes (a little less: the median of a skewed wait).
    between(shortLast, 280, 400, "cold-start p50 of position 12");
    between(longLast / shortLast, 2.8, 3.2, "180 s default vs 60 s default");
  });

  it("opening a counter shortens every estimate at once; closing one lengthens them", () => {
    const line = (openCounters: number): LineSnapshot =>
      snapshot({ openCounters, serving: servingTickets("short", [10, 30]), waiting: waitingQueue(repeat("short", 30)), history: steadyShortHistory, ticketTypes });
    const two = estimateServiceRate(line(2), noDrift);
    const three = estimateServiceRate(line(3), noDrift);
    const one = estimateServiceRate(line(1), noDrift); // a counter closes after its current ticket
    for (const id of two.keys()) {
      const withOne = one.get(id)?.p50Seconds ?? Number.NaN;
      const withTwo = two.get(id)?.p50Seconds ?? Number.NaN;
      const withThree = three.get(id)?.p50Seconds ?? Number.NaN;
      assert.ok(withThree < withTwo, `${id}: opening a counter should shorten (${withThree} vs ${withTwo})`);
      // The first ticket takes whichever counter frees first, so only the tickets behind it wait longer.
      const lengthens = id === "w1" ? withOne >= withTwo : withOne > withTwo;
      assert.ok(lengthens, `${id}: closing a counter should lengthen (${withOne} vs ${withTwo})`);
    }
    const deep = (estimates: Map<string, Estimate>): number => estimates.get("w30")?.p50Seconds ?? 0;
    between(deep(three) / deep(two), 0.62, 0.72, "three counters vs two, deep in the queue");
    between(deep(one) / deep(two), 1.9, 2.1, "one counter vs two, deep in the queue");
  });

  it("a slowdown lengthens estimates as soon as the slower tickets complete", () => {
    // The last 30 minutes: service took 90 s instead of 60 s.
    const slowedHistory = mergeHistories(
      finishedHistory({ ticketTypeId: "short", count: 60, serviceSeconds: alternating(60), everySeconds: 90, newestSecondsAgo: 1800 }),
      finishedHistory({ ticketTypeId: "short", count: 20, serviceSeconds: alternating(90), everySeconds: 90, idPrefix: "slow" }),
    );
    const line = (history: LineSnapshot["history"]): LineSnapshot =>
      snapshot({ openCounters: 2, serving: servingTickets("short", [0, 30]), waiting: waitingQueue(repeat("short", 20)), history, ticketTypes });
    const steady = estimateServiceRate(line(steadyShortHistory), noDrift).get("w20")?.p50Seconds ?? 0;
    const slowed = estimateServiceRate(line(slowedHistory), noDrift).get("w20")?.p50Seconds ?? 0;
    // Twenty slow completions in a row: the short-window pace (and the change test) take the line to the new speed.
    between(slowed / steady, 1.3, 1.6, "slowed vs steady (service 1.5× longer)");
  });

  it("counts each ticket ahead at its own type's service time", () => {
    const history = mergeHistories(
      steadyShortHistory,
      finishedHistory({ ticketTypeId: "long", count: 40, serviceSeconds: alternating(180), everySeconds: 180, idPrefix: "long" }),
    );
    const line = (ahead: string): LineSnapshot =>
      snapshot({ openCounters: 1, serving: servingTickets("short", [0]), waiting: waitingQueue([...repeat(ahead, 10), "short"]), history, ticketTypes });
    const behindShort = estimateServiceRate(line("short"), noDrift).get("w11")?.p50Seconds ?? 0;
    const behindLong = estimateServiceRate(line("long"), noDrift).get("w11")?.p50Seconds ?? 0;
    between(behindShort, 600, 680, "behind 10 short tickets (10 × 60 + remaining 60)");
    between(behindLong, 1780, 1950, "behind 10 long tickets (10 × 180 + remaining 60)");
    // Mixed queue: each ahead ticket adds its own type's time.
    const mixed = estimateServiceRate(
      snapshot({ openCounters: 1, serving: servingTickets("short", [0]), waiting: waitingQueue(["long", "short", "long", "short", "short"]), history, ticketTypes }),
      noDrift,
    );
    const mixedP50s = p50sOf(mixed);
    between((mixedP50s[2] ?? 0) - (mixedP50s[1] ?? 0), 40, 80, "a short ticket ahead adds ~60 s");
    between((mixedP50s[3] ?? 0) - (mixedP50s[2] ?? 0), 150, 210, "a long ticket ahead adds ~180 s");
  });

  it("expects cancellations and no-shows ahead to take less counter time", () => {
    // 30% of recent tickets left before being called; 1 in 7 of those called did not show (the counter waited 30 s).
    const withLeavers = mergeHistories(
      finishedHistory({
        ticketTypeId: "short",
        count: 80,
        serviceSeconds: (i) => (i % 5 === 1 ? 30 : alternating(60)(i)),
        everySeconds: 90,
        outcome: (i) => (i % 10 < 3 ? "CANCELLED" : i % 5 === 1 ? "NO_SHOW" : "SERVED"),
      }),
    );
    const line = (history: LineSnapshot["history"]): LineSnapshot =>
      snapshot({ openCounters: 1, serving: servingTickets("short", [0]), waiting: waitingQueue(repeat("short", 25)), history, ticketTypes });
    const everyoneStays = estimateServiceRate(line(steadyShortHistory), noDrift).get("w25")?.p50Seconds ?? 0;
    const someLeave = estimateServiceRate(line(withLeavers), noDrift).get("w25")?.p50Seconds ?? 0;
    between(someLeave / everyoneStays, 0.6, 0.8, "with leavers and no-shows ahead vs without");
  });

  it("accounts for how long the tickets at the counters have been served", () => {
    const line = (elapsedSeconds: number): LineSnapshot =>
      snapshot({ openCounters: 1, serving: servingTickets("short", [elapsedSeconds]), waiting: waitingQueue(["short"]), history: steadyShortHistory, ticketTypes });
    const justCalled = estimateServiceRate(line(0), noDrift).get("w1")?.p50Seconds ?? 0;
    const almostDone = estimateServiceRate(line(55), noDrift).get("w1")?.p50Seconds ?? 0;
    between(justCalled, 45, 62, "remaining of a fresh 60 s service (median)");
    between(almostDone, 5, 30, "remaining after 55 s of a 60 s service");
  });

  it("with no counters open it says NO_COUNTERS and estimates from the last known counters and closures", () => {
    // Two counters until 40 minutes ago, a 10-minute closure then, closed again 4 minutes ago.
    const counterEvents = [
      { at: secondsAgo(7200), openCounters: 2 },
      { at: secondsAgo(2400), openCounters: 0 },
      { at: secondsAgo(1800), openCounters: 2 },
      { at: secondsAgo(240), openCounters: 0 },
    ];
    const closed = snapshot({ openCounters: 0, waiting: waitingQueue(repeat("short", 10)), history: steadyShortHistory, ticketTypes, counterEvents });
    const estimates = estimateServiceRate(closed, noDrift);
    assertWellFormed(estimates);
    assert.ok([...estimates.values()].every((estimate) => estimate.basis === "NO_COUNTERS"));
    // About 6 minutes of closure left for everyone, then two counters share the queue.
    between(estimates.get("w1")?.p50Seconds ?? 0, 250, 360, "first ticket: the rest of the closure");
    between(estimates.get("w1")?.p90Seconds ?? 0, 500, 1100, "first ticket: p90 allows a late reopening");
    assert.ok((estimates.get("w10")?.p50Seconds ?? 0) > (estimates.get("w1")?.p50Seconds ?? 0) + 150);

    // Nothing known at all: still finite, from one counter and the assumed closure.
    const blind = estimateServiceRate(snapshot({ openCounters: 0, waiting: waitingQueue(repeat("unknown", 3)), ticketTypes }));
    assertWellFormed(blind);
    assert.ok([...blind.values()].every((estimate) => estimate.basis === "NO_COUNTERS" && estimate.p50Seconds > 0));
  });

  it("reports FALLBACK when a type ahead has neither history nor a default", () => {
    const estimates = estimateServiceRate(snapshot({ openCounters: 1, serving: servingTickets("short", [0]), waiting: waitingQueue(["unknown", "short"]), ticketTypes }));
    assert.equal(estimates.get("w1")?.basis, "COLD_START");
    assert.equal(estimates.get("w2")?.basis, "FALLBACK");
  });

  it("never emits NaN or Infinity, even from nonsense input", () => {
    const estimates = estimateServiceRate({
      now: NOW,
      openCounters: Number.POSITIVE_INFINITY,
      waiting: waitingQueue(["short", "ghost"]),
      serving: [{ id: "s1", ticketTypeId: "ghost", calledAt: NOW + 60_000, startedAt: null }],
      history: [{ id: "h1", ticketTypeId: "short", joinedAt: Number.NaN, calledAt: NOW - 1, servedAt: null, completedAt: NOW - 2, outcome: "SERVED" }],
      ticketTypes: [{ id: "short", defaultServiceSeconds: -5 }],
    });
    assertWellFormed(estimates);
    assert.equal(estimates.size, 2);
  });

  it("is pure: the same snapshot gives the same estimates and is not modified", () => {
    const line = snapshot({ openCounters: 2, serving: servingTickets("short", [10]), waiting: waitingQueue(repeat("short", 5)), history: steadyShortHistory, ticketTypes });
    const copy = structuredClone(line);
    assert.deepEqual(estimateServiceRate(line), estimateServiceRate(line));
    assert.deepEqual(line, copy);
  });

  it("rejects out-of-range options with EstimateOptionError", () => {
    const line = snapshot({ waiting: waitingQueue(["short"]), ticketTypes });
    for (const options of [{ halfLifeSeconds: 0 }, { priorWeight: -1 }, { rateDriftPerSqrtHour: Number.NaN }, { fallbackServiceSeconds: 0 }]) {
      assert.throws(() => estimateServiceRate(line, options), EstimateOptionError, JSON.stringify(options));
    }
  });
});
