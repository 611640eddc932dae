// Issue 16: SERVICE_RATE's new inputs and rules — the configured prior with no history, monotone answers, the
// staff call delay, known closures and returning counters, unstaffed open counters, and change detection.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { estimateServiceRate } from "../service-rate.js";
import type { Estimate, FinishedTicket, LineSnapshot } from "../types.js";
import { alternating, finishedHistory, NOW, p50sOf, repeat, secondsAgo, servingTickets, snapshot, waitingQueue } from "./fixtures.js";

const ticketTypes = [
  { id: "visit", defaultServiceSeconds: 300 },
  { id: "short", defaultServiceSeconds: 60 },
];

function between(actual: number, low: number, high: number, what: string): void {
  assert.ok(actual >= low && actual <= high, `${what}: expected ${actual} in [${low}, ${high}]`);
}

function assertMonotone(estimates: Map<string, Estimate>, order: readonly string[]): void {
  let previous: Estimate | undefined;
  for (const id of order) {
    const estimate = estimates.get(id);
    assert.ok(estimate !== undefined, id);
    if (previous !== undefined) {
      assert.ok(estimate.p50Seconds >= previous.p50Seconds && estimate.p90Seconds >= previous.p90Seconds, `${id} below the one ahead`);
      assert.ok(estimate.p50Seconds > 0, `${id} is behind others and was told 0`);
    }
    previous = estimate;
  }
}

/** Served tickets at counters c1..c<counters> in turn, each called `delaySeconds` after the counter's previous one finished. */
function historyWithCallDelay(delaySeconds: number, count = 40, counters = 2): FinishedTicket[] {
  const tickets: FinishedTicket[] = [];
  const cycleMs = (60 + delaySeconds) * 1000;
  for (let index = 0; index < count; index++) {
    const counter = index % counters;
    const round = Math.floor(index / counters);
    const roundsAgo = Math.ceil(count / counters) - round;
    const calledAt = NOW - roundsAgo * cycleMs - counter * 7000;
    tickets.push({
      id: `d${index}`,
      ticketTypeId: "short",
      joinedAt: calledAt - 600_000, // everyone was already waiting: each gap is a call delay
      calledAt,
      servedAt: calledAt + 5000,
      completedAt: calledAt + 60_000,
      outcome: "SERVED",
      counterId: `c${counter + 1}`,
    });
  }
  return tickets.sort((a, b) => a.completedAt - b.completedAt);
}

describe("SERVICE_RATE: issue 16 rules", () => {
  it("with no history uses the configured typical time as the prior: a queue is never 'under a minute'", () => {
    const estimates = estimateServiceRate(
      snapshot({ openCounters: 1, serving: servingTickets("visit", [0]), waiting: waitingQueue(repeat("visit", 4)), ticketTypes }),
    );
    const p50s = p50sOf(estimates);
    assert.ok([...estimates.values()].every((estimate) => estimate.basis === "COLD_START"));
    // Each position adds about one configured service (300 s) plus the call delay prior.
    between(p50s[0] ?? 0, 200, 400, "position 1 behind a fresh 300 s service");
    between((p50s[3] ?? 0) - (p50s[0] ?? 0), 800, 1050, "three more visits ahead");
    assertMonotone(estimates, ["w1", "w2", "w3", "w4"]);
  });

  it("a new line with idle counters: the first waits for the call, nobody behind is told 0, positions differ", () => {
    const estimates = estimateServiceRate(snapshot({ openCounters: 2, waiting: waitingQueue(repeat("visit", 4)), ticketTypes }));
    const p50s = p50sOf(estimates);
    between(p50s[0] ?? 0, 3, 12, "the sooner of two staff's call delays (prior 10 s each)");
    assert.ok((p50s[2] ?? 0) > (p50s[1] ?? 0) && (p50s[3] ?? 0) > (p50s[2] ?? 0), `distinct waits: ${p50s.join(", ")}`);
    assertMonotone(estimates, ["w1", "w2", "w3", "w4"]);
  });

  it("never decreases in queue order, even when a fast type follows a slow one", () => {
    const waiting = waitingQueue(["visit", "short", "visit", "short", "short", "visit"]);
    const estimates = estimateServiceRate(
      snapshot({ openCounters: 3, serving: servingTickets("visit", [10, 250, 299]), waiting, ticketTypes }),
    );
    assertMonotone(estimates, waiting.map((ticket) => ticket.id));
  });

  it("learns the staff's call delay from consecutive tickets at the same counter", () => {
    const line = (delaySeconds: number): LineSnapshot =>
      snapshot({ openCounters: 2, serving: [], waiting: waitingQueue(repeat("short", 10)), history: historyWithCallDelay(delaySeconds), ticketTypes });
    const quick = p50sOf(estimateServiceRate(line(2)));
    const slow = p50sOf(estimateServiceRate(line(40)));
    between(quick[0] ?? 0, 1, 8, "first in line, staff call within 2 s");
    between(slow[0] ?? 0, 25, 45, "first in line, staff take 40 s");
    // Ten tickets at two counters: each of the ~4 cycles ahead of w10 is 38 s longer.
    between((slow[9] ?? 0) - (quick[9] ?? 0), 120, 220, "w10: four or five cycles × 38 s");
  });

  it("a planned closure pushes back exactly the tickets called after it starts", () => {
    const base: Partial<LineSnapshot> = { openCounters: 1, serving: servingTickets("short", [0]), waiting: waitingQueue(repeat("short", 10)), ticketTypes };
    const options = { priorCallDelaySeconds: 0, rateDriftPerSqrtHour: 0 };
    const open = estimateServiceRate(snapshot(base), options);
    const paused = estimateServiceRate(snapshot({ ...base, plannedClosures: [{ from: NOW + 200_000, until: NOW + 1_100_000 }] }), options);
    // w1 is called well within 200 s: unchanged; w2 and w3 keep their p50 (their p90 falls in the closure); from
    // w4 on, the 900 s closure is added.
    assert.deepEqual(paused.get("w1"), open.get("w1"));
    assert.equal(paused.get("w3")?.p50Seconds, open.get("w3")?.p50Seconds);
    between((paused.get("w6")?.p50Seconds ?? 0) - (open.get("w6")?.p50Seconds ?? 0), 880, 920, "w6 after the closure");
    // A closure that has already ended changes nothing; one without an end (closing time) is not counted.
    const ended = estimateServiceRate(snapshot({ ...base, plannedClosures: [{ from: NOW - 900_000, until: NOW - 1 }] }), options);
    assert.deepEqual(ended, open);
  });

  it("during a planned pause: waits for its end exactly, and every counter comes back", () => {
    const base: Partial<LineSnapshot> = {
      openCounters: 0,
      waiting: waitingQueue(repeat("short", 6)),
      ticketTypes,
      plannedClosures: [{ from: NOW - 600_000, until: NOW + 1_200_000 }],
    };
    const options = { priorCallDelaySeconds: 0, rateDriftPerSqrtHour: 0 };
    const three = estimateServiceRate(snapshot({ ...base, totalCounters: 3 }), options);
    const one = estimateServiceRate(snapshot({ ...base, totalCounters: 1 }), options);
    assert.equal(three.get("w1")?.basis, "NO_COUNTERS");
    between(three.get("w1")?.p50Seconds ?? 0, 1200, 1210, "first in line: the pause's end");
    // With three counters back, w6 waits about one cycle after the pause; with one, five.
    between((three.get("w6")?.p50Seconds ?? 0) - 1200, 40, 90, "w6, three counters return");
    between((one.get("w6")?.p50Seconds ?? 0) - 1200, 250, 340, "w6, one counter returns");
    // The counter changes say how many were open before the pause: they win over the total.
    const events = estimateServiceRate(
      snapshot({ ...base, totalCounters: 3, counterEvents: [{ at: NOW - 3_600_000, openCounters: 1 }, { at: NOW - 600_000, openCounters: 0 }] }),
      options,
    );
    assert.deepEqual(events.get("w6"), one.get("w6"));
  });

  it("an open counter whose staff left customers waiting for minutes is not counted", () => {
    const history = historyWithCallDelay(5, 40, 2).map((ticket) => ({ ...ticket, completedAt: ticket.completedAt - 1_200_000, calledAt: (ticket.calledAt ?? 0) - 1_200_000 }));
    const waiting = waitingQueue(repeat("short", 8)).map((ticket) => ({ ...ticket, joinedAt: ticket.joinedAt - 600_000 }));
    const serving = [{ id: "s1", ticketTypeId: "short", calledAt: secondsAgo(10), startedAt: null, counterId: "c1" }];
    const line = (openCounterIds?: string[]): LineSnapshot => snapshot({ openCounters: 2, serving, waiting, history, ticketTypes, ...(openCounterIds ? { openCounterIds } : {}) });
    const unknown = estimateServiceRate(line());
    const known = estimateServiceRate(line(["c1", "c2"]));
    // c2 has called nobody for 20 minutes while the queue waited 10+: w8 is served by c1 alone, about twice as late.
    between((known.get("w8")?.p50Seconds ?? 0) / (unknown.get("w8")?.p50Seconds ?? 1), 1.6, 2.4, "one counter instead of two");
  });

  it("reflects a doubling of the service time within minutes (change detection)", () => {
    // Two hours at 60 s; the last 8 minutes (8 completions) took 120 s each.
    const steady = finishedHistory({ ticketTypeId: "short", count: 80, serviceSeconds: alternating(60), everySeconds: 90, newestSecondsAgo: 480 });
    const doubled = finishedHistory({ ticketTypeId: "short", count: 8, serviceSeconds: alternating(120), everySeconds: 60, idPrefix: "slow" });
    const line = (history: FinishedTicket[]): LineSnapshot =>
      snapshot({ openCounters: 1, serving: servingTickets("short", [0]), waiting: waitingQueue(repeat("short", 20)), history, ticketTypes });
    const before = estimateServiceRate(line(steady), { priorCallDelaySeconds: 0 }).get("w20")?.p50Seconds ?? 0;
    const after = estimateServiceRate(line([...steady, ...doubled]), { priorCallDelaySeconds: 0 }).get("w20")?.p50Seconds ?? 0;
    const hourLongOnly = { priorCallDelaySeconds: 0, paceShiftSd: 1e-9, changeThreshold: 0 };
    const withoutPace = estimateServiceRate(line([...steady, ...doubled]), hourLongOnly).get("w20")?.p50Seconds ?? 0;
    const changeTestOnly = estimateServiceRate(line([...steady, ...doubled]), { ...hourLongOnly, changeThreshold: 3 }).get("w20")?.p50Seconds ?? 0;
    between(after / before, 1.6, 2.1, "after eight slow completions (most of the doubling)");
    assert.ok(after > withoutPace * 1.2, `the pace adds to the hour-long model (${withoutPace} → ${after})`);
    // The change-point test alone finds the doubling and takes the pace since then.
    between(changeTestOnly / before, 1.6, 2.1, "change test alone");
  });
});
