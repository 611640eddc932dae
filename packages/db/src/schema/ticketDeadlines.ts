import { sql } from "drizzle-orm";
import { foreignKey, index, pgPolicy, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { appRole, currentTenant } from "./roles.js";
import { tenants } from "./tenants.js";
import { tickets } from "./tickets.js";

/** What the TTL job does when a deadline falls due. */
export const deadlineActions = ["WARN", "EXPIRE", "NO_SHOW"] as const;
export type DeadlineAction = (typeof deadlineActions)[number];

/**
 * Due work of the TTL job (apps/api/src/jobs/ttl.job.ts), persisted so a restart forgets nothing. Rows are
 * written by the `tickets_deadlines` trigger (migration 0007) from the line's and ticket type's TTL whenever a
 * ticket enters WAITING or CALLED, and removed when it leaves. Claimed across tenants only through
 * `app.claim_due_ticket_deadlines` (SKIP LOCKED + lease); the action deletes its row in the tenant's own
 * transaction, so an action and its removal commit together (exactly once).
 */
export const ticketDeadlines = pgTable(
  "ticket_deadlines",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    ticketId: uuid("ticket_id").notNull(),
    action: text("action").$type<DeadlineAction>().notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    /** Set by a claim: another process may reclaim the row only after this (a crashed claimer's lease). */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.ticketId, t.action] }),
    foreignKey({ columns: [t.tenantId, t.ticketId], foreignColumns: [tickets.tenantId, tickets.id], name: "ticket_deadlines_ticket_fk" }).onDelete("cascade"),
    index("ticket_deadlines_due_idx").on(t.dueAt),
    pgPolicy("ticket_deadlines_tenant", {
      for: "all",
      to: appRole,
      using: sql`tenant_id = ${currentTenant}`,
      withCheck: sql`tenant_id = ${currentTenant}`,
    }),
  ],
).enableRLS();
