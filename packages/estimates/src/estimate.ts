import type { Estimate, EstimateBasis } from "./types.js";

/** `value` when it is a finite number, otherwise 0: estimators never emit NaN or Infinity. */
export function finiteOrZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/** Rounds a band to whole, finite, non-negative seconds with p90 ≥ p50. */
export function toEstimate(p50Seconds: number, p90Seconds: number, basis: EstimateBasis): Estimate {
  const p50 = Math.round(Math.max(0, finiteOrZero(p50Seconds)));
  const p90 = Math.round(Math.max(0, finiteOrZero(p90Seconds)));
  return { p50Seconds: p50, p90Seconds: Math.max(p50, p90), basis };
}
