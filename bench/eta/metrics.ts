// Accuracy of an estimator over the customers who were actually called.

import type { Estimate } from "@qline/estimates";

export interface Observation {
  estimate: Estimate;
  /** joinedAt → calledAt, in seconds. */
  actualWaitSeconds: number;
}

export interface Accuracy {
  customers: number;
  meanActualWaitSeconds: number;
  /** Mean |p50 − actual wait|. */
  p50MaeSeconds: number;
  /** Mean (p50 − actual wait): positive = pessimistic. */
  p50BiasSeconds: number;
  /** Share of customers called later than their p90 (a calibrated p90 gives about 0.10). */
  shareLaterThanP90: number;
  /** The same, among customers who were told they would wait (p90 > 0): those called at once cannot miss. */
  shareLaterThanP90WhenWaitExpected: number;
  /** Share of customers called later than their p50 (a calibrated median gives about 0.50). */
  shareLaterThanP50: number;
  meanBandSeconds: number;
}

export function measureAccuracy(observations: readonly Observation[]): Accuracy {
  const n = observations.length;
  const mean = (value: (observation: Observation) => number): number =>
    n === 0 ? 0 : observations.reduce((sum, observation) => sum + value(observation), 0) / n;
  return {
    customers: n,
    meanActualWaitSeconds: mean((o) => o.actualWaitSeconds),
    p50MaeSeconds: mean((o) => Math.abs(o.estimate.p50Seconds - o.actualWaitSeconds)),
    p50BiasSeconds: mean((o) => o.estimate.p50Seconds - o.actualWaitSeconds),
    shareLaterThanP90: mean((o) => (o.actualWaitSeconds > o.estimate.p90Seconds ? 1 : 0)),
    shareLaterThanP90WhenWaitExpected: shareLater(observations.filter((o) => o.estimate.p90Seconds > 0)),
    shareLaterThanP50: mean((o) => (o.actualWaitSeconds > o.estimate.p50Seconds ? 1 : 0)),
    meanBandSeconds: mean((o) => o.estimate.p90Seconds - o.estimate.p50Seconds),
  };
}

function shareLater(observations: readonly Observation[]): number {
  if (observations.length === 0) return 0;
  return observations.filter((o) => o.actualWaitSeconds > o.estimate.p90Seconds).length / observations.length;
}
