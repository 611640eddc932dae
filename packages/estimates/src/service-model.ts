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

/**
 * How long a called ticket of one type keeps a counter busy (from its call to its completion): a lognormal, learned
 * in log space (`logMu`, `logSigma`: the mean and sd of the log of the seconds), with its mean, variance and cv.
 */
export interface TypeServiceTime {
  meanSeconds: number;
  varianceSeconds2: number;
  cv: number;
  logMu: number;
  logSigma: number;
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
  /** Log mean and log sd of the walk-up (call → the customer at the counter) of served tickets; null: none seen. */
  walkUp: { logMu: number; logSigma: number } | null;
  /** Whether any served ticket was observed on this line. */
  hasObservations: boolean;
  /** Effective number of service observations (Kish) behind the estimates, prior included. */
  effectiveObservations: number;
  /** Line-wide sd of a served ticket's log occupancy around its type's (how noisy one observation is). */
  lineLogSigma: number;
}

/** Bounds of a type's log sd (a cv of about 0.05 to 3.5). */
const MIN_LOG_SIGMA = 0.05;
const MAX_LOG_SIGMA = 1.6;
/** Occupancies below this are counted as this: a 0-second "service" (a ticket clicked through) would otherwise
 * dominate a log-space fit (ln 0.1 is as far from ln 10 as ln 1000). Call → completion includes the walk-up. */
export const MIN_OCCUPANCY_SECONDS = 10;
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
 * Learns the line's service model from `snapshot.history`. Each finished ticket weighs 0.5^(age / halfLife).
 * Occupancies are taken to be lognormal and learned in log space (the maximum-likelihood fit, robust to the rare
 * very long service that would swamp a mean and a variance): a type's log mean and log variance are the weighted
 * ones of its observations shrunk toward a prior worth `priorWeight` observations — its configured default (as the
 * mean, with `priorCv`) × the line's observed speed (the weighted mean log ratio observed ÷ default over all types,
 * shrunk toward 1), so a line running 30% slow also slows the types it has not served recently.
 */
export function learnServiceModel(snapshot: LineSnapshot, options: ServiceModelOptions): ServiceModel {
  const { halfLifeSeconds, priorWeight, priorCv, fallbackServiceSeconds } = options;
  const priorLogVariance = Math.log(1 + priorCv * priorCv);
  const defaults = new Map<string, number>();
  for (const type of snapshot.ticketTypes) {
    const configured = positiveOrNull(type);
    if (configured !== null) defaults.set(type.id, configured);
  }

  const servedByType = new Map<string, Accumulator>();
  const servedAll = emptyAccumulator();
  const noShows = emptyAccumulator();
  const walkUps = emptyAccumulator();
  let logSpeedSum = 0;
  let logSpeedWeight = 0;
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
      const logOccupancy = Math.log(Math.max(occupancySeconds, MIN_OCCUPANCY_SECONDS));
      if (ticket.servedAt !== null && ticket.servedAt >= ticket.calledAt) {
        accumulate(walkUps, weight, Math.log(Math.max((ticket.servedAt - ticket.calledAt) / 1000, MIN_OCCUPANCY_SECONDS)));
      }
      const typeAccumulator = servedByType.get(ticket.ticketTypeId) ?? emptyAccumulator();
      accumulate(typeAccumulator, weight, logOccupancy);
      servedByType.set(ticket.ticketTypeId, typeAccumulator);
      accumulate(servedAll, weight, logOccupancy);
      const configured = defaults.get(ticket.ticketTypeId);
      if (configured !== undefined) {
        logSpeedSum += weight * (logOccupancy - (Math.log(configured) - priorLogVariance / 2));
        logSpeedWeight += weight;
      }
    }
  }

  const hasObservations = servedAll.weight > 0;
  // The line's speed relative to the configured defaults (log ratio of medians), shrunk toward 1 by the prior.
  const lineLogSpeed = logSpeedSum / (logSpeedWeight + priorWeight);
  const lineLogMean = hasObservations ? servedAll.sum / servedAll.weight : null;

  // The spread of each observation around its own type's log mean, pooled over the line.
  let residualSum = 0;
  for (const accumulator of servedByType.values()) {
    residualSum += Math.max(accumulator.sumOfSquares - (accumulator.sum * accumulator.sum) / accumulator.weight, 0);
  }
  const lineLogSigma = hasObservations
    ? clamp(Math.sqrt((residualSum + priorWeight * priorLogVariance) / (servedAll.weight + priorWeight)), MIN_LOG_SIGMA, MAX_LOG_SIGMA)
    : Math.sqrt(priorLogVariance);

  const cache = new Map<string, TypeServiceTime>();
  const serviceTimeOf = (ticketTypeId: string): TypeServiceTime => {
    const cached = cache.get(ticketTypeId);
    if (cached !== undefined) return cached;
    const configured = defaults.get(ticketTypeId);
    const observed = servedByType.get(ticketTypeId);
    let priorMu: number;
    let source: ServiceTimeSource;
    if (configured !== undefined) {
      priorMu = Math.log(configured) - priorLogVariance / 2 + lineLogSpeed;
      source = "DEFAULT";
    } else if (lineLogMean !== null) {
      priorMu = lineLogMean;
      source = "DEFAULT";
    } else {
      priorMu = Math.log(fallbackServiceSeconds) - priorLogVariance / 2;
      source = "FALLBACK";
    }
    if (observed !== undefined && observed.weight > 0) source = "OBSERVED";
    const weight = (observed?.weight ?? 0) + priorWeight;
    const logMu = ((observed?.sum ?? 0) + priorWeight * priorMu) / weight;
    const secondMoment = ((observed?.sumOfSquares ?? 0) + priorWeight * (priorMu * priorMu + priorLogVariance)) / weight;
    const logSigma = clamp(Math.sqrt(Math.max(secondMoment - logMu * logMu, 0)), MIN_LOG_SIGMA, MAX_LOG_SIGMA);
    const serviceTime = lognormalServiceTime(logMu, logSigma, source);
    cache.set(ticketTypeId, serviceTime);
    return serviceTime;
  };

  const noShowHoldSeconds = noShows.weight > 0 ? noShows.sum / noShows.weight : DEFAULT_NO_SHOW_HOLD_SECONDS;
  const noShowHoldVarianceSeconds2 =
    noShows.weight > 0 ? Math.max(noShows.sumOfSquares / noShows.weight - noShowHoldSeconds ** 2, 0) : 0;
  const kish = servedAll.weightSquared > 0 ? servedAll.weight ** 2 / servedAll.weightSquared : 0;

  const walkUpLogMu = walkUps.sum / walkUps.weight;
  const walkUp =
    walkUps.weight > 0
      ? { logMu: walkUpLogMu, logSigma: clamp(Math.sqrt(Math.max(walkUps.sumOfSquares / walkUps.weight - walkUpLogMu ** 2, 0)), MIN_LOG_SIGMA, MAX_LOG_SIGMA) }
      : null;

  return {
    serviceTimeOf,
    walkUp,
    // One pseudo-observation of "everyone shows up / nobody leaves" keeps a single event from dominating.
    noShowShare: clamp(noShows.weight / (calledWeight + 1), 0, 0.9),
    noShowHoldSeconds,
    noShowHoldVarianceSeconds2,
    leaveShare: clamp(leftWeight / (finishedWeight + 1), 0, 0.9),
    hasObservations,
    effectiveObservations: kish + priorWeight,
    lineLogSigma,
  };
}

/** A lognormal service time from its log mean and log sd. */
export function lognormalServiceTime(logMu: number, logSigma: number, source: ServiceTimeSource): TypeServiceTime {
  const variance = logSigma * logSigma;
  const meanSeconds = Math.exp(logMu + variance / 2);
  const cv = Math.sqrt(Math.expm1(variance));
  return { meanSeconds, varianceSeconds2: (cv * meanSeconds) ** 2, cv, logMu, logSigma, source };
}

/** Seconds a called ticket kept its counter busy: from the call to its completion. */
export function occupancyOf(ticket: FinishedTicket): number {
  if (ticket.calledAt === null) return 0;
  const seconds = (ticket.completedAt - ticket.calledAt) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, seconds) : 0;
}

function positiveOrNull(type: TicketTypeDefaults): number | null {
  const seconds = type.defaultServiceSeconds;
  return seconds !== null && Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
