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
import type { TicketStatus } from "@qline/db";
import { terminalStatuses } from "./ticket-state.js";
import { topics, type PublicTicketView } from "./tickets.events.js";

/** How often a live subscription re-checks its subscriber's access (a removed member stops receiving). */
export const subscriptionRecheck = { intervalMs: 30_000 };

/**
 * Wraps a pub/sub iterator so that, on an event arriving after `intervalMs` since the last check, `check`
 * runs again; if it throws, the source is released and the error ends the subscription. `return` goes
 * straight to the source (an async generator would wait for the next event first and leak the listener).
 */
export function recheckingAccess<T>(source: AsyncIterator<T>, check: () => Promise<void>): AsyncIterableIterator<T> {
  let checkedAt = Date.now();
  const release = async () => {
    await source.return?.();
  };
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      const result = await source.next();
      if (!result.done && Date.now() - checkedAt >= subscriptionRecheck.intervalMs) {
        try {
          await check();
          checkedAt = Date.now();
        } catch (error) {
          await release();
          throw error;
        }
      }
      return result;
    },
    async return() {
      await release();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await release();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/** A fresh access decision (the request's cache would answer from the moment of subscribing). */
const fresh = (ctx: RequestContext): RequestContext => ({ ...ctx, accessCache: new Map() });

export async function subscribeLine(ctx: RequestContext, lineId: string): Promise<AsyncIterable<unknown>> {
  const tenantId = await tenantOf(ctx, "line", lineId);
  const check = (c: RequestContext) =>
    // tickets:read, not just lines:read: events carry ticket data (customer name, phone, extensions).
    inTenant(c, tenantId, "tickets:read", async (tx) => {
      const [line] = await tx.select({ id: lines.id }).from(lines).where(and(eq(lines.tenantId, tenantId), eq(lines.id, lineId)));
      if (!line) throw notFound("Line");
    });
  await check(ctx);
  return recheckingAccess(ctx.pubsub.subscribe(topics.line(tenantId, lineId)), () => check(fresh(ctx)));
}

/** Public: the tracking code is the capability; the topic is the ticket's tenant and id from the lookup. */
export async function subscribeTicket(ctx: RequestContext, code: string): Promise<AsyncIterable<unknown>> {
  const found = await ticketByTrackingCode(ctx, code);
  if (!found) throw notFound("Ticket");
  return endingAfterTerminal(ctx.pubsub.subscribe(topics.ticket(found.tenantId, found.ticketId)));
}

/** A customer's ticket stream completes once the ticket reaches a terminal status (nothing more can happen). */
function endingAfterTerminal(source: AsyncIterator<unknown>): AsyncIterableIterator<unknown> {
  let ended = false;
  const iterator: AsyncIterableIterator<unknown> = {
    async next() {
      if (ended) {
        await source.return?.();
        return { done: true, value: undefined };
      }
      const result = await source.next();
      const status = (result.value as PublicTicketView | undefined)?.status;
      if (!result.done && status && terminalStatuses.has(status as TicketStatus)) ended = true;
      return result;
    },
    async return() {
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/** Everything on lines of the tenant's subtree (events are published to the activity topic of each ancestor). */
export async function subscribeTenantActivity(ctx: RequestContext, tenantId: string): Promise<AsyncIterable<unknown>> {
  const check = (c: RequestContext) => inTenant(c, tenantId, "tickets:read", async (_tx, access) => access);
  const access = await check(ctx);
  return recheckingAccess(ctx.pubsub.subscribe(topics.activity(access.tenantId)), async () => {
    await check(fresh(ctx));
  });
}
