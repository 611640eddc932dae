/**
 * Writing messages into the outbox, always in the transaction of the ticket change that causes them (or, for
 * "almost your turn", in the line refresh's own short transaction after the change that moved the queue).
 * Only the channels the customer chose (`tickets.notify_channels`) and only triggers the line has on. Each
 * insert is `ON CONFLICT DO NOTHING` on the unique (ticket, trigger, channel) / (ticket, trigger, user): a
 * trigger that fires again (a requeued ticket called twice, a refresh that sees the same ticket again) adds
 * nothing. Delivery is the worker's (worker.ts); `wakeWorker` after commit makes it look at once.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { col, decodeRows, lines, notifications, z, type Database, type LineNotificationSettingsJson, type NotificationChannel, type NotificationTrigger, type Tx } from "@qline/db";
import { lineNotificationSettingsOf, triggerOn } from "./settings.js";

export interface TicketForOutbox {
  tenantId: string;
  id: string;
  lineId: string;
  notifyChannels: readonly NotificationChannel[];
  language: string;
}

/** Queues one customer message per chosen channel when the line has `trigger` on. Returns how many were new. */
export async function enqueueForTicket(
  tx: Tx,
  ticket: TicketForOutbox,
  trigger: NotificationTrigger,
  lineSettings?: LineNotificationSettingsJson | null,
): Promise<number> {
  if (ticket.notifyChannels.length === 0) return 0;
  let stored = lineSettings;
  if (stored === undefined) {
    const [line] = await tx
      .select({ s: lines.notificationSettings })
      .from(lines)
      .where(and(eq(lines.tenantId, ticket.tenantId), eq(lines.id, ticket.lineId)));
    stored = line?.s ?? null;
  }
  if (!triggerOn(lineNotificationSettingsOf(stored), trigger)) return 0;
  const inserted = await tx
    .insert(notifications)
    .values(
      ticket.notifyChannels.map((channel) => ({
        tenantId: ticket.tenantId,
        id: randomUUID(),
        ticketId: ticket.id,
        lineId: ticket.lineId,
        trigger,
        channel,
        language: ticket.language,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return inserted.length;
}

const IdRow = z.object({ id: col.uuid });

/**
 * TTL escalation: one email per MANAGER+ member of the ticket's tenant who opted in (setMyEscalationEmails).
 * Their address is read at delivery (a member who leaves or opts out before then gets nothing).
 */
export async function enqueueEscalation(tx: Tx, tenantId: string, ticketId: string, lineId: string): Promise<number> {
  const rows = decodeRows(
    IdRow,
    await tx.execute(sql`
      insert into notifications (tenant_id, id, ticket_id, line_id, trigger, channel, recipient_user_id, language)
      select m.tenant_id, gen_random_uuid(), ${ticketId}::uuid, ${lineId}::uuid, 'ESCALATED', 'EMAIL', m.user_id, 'en'
      from memberships m
      where m.tenant_id = ${tenantId} and m.escalation_emails and m.role in ('OWNER', 'ADMIN', 'MANAGER')
      on conflict do nothing
      returning id`),
  );
  return rows.length;
}

/** "Almost your turn" for these waiting tickets (candidates found by the line refresh); one statement. */
export async function enqueueAlmostThere(tx: Tx, tenantId: string, ticketIds: readonly string[]): Promise<number> {
  if (ticketIds.length === 0) return 0;
  const rows = decodeRows(
    IdRow,
    await tx.execute(sql`
      insert into notifications (tenant_id, id, ticket_id, line_id, trigger, channel, language)
      select t.tenant_id, gen_random_uuid(), t.id, t.line_id, 'ALMOST_THERE', ch, t.language
      from tickets t cross join lateral unnest(t.notify_channels) as ch
      where t.tenant_id = ${tenantId} and t.id = any(${`{${ticketIds.join(",")}}`}::uuid[]) and t.status = 'WAITING'
      on conflict do nothing
      returning id`), // one array parameter of uuids the refresh read from the database
  );
  return rows.length;
}

/** The waiting tickets at or under the line's "almost your turn" threshold: position ≤ N or p50 ≤ M minutes. */
export function almostThereCandidates(
  stored: LineNotificationSettingsJson | null | undefined,
  waitingIds: readonly string[],
  p50Of: (ticketId: string) => number | null,
): string[] {
  const settings = lineNotificationSettingsOf(stored);
  if (!settings.almostThere) return [];
  const out: string[] = [];
  for (let i = 0; i < waitingIds.length && out.length < 500; i++) {
    const id = waitingIds[i]!;
    const p50 = p50Of(id);
    if (i + 1 <= settings.almostTherePosition || (p50 != null && p50 <= settings.almostThereMinutes * 60)) out.push(id);
  }
  return out;
}

/** Workers of this process by database handle: a commit that queued messages wakes its process's worker. */
const wakers = new WeakMap<Database, () => void>();
export function registerWorkerWake(db: Database, wake: (() => void) | null): void {
  if (wake) wakers.set(db, wake);
  else wakers.delete(db);
}
export function wakeWorker(db: Database): void {
  wakers.get(db)?.();
}
