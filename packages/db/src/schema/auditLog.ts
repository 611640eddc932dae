import { sql } from "drizzle-orm";
import { index, jsonb, pgPolicy, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { appRole, currentTenant } from "./roles.js";
import { tenants } from "./tenants.js";

/**
 * Who acted (`actor_type`, plain text: any value fits). TICKET_HOLDER: the holder of a tracking code (public
 * operations on their own ticket); actor_id is the ticket. SYSTEM: the server itself (jobs, after-commit work).
 * ANONYMOUS: a caller without credentials or capability. ticket_events.actor_type takes the same values.
 */
export type AuditActorType = "USER" | "API_KEY" | "SYSTEM" | "TICKET_HOLDER" | "ANONYMOUS";

/** Append-only (the app role has no UPDATE or DELETE grant): who did what, in which tenant, before and after. */
export const auditLog = pgTable(
  "audit_log",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull(),
    actorType: text("actor_type").$type<AuditActorType>().notNull(),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("audit_log_tenant_time_idx").on(t.tenantId, t.createdAt.desc()),
    // A line refresh reads the openings and closings of its counters (the estimator's counter changes): without
    // this it would walk every audit entry of the tenant in the window (one per ticket change).
    index("audit_log_counter_changes_idx")
      .on(t.tenantId, t.targetId, t.createdAt)
      .where(sql`target_type = 'counter' and action in ('counter.open', 'counter.close')`),
    pgPolicy("audit_log_read", { for: "select", to: appRole, using: sql`tenant_id = ${currentTenant}` }),
    pgPolicy("audit_log_append", { for: "insert", to: appRole, withCheck: sql`tenant_id = ${currentTenant}` }),
  ],
).enableRLS();
