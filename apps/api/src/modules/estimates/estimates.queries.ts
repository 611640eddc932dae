/**
 * Estimates read on demand by GraphQL fields (event payloads carry theirs). They come from the line's live state
 * (tickets/live/line-state.ts): a request reads only the line's event number — which also authorizes it — and
 * reuses the state computed for that number; nothing is estimated per request or per ticket.
 */
import { and, eq } from "drizzle-orm";
import { lines } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import type { Permission } from "../../context/permissions.js";
import { loadInTenant, perArgLoader } from "../../context/tenant-reads.js";
import { lineStatesOf, type LineState } from "../tickets/live/line-state.js";
import type { EstimateView } from "./estimates.service.js";
import { locateTrackingCode } from "../../context/doors.js";

/** The number of a line's last event (null: no such line in the tenant). */
const lineSeqs = perArgLoader("lineSeq", String, async (tx, tenantId, lineId: string) => {
  const [row] = await tx.select({ seq: lines.eventSeq }).from(lines).where(and(eq(lines.tenantId, tenantId), eq(lines.id, lineId)));
  return row ? row.seq : null;
});

/** One state per line per request, however many fields ask. */
const perRequest = new WeakMap<object, Map<string, Promise<LineState | null>>>();
function memo(ctx: RequestContext, key: string, compute: () => Promise<LineState | null>): Promise<LineState | null> {
  let cache = perRequest.get(ctx);
  if (!cache) perRequest.set(ctx, (cache = new Map()));
  let found = cache.get(key);
  if (!found) cache.set(key, (found = compute()));
  return found;
}

/** The line's live state for a caller with `permission` in its tenant (the event number is read through the door). */
export function lineStateFor(ctx: RequestContext, tenantId: string, lineId: string, permission: Permission, seqRead?: number): Promise<LineState | null> {
  return memo(ctx, `${permission} ${lineId}`, async () => {
    const seq = seqRead ?? (await loadInTenant(ctx, tenantId, permission, lineSeqs, lineId));
    return seq == null ? null : lineStatesOf(ctx.db).current(tenantId, lineId, seq);
  });
}

interface TicketLike {
  id: string;
  tenantId: string;
  lineId: string;
  status: string;
  position: number | null;
  estimate?: EstimateView | null;
}

/**
 * Staff view of a ticket's estimate (display:read); null unless WAITING. `lineSeq`: the line's event number read
 * with the ticket under display:read in this request (a Line.tickets page), so it is not read again.
 */
export async function ticketEstimate(ctx: RequestContext, ticket: TicketLike, lineSeq?: number): Promise<EstimateView | null> {
  if (ticket.estimate !== undefined) return ticket.estimate;
  if (ticket.status !== "WAITING") return null;
  const state = await lineStateFor(ctx, ticket.tenantId, ticket.lineId, "display:read", lineSeq);
  return state?.estimates.forTicket(ticket.id, ticket.position) ?? null;
}

/** What a ticket issued now would wait on this line; the line was read (and authorized) with its event number. */
export async function lineEstimatedWait(ctx: RequestContext, line: { id: string; tenantId: string; eventSeq: number }): Promise<number | null> {
  const state = await memo(ctx, `line ${line.id}`, () => lineStatesOf(ctx.db).current(line.tenantId, line.id, line.eventSeq));
  return state?.estimatedWaitSeconds ?? null;
}

/** Public: the estimate the holder of a tracking code sees (null when the line hides estimates). */
export async function publicTicketEstimate(
  ctx: RequestContext,
  view: { trackingCode: string; status: string; lineId: string; seq: number; position: number | null; estimate?: EstimateView | null },
): Promise<EstimateView | null> {
  if (view.estimate !== undefined) return view.estimate;
  if (view.status !== "WAITING") return null;
  const found = await locateTrackingCode(ctx, view.trackingCode);
  if (!found) return null;
  const state = await memo(ctx, `public ${view.lineId}`, () => lineStatesOf(ctx.db).current(found.tenantId, view.lineId, view.seq));
  return state?.estimates.forCustomer(found.ticketId, view.position) ?? null;
}
