// Snapshot builders for the estimator tests. The clock is NOW, a fixed instant; every time is relative to it.

import type { FinishedTicket, LineSnapshot, ServingTicket, TicketOutcome, WaitingTicket } from "../types.js";

export const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

export const secondsAgo = (seconds: number): number => NOW - seconds * 1000;

/** Waiting tickets w1..wn of the given types, in queue order, who joined a minute apart. */
export function waitingQueue(typeIds: readonly string[]): WaitingTicket[] {
  return typeIds.map((ticketTypeId, index) => ({
    id: `w${index + 1}`,
    ticketTypeId,
    joinedAt: secondsAgo(60 * (typeIds.length - index)),
  }));
}

export function repeat<T>(value: T, count: number): T[] {
  return Array.from({ length: count }, () => value);
}

/** Tickets at counters, called `elapsedSeconds` ago each. */
export function servingTickets(ticketTypeId: string, elapsedSeconds: readonly number[]): ServingTicket[] {
  return elapsedSeconds.map((elapsed, index) => ({
    id: `s${index + 1}`,
    ticketTypeId,
    calledAt: secondsAgo(elapsed),
    startedAt: secondsAgo(Math.max(0, elapsed - 10)),
  }));
}

export interface HistoryOptions {
  ticketTypeId: string;
  count: number;
  /** Occupancy (call → completion) of the i-th ticket, oldest first. */
  serviceSeconds: (index: number) => number;
  /** Seconds between completions. */
  everySeconds: number;
  /** How long ago the newest ticket completed. */
  newestSecondsAgo?: number;
  /** Wait (join → call) of the i-th ticket. */
  waitSeconds?: (index: number) => number;
  outcome?: (index: number) => TicketOutcome;
  idPrefix?: string;
}

/** Finished tickets, oldest first (as the API passes them: newest last). */
export function finishedHistory(options: HistoryOptions): FinishedTicket[] {
  const { ticketTypeId, count, serviceSeconds, everySeconds, newestSecondsAgo = 0, waitSeconds = () => 300 } = options;
  return Array.from({ length: count }, (_, index): FinishedTicket => {
    const completedAt = secondsAgo(newestSecondsAgo + (count - 1 - index) * everySeconds);
    const outcome = options.outcome?.(index) ?? "SERVED";
    const leftUncalled = outcome === "CANCELLED" || outcome === "EXPIRED";
    const calledAt = leftUncalled ? null : completedAt - serviceSeconds(index) * 1000;
    const joinedAt = (calledAt ?? completedAt) - waitSeconds(index) * 1000;
    return {
      id: `${options.idPrefix ?? ticketTypeId}-h${index + 1}`,
      ticketTypeId,
      joinedAt,
      calledAt,
      servedAt: outcome === "SERVED" && calledAt !== null ? calledAt + 10_000 : null,
      completedAt,
      outcome,
    };
  });
}

/** Merges histories into one, newest last. */
export function mergeHistories(...histories: FinishedTicket[][]): FinishedTicket[] {
  return histories.flat().sort((a, b) => a.completedAt - b.completedAt);
}

/** ±30% around `mean`, alternating: a coefficient of variation of 0.3. */
export const alternating = (mean: number) => (index: number): number => mean * (index % 2 === 0 ? 0.7 : 1.3);

export function snapshot(overrides: Partial<LineSnapshot>): LineSnapshot {
  return {
    now: NOW,
    openCounters: 1,
    waiting: [],
    serving: [],
    history: [],
    ticketTypes: [],
    ...overrides,
  };
}

export function p50sOf(estimates: Map<string, { p50Seconds: number }>): number[] {
  return [...estimates.values()].map((estimate) => estimate.p50Seconds);
}
