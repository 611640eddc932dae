// SERVICE_RATE's core: a small Monte Carlo of the calls to come. Each run plays the queue forward from now —
// every counter is free when its current ticket ends (drawn given how long it has lasted) plus the staff's call
// delay; the next ticket in line goes to the counter that frees first; a ticket ahead may leave (takes no counter
// time) or not show up (takes the no-show hold) — with the line's pace drawn once per run (how well the service
// time is known) and drifting as a random walk while the run goes on (what may change unannounced). The p50 and
// p90 of a position are the median and 90th percentile of its call time over the runs. In every run the calls
// come in queue order, so the quantiles never decrease with position. Only the first SIMULATED_WINDOW positions are
// simulated (within SIMULATED_CALLS_BUDGET calls); the positions behind are extrapolated from the runs (see
// `simulateCalls`), so one estimate's work does not grow with the queue's depth.

import { normalQuantile } from "./gamma.js";
import { normalSampler, remainingLogNormal, seededRandom, type LogNormal, type Random } from "./sampling.js";

/** A pause that has lasted `elapsedSeconds` so far and lasts `duration` in all (drawn given it is still on). */
export interface Absence {
  duration: LogNormal;
  elapsedSeconds: number;
}

/** A counter that will serve the queue: free after its staff's absence (if away), then after its current ticket. */
export interface SimulatedCounter {
  away: Absence | null;
  /**
   * The ticket at the counter now and how long it has lasted; null = idle. `noShowChance`: the chance that it is a
   * no-show (its customer has not reached the counter yet), which frees the counter after the hold instead.
   */
  current: { occupancy: LogNormal; elapsedSeconds: number; noShowChance: number } | null;
}

export interface CallSimulationInput {
  counters: readonly SimulatedCounter[];
  /** Nobody serves until this closure ends (drawn once per run: the counters come back together). */
  closure: Absence | null;
  /** How many of the busy counters serve the queue after their ticket (the others are closing): the soonest free. */
  busyServing: number;
  /** Counter time of each waiting ticket, in queue order (call → completion, as a served ticket). */
  occupancies: readonly LogNormal[];
  callDelay: LogNormal;
  noShowShare: number;
  noShowHold: LogNormal;
  leaveShare: number;
  /** Sd of the log of the line's pace (how uncertain the learned service time is). */
  paceSigma: number;
  /**
   * How the log pace drifts while the run goes on: like a random walk of this sd per √hour at first, reverting to
   * the run's pace so that its sd never exceeds `driftCapSd` (an Ornstein–Uhlenbeck process; a slowdown now and
   * then, not a pace that wanders off for good). `driftCapSd` 0: a plain random walk.
   */
  driftSigmaPerSqrtHour: number;
  driftCapSd: number;
  runs: number;
  seed: number;
  /** Positions simulated call by call (default {@link SIMULATED_WINDOW}); the rest are extrapolated. */
  window?: number;
  /** Calls simulated at most (default {@link SIMULATED_CALLS_BUDGET}); Infinity = every run over the whole window. */
  callBudget?: number;
}

/** Positions simulated call by call by default (the published window); beyond them the calls are extrapolated. */
export const SIMULATED_WINDOW = 200;
/**
 * At most this many calls are simulated per estimate (runs × positions in the window): a full window gets
 * ⌊budget / window⌋ runs (40 for 200 positions), never fewer than {@link MIN_RUNS}; a short queue gets every run.
 */
export const SIMULATED_CALLS_BUDGET = 8192;
const MIN_RUNS = 32;
/** Lognormal draws in the window come from a table of this many equiprobable quantiles (no exp, no log per draw). */
const TABLE_SIZE = 512;
/** The pace's drift steps when the run's clock has moved on by at least this much (seconds). */
const DRIFT_STEP_SECONDS = 300;
/** Beyond the window, the lognormal fit is evaluated at every this many positions and interpolated between. */
const EXTRAPOLATION_STRIDE = 8;
/** Bound of an uncapped log drift. */
const MAX_LOG_DRIFT = 2;

/** p50 and p90 of the call time (seconds from now, open time) of each waiting ticket, in queue order. */
export interface CallQuantiles {
  p50: Float64Array;
  p90: Float64Array;
  /** Calls simulated (runs × positions in the window): the work of one call, whatever the queue's depth. */
  simulatedCalls: number;
}

/**
 * The calls to come. The first `window` positions are simulated call by call in every run; each run's pace is
 * stratified (run r draws the pace at quantile (r + ½) / runs: a deterministic quasi-random scheme, so few runs
 * cover the pace's range evenly) and lognormal durations come from tables of equiprobable quantiles. Beyond the
 * window, each position is the window's next call plus the expected counter time of the tickets between, divided
 * among the serving counters, at each run's pace: its mean and variance (the runs' spread of the next call and of
 * the pace, their covariance, and the renewal noise of the services in between — n services on c counters add
 * n·σ²/c²) give a lognormal whose quantiles are added to the next call's as increments. So the band keeps widening
 * with position, the estimates stay monotone, and the work is runs × window whatever the queue's depth.
 */
export function simulateCalls(input: CallSimulationInput): CallQuantiles {
  const positions = input.occupancies.length;
  const window = Math.min(positions, Math.max(1, Math.floor(input.window ?? SIMULATED_WINDOW)));
  const requestedRuns = Math.max(1, Math.floor(input.runs));
  const budget = input.callBudget ?? SIMULATED_CALLS_BUDGET;
  const runs = Math.min(requestedRuns, Math.max(MIN_RUNS, Math.floor(budget / window)));
  const calls = new Float64Array(window * runs);
  const random = seededRandom(input.seed);
  const normal = normalSampler(random);
  const { mu: holdMu, sigma: holdSigma } = input.noShowHold;
  const { leaveShare, noShowShare, driftSigmaPerSqrtHour, driftCapSd } = input;
  // Reversion time (hours) of the drift: short-term variance σ²·t equals the OU's 2·cap²·t/τ.
  const reversionHours = driftCapSd > 0 && driftSigmaPerSqrtHour > 0 ? (2 * driftCapSd * driftCapSd) / (driftSigmaPerSqrtHour * driftSigmaPerSqrtHour) : Infinity;

  // Quantile tables: one per distinct distribution (ticket types are few), looked up by position.
  const tables = new Map<string, Float64Array>();
  const tableOf = (distribution: LogNormal): Float64Array => {
    const key = `${distribution.mu}|${distribution.sigma}`;
    let table = tables.get(key);
    if (table === undefined) {
      table = quantileTable(distribution);
      tables.set(key, table);
    }
    return table;
  };
  const occupancyTables = input.occupancies.slice(0, window).map(tableOf);
  const delayTable = tableOf(input.callDelay);
  const holdTable = tableOf(input.noShowHold);
  const pick = (table: Float64Array): number => table[(random() * TABLE_SIZE) | 0] ?? 0;

  const idle = input.counters.filter((counter) => counter.current === null);
  const busy = input.counters.filter((counter) => counter.current !== null);
  const busyServing = Math.min(Math.max(0, Math.floor(input.busyServing)), busy.length);
  const free = new Float64Array(idle.length + busyServing);
  const busyFree = new Float64Array(busy.length);
  const counters = free.length;
  if (counters === 0) return { p50: new Float64Array(positions), p90: new Float64Array(positions), simulatedCalls: 0 }; // never: the caller passes one

  // Per run, after the window: the next call and the pace then (for the extrapolation).
  const nextCall = new Float64Array(runs);
  const paceAtEnd = new Float64Array(runs);
  const runLogPaces = new Float64Array(runs);
  const driftAtEnd = new Float64Array(runs);
  for (let run = 0; run < runs; run++) {
    const runLogPace = input.paceSigma * normalQuantile((run + 0.5) / runs);
    let drift = 0;
    let pace = Math.exp(runLogPace);
    let clock = 0;
    // When each counter can call: idle ones after a call delay, busy ones after their ticket and a call delay.
    let slot = 0;
    const reopen = input.closure === null ? 0 : remainingOfAbsence(random, input.closure);
    for (const counter of idle) free[slot++] = reopen + startOf(counter, random) + pick(delayTable);
    busy.forEach((counter, index) => {
      busyFree[index] = reopen + startOf(counter, random) + remainingOf(counter, random, input.noShowHold, pace) + pick(delayTable);
    });
    if (busyServing < busy.length) busyFree.sort();
    for (let index = 0; index < busyServing; index++) free[slot++] = busyFree[index] ?? 0;
    // The counters' free times as a min-heap: the next call is at its top, whatever the number of counters.
    free.sort();

    for (let position = 0; position < window; position++) {
      const callAt = free[0] ?? 0;
      calls[position * runs + run] = callAt;
      if (driftSigmaPerSqrtHour > 0 && callAt - clock >= DRIFT_STEP_SECONDS) {
        drift = driftStep(drift, (callAt - clock) / 3600, driftSigmaPerSqrtHour, driftCapSd, reversionHours, normal);
        pace = Math.exp(runLogPace + drift);
        clock = callAt;
      }
      if (leaveShare > 0 && random() < leaveShare) continue;
      const occupancy = noShowShare > 0 && random() < noShowShare ? pick(holdTable) : pick(occupancyTables[position] ?? holdTable) * pace;
      replaceTop(free, counters, callAt + occupancy + pick(delayTable));
    }
    nextCall[run] = free[0] ?? 0;
    paceAtEnd[run] = pace;
    runLogPaces[run] = runLogPace;
    driftAtEnd[run] = drift;
  }

  const p50 = new Float64Array(positions);
  const p90 = new Float64Array(positions);
  const sorted = new Float64Array(runs);
  // The runs in the order of the previous position's call times: a run that is late at one position is late at the
  // next, so each position's values arrive nearly sorted and an insertion sort costs about one pass.
  const order = Int32Array.from({ length: runs }, (_, run) => run);
  for (let position = 0; position < window; position++) {
    const base = position * runs;
    for (let index = 0; index < runs; index++) {
      const run = order[index] ?? 0;
      const value = calls[base + run] ?? 0;
      let at = index;
      while (at > 0 && (sorted[at - 1] ?? 0) > value) {
        sorted[at] = sorted[at - 1] ?? 0;
        order[at] = order[at - 1] ?? 0;
        at--;
      }
      sorted[at] = value;
      order[at] = run;
    }
    p50[position] = quantileOfSorted(sorted, 0.5);
    p90[position] = quantileOfSorted(sorted, 0.9);
  }
  if (positions > window) {
    extrapolate({
      input,
      window,
      counters,
      nextCall,
      paceAtEnd,
      runLogPaces,
      driftAtEnd,
      reversionHours,
      sorted,
      p50,
      p90,
      delayMean: meanOf(input.callDelay),
      holdMean: meanOf({ mu: holdMu, sigma: holdSigma }),
    });
  }
  return { p50, p90, simulatedCalls: runs * window };
}

/** Replaces the top of a binary min-heap of `size` values with `value` and restores the heap (O(log size)). */
function replaceTop(heap: Float64Array, size: number, value: number): void {
  let at = 0;
  for (;;) {
    const left = 2 * at + 1;
    if (left >= size) break;
    const right = left + 1;
    const child = right < size && (heap[right] ?? 0) < (heap[left] ?? 0) ? right : left;
    const childValue = heap[child] ?? 0;
    if (!(childValue < value)) break;
    heap[at] = childValue;
    at = child;
  }
  heap[at] = value;
}

/** One step of the pace's log drift over `hours` (Ornstein–Uhlenbeck, or a random walk when not capped). */
function driftStep(drift: number, hours: number, sigmaPerSqrtHour: number, capSd: number, reversionHours: number, normal: () => number): number {
  // An uncapped walk is bounded at ×e² either way: a slower pace makes the next step longer, which could run away.
  if (reversionHours === Infinity) return Math.min(MAX_LOG_DRIFT, Math.max(-MAX_LOG_DRIFT, drift + sigmaPerSqrtHour * Math.sqrt(hours) * normal()));
  const keep = Math.exp(-hours / reversionHours);
  return drift * keep + capSd * Math.sqrt(1 - keep * keep) * normal();
}

interface Extrapolation {
  input: CallSimulationInput;
  window: number;
  counters: number;
  nextCall: Float64Array;
  paceAtEnd: Float64Array;
  /** Each run's own log pace, and its log drift at the window's end. */
  runLogPaces: Float64Array;
  driftAtEnd: Float64Array;
  reversionHours: number;
  sorted: Float64Array;
  p50: Float64Array;
  p90: Float64Array;
  delayMean: number;
  holdMean: number;
}

/**
 * Positions beyond the window: T_k = S + (P_k·A_k + B_k) / c per run, S the run's next call after the window, A_k the
 * expected occupancy (at pace 1) and B_k the expected no-show holds and call delays of the tickets from the window's
 * end to k, c the serving counters, and P_k the run's pace averaged over the time those tickets take: its own pace
 * e^r times the drift's average over that span, which starts from the run's drift d and reverts (Ornstein–Uhlenbeck:
 * mean d·g(L), variance v(L) over a span of L hours; see {@link driftAverage}) — so a long wait's pace averages out
 * instead of carrying the drift of the window's end all the way. Plus the renewal noise of the services in between
 * (n services on c counters add n·σ²/c²). The moments of T_k over the runs (means, variances and covariances of S, r
 * and d) give a lognormal; its quantile increments over the one fitted to S are added to S's empirical quantiles.
 */
function extrapolate(e: Extrapolation): void {
  const { input, window, counters, nextCall, paceAtEnd, runLogPaces, driftAtEnd, sorted, p50, p90 } = e;
  const runs = nextCall.length;
  const meanOfRuns = (values: Float64Array): number => {
    let sum = 0;
    for (let run = 0; run < runs; run++) sum += values[run] ?? 0;
    return sum / runs;
  };
  const covarianceOfRuns = (a: Float64Array, meanA: number, b: Float64Array, meanB: number): number => {
    let sum = 0;
    for (let run = 0; run < runs; run++) sum += ((a[run] ?? 0) - meanA) * ((b[run] ?? 0) - meanB);
    return sum / runs;
  };
  const meanS = meanOfRuns(nextCall);
  const meanP = meanOfRuns(paceAtEnd);
  const meanR = meanOfRuns(runLogPaces);
  const meanD = meanOfRuns(driftAtEnd);
  const varS = covarianceOfRuns(nextCall, meanS, nextCall, meanS);
  const varP = covarianceOfRuns(paceAtEnd, meanP, paceAtEnd, meanP);
  const varR = covarianceOfRuns(runLogPaces, meanR, runLogPaces, meanR);
  const varD = covarianceOfRuns(driftAtEnd, meanD, driftAtEnd, meanD);
  const covRD = covarianceOfRuns(runLogPaces, meanR, driftAtEnd, meanD);
  const covSR = covarianceOfRuns(nextCall, meanS, runLogPaces, meanR);
  const covSD = covarianceOfRuns(nextCall, meanS, driftAtEnd, meanD);
  sorted.set(nextCall);
  sorted.sort();
  const anchor50 = quantileOfSorted(sorted, 0.5);
  const anchor90 = quantileOfSorted(sorted, 0.9);
  const base = lognormalQuantiles(meanS, varS);

  const stay = 1 - input.leaveShare;
  const show = 1 - input.noShowShare;
  const holdSecondMoment = secondMomentOf(input.noShowHold);
  const delaySecondMoment = secondMomentOf(input.callDelay);
  const paceSecondMoment = meanP * meanP + varP;
  let occupancySum = 0; // A_k: expected occupancy at pace 1 of the tickets from the window's end up to k
  let otherSum = 0; // B_k
  let renewal = 0; // Σ var of one ticket's counter time
  // Per distinct occupancy (one per ticket type): what one ticket adds to the positions behind it.
  let lastOccupancy: LogNormal | null = null;
  let addA = 0;
  let addB = 0;
  let addRenewal = 0;
  // T_k's extra time counts the tickets from the window's end to k − 1: ticket `position` itself is called at T_k.
  const fitAt = (position: number): void => {
    const extraA = occupancySum / counters;
    const extraB = otherSum / counters;
    const drift = driftAverage((meanP * extraA + extraB) / 3600, input.driftSigmaPerSqrtHour, input.driftCapSd, e.reversionHours);
    // log P_k = r + g·d + ε, ε ~ N(0, v): across the runs about normal, so P_k about lognormal.
    const logMean = meanR + drift.g * meanD;
    const logVariance = Math.max(0, varR + drift.g * drift.g * varD + 2 * drift.g * covRD) + drift.v;
    const paceMean = Math.exp(logMean + logVariance / 2);
    const paceVariance = paceMean * paceMean * Math.expm1(logVariance);
    const covSPace = (covSR + drift.g * covSD) * paceMean;
    const tMean = meanS + paceMean * extraA + extraB;
    const tVar = varS + extraA * extraA * paceVariance + 2 * extraA * covSPace + renewal / (counters * counters);
    const fitted = lognormalQuantiles(tMean, tVar);
    p50[position] = anchor50 + Math.max(0, fitted.p50 - base.p50);
    p90[position] = anchor90 + Math.max(0, fitted.p90 - base.p90);
  };
  const last = e.p50.length - 1;
  for (let position = window; position <= last; position++) {
    // The lognormal fit is evaluated every EXTRAPOLATION_STRIDE positions (and at the last); the positions between
    // are interpolated below (the fit is smooth in position; this keeps the per-ticket work to a few additions).
    const evaluated = (position - window) % EXTRAPOLATION_STRIDE === 0 || position === last;
    if (evaluated) fitAt(position);
    const occupancy = input.occupancies[position] ?? input.noShowHold;
    if (occupancy !== lastOccupancy) {
      lastOccupancy = occupancy;
      // This ticket's counter time X (0 if it leaves; hold + delay if a no-show; occupancy × pace + delay if served):
      // its mean at the mean pace, and its variance given the pace (the pace's spread is counted once, above).
      const occupancyMean = meanOf(occupancy);
      const occupancySecond = secondMomentOf(occupancy);
      const ticketMean = stay * (show * occupancyMean * meanP + input.noShowShare * e.holdMean + e.delayMean);
      const ticketSecond =
        stay *
        (show * (occupancySecond * paceSecondMoment + 2 * occupancyMean * meanP * e.delayMean + delaySecondMoment) +
          input.noShowShare * (holdSecondMoment + 2 * e.holdMean * e.delayMean + delaySecondMoment));
      addA = stay * show * occupancyMean;
      addB = stay * (input.noShowShare * e.holdMean + e.delayMean);
      addRenewal = Math.max(0, ticketSecond - ticketMean * ticketMean - (stay * show * occupancyMean) ** 2 * varP);
    }
    occupancySum += addA;
    otherSum += addB;
    renewal += addRenewal;
  }
  // Linear interpolation between the evaluated positions (monotone between monotone points).
  for (let from = window; from < last; from += EXTRAPOLATION_STRIDE) {
    const to = Math.min(from + EXTRAPOLATION_STRIDE, last);
    const p50From = p50[from] ?? 0;
    const p90From = p90[from] ?? 0;
    const p50Step = ((p50[to] ?? 0) - p50From) / (to - from);
    const p90Step = ((p90[to] ?? 0) - p90From) / (to - from);
    for (let position = from + 1; position < to; position++) {
      p50[position] = p50From + p50Step * (position - from);
      p90[position] = p90From + p90Step * (position - from);
    }
  }
}

/**
 * The log drift averaged over the next `hours`, given where it starts (d): mean g·d and variance v. For the
 * Ornstein–Uhlenbeck drift (reversion time τ, stationary sd `capSd`): g = (τ/L)(1 − e^(−L/τ)) and
 * v = 2·cap²·τ·[L − 2τ(1 − e^(−L/τ)) + (τ/2)(1 − e^(−2L/τ))] / L² (→ 0 for short spans, → 2·cap²·τ/L for long ones).
 * An uncapped walk: g = 1, v = σ²·L/3.
 */
export function driftAverage(hours: number, sigmaPerSqrtHour: number, capSd: number, reversionHours: number): { g: number; v: number } {
  if (!(hours > 0) || !(sigmaPerSqrtHour > 0)) return { g: 1, v: 0 };
  if (reversionHours === Infinity || !(capSd > 0)) return { g: 1, v: Math.min((sigmaPerSqrtHour * sigmaPerSqrtHour * hours) / 3, MAX_LOG_DRIFT * MAX_LOG_DRIFT) };
  const tau = reversionHours;
  const ratio = hours / tau;
  const g = -Math.expm1(-ratio) / ratio;
  const v = (2 * capSd * capSd * tau * (hours + 2 * tau * Math.expm1(-ratio) - (tau / 2) * Math.expm1(-2 * ratio))) / (hours * hours);
  return { g, v: Math.max(0, v) };
}

/** p50 and p90 of the lognormal with this mean and variance (the mean itself when there is no spread). */
function lognormalQuantiles(mean: number, variance: number): { p50: number; p90: number } {
  if (!(mean > 0)) return { p50: 0, p90: 0 };
  if (!(variance > 0)) return { p50: mean, p90: mean };
  const sigma2 = Math.log1p(variance / (mean * mean));
  const median = mean * Math.exp(-sigma2 / 2);
  return { p50: median, p90: median * Math.exp(Math.sqrt(sigma2) * Z90) };
}

/** The standard normal's 90th percentile. */
const Z90 = 1.2815515655446004;

function meanOf(distribution: LogNormal): number {
  if (distribution.mu === -Infinity) return 0;
  const mean = Math.exp(distribution.mu + (distribution.sigma * distribution.sigma) / 2);
  return Number.isFinite(mean) ? mean : 0;
}

function secondMomentOf(distribution: LogNormal): number {
  if (distribution.mu === -Infinity) return 0;
  const second = Math.exp(2 * distribution.mu + 2 * distribution.sigma * distribution.sigma);
  return Number.isFinite(second) ? second : 0;
}

let standardTable: Float64Array | null = null;

/**
 * TABLE_SIZE equiprobable quantiles of a lognormal (at (i + ½) / size), scaled so that their mean is the
 * distribution's: a uniform pick from it is a draw with the right mean and nearly the right spread (the extreme
 * tail beyond the last quantile is folded into the scale).
 */
function quantileTable(distribution: LogNormal): Float64Array {
  const table = new Float64Array(TABLE_SIZE);
  if (distribution.mu === -Infinity) return table;
  standardTable ??= Float64Array.from({ length: TABLE_SIZE }, (_, index) => normalQuantile((index + 0.5) / TABLE_SIZE));
  let sum = 0;
  for (let index = 0; index < TABLE_SIZE; index++) {
    const value = Math.exp(distribution.mu + distribution.sigma * (standardTable[index] ?? 0));
    table[index] = Number.isFinite(value) ? value : 0;
    sum += table[index] ?? 0;
  }
  const mean = meanOf(distribution);
  const scale = sum > 0 && mean > 0 ? (mean * TABLE_SIZE) / sum : 1;
  if (scale !== 1) for (let index = 0; index < TABLE_SIZE; index++) table[index] = (table[index] ?? 0) * scale;
  return table;
}

function startOf(counter: SimulatedCounter, random: Random): number {
  return counter.away === null ? 0 : remainingOfAbsence(random, counter.away);
}

function remainingOfAbsence(random: Random, absence: Absence): number {
  return remainingLogNormal(random, absence.duration, absence.elapsedSeconds);
}

/** What is left of the ticket at a counter: of the hold for a no-show, else of its occupancy at the run's pace. */
function remainingOf(counter: SimulatedCounter, random: Random, hold: LogNormal, pace: number): number {
  const current = counter.current;
  if (current === null) return 0;
  if (current.noShowChance > 0 && random() < current.noShowChance) return remainingLogNormal(random, hold, current.elapsedSeconds);
  return remainingLogNormal(random, current.occupancy, current.elapsedSeconds) * pace;
}

/**
 * Where the p-quantile lies among n sorted values (0-based, fractional): type 6, (n + 1)·p − 1. The k-th of n
 * draws covers k / (n + 1) of the distribution on average, so with few runs this p90 is still passed by one customer
 * in ten; type 7's (n − 1)·p would be the 88.8th percentile of 64 runs.
 */
function quantileIndex(n: number, p: number): number {
  return Math.min(n - 1, Math.max(0, (n + 1) * p - 1));
}

/** Linear interpolation between order statistics (type 6, see {@link quantileIndex}). */
function quantileOfSorted(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const index = quantileIndex(sorted.length, p);
  const low = Math.floor(index);
  const high = Math.min(low + 1, sorted.length - 1);
  const a = sorted[low] ?? 0;
  const b = sorted[high] ?? 0;
  return a === b ? a : a + (b - a) * (index - low);
}
