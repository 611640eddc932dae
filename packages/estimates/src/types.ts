// The input model of every estimator: a line's state at one instant plus its recent history.
// The API builds it from the database; the bench builds it from a simulated day. All times are ms epoch.

/** A ticket still in the queue. `waiting` arrays are in queue order (position 1 first). */
export interface WaitingTicket {
  id: string;
  ticketTypeId: string;
  joinedAt: number;
  /** Informational: history carries no party sizes, so the estimators do not scale service by it. */
  partySize?: number;
}

/** A ticket that has been called to a counter and has not finished yet. */
export interface ServingTicket {
  id: string;
  ticketTypeId: string;
  calledAt: number;
  /** When the customer reached the counter; null while walking up (or not showing up). */
  startedAt: number | null;
  /** The counter that called it, when known: lets the estimator learn the staff's call delay. */
  counterId?: string | null;
}

export type TicketOutcome = "SERVED" | "NO_SHOW" | "CANCELLED" | "EXPIRED";

/** A recently finished ticket. `calledAt` is null for tickets that left (or expired) without being called. */
export interface FinishedTicket {
  id: string;
  ticketTypeId: string;
  joinedAt: number;
  calledAt: number | null;
  /** When service started (the customer reached the counter); null for no-shows and uncalled tickets. */
  servedAt: number | null;
  completedAt: number;
  outcome: TicketOutcome;
  /** The counter that called it, when known (see {@link ServingTicket.counterId}). */
  counterId?: string | null;
}

export interface TicketTypeDefaults {
  id: string;
  /** The tenant's configured typical service time; null when the tenant gave none. */
  defaultServiceSeconds: number | null;
}

/** A change in the number of open counters (newest last). */
export interface CounterEvent {
  at: number;
  openCounters: number;
}

/**
 * A known period without service: a planned pause, or the gap between two opening periods. `until` null = the
 * line does not reopen within the horizon the API looked at (closing time).
 */
export interface PlannedClosure {
  from: number;
  until: number | null;
}

export interface LineSnapshot {
  /** The clock, as a parameter: estimators never read Date.now(). */
  now: number;
  /** Counters open now (0 = nobody serving). Counters that are closing after their current ticket do not count. */
  openCounters: number;
  waiting: WaitingTicket[];
  serving: ServingTicket[];
  /** Recently finished tickets, newest last (the API passes e.g. the last 2 hours, at most 200). */
  history: FinishedTicket[];
  ticketTypes: TicketTypeDefaults[];
  counterEvents?: CounterEvent[];
  /** Counters configured on the line, open or closed (what can come back after a pause). */
  totalCounters?: number;
  /**
   * Ids of the open counters, when known. With `counterId` on history and serving tickets, an open counter that has
   * left a waiting queue alone for far longer than the usual call delay is taken to be unstaffed for now.
   */
  openCounterIds?: string[];
  /** Known closures from now on (planned pauses, gaps in the opening hours), soonest first. */
  plannedClosures?: PlannedClosure[];
}

/**
 * Why an estimate has the value it has:
 * HISTORY (observed service on this line), COLD_START (no history: the ticket types' configured defaults),
 * NO_COUNTERS (nobody is serving now: assumes the last known counters come back),
 * FALLBACK (neither history nor a configured default: a generic service time).
 */
export type EstimateBasis = "HISTORY" | "COLD_START" | "NO_COUNTERS" | "FALLBACK";

/** A wait until called, in whole seconds: half the customers should be called by p50, nine in ten by p90. */
export interface Estimate {
  p50Seconds: number;
  p90Seconds: number;
  basis: EstimateBasis;
}

/** One estimate for every waiting ticket, keyed by ticket id. */
export type EstimatesByTicket = Map<string, Estimate>;

/**
 * The estimator a line is configured with. NONE (estimates hidden) and WEBHOOK (the tenant's own service)
 * are handled by the API; this package implements the two local ones and validates webhook answers.
 */
export type EstimatorName = "NONE" | "RECENT_AVERAGE" | "SERVICE_RATE" | "WEBHOOK";

/** The estimators implemented here as pure functions. */
export type LocalEstimatorName = Extract<EstimatorName, "RECENT_AVERAGE" | "SERVICE_RATE">;
