/**
 * Subscribing: authorize first (the same door as queries), then listen on a topic built from server-side data.
 * A failure here fails only that one operation; the WebSocket stays open for the client's other subscriptions.
 */
import { and, eq } from "drizzle-orm";
import { lines } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { inTenant } from "../../context/tenant-access.js";
import { notFound } from "../../errors/codes.js";
import { tenantOf, ticketByTrackingCode } from "../lines/lookups.js";
import { topics } from "./tickets.events.js";

export async function subscribeLine(ctx: RequestContext, lineId: string): Promise<AsyncIterable<unknown>> {
  const tenantId = await tenantOf(ctx, "line", lineId);
  await inTenant(ctx, tenantId, "lines:read", async (tx) => {
    const [line] = await tx.select({ id: lines.id }).from(lines).where(and(eq(lines.tenantId, tenantId), eq(lines.id, lineId)));
    if (!line) throw notFound("Line");
  });
  return ctx.pubsub.subscribe(topics.line(tenantId, lineId));
}

/** Public: the tracking code is the capability; the topic is the ticket's tenant and id from the lookup. */
export async function subscribeTicket(ctx: RequestContext, code: string): Promise<AsyncIterable<unknown>> {
  const found = await ticketByTrackingCode(ctx, code);
  if (!found) throw notFound("Ticket");
  return ctx.pubsub.subscribe(topics.ticket(found.tenantId, found.ticketId));
}

/** Everything on lines of the tenant's subtree (events are published to the activity topic of each ancestor). */
export async function subscribeTenantActivity(ctx: RequestContext, tenantId: string): Promise<AsyncIterable<unknown>> {
  const access = await inTenant(ctx, tenantId, "tickets:read", async (_tx, access) => access);
  return ctx.pubsub.subscribe(topics.activity(access.tenantId));
}
