/**
 * The TTL job, running inside every API process (started by `startServer`, stopped on close).
 *
 * Due work lives in `ticket_deadlines` (written by a trigger from the line's and ticket type's TTL), not in
 * timers, so a restart forgets nothing. Each poll:
 * 1. claims due rows across tenants through the one cross-tenant door, `app.claim_due_ticket_deadlines`
 *    (`FOR UPDATE SKIP LOCKED`, so two processes never claim the same row; a claim is a lease, so a process
 *    that dies after claiming leaves the row to be reclaimed when the lease ends);
 * 2. runs each action in that tenant's own transaction (the system door, RLS in force) as the `system` actor
 *    (history and audit rows say SYSTEM):
 *    lock the ticket, delete the deadline row — only the transaction that deletes it acts, and the action
 *    commits with the deletion, so each escalation/expiry/no-show happens exactly once — then WARN
 *    (TICKET_ESCALATED event + audit), EXPIRE (WAITING → EXPIRED) or NO_SHOW (CALLED → NO_SHOW);
 * 3. publishes after commit: positions and estimates of the line update live.
 * The loop (poll, claim, lease, batches) is the general runner in jobs/runner.ts, shared with the notification
 * worker.
 *
 * The clock (`now`) and the poll interval are options, so tests run it without waiting.
 */
import { sql } from "drizzle-orm";
import { col, deadlineActions, decodeFirstRow, decodeRows, tenants, ticketEvents, ticketStatuses, z, type Database, type DeadlineAction } from "@qline/db";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { auditActor } from "../context/actor.js";
import { lookupDoor, systemDoor } from "../context/doors.js";
import { recordAudit } from "../modules/audit/audit.service.js";
import { publishAfterCommit } from "../modules/tickets/live/line-state.js";
import { lineEvent } from "../modules/tickets/live/events.js";
import { runTransition } from "../modules/tickets/transitions.js";
import { loadTicket } from "../modules/tickets/views.js";
import { enqueueEscalation } from "../modules/notifications/outbox.js";
import type { QlinePubSub } from "../pubsub/pubsub.js";
import type { TtlPollOutcome } from "../observability/metrics.js";
import { startLeasedJob, type LeasedJob } from "./runner.js";

export interface TtlJobOptions {
  db: Database;
  pubsub: QlinePubSub;
  /** Poll interval; default 5 s. */
  pollMs?: number;
  /** The clock (ms epoch); default Date.now. */
  now?: () => number;
  /** Rows claimed per poll (more are taken on the next poll at once). */
  batchSize?: number;
  /** How long a claim holds before another process may take the row over. */
  leaseSeconds?: number;
  /** Start polling (default true); false: only `runOnce` (tests). */
  autoStart?: boolean;
  log?: (message: string, error?: unknown) => void;
  /** Called after every poll (metrics: job lag, actions, failures). */
  onPoll?: (outcome: TtlPollOutcome) => void;
}

export interface ClaimedDeadline {
  tenantId: string;
  ticketId: string;
  action: DeadlineAction;
}

/** One poll (`runOnce`), `kick`, `stop`: the general runner (jobs/runner.ts). */
export type TtlJob = LeasedJob;

const ClaimedRow = z.object({ tenant_id: col.uuid, ticket_id: col.uuid, action: z.enum(deadlineActions) });
const LockedTicket = z.object({ status: z.enum(ticketStatuses), line_id: col.uuid });
const RemovedRow = z.object({ action: z.enum(deadlineActions) });

/** Claims due rows (the job's only cross-tenant door, through the lookup door: no scope, ids only). */
export async function claimDueDeadlines(db: Database, now: number, limit: number, leaseSeconds: number): Promise<ClaimedDeadline[]> {
  const rows = await lookupDoor(db, async (tx) =>
    decodeRows(
      ClaimedRow,
      await tx.execute(sql`select tenant_id, ticket_id, action from app.claim_due_ticket_deadlines(${new Date(now).toISOString()}::timestamptz, ${limit}, ${leaseSeconds})`),
    ),
  );
  return rows.map((r) => ({ tenantId: r.tenant_id, ticketId: r.ticket_id, action: r.action }));
}

/** Acts on one claimed deadline in its tenant's transaction; false when it was already done (or moot). */
export async function runDeadline(db: Database, pubsub: QlinePubSub, claimed: ClaimedDeadline): Promise<boolean> {
  const { tenantId, ticketId, action } = claimed;
  const result = await systemDoor(db, tenantId, async (tx, system) => {
    // Ticket first, then the deadline row: the same lock order as staff operations (whose trigger edits deadlines).
    const ticket = decodeFirstRow(
      LockedTicket,
      await tx.execute(sql`select status, line_id from tickets where tenant_id = ${tenantId} and id = ${ticketId} for update`),
    );
    const removed = decodeRows(
      RemovedRow,
      await tx.execute(sql`delete from ticket_deadlines where tenant_id = ${tenantId} and ticket_id = ${ticketId} and action = ${action} returning action`),
    );
    if (!ticket || removed.length === 0) return null; // done by another process, or the ticket moved on
    const [tenant] = await tx.select({ path: tenants.path }).from(tenants).where(eq(tenants.id, tenantId));
    const path = tenant?.path ?? [tenantId];
    if (action === "WARN") {
      if (ticket.status !== "WAITING" && ticket.status !== "CALLED") return null;
      await tx.insert(ticketEvents).values({
        tenantId,
        id: randomUUID(),
        ticketId,
        lineId: ticket.line_id,
        kind: "TICKET_ESCALATED",
        fromStatus: ticket.status,
        toStatus: ticket.status,
        counterId: null,
        ...auditActor(system),
        data: { reason: "warnAfter" },
        at: new Date(),
      });
      const queuedMessages = await enqueueEscalation(tx, tenantId, ticketId, ticket.line_id); // MANAGER+ who opted in get an email
      await recordAudit(tx, system, { tenantId, action: "ticket.escalate", targetType: "ticket", targetId: ticketId, after: { status: ticket.status, reason: "warnAfter" } });
      const view = (await loadTicket(tx, tenantId, ticketId))!;
      return [await lineEvent(tx, path, tenantId, ticket.line_id, "TICKET_ESCALATED", view, { queuedMessages })];
    }
    if (action === "EXPIRE" && ticket.status !== "WAITING") return null;
    if (action === "NO_SHOW" && ticket.status !== "CALLED") return null;
    const { events } = await runTransition(tx, system, path, tenantId, ticketId, action === "EXPIRE" ? "expire" : "markNoShow");
    return events;
  });
  if (!result) return false;
  publishAfterCommit({ db, pubsub }, result);
  return true;
}

export function startTtlJob(options: TtlJobOptions): TtlJob {
  return startLeasedJob<ClaimedDeadline>({
    name: "ttl",
    claim: (now, limit, lease) => claimDueDeadlines(options.db, now, limit, lease),
    handle: (row) => runDeadline(options.db, options.pubsub, row),
    describe: (row) => `${row.action} of ticket ${row.ticketId}`,
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    ...(options.leaseSeconds !== undefined ? { leaseSeconds: options.leaseSeconds } : {}),
    ...(options.autoStart !== undefined ? { autoStart: options.autoStart } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.onPoll ? { onPoll: options.onPoll } : {}),
  });
}
