// What SERVICE_RATE learns about the staff rather than the service: how long a free counter takes to call the
// next customer (the call delay), and which open counters are not calling at all right now (staff away while the
// counter stays open in the system). Both need the counter ids of history and serving tickets; without them the
// prior call delay is used and every open counter is taken to be staffed.

import type { LineSnapshot } from "./types.js";

export interface CallDelayOptions {
  /** The call delay assumed before any is observed (seconds). */
  priorCallDelaySeconds: number;
  /** How many observations that prior is worth. */
  priorCallDelayWeight: number;
  /** A call delay observation this old weighs half. */
  halfLifeSeconds: number;
}

export interface CallDelay {
  meanSeconds: number;
  varianceSeconds2: number;
  /** The lognormal fitted in log space (`mu` −∞: no delay at all). */
  logMu: number;
  logSigma: number;
  /** Effective number of observations (prior excluded). */
  observations: number;
}

/** Gaps longer than this between a completion and the next call are a break, not a call delay. */
const MAX_CALL_DELAY_SECONDS = 600;
/** Gaps shorter than this count as this (their log would run away). */
const MIN_CALL_DELAY_SECONDS = 0.5;
/** Log variance of the prior: a cv of 1. */
const PRIOR_LOG_VARIANCE = Math.log(2);

/**
 * The call delay: for consecutive tickets at the same counter where the second had already joined when the first
 * finished (so the counter had someone to call), the gap between that finish and the call. A lognormal fitted in
 * log space (its long right tail — the occasional slow call — matters for p90), recency-weighted and shrunk toward
 * the prior (mean `priorCallDelaySeconds`, cv 1).
 */
export function learnCallDelay(snapshot: LineSnapshot, options: CallDelayOptions): CallDelay {
  const lastFinishByCounter = new Map<string, number>();
  let weight = 0;
  let weightSquared = 0;
  let sum = 0;
  let sumOfSquares = 0;
  // History is newest last; sort by call time per counter so pairs are consecutive at each counter.
  const called = snapshot.history
    .filter((ticket) => ticket.calledAt !== null && typeof ticket.counterId === "string")
    .sort((a, b) => (a.calledAt ?? 0) - (b.calledAt ?? 0));
  for (const ticket of called) {
    const counterId = ticket.counterId as string; // filtered above
    const calledAt = ticket.calledAt as number; // filtered above
    const previousFinish = lastFinishByCounter.get(counterId);
    if (previousFinish !== undefined && ticket.joinedAt <= previousFinish) {
      const gapSeconds = (calledAt - previousFinish) / 1000;
      if (gapSeconds >= 0 && gapSeconds <= MAX_CALL_DELAY_SECONDS) {
        const ageSeconds = Math.max(0, (snapshot.now - calledAt) / 1000);
        const w = 0.5 ** (ageSeconds / options.halfLifeSeconds);
        if (w > 0 && Number.isFinite(w)) {
          weight += w;
          weightSquared += w * w;
          const logGap = Math.log(Math.max(gapSeconds, MIN_CALL_DELAY_SECONDS));
          sum += w * logGap;
          sumOfSquares += w * logGap * logGap;
        }
      }
    }
    lastFinishByCounter.set(counterId, ticket.completedAt);
  }
  const observations = weightSquared > 0 ? (weight * weight) / weightSquared : 0;
  const prior = options.priorCallDelaySeconds;
  if (!(prior > 0) && weight === 0) return { meanSeconds: 0, varianceSeconds2: 0, logMu: -Infinity, logSigma: 0, observations };
  // A prior of 0 (calls at once) is a prior at the smallest delay counted.
  const priorMu = Math.log(Math.max(prior, MIN_CALL_DELAY_SECONDS)) - PRIOR_LOG_VARIANCE / 2;
  const priorWeight = options.priorCallDelayWeight;
  const totalWeight = weight + priorWeight;
  const logMu = (sum + priorWeight * priorMu) / totalWeight;
  const secondMoment = (sumOfSquares + priorWeight * (priorMu * priorMu + PRIOR_LOG_VARIANCE)) / totalWeight;
  const logVariance = Math.max(secondMoment - logMu * logMu, 0);
  const meanSeconds = Math.exp(logMu + logVariance / 2);
  if (!Number.isFinite(meanSeconds)) return { meanSeconds: prior, varianceSeconds2: prior * prior, logMu: priorMu, logSigma: Math.sqrt(PRIOR_LOG_VARIANCE), observations };
  return { meanSeconds, varianceSeconds2: meanSeconds * meanSeconds * Math.expm1(logVariance), logMu, logSigma: Math.sqrt(logVariance), observations };
}

/**
 * Open counters that are idle while customers wait and have not finished or called anyone for `thresholdSeconds`,
 * although the queue has been waiting at least that long: their staff is away. Returns how long each has been
 * inactive (seconds; the whole history window when it did nothing in it). Only counters listed in
 * `snapshot.openCounterIds` can be recognised.
 */
export function awayCounters(snapshot: LineSnapshot, thresholdSeconds: number): number[] {
  const ids = snapshot.openCounterIds;
  const oldestWaiting = snapshot.waiting[0];
  if (ids === undefined || ids.length === 0 || oldestWaiting === undefined) return [];
  const thresholdMs = thresholdSeconds * 1000;
  if (snapshot.now - oldestWaiting.joinedAt < thresholdMs) return [];
  const busy = new Set<string>();
  for (const ticket of snapshot.serving) if (typeof ticket.counterId === "string") busy.add(ticket.counterId);
  const lastActivity = new Map<string, number>();
  for (const ticket of snapshot.history) {
    if (typeof ticket.counterId !== "string") continue;
    lastActivity.set(ticket.counterId, Math.max(lastActivity.get(ticket.counterId) ?? -Infinity, ticket.completedAt));
  }
  const away: number[] = [];
  for (const id of ids) {
    if (busy.has(id)) continue;
    const last = lastActivity.get(id);
    // A counter with no recent activity at all while a queue waits is away too (it would have called someone).
    if (last === undefined) away.push(Math.max(thresholdSeconds, (snapshot.now - oldestWaiting.joinedAt) / 1000));
    else if (snapshot.now - last >= thresholdMs) away.push((snapshot.now - last) / 1000);
  }
  return away;
}
