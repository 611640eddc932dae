import { requireNumberOption } from "./errors.js";
import { finiteOrZero, toEstimate } from "./estimate.js";
import type { EstimateBasis, EstimatesByTicket, FinishedTicket, LineSnapshot } from "./types.js";

export interface RecentAverageOptions {
  /** How many of the most recently served tickets of the same type to average (integer ≥ 1). */
  sampleSize: number;
  /** p90 = p50 × this factor (≥ 1). */
  p90Factor: number;
  /** Service time assumed at cold start for a type without a configured default. */
  fallbackServiceSeconds: number;
}

export const RECENT_AVERAGE_DEFAULTS: Readonly<RecentAverageOptions> = {
  sampleSize: 3,
  p90Factor: 1.5,
  fallbackServiceSeconds: 300,
};

/** Checks RECENT_AVERAGE options, filling defaults; throws EstimateOptionError when one is out of range. */
export function resolveRecentAverageOptions(options: Partial<RecentAverageOptions> = {}): RecentAverageOptions {
  const merged = { ...RECENT_AVERAGE_DEFAULTS, ...options };
  return {
    sampleSize: requireNumberOption("sampleSize", merged.sampleSize, "an integer ≥ 1", (n) => Number.isInteger(n) && n >= 1),
    p90Factor: requireNumberOption("p90Factor", merged.p90Factor, "a number ≥ 1", (f) => f >= 1),
    fallbackServiceSeconds: requireNumberOption(
      "fallbackServiceSeconds",
      merged.fallbackServiceSeconds,
      "a number > 0",
      (s) => s > 0,
    ),
  };
}

/**
 * RECENT_AVERAGE, the naive baseline most queue products show: every waiting ticket of a type gets the mean
 * actual wait (calledAt − joinedAt) of the last `sampleSize` served tickets of that type, whatever its position,
 * with p90 = p50 × `p90Factor`. It ignores position, counters and the queue's length, so it lags every change.
 *
 * Cold start (no served ticket of the type in history): the type's default service time × tickets ahead
 * ÷ max(1, openCounters), basis COLD_START (FALLBACK when the type has no default either).
 * With zero open counters the basis is NO_COUNTERS (the number itself is unchanged).
 *
 * @throws EstimateOptionError when an option is out of range.
 */
export function estimateRecentAverage(
  snapshot: LineSnapshot,
  options: Partial<RecentAverageOptions> = {},
): EstimatesByTicket {
  const { sampleSize, p90Factor, fallbackServiceSeconds } = resolveRecentAverageOptions(options);
  const recentWaitsByType = collectRecentWaits(snapshot.history, sampleSize);
  const defaultsByType = new Map(snapshot.ticketTypes.map((type) => [type.id, type.defaultServiceSeconds]));
  const counters = Math.max(1, finiteOrZero(snapshot.openCounters));
  const nobodyServing = !(snapshot.openCounters > 0);

  const estimates: EstimatesByTicket = new Map();
  snapshot.waiting.forEach((ticket, ticketsAhead) => {
    const waits = recentWaitsByType.get(ticket.ticketTypeId);
    let p50: number;
    let basis: EstimateBasis;
    if (waits !== undefined && waits.length > 0) {
      p50 = waits.reduce((sum, wait) => sum + wait, 0) / waits.length;
      basis = "HISTORY";
    } else {
      const configured = defaultsByType.get(ticket.ticketTypeId);
      const serviceSeconds = configured != null && configured > 0 ? configured : fallbackServiceSeconds;
      p50 = (serviceSeconds * ticketsAhead) / counters;
      basis = configured != null && configured > 0 ? "COLD_START" : "FALLBACK";
    }
    estimates.set(ticket.id, toEstimate(p50, p50 * p90Factor, nobodyServing ? "NO_COUNTERS" : basis));
  });
  return estimates;
}

/** The waits (seconds) of the last `sampleSize` served tickets per type, in completion order. */
function collectRecentWaits(history: readonly FinishedTicket[], sampleSize: number): Map<string, number[]> {
  const waitsByType = new Map<string, number[]>();
  for (let index = history.length - 1; index >= 0; index--) {
    const ticket = history[index];
    if (ticket === undefined || ticket.outcome !== "SERVED" || ticket.calledAt === null) continue;
    const waits = waitsByType.get(ticket.ticketTypeId) ?? [];
    if (waits.length >= sampleSize) continue;
    waits.push(Math.max(0, (ticket.calledAt - ticket.joinedAt) / 1000));
    waitsByType.set(ticket.ticketTypeId, waits);
  }
  return waitsByType;
}
