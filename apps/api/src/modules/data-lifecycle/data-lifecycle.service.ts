/**
 * The customer data lifecycle: erase one customer's data now, export all of a tenant's data, delete a tenant
 * (after a grace period). The retention period's erasures and the hard deletes run in the data-lifecycle job
 * (apps/api/src/jobs/data-lifecycle.job.ts). docs/notifications.md, "Customer data and retention", explains it.
 */
import { sql } from "drizzle-orm";
import { col, decodeRows, z } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { isUuid } from "../../context/access.js";
import { recordDoor, staffDoor } from "../../context/doors.js";
import { conflict, forbidden, notFound } from "../../errors/codes.js";
import { controlTopics } from "../../pubsub/control-topics.js";
import { announceAccessChange } from "../../subscriptions/live-access.js";
import { recordAudit } from "../audit/audit.service.js";
import { publishAfterCommit } from "../tickets/live/line-state.js";
import { lineEvent } from "../tickets/live/events.js";
import { loadTicket, type TicketView } from "../tickets/views.js";
import type { TenantRow } from "../tenants/tenants.service.js";
import { tenants } from "@qline/db";
import { eq } from "drizzle-orm";
import { eraseTicket } from "./erasure.js";
import { signExportLink } from "./export-link.js";

/**
 * Erases the ticket's personal data now (tickets:erase): contact data, push subscription, extension answers,
 * what messages and history copied. The ticket stays (statistics, the holder's tracking page). Another tenant's
 * ticket answers NOT_FOUND exactly like an unknown id. Staff boards get an UPDATED event.
 */
export async function eraseCustomerData(ctx: RequestContext, ticketId: string): Promise<TicketView> {
  const { ticket, events } = await recordDoor(ctx, { kind: "ticket", id: ticketId }, "tickets:erase", async (tx, { tenantId, path }) => {
    if (!(await eraseTicket(tx, tenantId, ticketId, { subject: ctx.actor, reason: "request" }))) throw notFound("Ticket");
    const view = (await loadTicket(tx, tenantId, ticketId))!;
    return { ticket: view, events: [await lineEvent(tx, path, tenantId, view.lineId, "UPDATED", view)] };
  });
  publishAfterCommit(ctx, events);
  return ticket;
}

export interface TenantExportLink {
  url: string;
  expiresAt: Date;
}

/**
 * A signed link to download all of the tenant's data (and its subtenants'), valid for EXPORT_LINK_TTL_SECONDS
 * (tenant:export: the OWNER's). The link is relative to the API's origin unless QLINE_API_URL is set.
 */
export async function exportTenantData(ctx: RequestContext, tenantId: string): Promise<TenantExportLink> {
  const expiresAtSeconds = Math.floor(Date.now() / 1000) + ctx.config.exportLinkTtlSeconds;
  const expiresAt = new Date(expiresAtSeconds * 1000);
  // Anonymous: UNAUTHENTICATED; an API key never holds tenant:export: FORBIDDEN; so past this, a user.
  const userId = await staffDoor(ctx, tenantId, "tenant:export", async (tx) => {
    if (ctx.actor.kind !== "user") throw forbidden("Only the tenant's owner can export its data");
    await recordAudit(tx, ctx.actor, { tenantId, action: "tenant.export", targetType: "tenant", targetId: tenantId, after: { expiresAt: expiresAt.toISOString() } });
    return ctx.actor.userId;
  });
  const token = signExportLink(ctx.config.jwtSecret, { tenantId, userId, expiresAt: expiresAtSeconds });
  return { url: `${ctx.config.apiUrl ?? ""}/exports/tenant/${token}`, expiresAt };
}

const IdRow = z.object({ id: col.uuid });

/** Every tenant of the subtree (their live streams end or resume with it). */
async function subtreeIds(ctx: RequestContext, tenantId: string): Promise<string[]> {
  return staffDoor(ctx, tenantId, "tenant:read", async (tx) =>
    decodeRows(IdRow, await tx.execute(sql`select id from tenants where path @> array[${tenantId}]::uuid[]`)).map((r) => r.id),
  );
}

/**
 * Schedules the tenant's deletion (tenant:delete: the OWNER's) TENANT_DELETION_GRACE_DAYS from now. Meanwhile the
 * tenant and its subtree are refused like a suspended tenant (its owner may still read, export and cancel);
 * afterwards the job deletes every row of the subtree. Asking again keeps the first date.
 */
export async function deleteTenant(ctx: RequestContext, tenantId: string): Promise<TenantRow> {
  if (!isUuid(tenantId)) throw notFound("Tenant");
  const graceDays = ctx.config.tenantDeletionGraceDays;
  const { row, changed } = await staffDoor(ctx, tenantId, "tenant:delete", async (tx) => {
    const [before] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for("update");
    if (!before) throw notFound("Tenant");
    if (before.deletionScheduledAt) return { row: before, changed: false };
    const [after] = await tx
      .update(tenants)
      .set({ deletionScheduledAt: sql`now() + make_interval(days => ${graceDays})`, updatedAt: new Date() })
      .where(eq(tenants.id, tenantId))
      .returning();
    await recordAudit(tx, ctx.actor, {
      tenantId,
      action: "tenant.schedule_deletion",
      targetType: "tenant",
      targetId: tenantId,
      after: { deletionScheduledAt: after!.deletionScheduledAt!.toISOString(), graceDays },
    });
    return { row: after!, changed: true };
  });
  if (changed) {
    const subtree = await subtreeIds(ctx, tenantId);
    await announceAccessChange(ctx.pubsub, subtree.map(controlTopics.tenant), { kind: "tenantSuspended", tenantId });
  }
  return row;
}

/** Cancels a scheduled deletion during its grace period (tenant:delete). CONFLICT when this tenant has none. */
export async function cancelTenantDeletion(ctx: RequestContext, tenantId: string): Promise<TenantRow> {
  if (!isUuid(tenantId)) throw notFound("Tenant");
  const row = await staffDoor(ctx, tenantId, "tenant:delete", async (tx) => {
    const [before] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for("update");
    if (!before) throw notFound("Tenant");
    if (!before.deletionScheduledAt) {
      throw conflict("This tenant is not scheduled for deletion (a deletion scheduled on a parent tenant is cancelled there)");
    }
    const [after] = await tx.update(tenants).set({ deletionScheduledAt: null, updatedAt: new Date() }).where(eq(tenants.id, tenantId)).returning();
    await recordAudit(tx, ctx.actor, {
      tenantId,
      action: "tenant.cancel_deletion",
      targetType: "tenant",
      targetId: tenantId,
      before: { deletionScheduledAt: before.deletionScheduledAt.toISOString() },
    });
    return after!;
  });
  const subtree = await subtreeIds(ctx, tenantId);
  await announceAccessChange(ctx.pubsub, subtree.map(controlTopics.tenant), { kind: "tenantResumed", tenantId });
  return row;
}
