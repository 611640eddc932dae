import type { Messages } from "../i18n/messages";

/** The p50–p90 band in whole minutes ("about 4 – 9 min"); null when there is no estimate. */
export function estimateBand(
  estimate: { p50Seconds: number; p90Seconds: number } | null | undefined,
  t: Messages,
): string | null {
  if (!estimate) return null;
  const low = Math.round(estimate.p50Seconds / 60);
  const high = Math.max(low, Math.round(estimate.p90Seconds / 60));
  return t.estimate(t.minutes(low), t.minutes(high));
}
