/**
 * Wait-time estimates for a line: the line's estimator (packages/estimates) over a snapshot of the line, run by
 * the line's state owner (tickets/live/line-state.ts) once per change, outside any transaction, and reused by
 * every reader; never once per ticket or per request.
 *
 * Visibility: staff (`Ticket.estimate`, `Line.estimatedWaitSeconds`, lineUpdated/tenantActivity) always see
 * estimates — with NONE they get SERVICE_RATE's. Customers (`PublicTicket.estimate`, ticketUpdated) see them
 * only when the line has `showEstimates` and an estimator other than NONE, and never the fallback reason.
 */
import { randomBytes } from "node:crypto";
import { lines, type JsonObject } from "@qline/db";
import {
  DEFAULT_ESTIMATOR,
  ESTIMATOR_NAMES,
  EstimateOptionError,
  estimators,
  isLocalEstimatorName,
  resolveRecentAverageOptions,
  resolveServiceRateOptions,
  type Estimate,
  type EstimatorName,
  type LineSnapshot,
} from "@qline/estimates";
import { badInput, type FieldError } from "../../errors/codes.js";
import { plannedClosuresOf } from "./estimates.hours.js";
import { UNTYPED } from "./estimates.snapshot.js";
import { callWebhookEstimator, WEBHOOK_DEFAULT_TIMEOUT_MS, WEBHOOK_MAX_TIMEOUT_MS, webhookUrlProblem } from "./estimates.webhook.js";

type LineRow = typeof lines.$inferSelect;

/** An estimate as the API shows it: the package's band and basis, plus WEBHOOK and why a fallback happened. */
export interface EstimateView {
  p50Seconds: number;
  p90Seconds: number;
  /** HISTORY, COLD_START, NO_COUNTERS, FALLBACK (see @qline/estimates) or WEBHOOK (the tenant's answer). */
  basis: string;
  /** Staff only: why the line's WEBHOOK estimator was not used (null otherwise). */
  reason: string | null;
}

export interface LineEstimates {
  /** Estimates of the waiting tickets in the window (`waitingIds`), staff view. */
  byTicket: Map<string, EstimateView>;
  /** Staff view of a waiting ticket's estimate: from the window, or extrapolated from its `position` beyond it. */
  forTicket(ticketId: string, position: number | null | undefined): EstimateView | null;
  /** What a ticket issued now would wait (p50), staff view; null when the line cannot estimate. */
  estimatedWaitSeconds: number | null;
  /** The band of a ticket issued now as a customer sees it (the join page), or null when hidden or unknown. */
  forArrival(): EstimateView | null;
  /** Customers see estimates on this line. */
  visibleToCustomers: boolean;
  /** The window: the waiting tickets the estimator saw, in queue order (position 1 first; `snapshotLimits.waitingMax` at most). */
  waitingIds: readonly string[];
  /** The estimate a customer sees for a ticket (no reason), or null when hidden; `position` places one beyond the window. */
  forCustomer(ticketId: string, position?: number | null): EstimateView | null;
}

/**
 * The estimate at `position` beyond the window, from the window's tail: `last` is the estimate at position
 * `lastPosition` (the first place after the window), `middle` one about halfway through the window. The p50 grows by
 * the window's recent per-place pace; the band (p90 − p50) widens like a sum of independent service times
 * (with the square root of the places ahead). Monotone in position; equal to `last` at `lastPosition`.
 */
export function extrapolate(last: EstimateView, lastPosition: number, middle: { estimate: EstimateView; position: number } | null, position: number): EstimateView {
  if (position <= lastPosition) return last;
  const pace = middle && middle.position < lastPosition
    ? Math.max(0, (last.p50Seconds - middle.estimate.p50Seconds) / (lastPosition - middle.position))
    : last.p50Seconds / lastPosition;
  const p50Seconds = last.p50Seconds + pace * (position - lastPosition);
  const band = Math.max(0, last.p90Seconds - last.p50Seconds) * Math.sqrt(position / lastPosition);
  return { p50Seconds: Math.round(p50Seconds), p90Seconds: Math.round(p50Seconds + band), basis: last.basis, reason: last.reason };
}

/** The estimator a line runs (null in the database = the default). */
export function estimatorOf(line: Pick<LineRow, "estimator">): EstimatorName {
  const name = line.estimator as EstimatorName | null;
  return name && ESTIMATOR_NAMES.includes(name) ? name : DEFAULT_ESTIMATOR;
}

const NEXT_ARRIVAL = "qline:next-arrival";

/** What running a line's estimator gave: the estimates, and why its WEBHOOK was not used the first time it failed. */
export interface EstimateOutcome {
  estimates: LineEstimates;
  /** The tenant's webhook just started failing: the caller records it in the audit log (in its own transaction). */
  fallback: { reason: string } | null;
}

/**
 * Runs the line's estimator over `snapshot` (with the WEBHOOK call and its fallback). Never inside a transaction:
 * a WEBHOOK estimator waits for the tenant's server here. The snapshot holds the window (the front of the queue,
 * `snapshotLimits.waitingMax` at most); `waitingCount` is every waiting ticket: places beyond the window, the next
 * arrival's included, are extrapolated from the window's tail (`extrapolate`), so one run costs the same however
 * deep the queue.
 */
export async function estimateFromSnapshot(line: LineRow, read: LineSnapshot, waitingCount: number = read.waiting.length): Promise<EstimateOutcome> {
  const name = estimatorOf(line);
  // What the line row knows: the closed periods of its opening hours (a pause, closing time).
  const snapshot: LineSnapshot = { ...read, plannedClosures: plannedClosuresOf(line.openingHours, line.timeZone, read.now) };
  const options = (line.estimatorOptions ?? {}) as Record<string, unknown>;
  // Line.estimatedWaitSeconds: a ticket joining now, of the line's only (or first) allowed type.
  const arrivalType = line.allowedTicketTypeIds[0] ?? snapshot.waiting[snapshot.waiting.length - 1]?.ticketTypeId ?? UNTYPED;
  const withArrival: LineSnapshot = { ...snapshot, waiting: [...snapshot.waiting, { id: NEXT_ARRIVAL, ticketTypeId: arrivalType, joinedAt: snapshot.now }] };

  const local = (estimator: "RECENT_AVERAGE" | "SERVICE_RATE", opts: object): Map<string, Estimate> => {
    try {
      return estimator === "RECENT_AVERAGE" ? estimators.RECENT_AVERAGE(withArrival, opts) : estimators.SERVICE_RATE(withArrival, opts);
    } catch (error) {
      if (error instanceof EstimateOptionError) return estimators.SERVICE_RATE(withArrival); // stored options went stale
      throw error;
    }
  };

  const byTicket = new Map<string, EstimateView>();
  let arrival: Estimate | undefined;
  let fallback: EstimateOutcome["fallback"] = null;
  if (name === "WEBHOOK") {
    const serviceRate = local("SERVICE_RATE", {});
    arrival = serviceRate.get(NEXT_ARRIVAL);
    const outcome = line.estimatorSecret && typeof options["url"] === "string"
      ? await callWebhookEstimator({
          lineId: line.id,
          url: options["url"],
          secret: line.estimatorSecret,
          timeoutMs: typeof options["timeoutMs"] === "number" ? options["timeoutMs"] : WEBHOOK_DEFAULT_TIMEOUT_MS,
          snapshot,
        })
      : ({ ok: false, reason: "webhook is not configured", firstFailure: false } as const);
    if (outcome.ok) {
      for (const [id, band] of outcome.bands) byTicket.set(id, { ...band, basis: "WEBHOOK", reason: null });
    } else {
      for (const [id, e] of serviceRate) if (id !== NEXT_ARRIVAL) byTicket.set(id, { p50Seconds: e.p50Seconds, p90Seconds: e.p90Seconds, basis: "FALLBACK", reason: outcome.reason });
      if (outcome.firstFailure) fallback = { reason: outcome.reason };
    }
  } else {
    const estimator = isLocalEstimatorName(name) ? name : "SERVICE_RATE"; // NONE: staff still get SERVICE_RATE
    const result = local(estimator, estimator === name ? options : {});
    arrival = result.get(NEXT_ARRIVAL);
    for (const [id, e] of result) if (id !== NEXT_ARRIVAL) byTicket.set(id, { ...e, reason: null });
  }
  const visibleToCustomers = line.showEstimates && name !== "NONE";
  const waitingIds = snapshot.waiting.map((w) => w.id);
  // Beyond the window: extrapolated from the place after it (the estimator's arrival), the staff view of it.
  const windowEnd = waitingIds.length + 1;
  const tail: EstimateView | null = arrival ? { p50Seconds: arrival.p50Seconds, p90Seconds: arrival.p90Seconds, basis: arrival.basis, reason: null } : null;
  const middleIndex = Math.floor(waitingIds.length / 2);
  const middleEstimate = byTicket.get(waitingIds[middleIndex] ?? "");
  const middle = middleEstimate ? { estimate: middleEstimate, position: middleIndex + 1 } : null;
  const beyond = (position: number): EstimateView | null => (tail ? extrapolate(tail, windowEnd, middle, position) : null);
  const arrivalView = beyond(waitingCount + 1);
  const forTicket = (ticketId: string, position: number | null | undefined): EstimateView | null =>
    byTicket.get(ticketId) ?? (position != null && position >= windowEnd ? beyond(position) : null);
  const estimates: LineEstimates = {
    byTicket,
    forTicket,
    estimatedWaitSeconds: arrivalView ? arrivalView.p50Seconds : null,
    forArrival() {
      return visibleToCustomers && arrivalView ? { ...arrivalView, reason: null } : null;
    },
    visibleToCustomers,
    waitingIds,
    forCustomer(ticketId, position) {
      const estimate = visibleToCustomers ? forTicket(ticketId, position) : null;
      return estimate ? { ...estimate, reason: null } : null;
    },
  };
  return { estimates, fallback };
}

/** One computation per line per request: field resolvers of many tickets share it. */
const perRequest = new WeakMap<object, Map<string, Promise<LineEstimates | null>>>();
export function cachedPerRequest(requestKey: object, lineId: string, compute: () => Promise<LineEstimates | null>): Promise<LineEstimates | null> {
  let cache = perRequest.get(requestKey);
  if (!cache) perRequest.set(requestKey, (cache = new Map()));
  let found = cache.get(lineId);
  if (!found) cache.set(lineId, (found = compute()));
  return found;
}

export interface EstimatorSettingsInput {
  estimator?: string | null | undefined;
  estimatorOptions?: unknown;
}

/**
 * Checks a line's estimator and its options (BAD_USER_INPUT naming the field), returning what to store:
 * RECENT_AVERAGE { sampleSize (N ≥ 1, default 3), p90Factor ≥ 1, fallbackServiceSeconds > 0 };
 * SERVICE_RATE { the options of SERVICE_RATE_DEFAULTS, ranges checked by resolveServiceRateOptions (listed in
 * docs/estimates-and-ttl.md) }; WEBHOOK { url (http(s), address rule in estimates.webhook.ts), timeoutMs
 * (50..5000, default 800) }; NONE {}. Undefined when neither is given (nothing changes).
 */
export function checkEstimatorSettings(input: EstimatorSettingsInput, current?: Pick<LineRow, "estimator" | "estimatorOptions">): { estimator: EstimatorName; options: JsonObject } | undefined {
  if (input.estimator == null && input.estimatorOptions == null) return undefined;
  // Names are case- and dash-insensitive ("recent-average" = RECENT_AVERAGE); stored canonical.
  const given = input.estimator?.trim().toUpperCase().replace(/-/g, "_");
  const estimator = (given ?? (current ? estimatorOf(current) : DEFAULT_ESTIMATOR)) as EstimatorName;
  if (!ESTIMATOR_NAMES.includes(estimator)) {
    throw badInput("Unknown estimator", [{ path: "input.estimator", message: `must be one of ${ESTIMATOR_NAMES.join(", ")}` }]);
  }
  const raw = input.estimatorOptions ?? (given == null || given === current?.estimator ? current?.estimatorOptions : undefined) ?? {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw badInput("Estimator options must be an object", [{ path: "input.estimatorOptions", message: "must be a JSON object" }]);
  }
  const options = raw as Record<string, unknown>;
  const field = (option: string, message: string): FieldError => ({ path: `input.estimatorOptions.${option}`, message });
  try {
    switch (estimator) {
      case "NONE":
        return { estimator, options: {} };
      case "RECENT_AVERAGE":
        resolveRecentAverageOptions(options);
        return { estimator, options: options as JsonObject };
      case "SERVICE_RATE":
        resolveServiceRateOptions(options);
        return { estimator, options: options as JsonObject };
      case "WEBHOOK": {
        const fields: FieldError[] = [];
        const problem = webhookUrlProblem(options["url"]);
        if (problem) fields.push(field("url", problem));
        const timeoutMs = options["timeoutMs"] ?? WEBHOOK_DEFAULT_TIMEOUT_MS;
        if (typeof timeoutMs !== "number" || !Number.isInteger(timeoutMs) || timeoutMs < 50 || timeoutMs > WEBHOOK_MAX_TIMEOUT_MS) {
          fields.push(field("timeoutMs", `must be an integer from 50 to ${WEBHOOK_MAX_TIMEOUT_MS}`));
        }
        if (fields.length) throw badInput("Invalid webhook estimator", fields);
        return { estimator, options: { url: options["url"] as string, timeoutMs: timeoutMs as number } };
      }
    }
  } catch (error) {
    if (error instanceof EstimateOptionError) throw badInput(error.message, [field(error.option, `must be ${error.requirement}`)]);
    throw error;
  }
}

/** A new per-line webhook signing secret. */
export const newEstimatorSecret = (): string => `whsec_${randomBytes(24).toString("base64url")}`;

/**
 * Marks the line a mutation returns right after it made the line's signing secret: only that answer shows the
 * secret (Line.estimatorWebhookSecret); every later read says only that one is set. A symbol-keyed property
 * survives type-graphql's copy of the root object and is never serialized.
 */
export const secretJustMade = Symbol("the estimator secret was made by this mutation");
export type WithSecretJustMade = { [secretJustMade]?: true };
export function showSecretOnce<T extends object>(row: T): T & WithSecretJustMade {
  const marked: T & WithSecretJustMade = row;
  marked[secretJustMade] = true;
  return marked;
}

export interface TtlInput {
  warnSeconds?: number | null | undefined;
  waitingSeconds?: number | null | undefined;
  calledSeconds?: number | null | undefined;
}

/** TTL durations are whole positive seconds; warnAfter may not exceed expireAfter (it would never fire). */
export function checkTtl(ttl: TtlInput | null | undefined, path: string, base: TtlInput = {}): void {
  if (!ttl) return;
  const fields: FieldError[] = [];
  for (const key of ["warnSeconds", "waitingSeconds", "calledSeconds"] as const) {
    const value = ttl[key];
    if (value != null && (!Number.isInteger(value) || value <= 0)) fields.push({ path: `${path}.${key}`, message: "must be a whole number of seconds > 0" });
  }
  const merged = { ...base, ...ttl };
  if (merged.warnSeconds != null && merged.waitingSeconds != null && merged.warnSeconds > merged.waitingSeconds) {
    fields.push({ path: `${path}.warnSeconds`, message: "must not exceed waitingSeconds (expireAfter)" });
  }
  if (fields.length) throw badInput("Invalid TTL", fields);
}
