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
 *    that tenant's own transaction (`withTenantTx`, RLS in force) as the SYSTEM actor, with `FOR UPDATE SKIP
 *    LOCKED`, so two processes never erase (and audit) one ticket twice.
 *
 * The clock (`now`) and the poll interval are options, so tests run it without waiting.
 */
import { sql } from "drizzle-orm";
import { rowsOf, withTenantTx, type Database } from "@qline/db";
import { anonymous } from "../context/actor.js";
import { recordAudit } from "../modules/audit/audit.service.js";
import { eraseEndedBefore } from "../modules/data-lifecycle/erasure.js";
import { logger as processLogger, type Logger } from "../observability/logger.js";

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

interface DueDeletion {
  id: string;
  parent_id: string | null;
  account_id: string;
  slug: string;
  name: string;
  deletion_scheduled_at: unknown;
}

const dayMs = 86_400_000;

/** Deletes one tenant whose grace has passed; null when another process did it first (or it was cancelled). */
export async function hardDeleteTenant(db: Database, due: DueDeletion, now: number, logger: Logger): Promise<Record<string, number> | null> {
  const counts = await withTenantTx(db, { tenantId: due.parent_id, userId: null }, async (tx) => {
    const [row] = rowsOf<{ counts: Record<string, number> | null }>(
      await tx.execute(sql`select app.hard_delete_tenant(${due.id}::uuid, ${new Date(now).toISOString()}::timestamptz) as counts`),
    );
    if (!row?.counts) return null;
    if (due.parent_id) {
      await recordAudit(tx, anonymous, {
        tenantId: due.parent_id,
        action: "tenant.hard_delete",
        targetType: "tenant",
        targetId: due.id,
        before: { name: due.name, slug: due.slug, deletionScheduledAt: String(due.deletion_scheduled_at) },
        after: { deletedRows: row.counts },
      });
    }
    return row.counts;
  });
  if (counts) logger.warn({ tenantId: due.id, accountId: due.account_id, parentId: due.parent_id, slug: due.slug, deletedRows: counts }, "tenant hard-deleted");
  return counts;
}

export function startDataLifecycleJob(options: DataLifecycleJobOptions): DataLifecycleJob {
  const pollMs = options.pollMs ?? 300_000;
  const now = options.now ?? Date.now;
  const batchSize = options.batchSize ?? 500;
  const logger = options.logger ?? processLogger;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | null = null;

  const deleteDueTenants = async (at: number): Promise<number> => {
    const due = await withTenantTx(options.db, { tenantId: null, userId: null }, async (tx) =>
      rowsOf<DueDeletion>(await tx.execute(sql`select * from app.claim_due_tenant_deletions(${new Date(at).toISOString()}::timestamptz)`)),
    );
    let deleted = 0;
    for (const tenant of due) {
      if (stopped) break;
      try {
        if (await hardDeleteTenant(options.db, tenant, at, logger)) deleted++;
      } catch (error) {
        logger.error({ err: error, tenantId: tenant.id }, "[data-lifecycle] hard delete failed (retried on the next poll)");
      }
    }
    return deleted;
  };

  const eraseExpired = async (at: number): Promise<number> => {
    let erased = 0;
    const due = await withTenantTx(options.db, { tenantId: null, userId: null }, async (tx) =>
      rowsOf<{ tenant_id: string; retention_days: number }>(
        await tx.execute(sql`select tenant_id, retention_days from app.claim_due_erasures(${new Date(at).toISOString()}::timestamptz, 1000)`),
      ),
    );
    for (const { tenant_id: tenantId, retention_days: days } of due) {
      const cutoff = new Date(at - Number(days) * dayMs);
      try {
        for (;;) {
          if (stopped) return erased;
          const n = await withTenantTx(options.db, { tenantId, userId: null }, (tx) =>
            eraseEndedBefore(tx, tenantId, cutoff, batchSize, { subject: anonymous, reason: "retention", retentionDays: Number(days) }),
          );
          erased += n;
          if (n < batchSize) break;
        }
      } catch (error) {
        logger.error({ err: error, tenantId }, "[data-lifecycle] erasure failed (retried on the next poll)");
      }
    }
    return erased;
  };

  const runOnce = async (): Promise<DataLifecycleOutcome> => {
    const at = now();
    const tenantsDeleted = await deleteDueTenants(at);
    const ticketsErased = await eraseExpired(at);
    if (tenantsDeleted || ticketsErased) logger.info({ tenantsDeleted, ticketsErased }, "[data-lifecycle] poll");
    return { tenantsDeleted, ticketsErased };
  };

  const tick = () => {
    timer = undefined;
    if (stopped) return;
    running = runOnce()
      .catch((error: unknown) => {
        if (!stopped) logger.error({ err: error }, "[data-lifecycle] poll failed");
      })
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  };
  if (options.autoStart !== false) timer = setTimeout(tick, pollMs);

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
