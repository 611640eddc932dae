// SERVICE_RATE's core: a small Monte Carlo of the calls to come. Each run plays the queue forward from now —
// every counter is free when its current ticket ends (drawn given how long it has lasted) plus the staff's call
// delay; the next ticket in line goes to the counter that frees first; a ticket ahead may leave (takes no counter
// time) or not show up (takes the no-show hold) — with the line's pace drawn once per run (how well the service
// time is known) and drifting as a random walk while the run goes on (what may change unannounced). The p50 and
// p90 of a position are the median and 90th percentile of its call time over the runs. In every run the calls
// come in queue order, so the quantiles never decrease with position.

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
  /** Positions simulated call by call (default {@link NEAR_CALLS}). */
  nearCalls?: number;
}

/** p50 and p90 of the call time (seconds from now, open time) of each waiting ticket, in queue order. */
/** Positions simulated call by call by default; beyond them each ticket adds its expected time at the run's pace. */
export const NEAR_CALLS = 100;
/** Beyond the near calls, the pace's random walk steps once per this many positions. */
const FAR_DRIFT_EVERY = 16;

export interface CallQuantiles {
  p50: Float64Array;
  p90: Float64Array;
}

export function simulateCalls(input: CallSimulationInput): CallQuantiles {
  const positions = input.occupancies.length;
  const runs = Math.max(1, Math.floor(input.runs));
  const calls = new Float64Array(positions * runs);
  const random = seededRandom(input.seed);
  const normal = normalSampler(random);
  const draw = (mu: number, sigma: number): number => (mu === -Infinity ? 0 : Math.exp(mu + sigma * normal()));
  // The hot loop reads plain numbers (typed arrays), not objects: it runs runs × positions times.
  const occupancyMu = Float64Array.from(input.occupancies, (occupancy) => occupancy.mu);
  const occupancySigma = Float64Array.from(input.occupancies, (occupancy) => occupancy.sigma);
  const { mu: delayMu, sigma: delaySigma } = input.callDelay;
  const { mu: holdMu, sigma: holdSigma } = input.noShowHold;
  const { leaveShare, noShowShare, driftSigmaPerSqrtHour, driftCapSd } = input;
  // Reversion time (hours) of the drift: short-term variance σ²·t equals the OU's 2·cap²·t/τ.
  const reversionHours = driftCapSd > 0 && driftSigmaPerSqrtHour > 0 ? (2 * driftCapSd * driftCapSd) / (driftSigmaPerSqrtHour * driftSigmaPerSqrtHour) : Infinity;
  const nearCalls = input.nearCalls ?? NEAR_CALLS;
  const meanOf = (mu: number, sigma: number): number => (mu === -Infinity ? 0 : Math.exp(mu + (sigma * sigma) / 2));
  const occupancyMean = Float64Array.from(input.occupancies, (occupancy) => meanOf(occupancy.mu, occupancy.sigma));
  const delayMean = meanOf(delayMu, delaySigma);
  const holdMean = meanOf(holdMu, holdSigma);

  const idle = input.counters.filter((counter) => counter.current === null);
  const busy = input.counters.filter((counter) => counter.current !== null);
  const busyServing = Math.min(Math.max(0, Math.floor(input.busyServing)), busy.length);
  const free = new Float64Array(idle.length + busyServing);
  const busyFree = new Float64Array(busy.length);
  const counters = free.length;
  if (counters === 0) return { p50: new Float64Array(positions), p90: new Float64Array(positions) }; // never: the caller passes one

  for (let run = 0; run < runs; run++) {
    const runLogPace = input.paceSigma * normal();
    let drift = 0;
    let pace = Math.exp(runLogPace);
    let clock = 0;
    // When each counter can call: idle ones after a call delay, busy ones after their ticket and a call delay.
    let slot = 0;
    const reopen = input.closure === null ? 0 : remainingOfAbsence(random, input.closure);
    for (const counter of idle) free[slot++] = reopen + startOf(counter, random) + draw(delayMu, delaySigma);
    busy.forEach((counter, index) => {
      busyFree[index] = reopen + startOf(counter, random) + remainingOf(counter, random, input.noShowHold, pace) + draw(delayMu, delaySigma);
    });
    if (busyServing < busy.length) busyFree.sort();
    for (let index = 0; index < busyServing; index++) free[slot++] = busyFree[index] ?? 0;

    for (let position = 0; position < positions; position++) {
      let soonest = 0;
      let callAt = free[0] ?? 0;
      for (let counter = 1; counter < counters; counter++) {
        const at = free[counter] ?? 0;
        if (at < callAt) {
          callAt = at;
          soonest = counter;
        }
      }
      calls[position * runs + run] = callAt;
      const near = position < nearCalls;
      if (driftSigmaPerSqrtHour > 0 && callAt > clock && (near || position % FAR_DRIFT_EVERY === 0)) {
        const hours = (callAt - clock) / 3600;
        if (reversionHours === Infinity) {
          drift += driftSigmaPerSqrtHour * Math.sqrt(hours) * normal();
        } else {
          const keep = Math.exp(-hours / reversionHours);
          drift = drift * keep + driftCapSd * Math.sqrt(1 - keep * keep) * normal();
        }
        pace = Math.exp(runLogPace + drift);
        clock = callAt;
      }
      if (near) {
        if (leaveShare > 0 && random() < leaveShare) continue;
        const occupancy =
          noShowShare > 0 && random() < noShowShare
            ? draw(holdMu, holdSigma)
            : draw(occupancyMu[position] ?? 0, occupancySigma[position] ?? 0) * pace;
        free[soonest] = callAt + occupancy + draw(delayMu, delaySigma);
      } else {
        // Far calls: each ticket ahead adds its expected counter time at the run's pace (the pace's uncertainty
        // dominates there; single services average out).
        free[soonest] = callAt + (1 - leaveShare) * ((1 - noShowShare) * (occupancyMean[position] ?? 0) * pace + noShowShare * holdMean + delayMean);
      }
    }
  }

  const p50 = new Float64Array(positions);
  const p90 = new Float64Array(positions);
  const sorted = new Float64Array(runs);
  for (let position = 0; position < positions; position++) {
    sorted.set(calls.subarray(position * runs, (position + 1) * runs));
    sorted.sort();
    p50[position] = quantileOfSorted(sorted, 0.5);
    p90[position] = quantileOfSorted(sorted, 0.9);
  }
  return { p50, p90 };
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

/** Linear interpolation between order statistics (type 7). */
function quantileOfSorted(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const index = (sorted.length - 1) * p;
  const low = Math.floor(index);
  const high = Math.min(low + 1, sorted.length - 1);
  const a = sorted[low] ?? 0;
  const b = sorted[high] ?? 0;
  return a === b ? a : a + (b - a) * (index - low);
}
