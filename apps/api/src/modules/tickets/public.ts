/**
 * What the holder of a tracking code can do without credentials: read their ticket, cancel it, say they are
 * running late. The code is the capability; history and audit name the ticket's holder.
 */
import { eq, sql } from "drizzle-orm";
import { col, decodeFirstRow, tenants, z, type Tx } from "@qline/db";
import { ticketHolder } from "../../context/actor.js";
import type { RequestContext } from "../../context/context.js";
import { notFound } from "../../errors/codes.js";
import { locateTrackingCode, trackingCodeDoor } from "../../context/doors.js";
import { readRemoteJoinPolicy, type RemoteJoinPolicy } from "../tenants/remote-join-settings.js";
import { publishAfterCommit } from "./live/line-state.js";
import { dbNow } from "./records.js";
import type { TicketAction } from "./ticket-state.js";
import { alreadyRanLate } from "./tickets.errors.js";
import { runTransition, sortKeyAt, type TransitionChange } from "./transitions.js";
import { publicTicket, type PublicTicketView, type TicketRow } from "./views.js";

/** Public: the ticket with this tracking code, as its holder sees it; null for an unknown code. */
export async function ticketByCode(ctx: RequestContext, code: string): Promise<PublicTicketView | null> {
  if (!(await locateTrackingCode(ctx, code))) return null; // unknown: null, not NOT_FOUND
  return trackingCodeDoor(ctx, code, async (tx, found) => {
    return publicTicket(tx, found.tenantId, found.ticketId);
  });
}

/**
 * A public operation by the holder of a tracking code on their own ticket: located by the code, refused for a
 * suspended tenant, one transition recorded as the ticket's holder, published after commit.
 */
async function asHolder(
  ctx: RequestContext,
  code: string,
  action: TicketAction,
  change: (tx: Tx, before: TicketRow, tenant: { path: string[]; slug: string; policy: RemoteJoinPolicy }) => Promise<TransitionChange>,
): Promise<PublicTicketView> {
  const { view, events } = await trackingCodeDoor(ctx, code, async (tx, found) => {
    const [tenant] = await tx.select({ path: tenants.path }).from(tenants).where(eq(tenants.id, found.tenantId));
    const path = tenant?.path ?? [found.tenantId];
    const { slug, policy } = await readRemoteJoinPolicy(tx, path);
    const { events } = await runTransition(tx, ticketHolder(found.ticketId), path, found.tenantId, found.ticketId, action, (before) =>
      change(tx, before, { path, slug, policy }),
    );
    const view = await publicTicket(tx, found.tenantId, found.ticketId);
    if (!view) throw notFound("Ticket");
    // The holder's view goes with the event (the publisher need not read it again).
    return { view, events: events.map((e, i) => (i === 0 ? { ...e, own: view } : e)) };
  });
  publishAfterCommit(ctx, events);
  return view;
}

/** Public: the holder of the tracking code cancels their own ticket (from WAITING or CALLED). */
export function cancelMyTicket(ctx: RequestContext, code: string): Promise<PublicTicketView> {
  return asHolder(ctx, code, "cancel", async () => ({ set: { cancelReason: "Cancelled by the customer" }, data: { via: "trackingCode" } }));
}

/**
 * Public: "I'm running late". Once per ticket, while WAITING, the holder moves back the tenant's
 * `remoteJoin.runningLatePlaces` places (to the back when fewer wait behind them); staff see when it was used.
 */
export function runningLate(ctx: RequestContext, code: string): Promise<PublicTicketView> {
  return asHolder(ctx, code, "runLate", async (tx, before, { policy }) => {
    if (before.ranLateAt) throw alreadyRanLate();
    const ahead = decodeFirstRow(
      z.object({ n: col.int }),
      await tx.execute(sql`
        select count(*)::int as n from tickets
        where tenant_id = ${before.tenantId} and line_id = ${before.lineId} and status = 'WAITING'
          and id <> ${before.id} and (sort_key, id) < (${before.sortKey}::numeric, ${before.id}::uuid)`),
    );
    const from = Number(ahead?.n ?? 0) + 1;
    const wanted = from + policy.runningLatePlaces;
    const atWanted = await sortKeyAt(tx, before.tenantId, before.lineId, before.id, wanted);
    const to = Math.min(wanted, atWanted.others + 1); // fewer wait behind: to the back
    const key = to === wanted ? atWanted.key : (await sortKeyAt(tx, before.tenantId, before.lineId, before.id, to)).key;
    return { set: { sortKey: key ?? before.sortKey, ranLateAt: dbNow }, data: { from, to, places: policy.runningLatePlaces, via: "trackingCode" } };
  });
}

