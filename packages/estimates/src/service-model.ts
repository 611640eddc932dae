// What SERVICE_RATE learns from a line's recent history: how long a called ticket of each type keeps a
// counter busy (recency-weighted, shrunk toward the tenant's defaults), how often called customers do not show
// up and how long the counter waits for them, and how often waiting customers leave before being called.

import type { FinishedTicket, LineSnapshot, TicketTypeDefaults } from "./types.js";

export interface ServiceModelOptions {
  /** A completion this old weighs half as much as one that just happened. */
  halfLifeSeconds: number;
  /** How many observations the prior (the type's default, scaled by the line's observed speed) is worth. */
  priorWeight: number;
  /** The coefficient of variation assumed for service times before any are observed. */
  priorCv: number;
  /** Service time assumed for a type with neither observations nor a configured default. */
  fallbackServiceSeconds: number;
}

/** Where a type's service time comes from. */
export type ServiceTimeSource = "OBSERVED" | "DEFAULT" | "FALLBACK";

/** How long a called ticket of one type keeps a counter busy (from its call to its completion). */
export interface TypeServiceTime {
  meanSeconds: number;
  varianceSeconds2: number;
  cv: number;
  source: ServiceTimeSource;
}

export interface ServiceModel {
  /** Service time of a ticket of the given type (unknown ids get the fallback/line-wide time). */
  serviceTimeOf(ticketTypeId: string): TypeServiceTime;
  /** Share of called customers who do not show up. */
  noShowShare: number;
  /** How long a counter waits for a customer who does not show up. */
  noShowHoldSeconds: number;
  noShowHoldVarianceSeconds2: number;
  /** Share of queued customers who leave (cancel, expire) without being called. */
  leaveShare: number;
  /** Whether any served ticket was observed on this line. */
  hasObservations: boolean;
  /** Effective number of service observations (Kish) behind the estimates, prior included. */
  effectiveObservations: number;
  /** Line-wide coefficient of variation of service times. */
  lineCv: number;
}

const MIN_CV = 0.1;
const MAX_CV = 2.5;
/** When nobody has been a no-show yet, the hold assumed for the first one. */
const DEFAULT_NO_SHOW_HOLD_SECONDS = 60;

interface Accumulator {
  weight: number;
  weightSquared: number;
  sum: number;
  sumOfSquares: number;
}

function emptyAccumulator(): Accumulator {
  return { weight: 0, weightSquared: 0, sum: 0, sumOfSquares: 0 };
}

function accumulate(accumulator: Accumulator, weight: number, value: number): void {
  accumulator.weight += weight;
  accumulator.weightSquared += weight * weight;
  accumulator.sum += weight * value;
  accumulator.sumOfSquares += weight * value * value;
}

/**
 * Learns the line's service model from `snapshot.history`. Each finished ticket weighs
 * 0.5^(age / halfLife), so a slowdown or a faster shift shows within minutes. A type's mean is the weighted
 * mean of its observed occupancies (call → completion) shrunk toward a prior worth `priorWeight` observations:
 * its configured default × the line's observed speed (observed ÷ default over all types), so a line running 30%
 * slow also slows the types it has not served recently.
 */
export function learnServiceModel(snapshot: LineSnapshot, options: ServiceModelOptions): ServiceModel {
  const { halfLifeSeconds, priorWeight, priorCv, fallbackServiceSeconds } = options;
  const defaults = new Map<string, number>();
  for (const type of snapshot.ticketTypes) {
    const configured = positiveOrNull(type);
    if (configured !== null) defaults.set(type.id, configured);
  }

  const servedByType = new Map<string, Accumulator>();
  const servedAll = emptyAccumulator();
  const noShows = emptyAccumulator();
  let observedOverDefault = 0;
  let defaultWeighted = 0;
  let finishedWeight = 0;
  let leftWeight = 0;
  let calledWeight = 0;

  for (const ticket of snapshot.history) {
    const ageSeconds = Math.max(0, (snapshot.now - ticket.completedAt) / 1000);
    const weight = Number.isFinite(ageSeconds) ? 0.5 ** (ageSeconds / halfLifeSeconds) : 0;
    if (!(weight > 0)) continue;
    finishedWeight += weight;
    if (ticket.calledAt === null) {
      leftWeight += weight;
      continue;
    }
    calledWeight += weight;
    const occupancySeconds = occupancyOf(ticket);
    if (ticket.outcome === "NO_SHOW") {
      accumulate(noShows, weight, occupancySeconds);
    } else if (ticket.outcome === "SERVED") {
      const typeAccumulator = servedByType.get(ticket.ticketTypeId) ?? emptyAccumulator();
      accumulate(typeAccumulator, weight, occupancySeconds);
      servedByType.set(ticket.ticketTypeId, typeAccumulator);
      accumulate(servedAll, weight, occupancySeconds);
      const configured = defaults.get(ticket.ticketTypeId);
      if (configured !== undefined) {
        observedOverDefault += weight * occupancySeconds;
        defaultWeighted += weight * configured;
      }
    }
  }

  const hasObservations = servedAll.weight > 0;
  // The line's speed relative to the configured defaults, shrunk toward 1 by the prior.
  const meanDefault = defaultWeighted > 0 ? defaultWeighted / sumOfWeightsWithDefault(servedByType, defaults) : 0;
  const lineSpeed =
    defaultWeighted > 0
      ? (observedOverDefault + priorWeight * meanDefault) / (defaultWeighted + priorWeight * meanDefault)
      : 1;
  const lineMean = hasObservations ? servedAll.sum / servedAll.weight : null;

  const cache = new Map<string, TypeServiceTime>();
  const serviceTimeOf = (ticketTypeId: string): TypeServiceTime => {
    const cached = cache.get(ticketTypeId);
    if (cached !== undefined) return cached;
    const configured = defaults.get(ticketTypeId);
    const observed = servedByType.get(ticketTypeId);
    let priorMean: number;
    let source: ServiceTimeSource;
    if (configured !== undefined) {
      priorMean = configured * lineSpeed;
      source = "DEFAULT";
    } else if (lineMean !== null) {
      priorMean = lineMean;
      source = "DEFAULT";
    } else {
      priorMean = fallbackServiceSeconds;
      source = "FALLBACK";
    }
    if (observed !== undefined && observed.weight > 0) source = "OBSERVED";
    const weight = (observed?.weight ?? 0) + priorWeight;
    const mean = ((observed?.sum ?? 0) + priorWeight * priorMean) / weight;
    const secondMoment =
      ((observed?.sumOfSquares ?? 0) + priorWeight * priorMean * priorMean * (1 + priorCv * priorCv)) / weight;
    const cv = clamp(Math.sqrt(Math.max(secondMoment - mean * mean, 0)) / mean, MIN_CV, MAX_CV);
    const serviceTime: TypeServiceTime = { meanSeconds: mean, varianceSeconds2: (cv * mean) ** 2, cv, source };
    cache.set(ticketTypeId, serviceTime);
    return serviceTime;
  };

  const noShowHoldSeconds = noShows.weight > 0 ? noShows.sum / noShows.weight : DEFAULT_NO_SHOW_HOLD_SECONDS;
  const noShowHoldVarianceSeconds2 =
    noShows.weight > 0 ? Math.max(noShows.sumOfSquares / noShows.weight - noShowHoldSeconds ** 2, 0) : 0;
  const lineCv =
    hasObservations && lineMean !== null && lineMean > 0
      ? clamp(Math.sqrt(Math.max(servedAll.sumOfSquares / servedAll.weight - lineMean ** 2, 0)) / lineMean, MIN_CV, MAX_CV)
      : priorCv;
  const kish = servedAll.weightSquared > 0 ? servedAll.weight ** 2 / servedAll.weightSquared : 0;

  return {
    serviceTimeOf,
    // One pseudo-observation of "everyone shows up / nobody leaves" keeps a single event from dominating.
    noShowShare: clamp(noShows.weight / (calledWeight + 1), 0, 0.9),
    noShowHoldSeconds,
    noShowHoldVarianceSeconds2,
    leaveShare: clamp(leftWeight / (finishedWeight + 1), 0, 0.9),
    hasObservations,
    effectiveObservations: kish + priorWeight,
    lineCv,
  };
}

/** Seconds a called ticket kept its counter busy: from the call to its completion. */
export function occupancyOf(ticket: FinishedTicket): number {
  if (ticket.calledAt === null) return 0;
  const seconds = (ticket.completedAt - ticket.calledAt) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, seconds) : 0;
}

function sumOfWeightsWithDefault(servedByType: Map<string, Accumulator>, defaults: Map<string, number>): number {
  let weight = 0;
  for (const [typeId, accumulator] of servedByType) if (defaults.has(typeId)) weight += accumulator.weight;
  return weight;
}

function positiveOrNull(type: TicketTypeDefaults): number | null {
  const seconds = type.defaultServiceSeconds;
  return seconds !== null && Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
