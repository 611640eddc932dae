import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_ESTIMATOR, ESTIMATOR_NAMES, estimators, isLocalEstimatorName } from "../index.js";
import { estimateRecentAverage } from "../recent-average.js";
import { estimateServiceRate } from "../service-rate.js";

describe("estimator registry", () => {
  it("maps the local estimator names to their functions, SERVICE_RATE by default", () => {
    assert.equal(estimators.RECENT_AVERAGE, estimateRecentAverage);
    assert.equal(estimators.SERVICE_RATE, estimateServiceRate);
    assert.equal(DEFAULT_ESTIMATOR, "SERVICE_RATE");
    assert.deepEqual(ESTIMATOR_NAMES, ["NONE", "RECENT_AVERAGE", "SERVICE_RATE", "WEBHOOK"]);
    assert.deepEqual(ESTIMATOR_NAMES.filter(isLocalEstimatorName), ["RECENT_AVERAGE", "SERVICE_RATE"]);
  });
});
