/** Estimates read on demand by GraphQL fields (event payloads carry theirs): one computation per line per request. */
import { sql } from "drizzle-orm";
import { rowsOf, withTenantTx } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { loadInTenant, perArgLoader } from "../../context/tenant-reads.js";
import { ticketByTrackingCode } from "../lines/lookups.js";
import { cachedPerRequest, estimateLine, type EstimateView } from "./estimates.service.js";

/** A line's estimates (one snapshot), shared by the staff ticket view and the line's wait in one batch. */
const lineEstimates = perArgLoader("lineEstimates", String, (tx, tenantId, lineId: string) => estimateLine(tx, tenantId, lineId));

interface TicketLike {
  id: string;
  tenantId: string;
  lineId: string;
  status: string;
  estimate?: EstimateView | null;
}

/** Staff view of a ticket's estimate (tickets:read); null unless WAITING. */
export async function ticketEstimate(ctx: RequestContext, ticket: TicketLike): Promise<EstimateView | null> {
  if (ticket.estimate !== undefined) return ticket.estimate;
  if (ticket.status !== "WAITING") return null;
  const estimates = await cachedPerRequest(ctx, `staff ${ticket.lineId}`, () => loadInTenant(ctx, ticket.tenantId, "display:read", lineEstimates, ticket.lineId));
  return estimates?.byTicket.get(ticket.id) ?? null;
}

/** What a ticket issued now would wait on this line (lines:read). */
export async function lineEstimatedWait(ctx: RequestContext, line: { id: string; tenantId: string }): Promise<number | null> {
  const estimates = await cachedPerRequest(ctx, `line ${line.id}`, () => loadInTenant(ctx, line.tenantId, "lines:read", lineEstimates, line.id));
  return estimates?.estimatedWaitSeconds ?? null;
}

/** Public: the estimate the holder of a tracking code sees (null when the line hides estimates). */
export async function publicTicketEstimate(ctx: RequestContext, view: { trackingCode: string; status: string; estimate?: EstimateView | null }): Promise<EstimateView | null> {
  if (view.estimate !== undefined) return view.estimate;
  if (view.status !== "WAITING") return null;
  const found = await ticketByTrackingCode(ctx, view.trackingCode);
  if (!found) return null;
  return withTenantTx(ctx.db, { tenantId: found.tenantId, userId: null }, async (tx) => {
    const [row] = rowsOf<{ line_id: string }>(await tx.execute(sql`select line_id from tickets where tenant_id = ${found.tenantId} and id = ${found.ticketId}`));
    if (!row) return null;
    const estimates = await estimateLine(tx, found.tenantId, row.line_id);
    return estimates?.forCustomer(found.ticketId) ?? null;
  });
}
