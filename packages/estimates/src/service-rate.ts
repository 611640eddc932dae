import { requireNumberOption } from "./errors.js";
import { toEstimate } from "./estimate.js";
import { gammaQuantile, remainingGammaDuration } from "./gamma.js";
import { learnServiceModel, type ServiceModel, type ServiceModelOptions } from "./service-model.js";
import type { CounterEvent, EstimateBasis, EstimatesByTicket, LineSnapshot } from "./types.js";

export interface ServiceRateOptions extends ServiceModelOptions {
  /**
   * Relative uncertainty of the line's service rate that builds up while a customer waits (per √hour): staff
   * leave or join, a slowdown starts. Nothing in the snapshot announces these, so it is a constant.
   */
  rateDriftPerSqrtHour: number;
  /** How long a closure (zero open counters) is assumed to last when none was observed. */
  assumedClosureSeconds: number;
}

export const SERVICE_RATE_DEFAULTS: Readonly<ServiceRateOptions> = {
  halfLifeSeconds: 3600,
  priorWeight: 2,
  priorCv: 0.6,
  fallbackServiceSeconds: 300,
  rateDriftPerSqrtHour: 0.25,
  assumedClosureSeconds: 900,
};

/** Checks SERVICE_RATE options, filling defaults; throws EstimateOptionError when one is out of range. */
export function resolveServiceRateOptions(options: Partial<ServiceRateOptions> = {}): ServiceRateOptions {
  const merged = { ...SERVICE_RATE_DEFAULTS, ...options };
  const positive = (value: number): boolean => value > 0;
  const nonNegative = (value: number): boolean => value >= 0;
  return {
    halfLifeSeconds: requireNumberOption("halfLifeSeconds", merged.halfLifeSeconds, "a number > 0", positive),
    priorWeight: requireNumberOption("priorWeight", merged.priorWeight, "a number > 0", positive),
    priorCv: requireNumberOption("priorCv", merged.priorCv, "a number > 0", positive),
    fallbackServiceSeconds: requireNumberOption(
      "fallbackServiceSeconds",
      merged.fallbackServiceSeconds,
      "a number > 0",
      positive,
    ),
    rateDriftPerSqrtHour: requireNumberOption(
      "rateDriftPerSqrtHour",
      merged.rateDriftPerSqrtHour,
      "a number ≥ 0",
      nonNegative,
    ),
    assumedClosureSeconds: requireNumberOption(
      "assumedClosureSeconds",
      merged.assumedClosureSeconds,
      "a number ≥ 0",
      nonNegative,
    ),
  };
}

/** A counter as seen from the queue: when it is next free, and how uncertain that is. */
interface CounterAvailability {
  freeInSeconds: number;
  varianceSeconds2: number;
}

/** The counters that will serve the queue, and the closure (if any) before they do. */
interface CounterOutlook {
  counters: CounterAvailability[];
  closureSeconds: number;
  closureVarianceSeconds2: number;
  nobodyServing: boolean;
}

/**
 * SERVICE_RATE, the default estimator: the wait of a ticket is the work ahead of it divided among the open
 * counters.
 *
 * Model, for the ticket with j tickets ahead:
 * - Every ticket type has a recency-weighted mean and variance of counter occupancy (call → completion),
 *   learned from history and shrunk toward its configured default ({@link learnServiceModel}).
 * - A ticket ahead contributes (1 − leave share) × [(1 − no-show share) × its type's occupancy + no-show share
 *   × the no-show hold]: customers who cancel or expire take no counter time, no-shows take only the hold.
 * - Each open counter is free now (idle) or when its current ticket is expected to finish: the remaining time of
 *   a gamma occupancy given how long it has already lasted. More open counters than tickets → called at once.
 * - The ticket is called when the work ahead has been done. If m counters share it, work conservation gives
 *   m·T = (their next-free times) + (work ahead) − (m − 1)·ρ, where ρ = E[X²]/2E[X] is what the other counters
 *   still have left on average; counters still busy with their current ticket at T do not share the work yet.
 *   So opening a counter shortens every estimate at once, closing one or a slowdown lengthens them.
 * - Zero open counters (NO_COUNTERS): the last known number of counters returns after the typical observed
 *   closure (or `assumedClosureSeconds`); the estimate stays finite.
 * - The band: variance = Σ variances of the work ahead and of the counters' remaining times, ÷ m²; plus the
 *   uncertainty of the rate itself (estimation error cv²/n, and a random-walk drift whose effect on the mean rate
 *   over a wait of t hours has variance σ²·t/3). A gamma with that mean and variance gives p50 (its median) and p90.
 *
 * Basis: NO_COUNTERS when nobody is serving; FALLBACK when a type ahead has neither history nor a default;
 * COLD_START when the line has no served ticket in history (type defaults only); HISTORY otherwise.
 *
 * @throws EstimateOptionError when an option is out of range.
 */
export function estimateServiceRate(
  snapshot: LineSnapshot,
  options: Partial<ServiceRateOptions> = {},
): EstimatesByTicket {
  const resolved = resolveServiceRateOptions(options);
  const model = learnServiceModel(snapshot, resolved);
  const outlook = outlookForCounters(snapshot, model, resolved);
  const residualOfOthers = equilibriumResidual(snapshot, model);
  const idleCounters = outlook.counters.filter((counter) => counter.freeInSeconds === 0).length;
  const estimationVariance = model.lineCv ** 2 / model.effectiveObservations;
  const driftVariancePerHour = resolved.rateDriftPerSqrtHour ** 2;

  let fallbackSeen = snapshot.serving.some((ticket) => model.serviceTimeOf(ticket.ticketTypeId).source === "FALLBACK");
  let workAheadSeconds = 0;
  let workAheadVarianceSeconds2 = 0;
  const estimates: EstimatesByTicket = new Map();

  snapshot.waiting.forEach((ticket, ticketsAhead) => {
    // Fewer tickets ahead than idle counters: called as soon as the counters are open.
    const call =
      ticketsAhead < idleCounters
        ? { meanSeconds: 0, varianceSeconds2: 0 }
        : expectedCallTime(outlook.counters, workAheadSeconds, workAheadVarianceSeconds2, residualOfOthers);
    const meanSeconds = outlook.closureSeconds + call.meanSeconds;
    const serviceVarianceSeconds2 = outlook.closureVarianceSeconds2 + call.varianceSeconds2;
    const hours = meanSeconds / 3600;
    // A rate that drifts like a random walk changes part-way through the wait: the average rate over a wait of
    // t hours has variance σ²·t/3 (the same holds for a counter change at a uniformly random moment).
    const rateVariance = estimationVariance + (driftVariancePerHour * hours) / 3;
    const varianceSeconds2 = serviceVarianceSeconds2 + meanSeconds * meanSeconds * rateVariance;
    const [p50, p90] = medianAndP90(meanSeconds, varianceSeconds2);
    const basis: EstimateBasis = outlook.nobodyServing
      ? "NO_COUNTERS"
      : fallbackSeen
        ? "FALLBACK"
        : model.hasObservations
          ? "HISTORY"
          : "COLD_START";
    estimates.set(ticket.id, toEstimate(p50, p90, basis));

    const contribution = contributionOfTicketAhead(model, ticket.ticketTypeId);
    workAheadSeconds += contribution.meanSeconds;
    workAheadVarianceSeconds2 += contribution.varianceSeconds2;
    if (model.serviceTimeOf(ticket.ticketTypeId).source === "FALLBACK") fallbackSeen = true;
  });
  return estimates;
}

/** Expected counter time of a waiting ticket, counting that it may leave or not show up. */
function contributionOfTicketAhead(
  model: ServiceModel,
  ticketTypeId: string,
): { meanSeconds: number; varianceSeconds2: number } {
  const { meanSeconds, secondMomentSeconds2 } = occupancyMoments(model, ticketTypeId);
  const staysShare = 1 - model.leaveShare;
  const mean = staysShare * meanSeconds;
  return { meanSeconds: mean, varianceSeconds2: Math.max(staysShare * secondMomentSeconds2 - mean * mean, 0) };
}

/** First two moments of the occupancy of a called ticket (served, or a no-show hold). */
function occupancyMoments(model: ServiceModel, ticketTypeId: string): { meanSeconds: number; secondMomentSeconds2: number } {
  const service = model.serviceTimeOf(ticketTypeId);
  const shows = 1 - model.noShowShare;
  return {
    meanSeconds: shows * service.meanSeconds + model.noShowShare * model.noShowHoldSeconds,
    secondMomentSeconds2:
      shows * (service.varianceSeconds2 + service.meanSeconds ** 2) +
      model.noShowShare * (model.noShowHoldVarianceSeconds2 + model.noShowHoldSeconds ** 2),
  };
}

/**
 * ρ = E[X²] / 2E[X]: the expected remaining occupancy of a counter seen at a random moment (renewal theory),
 * over the mix of tickets in the line now (waiting and serving).
 */
function equilibriumResidual(snapshot: LineSnapshot, model: ServiceModel): number {
  let first = 0;
  let second = 0;
  const tickets = [...snapshot.waiting, ...snapshot.serving];
  for (const ticket of tickets) {
    const moments = occupancyMoments(model, ticket.ticketTypeId);
    first += moments.meanSeconds;
    second += moments.secondMomentSeconds2;
  }
  return first > 0 ? second / (2 * first) : 0;
}

/**
 * When the counters can take the next ticket, after `workAhead` seconds of queued work.
 * Counters are sorted by when they are free; with the first m of them sharing the work,
 * T_m = (Σ free times + work − (m − 1)·ρ) / m, valid while T_m is before the (m + 1)-th counter is free.
 */
function expectedCallTime(
  counters: readonly CounterAvailability[],
  workAheadSeconds: number,
  workAheadVarianceSeconds2: number,
  residualOfOthers: number,
): { meanSeconds: number; varianceSeconds2: number } {
  let freeTimeSum = 0;
  let freeVarianceSum = 0;
  for (let m = 1; m <= counters.length; m++) {
    const counter = counters[m - 1];
    if (counter === undefined) break;
    freeTimeSum += counter.freeInSeconds;
    freeVarianceSum += counter.varianceSeconds2;
    const sharedTime = (freeTimeSum + workAheadSeconds - (m - 1) * residualOfOthers) / m;
    if (sharedTime < counter.freeInSeconds) {
      // The first m − 1 counters finish the work before this one frees: the ticket waits for it.
      return { meanSeconds: counter.freeInSeconds, varianceSeconds2: counter.varianceSeconds2 + workAheadVarianceSeconds2 / m ** 2 };
    }
    const next = counters[m];
    if (next === undefined || sharedTime < next.freeInSeconds) {
      return { meanSeconds: Math.max(0, sharedTime), varianceSeconds2: (freeVarianceSum + workAheadVarianceSeconds2) / m ** 2 };
    }
  }
  return { meanSeconds: 0, varianceSeconds2: 0 };
}

/** The counters serving the queue, with when each is free, sorted soonest first. */
function outlookForCounters(snapshot: LineSnapshot, model: ServiceModel, options: ServiceRateOptions): CounterOutlook {
  const events = [...(snapshot.counterEvents ?? [])].filter((event) => Number.isFinite(event.at)).sort((a, b) => a.at - b.at);
  const openNow = Number.isFinite(snapshot.openCounters) ? Math.floor(Math.max(0, snapshot.openCounters)) : 0;

  if (openNow === 0) {
    const lastOpen = [...events].reverse().find((event) => event.openCounters > 0)?.openCounters;
    const returning = Math.max(1, Math.floor(lastOpen ?? 1));
    const closure = expectedClosureRemaining(events, snapshot.now, options.assumedClosureSeconds);
    return {
      counters: Array.from({ length: returning }, () => ({ freeInSeconds: 0, varianceSeconds2: 0 })),
      closureSeconds: closure.remainingSeconds,
      closureVarianceSeconds2: closure.varianceSeconds2,
      nobodyServing: true,
    };
  }

  const busy = snapshot.serving
    .map((ticket): CounterAvailability => {
      const service = model.serviceTimeOf(ticket.ticketTypeId);
      const elapsedSeconds = Math.max(0, (snapshot.now - ticket.calledAt) / 1000);
      const remaining = remainingGammaDuration(service.meanSeconds, service.cv, Number.isFinite(elapsedSeconds) ? elapsedSeconds : 0);
      return { freeInSeconds: remaining.mean, varianceSeconds2: remaining.variance };
    })
    .sort((a, b) => a.freeInSeconds - b.freeInSeconds);
  // More tickets at counters than open counters: some counters are closing after their ticket; the open
  // ones are taken to be those that free first.
  const idle = Math.max(0, openNow - busy.length);
  const counters: CounterAvailability[] = [
    ...Array.from({ length: idle }, () => ({ freeInSeconds: 0, varianceSeconds2: 0 })),
    ...busy.slice(0, openNow - idle),
  ];
  return { counters, closureSeconds: 0, closureVarianceSeconds2: 0, nobodyServing: false };
}

/**
 * How much longer a closure lasts: the mean of the closures seen in the counter events (else the assumed one)
 * minus how long this one has lasted, but at least a quarter of it (a late reopening stays possible).
 */
function expectedClosureRemaining(
  events: readonly CounterEvent[],
  now: number,
  assumedClosureSeconds: number,
): { remainingSeconds: number; varianceSeconds2: number } {
  const pastClosures: number[] = [];
  let closedSince: number | null = null;
  for (const event of events) {
    if (event.at > now) break;
    if (event.openCounters <= 0) {
      closedSince ??= event.at;
    } else if (closedSince !== null) {
      pastClosures.push((event.at - closedSince) / 1000);
      closedSince = null;
    }
  }
  const typical =
    pastClosures.length > 0 ? pastClosures.reduce((sum, seconds) => sum + seconds, 0) / pastClosures.length : assumedClosureSeconds;
  const elapsed = closedSince === null ? 0 : (now - closedSince) / 1000;
  const remainingSeconds = Math.max(typical - elapsed, typical / 4);
  return { remainingSeconds, varianceSeconds2: (typical / 2) ** 2 };
}

/** Median and 90th percentile of a gamma distribution with the given mean and variance. */
function medianAndP90(meanSeconds: number, varianceSeconds2: number): [number, number] {
  if (!(meanSeconds > 0)) return [0, 0];
  if (!(varianceSeconds2 > 0)) return [meanSeconds, meanSeconds];
  const shape = (meanSeconds * meanSeconds) / varianceSeconds2;
  const scale = varianceSeconds2 / meanSeconds;
  return [gammaQuantile(0.5, shape, scale), gammaQuantile(0.9, shape, scale)];
}
