import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gammaQuantile, logGamma, lowerRegularizedGamma } from "../gamma.js";

const close = (actual: number, expected: number, tolerance: number, what: string): void => {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);
};

describe("gamma numerics", () => {
  it("computes ln Γ", () => {
    close(logGamma(5), Math.log(24), 1e-12, "ln Γ(5)");
    close(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-12, "ln Γ(1/2)");
  });

  it("matches chi-square and exponential quantiles", () => {
    close(gammaQuantile(0.5, 1, 1), Math.LN2, 1e-9, "exponential median");
    close(gammaQuantile(0.9, 1, 2), 4.605170186, 1e-8, "χ²(2) 90th percentile");
    close(gammaQuantile(0.9, 5, 2), 15.98717917, 1e-7, "χ²(10) 90th percentile");
    close(gammaQuantile(0.5, 0.5, 2), 0.454936423, 1e-8, "χ²(1) median");
    close(lowerRegularizedGamma(0.05, gammaQuantile(0.5, 0.05, 1)), 0.5, 1e-9, "tiny shape round trip");
    close(lowerRegularizedGamma(400, gammaQuantile(0.9, 400, 1)), 0.9, 1e-9, "large shape round trip");
  });
});
