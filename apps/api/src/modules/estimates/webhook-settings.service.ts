/**
 * The WEBHOOK estimator's settings beyond URL and timeout (which updateLine stores): its signing secret, shown
 * once when it is made (rotateEstimatorWebhookSecret), and a test call (testEstimatorWebhook) that POSTs a
 * sample snapshot and reports what came back, so a manager sees a broken endpoint before customers see
 * fallback estimates. The test reads the line in a short transaction, commits, and only then calls out
 * (no network I/O inside a transaction); it is rate-limited per line.
 */
import { and, eq } from "drizzle-orm";
import type { LineSnapshot } from "@qline/estimates";
import { lines } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { badInput, notFound } from "../../errors/codes.js";
import { recordAudit } from "../audit/audit.service.js";
import type { LineRow } from "../lines/lines.service.js";
import { newEstimatorSecret } from "./estimates.service.js";
import { testWebhookEstimator, WEBHOOK_DEFAULT_TIMEOUT_MS, WEBHOOK_MAX_TIMEOUT_MS, webhookUrlProblem, type WebhookTestResult } from "./estimates.webhook.js";
import { reachableTenantOf, staffDoor } from "../../context/doors.js";

/** Makes a new signing secret for the line's webhook (lines:manage); the old one stops working at once. */
export async function rotateEstimatorWebhookSecret(ctx: RequestContext, lineId: string): Promise<{ line: LineRow; secret: string }> {
  const tenantId = await reachableTenantOf(ctx, { kind: "line", id: lineId });
  return staffDoor(ctx, tenantId, "lines:manage", async (tx) => {
    const secret = newEstimatorSecret();
    const [line] = await tx
      .update(lines)
      .set({ estimatorSecret: secret, updatedAt: new Date() })
      .where(and(eq(lines.tenantId, tenantId), eq(lines.id, lineId)))
      .returning();
    if (!line) throw notFound("Line");
    await recordAudit(tx, ctx.actor, { tenantId, action: "line.estimator_secret_rotate", targetType: "line", targetId: lineId }); // never the secret
    return { line, secret };
  });
}

/** Two waiting tickets with made-up ids, one open counter: enough for an endpoint to show it answers bands. */
export function sampleSnapshot(now: number): LineSnapshot {
  return {
    now,
    openCounters: 1,
    waiting: [
      { id: "sample-ticket-1", ticketTypeId: "untyped", joinedAt: now - 5 * 60_000 },
      { id: "sample-ticket-2", ticketTypeId: "untyped", joinedAt: now - 60_000 },
    ],
    serving: [],
    history: [],
    ticketTypes: [],
  };
}

export interface WebhookTestInput {
  /** Default: the line's stored URL (test what you are about to save). */
  url?: string | null | undefined;
  timeoutMs?: number | null | undefined;
}

/**
 * Calls the webhook once with a sample snapshot, signed with the line's secret (lines:manage). BAD_USER_INPUT
 * for a URL the address rule refuses (at `url`, shown next to the field) or a line without a secret; beyond
 * the per-line budget LIMIT_EXCEEDED. Network problems are the answer's `problem`, not errors.
 */
export async function testEstimatorWebhook(ctx: RequestContext, lineId: string, input: WebhookTestInput): Promise<WebhookTestResult> {
  const tenantId = await reachableTenantOf(ctx, { kind: "line", id: lineId });
  const line = await staffDoor(ctx, tenantId, "lines:manage", async (tx) => {
    const [row] = await tx
      .select({ estimatorOptions: lines.estimatorOptions, estimatorSecret: lines.estimatorSecret })
      .from(lines)
      .where(and(eq(lines.tenantId, tenantId), eq(lines.id, lineId)));
    if (!row) throw notFound("Line");
    return row;
  });
  const stored = line.estimatorOptions as Record<string, unknown>;
  const url = input.url ?? (typeof stored["url"] === "string" ? stored["url"] : null);
  if (!url) throw badInput("Give the webhook's URL", [{ path: "url", message: "required" }]);
  const problem = webhookUrlProblem(url);
  if (problem) throw badInput(`The URL ${problem}`, [{ path: "url", message: problem }]);
  const timeoutMs = input.timeoutMs ?? (typeof stored["timeoutMs"] === "number" ? stored["timeoutMs"] : WEBHOOK_DEFAULT_TIMEOUT_MS);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 50 || timeoutMs > WEBHOOK_MAX_TIMEOUT_MS) {
    throw badInput("Invalid timeout", [{ path: "timeoutMs", message: `must be an integer from 50 to ${WEBHOOK_MAX_TIMEOUT_MS}` }]);
  }
  if (!line.estimatorSecret) throw badInput("This line has no signing secret yet: create one first", [{ path: "secret", message: "none yet" }]);
  await ctx.rateLimits?.checkWebhookTest(lineId);
  return testWebhookEstimator({ lineId, url, secret: line.estimatorSecret, timeoutMs, snapshot: sampleSnapshot(Date.now()) });
}
