/**
 * Web Push for a ticket's holder: store or remove the browser's subscription (public, the tracking code is the
 * capability), and drop it when the push service says it is gone. The subscription is checked before any
 * database work (push-subscription.ts); the write is one short transaction through the public ticket door.
 */
import { sql } from "drizzle-orm";
import { col, decodeFirstRow, decodeRows, z, type Tx } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { trackingCodeDoor } from "../../context/doors.js";
import { AppError, ErrorCode, badInput, conflict, notFound } from "../../errors/codes.js";
import { publicTicket, type PublicTicketView } from "../tickets/views.js";
import { parsePushSubscription } from "./push-subscription.js";

/** The VAPID application server key browsers subscribe with (base64url); "" when Web Push is off on this server. */
export function webPushPublicKey(ctx: RequestContext): string {
  return ctx.config.push.vapid?.publicKey ?? "";
}

/** Largest subscription JSON accepted (a real one is 250–700 bytes). */
const maxSubscriptionBytes = 4096;

/** Statuses after which nothing more is sent: subscribing then is INVALID_TRANSITION. */
const endedStatuses = new Set(["SERVED", "CANCELLED", "NO_SHOW", "EXPIRED"]);

const StatusRow = z.object({ status: col.text });
const IdRow = z.object({ id: col.uuid });

/** The ticket's status, locked for this transaction (the code's ticket exists: the door found it). */
async function lockedStatus(tx: Tx, tenantId: string, ticketId: string): Promise<string> {
  const row = decodeFirstRow(StatusRow, await tx.execute(sql`select status from tickets where tenant_id = ${tenantId} and id = ${ticketId} for update`));
  if (!row) throw notFound("Ticket");
  return row.status;
}

/**
 * Public: the holder of the tracking code turns on Web Push for their ticket. BAD_USER_INPUT at
 * `subscription.*` for a malformed subscription or an endpoint that is not an allowed push service; NOT_FOUND for
 * an unknown code; FORBIDDEN when the tenant is suspended; INVALID_TRANSITION once the ticket has ended; CONFLICT
 * when Web Push is off on this server. A new subscription replaces the ticket's previous one; PUSH joins the
 * ticket's notify channels.
 */
export async function subscribeTicketPush(ctx: RequestContext, code: string, input: unknown): Promise<PublicTicketView> {
  if (!ctx.config.push.vapid) throw conflict("Web Push is not available on this server");
  if (JSON.stringify(input ?? null).length > maxSubscriptionBytes) {
    throw badInput("The push subscription is too large", [{ path: "subscription", message: `at most ${maxSubscriptionBytes} bytes` }]);
  }
  const subscription = parsePushSubscription(input, ctx.config.push.endpointAllowHosts);
  return trackingCodeDoor(ctx, code, async (tx, found) => {
    const status = await lockedStatus(tx, found.tenantId, found.ticketId);
    if (endedStatuses.has(status)) throw new AppError(ErrorCode.INVALID_TRANSITION, `This ticket has ended (${status}); there is nothing left to notify`);
    await tx.execute(sql`
      update tickets set push_subscription = ${JSON.stringify(subscription)}::jsonb,
        notify_channels = case when 'PUSH' = any(notify_channels) then notify_channels else array_append(notify_channels, 'PUSH') end
      where tenant_id = ${found.tenantId} and id = ${found.ticketId}`);
    return (await publicTicket(tx, found.tenantId, found.ticketId))!; // the row was locked above
  });
}

/**
 * Public: the holder turns Web Push off (the subscription is deleted, PUSH leaves the notify channels). Allowed in
 * any status, and again when already off. NOT_FOUND for an unknown code; FORBIDDEN when the tenant is suspended.
 */
export async function unsubscribeTicketPush(ctx: RequestContext, code: string): Promise<PublicTicketView> {
  return trackingCodeDoor(ctx, code, async (tx, found) => {
    await lockedStatus(tx, found.tenantId, found.ticketId);
    await tx.execute(sql`
      update tickets set push_subscription = null, notify_channels = array_remove(notify_channels, 'PUSH')
      where tenant_id = ${found.tenantId} and id = ${found.ticketId}`);
    return (await publicTicket(tx, found.tenantId, found.ticketId))!;
  });
}

/**
 * The push service answered 404/410 for `endpoint`: forget the subscription, in a transaction of the ticket's
 * tenant (the caller's door). Only when it is still the stored one: a subscription the customer made since stays.
 * True when one was dropped.
 */
export async function dropGonePushSubscription(tx: Tx, tenantId: string, ticketId: string, endpoint: string): Promise<boolean> {
  const rows = decodeRows(
    IdRow,
    await tx.execute(sql`
      update tickets set push_subscription = null, notify_channels = array_remove(notify_channels, 'PUSH')
      where tenant_id = ${tenantId} and id = ${ticketId} and push_subscription ->> 'endpoint' = ${endpoint}
      returning id`),
  );
  return rows.length > 0;
}
