import { requireNumberOption } from "./errors.js";
import { toEstimate } from "./estimate.js";
import { simulateCalls, type Absence, type SimulatedCounter } from "./call-simulation.js";
import { estimatePace, scaleServiceModel, type PaceOptions } from "./pace.js";
import { learnServiceModel, type ServiceModel, type ServiceModelOptions } from "./service-model.js";
import { hashString, logNormalOf, normalCdf, seedFrom, type LogNormal } from "./sampling.js";
import { awayCounters, learnCallDelay } from "./staffing.js";
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
  /** The drift's sd never exceeds this (it reverts: slowdowns end); 0 = an unbounded random walk. */
  rateDriftCapSd: number;
  /** How long a closure (zero open counters) is assumed to last when none was observed. */
  assumedClosureSeconds: number;
  /**
   * Simulated runs of the calls to come, over the first 200 positions (`SIMULATED_WINDOW`; the rest are
   * extrapolated). At most `SIMULATED_CALLS_BUDGET` (8,192) calls are simulated: a longer window gets fewer runs
   * (never below 32), so the work of one call is bounded whatever the queue's depth and this option.
   */
  simulationRuns: number;
}

/** Spread of a closure's or a break's length (cv): how long staff stay away is not known to the minute. */
const ABSENCE_CV = 0.6;

/** Counters simulated at most (a line with more is treated as this many). */
const MAX_COUNTERS = 200;

export const SERVICE_RATE_DEFAULTS: Readonly<ServiceRateOptions> = {
  halfLifeSeconds: 3600,
  priorWeight: 2,
  priorCv: 0.6,
  fallbackServiceSeconds: 300,
  rateDriftPerSqrtHour: 0.6,
  rateDriftCapSd: 0.25,
  assumedClosureSeconds: 900,
  paceHalfLifeSeconds: 600,
  paceShiftSd: 0.3,
  priorCallDelaySeconds: 10,
  awayAfterSeconds: 120,
  simulationRuns: 64,
  changeThreshold: 3,
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
    rateDriftCapSd: requireNumberOption("rateDriftCapSd", merged.rateDriftCapSd, "a number ≥ 0", nonNegative),
    assumedClosureSeconds: requireNumberOption(
      "assumedClosureSeconds",
      merged.assumedClosureSeconds,
      "a number ≥ 0",
      nonNegative,
    ),
    paceHalfLifeSeconds: requireNumberOption("paceHalfLifeSeconds", merged.paceHalfLifeSeconds, "a number > 0", positive),
    paceShiftSd: requireNumberOption("paceShiftSd", merged.paceShiftSd, "a number > 0", positive),
    priorCallDelaySeconds: requireNumberOption("priorCallDelaySeconds", merged.priorCallDelaySeconds, "a number ≥ 0", nonNegative),
    awayAfterSeconds: requireNumberOption("awayAfterSeconds", merged.awayAfterSeconds, "a number > 0", positive),
    changeThreshold: requireNumberOption("changeThreshold", merged.changeThreshold, "a number ≥ 0", nonNegative),
    simulationRuns: requireNumberOption(
      "simulationRuns",
      merged.simulationRuns,
      "an integer from 16 to 2000",
      (runs) => Number.isInteger(runs) && runs >= 16 && runs <= 2000,
    ),
  };
}

/**
 * SERVICE_RATE, the default estimator: plays the calls to come forward from now, many times, and reports the
 * median and 90th percentile of each waiting ticket's call ({@link simulateCalls}).
 *
 * What a run is made of:
 * - Every ticket type's counter occupancy (call → completion) is lognormal with a recency-weighted mean and cv
 *   learned from history and shrunk toward its configured default ({@link learnServiceModel}), times the line's
 *   short-window pace ({@link estimatePace}).
 * - Each open counter is free now (idle) or when its current ticket ends, drawn given how long it has lasted;
 *   the staff then take a call delay (learned, {@link learnCallDelay}) before calling. Open counters whose staff is
 *   away ({@link awayCounters}) do not call; counters closing after their ticket do not serve the queue.
 * - A ticket ahead leaves without a call with the observed leave share (no counter time) and does not show up with
 *   the no-show share (the counter waits the observed hold).
 * - The pace of a run is drawn once from how well the current pace is known ({@link estimatePace}'s posterior sd)
 *   and then drifts (`rateDriftPerSqrtHour` at first, reverting so that its sd stays under `rateDriftCapSd`): what
 *   no snapshot announces (a slowdown, staff added) and what ends again.
 * - Zero open counters (NO_COUNTERS): the last known number of counters returns together when the closure ends
 *   (about the typical observed one or `assumedClosureSeconds`, given how long it has lasted); during a planned
 *   closure, every counter open before it, at its end. Staff away from an open counter return the same way.
 * - Known closures ahead push back each quantile by the closed time before it (time is counted open time first).
 *
 * Answers are consistent: never lower than the ticket ahead, and a ticket behind others is never told 0.
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
  const pace = estimatePace(snapshot, learned, resolved);
  const model = scaleServiceModel(learned, pace.factor);
  const delay = learnCallDelay(snapshot, {
    priorCallDelaySeconds: resolved.priorCallDelaySeconds,
    priorCallDelayWeight: resolved.priorWeight,
    halfLifeSeconds: resolved.halfLifeSeconds,
  });
  const away = awayCounters(snapshot, Math.max(resolved.awayAfterSeconds, 6 * delay.meanSeconds));
  const outlook = outlookForCounters(snapshot, model, resolved, away);
  const closures = upcomingClosures(snapshot);
  // One occupancy per type (a queue of thousands holds a handful of types).
  const occupancyByType = new Map<string, LogNormal>();
  const occupancyOf = (ticketTypeId: string): LogNormal => {
    let occupancy = occupancyByType.get(ticketTypeId);
    if (occupancy === undefined) {
      const service = model.serviceTimeOf(ticketTypeId);
      occupancy = { mu: service.logMu, sigma: service.logSigma };
      occupancyByType.set(ticketTypeId, occupancy);
    }
    return occupancy;
  };
  const calls = simulateCalls({
    counters: outlook.counters,
    closure: outlook.closure,
    busyServing: outlook.busyServing,
    occupancies: snapshot.waiting.map((ticket) => occupancyOf(ticket.ticketTypeId)),
    callDelay: { mu: delay.logMu, sigma: delay.logSigma },
    noShowShare: model.noShowShare,
    noShowHold: logNormalOf(model.noShowHoldSeconds, model.noShowHoldSeconds > 0 ? Math.sqrt(model.noShowHoldVarianceSeconds2) / model.noShowHoldSeconds : 0),
    leaveShare: model.leaveShare,
    paceSigma: pace.logSd,
    driftSigmaPerSqrtHour: resolved.rateDriftPerSqrtHour,
    driftCapSd: resolved.rateDriftCapSd,
    runs: resolved.simulationRuns,
    seed: seedOf(snapshot),
  });

  let fallbackSeen = snapshot.serving.some((ticket) => model.serviceTimeOf(ticket.ticketTypeId).source === "FALLBACK");
  const fallbackType = new Map<string, boolean>();
  const isFallback = (ticketTypeId: string): boolean => {
    let fallback = fallbackType.get(ticketTypeId);
    if (fallback === undefined) {
      fallback = model.serviceTimeOf(ticketTypeId).source === "FALLBACK";
      fallbackType.set(ticketTypeId, fallback);
    }
    return fallback;
  };
  const closedWithin = closures.length === 0 ? () => 0 : (seconds: number) => closedSecondsWithin(closures, snapshot.now, seconds);
  let previousP50 = -1;
  let previousP90 = 0;
  const estimates: EstimatesByTicket = new Map();
  const waiting = snapshot.waiting;
  for (let position = 0; position < waiting.length; position++) {
    const ticket = waiting[position];
    if (ticket === undefined) continue;
    const openP50 = calls.p50[position] ?? 0;
    const openP90 = calls.p90[position] ?? 0;
    const rawP50 = openP50 + closedWithin(openP50);
    const rawP90 = openP90 + closedWithin(openP90);
    // Consistent answers: never less than the ticket ahead, and a ticket behind others is never told 0.
    const p50 = Math.max(Math.round(rawP50), previousP50 < 0 ? 0 : Math.max(previousP50, 1));
    const p90 = Math.max(Math.round(rawP90), p50, previousP90);
    previousP50 = p50;
    previousP90 = p90;
    const basis: EstimateBasis = outlook.nobodyServing
      ? "NO_COUNTERS"
      : fallbackSeen
        ? "FALLBACK"
        : model.hasObservations
          ? "HISTORY"
          : "COLD_START";
    estimates.set(ticket.id, toEstimate(p50, p90, basis));
    if (!fallbackSeen && isFallback(ticket.ticketTypeId)) fallbackSeen = true;
  }
  return estimates;
}

/**
 * The simulation's seed: from the line's state (who waits, who is at a counter, the newest finished ticket), not
 * from the clock — so while nothing happens the same random draws are used and the estimates move only with time,
 * instead of jittering by the simulation's sampling noise at every read.
 */
function seedOf(snapshot: LineSnapshot): number {
  const first = snapshot.waiting[0]?.id ?? "";
  const last = snapshot.waiting.at(-1)?.id ?? "";
  const newest = snapshot.history.at(-1)?.id ?? "";
  const serving = snapshot.serving.map((ticket) => ticket.id).join(",");
  return seedFrom(snapshot.waiting.length, hashString(first), hashString(last), hashString(newest), hashString(serving));
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

/** The counters that will serve the queue (see {@link SimulatedCounter}). */
interface CounterOutlook {
  counters: SimulatedCounter[];
  closure: Absence | null;
  busyServing: number;
  nobodyServing: boolean;
}

/**
 * The counters serving the queue. Open counters whose staff is away (see `awayCounters`) do not serve; when more
 * tickets are at counters than counters are open, the closing counters are those not listed as open (when ids are
 * known), else the ones that free last. Nobody serving at all is a closure: known from the planned closures when
 * one covers now (every counter open before it comes back at its end), otherwise the typical observed one.
 */
function outlookForCounters(snapshot: LineSnapshot, model: ServiceModel, options: ServiceRateOptions, away: readonly number[]): CounterOutlook {
  const events = [...(snapshot.counterEvents ?? [])].filter((event) => Number.isFinite(event.at)).sort((a, b) => a.at - b.at);
  const openNow = Number.isFinite(snapshot.openCounters) ? Math.floor(Math.max(0, snapshot.openCounters)) : 0;
  const idleCounter = (away: Absence | null): SimulatedCounter => ({ away, current: null });

  if (openNow === 0) {
    const lastOpen = [...events].reverse().find((event) => event.openCounters > 0)?.openCounters;
    const total = snapshot.totalCounters !== undefined && Number.isFinite(snapshot.totalCounters) ? Math.floor(snapshot.totalCounters) : 0;
    const returning = Math.min(Math.max(1, Math.floor(lastOpen ?? total)), MAX_COUNTERS);
    const planned = (snapshot.plannedClosures ?? []).some(
      (closure) => closure.from <= snapshot.now && closure.until !== null && closure.until > snapshot.now,
    );
    // A planned closure covering now is counted exactly by the closures of the wait itself.
    const closure = planned ? null : closureSoFar(events, snapshot.now, options.assumedClosureSeconds);
    return { counters: Array.from({ length: returning }, () => idleCounter(null)), closure, busyServing: 0, nobodyServing: true };
  }

  const openIds = snapshot.openCounterIds === undefined ? null : new Set(snapshot.openCounterIds);
  const atOpenCounters = snapshot.serving.filter((ticket) => openIds === null || typeof ticket.counterId !== "string" || openIds.has(ticket.counterId));
  const busy = atOpenCounters.slice(0, MAX_COUNTERS).map((ticket): SimulatedCounter => {
    const service = model.serviceTimeOf(ticket.ticketTypeId);
    const elapsedSeconds = Math.max(0, (snapshot.now - ticket.calledAt) / 1000);
    return {
      away: null,
      current: {
        occupancy: { mu: service.logMu, sigma: service.logSigma },
        elapsedSeconds: Number.isFinite(elapsedSeconds) ? elapsedSeconds : 0,
        noShowChance: ticket.startedAt === null ? noShowChance(model, elapsedSeconds) : 0,
      },
    };
  });
  const idleOpen = Math.max(0, openNow - atOpenCounters.length);
  const awayCount = Math.min(away.length, busy.length === 0 ? idleOpen - 1 : idleOpen);
  const idle = Math.min(Math.max(0, idleOpen - awayCount), MAX_COUNTERS);
  // Away staff come back like a closure ends: a break of about `assumedClosureSeconds`, given it has lasted this long.
  const returning = away
    .slice(0, Math.max(0, awayCount))
    .map((awaySeconds) => idleCounter({ duration: logNormalOf(options.assumedClosureSeconds, ABSENCE_CV), elapsedSeconds: awaySeconds }));
  return {
    counters: [...Array.from({ length: idle }, () => idleCounter(null)), ...returning.slice(0, MAX_COUNTERS), ...busy],
    closure: null,
    busyServing: Math.min(busy.length, openNow - idleOpen),
    nobodyServing: false,
  };
}

/**
 * The chance that a called customer who has not reached the counter after `elapsedSeconds` is a no-show (Bayes:
 * no-show share against the share who show up and are still walking that long, from the observed walk-ups).
 */
function noShowChance(model: ServiceModel, elapsedSeconds: number): number {
  if (!(model.noShowShare > 0)) return 0;
  const walking =
    model.walkUp === null || !(elapsedSeconds > 0)
      ? 1
      : 1 - normalCdf((Math.log(elapsedSeconds) - model.walkUp.logMu) / model.walkUp.logSigma);
  const shows = (1 - model.noShowShare) * walking;
  return model.noShowShare / (model.noShowShare + shows);
}

/**
 * The closure going on now: its length is lognormal around the mean of the closures seen in the counter events (else
 * the assumed one), drawn given how long this one has lasted — so a late reopening stays possible.
 */
function closureSoFar(events: readonly CounterEvent[], now: number, assumedClosureSeconds: number): Absence {
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
  const elapsedSeconds = closedSince === null ? 0 : (now - closedSince) / 1000;
  return { duration: logNormalOf(Math.max(typical, 1), ABSENCE_CV), elapsedSeconds };
}
