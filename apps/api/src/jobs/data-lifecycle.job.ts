/**
 * The data-lifecycle job, running inside every API process beside the TTL job (started by `startServer`).
 * Each poll:
 * 1. **Hard deletes.** `app.claim_due_tenant_deletions(now)` (the job's cross-tenant door) names the tenants
 *    whose deletion grace has passed (the topmost of a subtree only). Each is deleted by
 *    `app.hard_delete_tenant(id, now)`, a SECURITY DEFINER function owned by the migration role that re-checks
 *    the schedule under a row lock (so two processes delete once) and deletes every row of the subtree in every
 *    table. The record that survives: an audit entry in the parent tenant (for a subtenant) and, always, a
 *    platform log line (`tenant hard-deleted`, level warn) with the counts per table.
 * 2. **Retention.** `app.claim_due_erasures(now, limit)` names tenants holding ended tickets older than their
 *    effective `retentionDays` whose personal data is still kept; each tenant's tickets are erased in batches in
 *    that tenant's own transaction (the system door, RLS in force) as the `system` actor (audited as SYSTEM), with `FOR UPDATE SKIP
 *    LOCKED`, so two processes never erase (and audit) one ticket twice.
 *
 * It runs on the general job runner (jobs/runner.ts). The clock (`now`) and the poll interval are options, so tests
 * run it without waiting.
 */
import { sql } from "drizzle-orm";
import { col, decodeFirstRow, decodeRows, z, type Database } from "@qline/db";
import { lookupDoor, systemDoor } from "../context/doors.js";
import { recordAudit } from "../modules/audit/audit.service.js";
import { eraseEndedBefore } from "../modules/data-lifecycle/erasure.js";
import { logger as processLogger, type Logger } from "../observability/logger.js";
import { startLeasedJob } from "./runner.js";

export interface DataLifecycleJobOptions {
  db: Database;
  /** Poll interval; default 5 minutes. */
  pollMs?: number;
  /** The clock (ms epoch); default Date.now. */
  now?: () => number;
  /** Tickets erased per transaction. */
  batchSize?: number;
  /** Start polling (default true); false: only `runOnce` (tests). */
  autoStart?: boolean;
  logger?: Logger;
}

export interface DataLifecycleOutcome {
  /** Tenants (with their subtrees) deleted. */
  tenantsDeleted: number;
  /** Tickets whose personal data was erased. */
  ticketsErased: number;
}

export interface DataLifecycleJob {
  runOnce(): Promise<DataLifecycleOutcome>;
  stop(): Promise<void>;
}

const DueDeletion = z.object({
  id: col.uuid,
  parent_id: col.uuid.nullable(),
  account_id: col.uuid,
  slug: col.text,
  name: col.text,
  /** As PostgreSQL prints it (recorded in the audit row as it is). */
  deletion_scheduled_at: col.text,
});
type DueDeletion = z.output<typeof DueDeletion>;
const DueErasure = z.object({ tenant_id: col.uuid, retention_days: col.int });
const DeletedCounts = z.object({ counts: z.record(z.string(), col.int).nullable() });

const dayMs = 86_400_000;

/** Deletes one tenant whose grace has passed; null when another process did it first (or it was cancelled). */
export async function hardDeleteTenant(db: Database, due: DueDeletion, now: number, logger: Logger): Promise<Record<string, number> | null> {
  const counts = await systemDoor(db, due.parent_id, async (tx, system) => {
    const row = decodeFirstRow(
      DeletedCounts,
      await tx.execute(sql`select app.hard_delete_tenant(${due.id}::uuid, ${new Date(now).toISOString()}::timestamptz) as counts`),
    );
    if (!row?.counts) return null;
    if (due.parent_id) {
      await recordAudit(tx, system, {
        tenantId: due.parent_id,
        action: "tenant.hard_delete",
        targetType: "tenant",
        targetId: due.id,
        before: { name: due.name, slug: due.slug, deletionScheduledAt: due.deletion_scheduled_at },
        after: { deletedRows: row.counts },
      });
    }
    return row.counts;
  });
  if (counts) logger.warn({ tenantId: due.id, accountId: due.account_id, parentId: due.parent_id, slug: due.slug, deletedRows: counts }, "tenant hard-deleted");
  return counts;
}

/** One unit of the job's work: a tenant whose deletion is due, or a tenant holding tickets past retention. */
type LifecycleWork = { kind: "delete"; due: DueDeletion } | { kind: "erase"; tenantId: string; retentionDays: number };

/** On the general runner (jobs/runner.ts): a poll claims the due deletions, then the due erasures, and works them in order. */
export function startDataLifecycleJob(options: DataLifecycleJobOptions): DataLifecycleJob {
  const batchSize = options.batchSize ?? 500;
  const logger = options.logger ?? processLogger;
  let stopped = false;
  /** Counted by the handlers during one poll (runOnce reports them). */
  const counts: DataLifecycleOutcome = { tenantsDeleted: 0, ticketsErased: 0 };
  let claimedAt = 0;

  const claim = async (at: number, limit: number): Promise<LifecycleWork[]> => {
    claimedAt = at;
    const iso = new Date(at).toISOString();
    return lookupDoor(options.db, async (tx) => {
      const deletions = decodeRows(DueDeletion, await tx.execute(sql`select * from app.claim_due_tenant_deletions(${iso}::timestamptz)`));
      const erasures = decodeRows(
        DueErasure,
        await tx.execute(sql`select tenant_id, retention_days from app.claim_due_erasures(${iso}::timestamptz, ${limit})`),
      );
      return [
        ...deletions.map((due): LifecycleWork => ({ kind: "delete", due })),
        ...erasures.map((e): LifecycleWork => ({ kind: "erase", tenantId: e.tenant_id, retentionDays: e.retention_days })),
      ];
    });
  };

  const handle = async (work: LifecycleWork): Promise<boolean> => {
    if (stopped) return false;
    if (work.kind === "delete") {
      const deleted = await hardDeleteTenant(options.db, work.due, claimedAt, logger);
      if (deleted) counts.tenantsDeleted++;
      return deleted !== null;
    }
    const cutoff = new Date(claimedAt - work.retentionDays * dayMs);
    let erased = 0;
    for (;;) {
      if (stopped) break;
      const n = await systemDoor(options.db, work.tenantId, (tx, system) =>
        eraseEndedBefore(tx, work.tenantId, cutoff, batchSize, { subject: system, reason: "retention", retentionDays: work.retentionDays }),
      );
      erased += n;
      if (n < batchSize) break;
    }
    counts.ticketsErased += erased;
    return erased > 0;
  };

  const job = startLeasedJob<LifecycleWork>({
    name: "data-lifecycle",
    claim,
    handle,
    describe: (work) => (work.kind === "delete" ? `hard delete of tenant ${work.due.id}` : `erasure in tenant ${work.tenantId}`),
    pollMs: options.pollMs ?? 300_000,
    ...(options.now ? { now: options.now } : {}),
    // Both claims return everything due (deletions are few; erasures are one item per tenant).
    batchSize: 1000,
    ...(options.autoStart === false ? { autoStart: false } : {}),
    log: (message, error) => logger.error({ err: error }, message),
  });

  return {
    async runOnce() {
      counts.tenantsDeleted = 0;
      counts.ticketsErased = 0;
      await job.runOnce();
      const outcome = { ...counts };
      if (outcome.tenantsDeleted || outcome.ticketsErased) logger.info(outcome, "[data-lifecycle] poll");
      return outcome;
    },
    async stop() {
      stopped = true;
      await job.stop();
    },
  };
}
