// Change detection for SERVICE_RATE: the service model learns over an hour (half-life), which is right for a
// steady day and an hour too slow when the pace changes (equipment breaks, a helper joins). The pace is the line's
// recent speed relative to that model, in log space: each served ticket's residual ln(occupancy) − its type's log
// mean, recency-weighted over a short window (half-life `paceHalfLifeSeconds`) and shrunk toward 0 (no change) by a
// prior of sd `paceShiftSd` — so a noisy line (heavy tails) needs more tickets to move it than a steady one. Its
// posterior sd says how well the pace is known now; SERVICE_RATE draws each simulated run's pace from it. A sudden
// change is caught by a change-point test on the newest residuals; the pace is then the one since the change alone.
// Only completed tickets count: a ticket still at a counter that has lasted long is not a fair draw (long services
// are the ones likely to be found under way), and its remaining time already accounts for how long it has lasted.

import { lognormalServiceTime, MIN_OCCUPANCY_SECONDS, occupancyOf, type ServiceModel, type TypeServiceTime } from "./service-model.js";
import type { LineSnapshot } from "./types.js";

export interface PaceOptions {
  paceHalfLifeSeconds: number;
  /** Sd of the log pace shift expected before any recent ticket is seen (0.3: about ±30%). */
  paceShiftSd: number;
  /** Standardized residual sum (|Σz| / √n over the newest tickets) that signals a change in pace; 0 = off. */
  changeThreshold: number;
}

export interface Pace {
  /** Multiplies every service time (1 = as the hour-long model says). */
  factor: number;
  /** Sd of the log of the factor: how well the current pace is known. */
  logSd: number;
}

/** Bounds of the factor: a pace change beyond ×4 either way is left to the long model. */
const MAX_LOG_PACE = Math.log(4);

/** Change detection looks back over at most this many of the newest served tickets. */
const CHANGE_LOOKBACK = 40;

export function estimatePace(snapshot: LineSnapshot, model: ServiceModel, options: PaceOptions): Pace {
  const residuals: Residual[] = [];
  for (const ticket of snapshot.history) {
    if (ticket.outcome !== "SERVED" || ticket.calledAt === null) continue;
    const type = model.serviceTimeOf(ticket.ticketTypeId);
    const ageSeconds = Math.max(0, (snapshot.now - ticket.completedAt) / 1000);
    residuals.push({ value: Math.log(Math.max(occupancyOf(ticket), MIN_OCCUPANCY_SECONDS)) - type.logMu, sigma: type.logSigma, ageSeconds });
  }
  const change = options.changeThreshold > 0 ? detectChange(residuals.slice(-CHANGE_LOOKBACK), options.changeThreshold) : null;
  return change === null ? shortWindowPace(residuals, model, options) : segmentPace(change, model);
}

interface Residual {
  /** ln(occupancy) − the type's log mean. */
  value: number;
  sigma: number;
  ageSeconds: number;
}

/**
 * The short-window pace, normal–normal: each residual r ~ N(log pace, σ_type²) weighs 0.5^(age / half-life); the
 * prior log pace ~ N(0, paceShiftSd²).
 */
function shortWindowPace(residuals: readonly Residual[], model: ServiceModel, options: PaceOptions): Pace {
  let precision = 1 / options.paceShiftSd ** 2;
  let sum = 0;
  for (const residual of residuals) {
    const w = 0.5 ** (residual.ageSeconds / options.paceHalfLifeSeconds);
    if (!(w > 1e-3)) continue;
    precision += w / residual.sigma ** 2;
    sum += (w * residual.value) / residual.sigma ** 2;
  }
  return paceOf(sum / precision, 1 / Math.sqrt(precision));
}

/**
 * A change point (CUSUM-like): the newest residuals whose standardized sum, Σz / √n, is the largest in size over
 * every suffix of the recent ones; a change when it exceeds `threshold` (about 3: a few false alarms a day).
 * Returns the residuals since the change.
 */
export function detectChange(residuals: readonly Residual[], threshold: number): Residual[] | null {
  let sum = 0;
  let best = 0;
  let start = -1;
  for (let index = residuals.length - 1, n = 1; index >= 0; index--, n++) {
    const residual = residuals[index];
    if (residual === undefined) continue;
    sum += residual.value / residual.sigma;
    const statistic = Math.abs(sum) / Math.sqrt(n);
    if (statistic > best) {
      best = statistic;
      start = index;
    }
  }
  return best > threshold && start >= 0 ? residuals.slice(start) : null;
}

/** The pace since a detected change: the precision-weighted mean residual since then, with one pseudo-observation of no change. */
function segmentPace(segment: readonly Residual[], model: ServiceModel): Pace {
  let precision = 1 / model.lineLogSigma ** 2;
  let sum = 0;
  for (const residual of segment) {
    precision += 1 / residual.sigma ** 2;
    sum += residual.value / residual.sigma ** 2;
  }
  return paceOf(sum / precision, 1 / Math.sqrt(precision));
}

function paceOf(logFactor: number, logSd: number): Pace {
  const clamped = Math.min(MAX_LOG_PACE, Math.max(-MAX_LOG_PACE, Number.isFinite(logFactor) ? logFactor : 0));
  return { factor: Math.exp(clamped), logSd: Number.isFinite(logSd) ? logSd : 0 };
}

/** The model with every type's service time scaled by `factor` (its spread unchanged). */
export function scaleServiceModel(model: ServiceModel, factor: number): ServiceModel {
  if (factor === 1) return model;
  const logFactor = Math.log(factor);
  const cache = new Map<string, TypeServiceTime>();
  return {
    ...model,
    serviceTimeOf(ticketTypeId) {
      let scaled = cache.get(ticketTypeId);
      if (scaled === undefined) {
        const time = model.serviceTimeOf(ticketTypeId);
        scaled = lognormalServiceTime(time.logMu + logFactor, time.logSigma, time.source);
        cache.set(ticketTypeId, scaled);
      }
      return scaled;
    },
  };
}
