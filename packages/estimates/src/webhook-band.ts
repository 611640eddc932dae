// A tenant's WEBHOOK estimator answers with its own bands. The API makes the HTTP call; this checks the answer
// before anything reaches a customer's screen.

/** One ticket's band from a webhook, in whole seconds. */
export interface EstimateBand {
  p50Seconds: number;
  p90Seconds: number;
}

export type WebhookBandResult =
  | { ok: true; band: Map<string, EstimateBand> }
  | { ok: false; reason: string };

/** Bands above this (one week) are rejected as implausible rather than shown. */
export const MAX_WEBHOOK_BAND_SECONDS = 7 * 24 * 3600;

/**
 * Validates a webhook response of the shape `{ estimates: { [ticketId]: { p50Seconds, p90Seconds } } }`.
 * Each value must be a finite number in [0, one week] with p90 ≥ p50; values are rounded to whole seconds.
 * When `expectedTicketIds` is given (the waiting tickets sent to the webhook), each must have a band;
 * bands for tickets not asked about are ignored.
 *
 * Never throws: returns `{ ok: false, reason }` naming the first problem.
 */
export function validateWebhookBand(payload: unknown, expectedTicketIds?: readonly string[]): WebhookBandResult {
  if (!isPlainObject(payload)) return { ok: false, reason: "response is not a JSON object" };
  const estimates = payload["estimates"];
  if (!isPlainObject(estimates)) return { ok: false, reason: 'response has no "estimates" object' };

  const expected = expectedTicketIds === undefined ? null : new Set(expectedTicketIds);
  const band = new Map<string, EstimateBand>();
  for (const [ticketId, entry] of Object.entries(estimates)) {
    if (expected !== null && !expected.has(ticketId)) continue;
    if (!isPlainObject(entry)) return { ok: false, reason: `ticket ${ticketId}: band is not an object` };
    const p50 = readSeconds(entry, "p50Seconds");
    if (typeof p50 === "string") return { ok: false, reason: `ticket ${ticketId}: ${p50}` };
    const p90 = readSeconds(entry, "p90Seconds");
    if (typeof p90 === "string") return { ok: false, reason: `ticket ${ticketId}: ${p90}` };
    if (p90 < p50) return { ok: false, reason: `ticket ${ticketId}: p90Seconds is below p50Seconds` };
    band.set(ticketId, { p50Seconds: Math.round(p50), p90Seconds: Math.max(Math.round(p50), Math.round(p90)) });
  }
  for (const ticketId of expected ?? []) {
    if (!band.has(ticketId)) return { ok: false, reason: `ticket ${ticketId}: no band in response` };
  }
  return { ok: true, band };
}

/** The field as seconds, or why it is not acceptable. */
function readSeconds(entry: Record<string, unknown>, name: "p50Seconds" | "p90Seconds"): number | string {
  const value = entry[name];
  if (typeof value !== "number" || !Number.isFinite(value)) return `${name} is not a finite number`;
  if (value < 0) return `${name} is negative`;
  if (value > MAX_WEBHOOK_BAND_SECONDS) return `${name} exceeds one week`;
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
