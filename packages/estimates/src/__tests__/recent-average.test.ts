import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EstimateOptionError } from "../errors.js";
import { estimateRecentAverage } from "../recent-average.js";
import { finishedHistory, mergeHistories, repeat, snapshot, waitingQueue } from "./fixtures.js";

const ticketTypes = [
  { id: "renewal", defaultServiceSeconds: 120 },
  { id: "walk-in", defaultServiceSeconds: null },
];

describe("RECENT_AVERAGE", () => {
  it("gives every ticket of a type the mean wait of the last 3 served tickets of that type, p90 = 1.5 × p50", () => {
    const waits = [60, 120, 180, 240];
    const history = mergeHistories(
      finishedHistory({ ticketTypeId: "renewal", count: 4, serviceSeconds: () => 100, everySeconds: 120, waitSeconds: (i) => waits[i] ?? 0 }),
      // Newer than every served renewal, but not served: ignored.
      finishedHistory({ ticketTypeId: "renewal", count: 2, serviceSeconds: () => 60, everySeconds: 30, waitSeconds: () => 5000, outcome: () => "NO_SHOW", idPrefix: "ns" }),
      finishedHistory({ ticketTypeId: "walk-in", count: 1, serviceSeconds: () => 100, everySeconds: 60, waitSeconds: () => 600 }),
    );
    const estimates = estimateRecentAverage(
      snapshot({ openCounters: 2, waiting: waitingQueue(["renewal", "walk-in", "renewal", ...repeat("renewal", 10)]), history, ticketTypes }),
    );
    assert.deepEqual(estimates.get("w1"), { p50Seconds: 180, p90Seconds: 270, basis: "HISTORY" });
    assert.deepEqual(estimates.get("w2"), { p50Seconds: 600, p90Seconds: 900, basis: "HISTORY" });
    // The naive part: position does not matter.
    assert.deepEqual(estimates.get("w13"), { p50Seconds: 180, p90Seconds: 270, basis: "HISTORY" });
    assert.equal(estimates.size, 13);
  });

  it("averages over the configured sample size", () => {
    const history = finishedHistory({ ticketTypeId: "renewal", count: 4, serviceSeconds: () => 100, everySeconds: 120, waitSeconds: (i) => 60 * (i + 1) });
    const estimates = estimateRecentAverage(snapshot({ waiting: waitingQueue(["renewal"]), history, ticketTypes }), { sampleSize: 1, p90Factor: 2 });
    assert.deepEqual(estimates.get("w1"), { p50Seconds: 240, p90Seconds: 480, basis: "HISTORY" });
  });

  it("cold start: the type's default × tickets ahead ÷ open counters, and says so", () => {
    const estimates = estimateRecentAverage(snapshot({ openCounters: 2, waiting: waitingQueue(repeat("renewal", 4)), ticketTypes }));
    assert.deepEqual([...estimates.values()], [
      { p50Seconds: 0, p90Seconds: 0, basis: "COLD_START" },
      { p50Seconds: 60, p90Seconds: 90, basis: "COLD_START" },
      { p50Seconds: 120, p90Seconds: 180, basis: "COLD_START" },
      { p50Seconds: 180, p90Seconds: 270, basis: "COLD_START" },
    ]);
  });

  it("cold start without a configured default uses the fallback service time (basis FALLBACK)", () => {
    const estimates = estimateRecentAverage(snapshot({ openCounters: 3, waiting: waitingQueue(["walk-in", "walk-in"]), ticketTypes }));
    assert.deepEqual(estimates.get("w2"), { p50Seconds: 100, p90Seconds: 150, basis: "FALLBACK" });
  });

  it("with no open counters it reports NO_COUNTERS and still gives finite numbers", () => {
    const estimates = estimateRecentAverage(snapshot({ openCounters: 0, waiting: waitingQueue(repeat("renewal", 3)), ticketTypes }));
    assert.deepEqual(estimates.get("w3"), { p50Seconds: 240, p90Seconds: 360, basis: "NO_COUNTERS" });
  });

  it("rejects a sample size below 1 (or not whole) and a p90 factor below 1 with EstimateOptionError", () => {
    const line = snapshot({ waiting: waitingQueue(["renewal"]), ticketTypes });
    for (const sampleSize of [0, -3, 1.5, Number.NaN]) {
      assert.throws(
        () => estimateRecentAverage(line, { sampleSize }),
        (error: unknown) =>
          error instanceof EstimateOptionError && error.code === "ESTIMATE_OPTION_INVALID" && error.option === "sampleSize",
      );
    }
    assert.throws(() => estimateRecentAverage(line, { p90Factor: 0.9 }), EstimateOptionError);
    assert.equal(estimateRecentAverage(line, { sampleSize: 1 }).size, 1);
  });
});
