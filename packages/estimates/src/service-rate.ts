import { requireNumberOption } from "./errors.js";
import { toEstimate } from "./estimate.js";
import { gammaQuantile, remainingGammaDuration } from "./gamma.js";
import { paceFactor, scaleServiceModel, type PaceOptions } from "./pace.js";
import { learnServiceModel, type ServiceModel, type ServiceModelOptions } from "./service-model.js";
import { awayCounters, learnCallDelay, type CallDelay } from "./staffing.js";
import type { CounterEvent, EstimateBasis, EstimatesByTicket, LineSnapshot, PlannedClosure } from "./types.js";

export interface ServiceRateOptions extends ServiceModelOptions, PaceOptions {
  /** Staff call delay assumed before any is observed (seconds from a counter being free to its next call). */
  priorCallDelaySeconds: number;
  /** An open, idle counter that has not called anyone for this long (and 6 call delays) while customers wait is away. */
  awayAfterSeconds: number;
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
  paceHalfLifeSeconds: 600,
  paceShrinkWeight: 3,
  priorCallDelaySeconds: 10,
  awayAfterSeconds: 180,
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
    paceHalfLifeSeconds: requireNumberOption("paceHalfLifeSeconds", merged.paceHalfLifeSeconds, "a number > 0", positive),
    paceShrinkWeight: requireNumberOption("paceShrinkWeight", merged.paceShrinkWeight, "a number > 0", positive),
    priorCallDelaySeconds: requireNumberOption("priorCallDelaySeconds", merged.priorCallDelaySeconds, "a number ≥ 0", nonNegative),
    awayAfterSeconds: requireNumberOption("awayAfterSeconds", merged.awayAfterSeconds, "a number > 0", positive),
  };
}

/** A counter as seen from the queue: when it is next free, and how uncertain that is. */
interface CounterAvailability {
  freeInSeconds: number;
  varianceSeconds2: number;
  /** Free now: its next call only waits for the call delay. */
  idle: boolean;
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
  const learned = learnServiceModel(snapshot, resolved);
  const model = scaleServiceModel(learned, paceFactor(snapshot, learned, resolved));
  const delay = learnCallDelay(snapshot, {
    priorCallDelaySeconds: resolved.priorCallDelaySeconds,
    priorCallDelayWeight: resolved.priorWeight,
    halfLifeSeconds: resolved.halfLifeSeconds,
  });
  const away = awayCounters(snapshot, Math.max(resolved.awayAfterSeconds, 6 * delay.meanSeconds));
  const outlook = outlookForCounters(snapshot, model, resolved, delay, away);
  const residualOfOthers = equilibriumResidual(snapshot, model, delay);
  const idleCounters = outlook.counters.filter((counter) => counter.idle).length;
  const estimationVariance = model.lineCv ** 2 / model.effectiveObservations;
  const driftVariancePerHour = resolved.rateDriftPerSqrtHour ** 2;
  const closures = upcomingClosures(snapshot);

  let fallbackSeen = snapshot.serving.some((ticket) => model.serviceTimeOf(ticket.ticketTypeId).source === "FALLBACK");
  let workAheadSeconds = 0;
  let workAheadVarianceSeconds2 = 0;
  let previous: { p50: number; p90: number } | null = null;
  const estimates: EstimatesByTicket = new Map();

  snapshot.waiting.forEach((ticket, ticketsAhead) => {
    // Fewer tickets ahead than idle counters: called as soon as the staff calls (the call delay).
    const call =
      ticketsAhead < idleCounters
        ? { meanSeconds: delay.meanSeconds, varianceSeconds2: delay.varianceSeconds2 }
        : expectedCallTime(outlook.counters, workAheadSeconds, workAheadVarianceSeconds2, residualOfOthers);
    const serviceMeanSeconds = outlook.closureSeconds + call.meanSeconds;
    // Known closures that start before the ticket would be called push its call back by their length.
    const meanSeconds = serviceMeanSeconds + closedSecondsWithin(closures, snapshot.now, serviceMeanSeconds);
    const serviceVarianceSeconds2 = outlook.closureVarianceSeconds2 + call.varianceSeconds2;
    const hours = serviceMeanSeconds / 3600;
    // A rate that drifts like a random walk changes part-way through the wait: the average rate over a wait of
    // t hours has variance σ²·t/3 (the same holds for a counter change at a uniformly random moment).
    const rateVariance = estimationVariance + (driftVariancePerHour * hours) / 3;
    const varianceSeconds2 = serviceVarianceSeconds2 + serviceMeanSeconds * serviceMeanSeconds * rateVariance;
    const [rawP50, rawP90] = medianAndP90(meanSeconds, varianceSeconds2);
    // Consistent answers: never less than the ticket ahead, and a ticket behind others is never told 0.
    const p50 = Math.max(Math.round(rawP50), previous === null ? 0 : Math.max(previous.p50, 1));
    const p90 = Math.max(Math.round(rawP90), p50, previous?.p90 ?? 0);
    previous = { p50, p90 };
    const basis: EstimateBasis = outlook.nobodyServing
      ? "NO_COUNTERS"
      : fallbackSeen
        ? "FALLBACK"
        : model.hasObservations
          ? "HISTORY"
          : "COLD_START";
    estimates.set(ticket.id, toEstimate(p50, p90, basis));

    const contribution = contributionOfTicketAhead(model, ticket.ticketTypeId, delay);
    workAheadSeconds += contribution.meanSeconds;
    workAheadVarianceSeconds2 += contribution.varianceSeconds2;
    if (model.serviceTimeOf(ticket.ticketTypeId).source === "FALLBACK") fallbackSeen = true;
  });
  return estimates;
}

/** Known closures that have not ended yet, soonest first. */
function upcomingClosures(snapshot: LineSnapshot): PlannedClosure[] {
  return (snapshot.plannedClosures ?? [])
    .filter((closure) => Number.isFinite(closure.from) && closure.until !== null && Number.isFinite(closure.until) && closure.until > snapshot.now)
    .sort((a, b) => a.from - b.from);
}

/**
 * Seconds of known closure between now and the moment `serviceSeconds` of open time have passed: each closure
 * starting before that moment pushes it back by its (remaining) length.
 */
function closedSecondsWithin(closures: readonly PlannedClosure[], now: number, serviceSeconds: number): number {
  let closedMs = 0;
  for (const closure of closures) {
    if (closure.until === null) continue;
    const from = Math.max(closure.from, now);
    if (from > now + serviceSeconds * 1000 + closedMs) break;
    closedMs += Math.max(0, closure.until - from);
  }
  return closedMs / 1000;
}

/** Expected counter time of a waiting ticket, counting that it may leave or not show up. */
function contributionOfTicketAhead(
  model: ServiceModel,
  ticketTypeId: string,
  delay: CallDelay,
): { meanSeconds: number; varianceSeconds2: number } {
  const { meanSeconds, secondMomentSeconds2 } = occupancyMoments(model, ticketTypeId, delay);
  const staysShare = 1 - model.leaveShare;
  const mean = staysShare * meanSeconds;
  return { meanSeconds: mean, varianceSeconds2: Math.max(staysShare * secondMomentSeconds2 - mean * mean, 0) };
}

/**
 * First two moments of the counter time of a called ticket (served, or a no-show hold), plus the staff's call
 * delay before the counter's next call (independent of the occupancy).
 */
function occupancyMoments(model: ServiceModel, ticketTypeId: string, delay: CallDelay): { meanSeconds: number; secondMomentSeconds2: number } {
  const service = model.serviceTimeOf(ticketTypeId);
  const shows = 1 - model.noShowShare;
  const mean = shows * service.meanSeconds + model.noShowShare * model.noShowHoldSeconds;
  const second =
    shows * (service.varianceSeconds2 + service.meanSeconds ** 2) +
    model.noShowShare * (model.noShowHoldVarianceSeconds2 + model.noShowHoldSeconds ** 2);
  const delaySecond = delay.varianceSeconds2 + delay.meanSeconds ** 2;
  return { meanSeconds: mean + delay.meanSeconds, secondMomentSeconds2: second + 2 * mean * delay.meanSeconds + delaySecond };
}

/**
 * ρ = E[X²] / 2E[X]: the expected remaining occupancy of a counter seen at a random moment (renewal theory),
 * over the mix of tickets in the line now (waiting and serving).
 */
function equilibriumResidual(snapshot: LineSnapshot, model: ServiceModel, delay: CallDelay): number {
  let first = 0;
  let second = 0;
  const tickets = [...snapshot.waiting, ...snapshot.serving];
  for (const ticket of tickets) {
    const moments = occupancyMoments(model, ticket.ticketTypeId, delay);
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

/**
 * The counters serving the queue, with when each is free (the remaining occupancy plus the call delay), sorted
 * soonest first. Open counters whose staff is away (see `awayCounters`) do not serve; nobody serving at all is a
 * closure: known from the planned closures when one covers now, otherwise the typical observed one.
 */
function outlookForCounters(snapshot: LineSnapshot, model: ServiceModel, options: ServiceRateOptions, delay: CallDelay, away: number): CounterOutlook {
  const events = [...(snapshot.counterEvents ?? [])].filter((event) => Number.isFinite(event.at)).sort((a, b) => a.at - b.at);
  const openNow = Number.isFinite(snapshot.openCounters) ? Math.floor(Math.max(0, snapshot.openCounters)) : 0;
  const idleCounter = (): CounterAvailability => ({ freeInSeconds: delay.meanSeconds, varianceSeconds2: delay.varianceSeconds2, idle: true });

  if (openNow === 0) {
    const lastOpen = [...events].reverse().find((event) => event.openCounters > 0)?.openCounters;
    const total = snapshot.totalCounters !== undefined && Number.isFinite(snapshot.totalCounters) ? Math.floor(snapshot.totalCounters) : 0;
    const returning = Math.max(1, Math.floor(lastOpen ?? total));
    const planned = (snapshot.plannedClosures ?? []).some(
      (closure) => closure.from <= snapshot.now && closure.until !== null && closure.until > snapshot.now,
    );
    // A planned closure covering now is counted exactly by the closures of the wait itself.
    const closure = planned
      ? { remainingSeconds: 0, varianceSeconds2: 0 }
      : expectedClosureRemaining(events, snapshot.now, options.assumedClosureSeconds);
    return {
      counters: Array.from({ length: returning }, idleCounter),
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
      return { freeInSeconds: remaining.mean + delay.meanSeconds, varianceSeconds2: remaining.variance + delay.varianceSeconds2, idle: false };
    })
    .sort((a, b) => a.freeInSeconds - b.freeInSeconds);
  // More tickets at counters than open counters: some counters are closing after their ticket; the open
  // ones are taken to be those that free first. Away counters are idle ones that do not call.
  const idleOpen = Math.max(0, openNow - busy.length);
  const idle = busy.length === 0 ? Math.max(1, idleOpen - away) : Math.max(0, idleOpen - away);
  const counters: CounterAvailability[] = [...Array.from({ length: idle }, idleCounter), ...busy.slice(0, openNow - idleOpen)];
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
