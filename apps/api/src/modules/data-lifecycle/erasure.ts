/**
 * Erasing customers' personal data from tickets, keeping the statistics. What is erased: the ticket's contact
 * data (customer name, phone, email, push subscription), its extension answers, a staff cancel reason (free text
 * that may name the customer) and the idempotency key and request hash (a hash of the contact data); the
 * ticket row with its number, type, line, status, timestamps, party size, channel and estimates stays, so
 * analytics keep counting it. Messages about the ticket not sent yet are SKIPPED (nobody to send them to), and the
 * customer's channel choice is cleared, so no later trigger queues another. History and audit rows of the ticket keep their kind, statuses and times; the one
 * free-text value they copy (`reason` of a cancel) is removed through `app.scrub_ticket_history`, because both
 * tables are append-only for the app role. Messages sent about the ticket keep trigger, channel, status and
 * times; their recipient, subject and body are blanked.
 *
 * Used by `eraseCustomerData` (one ticket, now) and the retention job (a tenant's tickets ended longer ago than
 * its retention period), always inside the tenant's transaction.
 */
import { sql } from "drizzle-orm";
import { col, decodeRows, z, type Tx } from "@qline/db";
import { auditActor, type AuditSubject } from "../../context/actor.js";

/** The ticket columns that hold personal data, and what each becomes when erased. */
const erasedColumns = sql.raw(
  `customer_name = null, phone = null, email = null, push_subscription = null, notify_channels = '{}', extensions = '{}'::jsonb, cancel_reason = null,
   idempotency_key = null, idempotency_hash = null, personal_data_erased_at = now(), updated_at = now()`,
);

/** Statuses after which a ticket has ended (the retention period counts from `coalesce(completed_at, ended_at)`). */
export const endedStatuses = sql.raw(`('SERVED', 'NO_SHOW', 'CANCELLED', 'EXPIRED')`);

const uuidArray = (ids: readonly string[]) => `{${ids.join(",")}}`;

/** Blanks what the ticket's messages and history copy of the customer's data (ids of tickets of `tenantId`). */
async function scrubCopies(tx: Tx, tenantId: string, ticketIds: readonly string[]): Promise<void> {
  if (ticketIds.length === 0) return;
  const ids = uuidArray(ticketIds);
  await tx.execute(
    // A message still waiting to be sent has nobody to go to any more: SKIPPED (one being sent right now finishes).
    sql`update notifications set recipient = null, subject = null, body = null, updated_at = now(),
          status = case when status in ('PENDING', 'RETRYING') then 'SKIPPED' else status end,
          last_error = case when status in ('PENDING', 'RETRYING') then 'customer data erased' else last_error end
        where tenant_id = ${tenantId} and ticket_id = any(${ids}::uuid[])
          and (recipient is not null or subject is not null or body is not null or status in ('PENDING', 'RETRYING'))`,
  );
  await tx.execute(sql`select app.scrub_ticket_history(${ids}::uuid[])`);
}

export interface ErasureAudit {
  subject: AuditSubject;
  /** Why: "request" (eraseCustomerData) or "retention" (the job). */
  reason: "request" | "retention";
  retentionDays?: number;
}

/** One audit row per erased ticket, in one statement. */
async function auditErasures(tx: Tx, tenantId: string, ticketIds: readonly string[], audit: ErasureAudit): Promise<void> {
  if (ticketIds.length === 0) return;
  const { actorType, actorId } = auditActor(audit.subject);
  const after = JSON.stringify({ basis: audit.reason, ...(audit.retentionDays !== undefined ? { retentionDays: audit.retentionDays } : {}) });
  await tx.execute(sql`
    insert into audit_log (tenant_id, id, actor_type, actor_id, action, target_type, target_id, after)
    select ${tenantId}, gen_random_uuid(), ${actorType}, ${actorId}, 'ticket.erase_personal_data', 'ticket', id::text, ${after}::jsonb
    from unnest(${uuidArray(ticketIds)}::uuid[]) as id`);
}

const IdRow = z.object({ id: col.uuid });

/** Erases one ticket of `tenantId` now (whatever its status); false when there is no such ticket in scope. */
export async function eraseTicket(tx: Tx, tenantId: string, ticketId: string, audit: ErasureAudit): Promise<boolean> {
  const erased = decodeRows(IdRow, await tx.execute(sql`update tickets set ${erasedColumns} where tenant_id = ${tenantId} and id = ${ticketId} returning id`));
  if (erased.length === 0) return false;
  await scrubCopies(tx, tenantId, [ticketId]);
  await auditErasures(tx, tenantId, [ticketId], audit);
  return true;
}

/**
 * Erases up to `limit` tickets of `tenantId` that ended before `cutoff` and still hold personal data (oldest
 * first; rows locked by another process are skipped, so two job runners never erase the same ticket twice).
 * Returns how many were erased.
 */
export async function eraseEndedBefore(tx: Tx, tenantId: string, cutoff: Date, limit: number, audit: ErasureAudit): Promise<number> {
  const erased = decodeRows(
    IdRow,
    await tx.execute(sql`
      with due as (
        select id from tickets
        where tenant_id = ${tenantId} and personal_data_erased_at is null and status in ${endedStatuses}
          and coalesce(completed_at, ended_at) < ${cutoff.toISOString()}::timestamptz
        order by coalesce(completed_at, ended_at)
        limit ${limit}
        for update skip locked
      )
      update tickets k set ${erasedColumns}
      from due where k.tenant_id = ${tenantId} and k.id = due.id
      returning k.id`),
  );
  const ids = erased.map((r) => r.id);
  await scrubCopies(tx, tenantId, ids);
  await auditErasures(tx, tenantId, ids, audit);
  return ids.length;
}
