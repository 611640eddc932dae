/** Places beyond the estimator's window: extrapolated from the window's tail, monotone, the band widening. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extrapolate, type EstimateView } from "../estimates.service.js";

const at = (p50Seconds: number, p90Seconds: number): EstimateView => ({ p50Seconds, p90Seconds, basis: "HISTORY", reason: null });

describe("extrapolate", () => {
  it("is the tail's estimate at the tail's place and grows by the window's recent pace after it", () => {
    const last = at(1000, 1300); // place 101
    const middle = { estimate: at(500, 700), position: 51 }; // 10 s per place between them
    assert.deepEqual(extrapolate(last, 101, middle, 101), last);
    assert.equal(extrapolate(last, 101, middle, 111).p50Seconds, 1100);
    assert.equal(extrapolate(last, 101, middle, 1101).p50Seconds, 11_000);
  });

  it("widens the band with the square root of the place and never shrinks it", () => {
    const last = at(1000, 1300);
    const far = extrapolate(last, 100, null, 400);
    assert.equal(far.p90Seconds - far.p50Seconds, 600, "300 s × √(400/100)");
    let previous = last;
    for (let place = 101; place < 3000; place += 37) {
      const e = extrapolate(last, 100, { estimate: at(900, 1100), position: 50 }, place);
      assert.ok(e.p50Seconds >= previous.p50Seconds && e.p90Seconds >= previous.p90Seconds, `monotone at ${place}`);
      assert.ok(e.p90Seconds - e.p50Seconds >= previous.p90Seconds - previous.p50Seconds);
      previous = e;
    }
  });

  it("falls back to the tail's average pace without a middle, and never goes backwards on a noisy window", () => {
    assert.equal(extrapolate(at(1000, 1000), 100, null, 200).p50Seconds, 2000, "10 s per place on average");
    const noisy = extrapolate(at(1000, 1200), 100, { estimate: at(1100, 1300), position: 50 }, 200);
    assert.equal(noisy.p50Seconds, 1000, "a window whose middle is later than its tail adds nothing, never less");
  });
});
