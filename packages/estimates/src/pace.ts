// Change detection for SERVICE_RATE: the service model learns over an hour (half-life), which is right for a
// steady day and an hour too slow when the pace changes (equipment breaks, a helper joins). The pace is the line's
// recent speed relative to that model, in log space: each served ticket's residual ln(occupancy) − its type's log
// mean, recency-weighted over a short window (half-life `paceHalfLifeSeconds`) and shrunk toward 0 (no change) by
// `paceShrinkWeight` pseudo-observations. Its posterior sd says how well the pace is known now; SERVICE_RATE draws
// each simulated run's pace from it. Tickets still at a counter that have already outlasted their type's usual
// time by far count as a lower bound of their residual, so a doubling shows before the first slow ticket completes.

import { lognormalServiceTime, occupancyOf, type ServiceModel } from "./service-model.js";
import type { LineSnapshot } from "./types.js";

export interface PaceOptions {
  paceHalfLifeSeconds: number;
  paceShrinkWeight: number;
}

export interface Pace {
  /** Multiplies every service time (1 = as the hour-long model says). */
  factor: number;
  /** Sd of the log of the factor: how well the current pace is known. */
  logSd: number;
}

/** Bounds of the factor: a pace change beyond ×4 either way is left to the long model. */
const MAX_LOG_PACE = Math.log(4);

export function estimatePace(snapshot: LineSnapshot, model: ServiceModel, options: PaceOptions): Pace {
  // Normal–normal: each residual r ~ N(log pace, σ_type²); the prior log pace ~ N(0, σ_line² / shrink).
  let precision = options.paceShrinkWeight / model.lineLogSigma ** 2;
  let sum = 0;
  for (const ticket of snapshot.history) {
    if (ticket.outcome !== "SERVED" || ticket.calledAt === null) continue;
    const ageSeconds = Math.max(0, (snapshot.now - ticket.completedAt) / 1000);
    const w = 0.5 ** (ageSeconds / options.paceHalfLifeSeconds);
    if (!(w > 1e-3)) continue;
    const type = model.serviceTimeOf(ticket.ticketTypeId);
    precision += w / type.logSigma ** 2;
    sum += (w * (Math.log(Math.max(occupancyOf(ticket), 1)) - type.logMu)) / type.logSigma ** 2;
  }
  for (const ticket of snapshot.serving) {
    const type = model.serviceTimeOf(ticket.ticketTypeId);
    const elapsedSeconds = (snapshot.now - ticket.calledAt) / 1000;
    // Outlasting the type's usual time by two sds is rare at the old pace: count it as (at least) a slower one.
    if (!(elapsedSeconds > Math.exp(type.logMu + 2 * type.logSigma))) continue;
    precision += 1 / type.logSigma ** 2;
    sum += (Math.log(elapsedSeconds) - type.logMu) / type.logSigma ** 2;
  }
  const logFactor = sum / precision;
  const clamped = Math.min(MAX_LOG_PACE, Math.max(-MAX_LOG_PACE, Number.isFinite(logFactor) ? logFactor : 0));
  const logSd = 1 / Math.sqrt(precision);
  return { factor: Math.exp(clamped), logSd: Number.isFinite(logSd) ? logSd : 0 };
}

/** The model with every type's service time scaled by `factor` (its spread unchanged). */
export function scaleServiceModel(model: ServiceModel, factor: number): ServiceModel {
  if (factor === 1) return model;
  const logFactor = Math.log(factor);
  return {
    ...model,
    serviceTimeOf(ticketTypeId) {
      const time = model.serviceTimeOf(ticketTypeId);
      return lognormalServiceTime(time.logMu + logFactor, time.logSigma, time.source);
    },
  };
}
