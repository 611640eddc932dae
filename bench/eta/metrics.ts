// Accuracy of an estimator over the customers who were actually called: error, calibration (the share of waits
// under p50 and under p90, overall, per day and per half-hour window of the day), band width and pinball loss.

import type { Estimate } from "@qline/estimates";

export interface Observation {
  estimate: Estimate;
  /** joinedAt → calledAt, in seconds. */
  actualWaitSeconds: number;
  /** Which simulated day (seed) the customer belongs to. */
  day: number;
  /** Hour of day the customer joined (decimal). */
  joinedHour: number;
}

/** Half-hour windows of the day, pooled over the simulated days; fewer customers than this are not scored. */
export const WINDOW_HOURS = 0.5;
export const MIN_WINDOW_CUSTOMERS = 10;
/** A window "misses" when more than this share of its customers waited past their p90. */
export const WINDOW_P90_LIMIT = 0.25;

export interface WindowAccuracy {
  fromHour: number;
  customers: number;
  p50MaeSeconds: number;
  shareUnderP50: number;
  shareUnderP90: number;
}

export interface Accuracy {
  customers: number;
  meanActualWaitSeconds: number;
  /** Mean |p50 − actual wait|. */
  p50MaeSeconds: number;
  /** Mean (p50 − actual wait): positive = pessimistic. */
  p50BiasSeconds: number;
  /** Share of customers called no later than their p50 (calibrated: 50%). */
  shareUnderP50: number;
  /** Share called later than their p90 (calibrated: 10%). */
  sharePastP90: number;
  meanBandSeconds: number;
  /** Mean pinball (quantile) loss of p50 and p90 together, in seconds: lower is better, rewards sharp calibrated bands. */
  pinballSeconds: number;
  windows: WindowAccuracy[];
  /** Share of scored half-hour windows with at most WINDOW_P90_LIMIT of waits past p90. */
  shareOfWindowsWithinP90Limit: number;
  /** The worst scored window's share past p90. */
  worstWindowPastP90: number;
  /** The worst day's share past p90. */
  worstDayPastP90: number;
}

const pinball = (quantile: number, predicted: number, actual: number): number =>
  actual >= predicted ? quantile * (actual - predicted) : (1 - quantile) * (predicted - actual);

interface Sums {
  n: number;
  wait: number;
  absolute: number;
  bias: number;
  underP50: number;
  pastP90: number;
  band: number;
  pinball: number;
}

const emptySums = (): Sums => ({ n: 0, wait: 0, absolute: 0, bias: 0, underP50: 0, pastP90: 0, band: 0, pinball: 0 });

function add(sums: Sums, observation: Observation): void {
  const { estimate, actualWaitSeconds: actual } = observation;
  sums.n++;
  sums.wait += actual;
  sums.absolute += Math.abs(estimate.p50Seconds - actual);
  sums.bias += estimate.p50Seconds - actual;
  if (actual <= estimate.p50Seconds) sums.underP50++;
  if (actual > estimate.p90Seconds) sums.pastP90++;
  sums.band += estimate.p90Seconds - estimate.p50Seconds;
  sums.pinball += (pinball(0.5, estimate.p50Seconds, actual) + pinball(0.9, estimate.p90Seconds, actual)) / 2;
}

export function measureAccuracy(observations: readonly Observation[]): Accuracy {
  const all = emptySums();
  const byWindow = new Map<number, Sums>();
  const byDay = new Map<number, Sums>();
  for (const observation of observations) {
    add(all, observation);
    const window = Math.floor(observation.joinedHour / WINDOW_HOURS);
    const windowSums = byWindow.get(window) ?? emptySums();
    add(windowSums, observation);
    byWindow.set(window, windowSums);
    const daySums = byDay.get(observation.day) ?? emptySums();
    add(daySums, observation);
    byDay.set(observation.day, daySums);
  }
  const per = (value: number, n: number): number => (n === 0 ? 0 : value / n);
  const windows = [...byWindow.entries()]
    .filter(([, sums]) => sums.n >= MIN_WINDOW_CUSTOMERS)
    .sort(([a], [b]) => a - b)
    .map(
      ([window, sums]): WindowAccuracy => ({
        fromHour: window * WINDOW_HOURS,
        customers: sums.n,
        p50MaeSeconds: per(sums.absolute, sums.n),
        shareUnderP50: per(sums.underP50, sums.n),
        shareUnderP90: 1 - per(sums.pastP90, sums.n),
      }),
    );
  const within = windows.filter((window) => 1 - window.shareUnderP90 <= WINDOW_P90_LIMIT).length;
  return {
    customers: all.n,
    meanActualWaitSeconds: per(all.wait, all.n),
    p50MaeSeconds: per(all.absolute, all.n),
    p50BiasSeconds: per(all.bias, all.n),
    shareUnderP50: per(all.underP50, all.n),
    sharePastP90: per(all.pastP90, all.n),
    meanBandSeconds: per(all.band, all.n),
    pinballSeconds: per(all.pinball, all.n),
    windows,
    shareOfWindowsWithinP90Limit: windows.length === 0 ? 1 : within / windows.length,
    worstWindowPastP90: Math.max(0, ...windows.map((window) => 1 - window.shareUnderP90)),
    worstDayPastP90: Math.max(0, ...[...byDay.values()].map((sums) => per(sums.pastP90, sums.n))),
  };
}

/** Adjacent waiting tickets whose estimate goes down with position (p50 or p90): should never happen. */
export function countInversions(waitingIds: readonly string[], estimates: ReadonlyMap<string, Estimate>): number {
  let inversions = 0;
  let previous: Estimate | undefined;
  for (const id of waitingIds) {
    const estimate = estimates.get(id);
    if (estimate === undefined) continue;
    if (previous !== undefined && (estimate.p50Seconds < previous.p50Seconds || estimate.p90Seconds < previous.p90Seconds)) inversions++;
    previous = estimate;
  }
  return inversions;
}
