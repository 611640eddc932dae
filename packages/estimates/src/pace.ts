// Change detection for SERVICE_RATE: the service model learns over an hour (half-life), which is right for a
// steady day and an hour too slow when the pace changes (equipment breaks, a helper joins). The pace factor is
// the short-window blend: the recency-weighted mean of observed ÷ modelled occupancy over the last minutes
// (half-life `paceHalfLifeSeconds`), shrunk toward 1 by `paceShrinkWeight` pseudo-observations. Tickets still
// at a counter that have already outlasted their modelled time count as a lower bound of their ratio, so a
// doubling shows before the first slow ticket completes.

import { occupancyOf, type ServiceModel } from "./service-model.js";
import type { LineSnapshot } from "./types.js";

export interface PaceOptions {
  paceHalfLifeSeconds: number;
  paceShrinkWeight: number;
}

/** Bounds of the factor: a pace change beyond ×4 either way is left to the long model. */
const MIN_PACE = 0.25;
const MAX_PACE = 4;

export function paceFactor(snapshot: LineSnapshot, model: ServiceModel, options: PaceOptions): number {
  let weight = 0;
  let sum = 0;
  for (const ticket of snapshot.history) {
    if (ticket.outcome !== "SERVED" || ticket.calledAt === null) continue;
    const ageSeconds = Math.max(0, (snapshot.now - ticket.completedAt) / 1000);
    const w = 0.5 ** (ageSeconds / options.paceHalfLifeSeconds);
    const modelled = model.serviceTimeOf(ticket.ticketTypeId).meanSeconds;
    if (!(w > 1e-3) || !(modelled > 0)) continue;
    weight += w;
    sum += w * (occupancyOf(ticket) / modelled);
  }
  for (const ticket of snapshot.serving) {
    const modelled = model.serviceTimeOf(ticket.ticketTypeId).meanSeconds;
    const elapsedSeconds = (snapshot.now - ticket.calledAt) / 1000;
    if (!(modelled > 0) || !(elapsedSeconds > modelled)) continue;
    weight += 1;
    sum += elapsedSeconds / modelled;
  }
  const factor = (sum + options.paceShrinkWeight) / (weight + options.paceShrinkWeight);
  return Number.isFinite(factor) ? Math.min(MAX_PACE, Math.max(MIN_PACE, factor)) : 1;
}

/** The model with every type's service time scaled by `factor` (its cv unchanged). */
export function scaleServiceModel(model: ServiceModel, factor: number): ServiceModel {
  if (factor === 1) return model;
  return {
    ...model,
    serviceTimeOf(ticketTypeId) {
      const time = model.serviceTimeOf(ticketTypeId);
      return { ...time, meanSeconds: time.meanSeconds * factor, varianceSeconds2: time.varianceSeconds2 * factor * factor };
    },
  };
}
