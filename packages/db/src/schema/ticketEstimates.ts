import { sql } from "drizzle-orm";
import { foreignKey, integer, pgPolicy, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { appRole, currentTenant } from "./roles.js";
import { tenants } from "./tenants.js";
import { tickets } from "./tickets.js";

/**
 * The estimate (staff view, seconds) each ticket was given when it was issued — what analytics measure accuracy
 * against and what messages quote. Written by the line's refresh after the issue commits, so in its own table:
 * writing it on the ticket row would lock the row a concurrent `callNext` must take in queue order (its
 * `SKIP LOCKED` would pass over the front ticket). No row = no estimate could be made.
 */
export const ticketEstimates = pgTable(
  "ticket_estimates",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    ticketId: uuid("ticket_id").notNull(),
    p50Seconds: integer("p50_seconds").notNull(),
    p90Seconds: integer("p90_seconds").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.ticketId] }),
    foreignKey({ columns: [t.tenantId, t.ticketId], foreignColumns: [tickets.tenantId, tickets.id], name: "ticket_estimates_ticket_fk" }).onDelete("cascade"),
    pgPolicy("ticket_estimates_tenant", {
      for: "all",
      to: appRole,
      using: sql`tenant_id = ${currentTenant}`,
      withCheck: sql`tenant_id = ${currentTenant}`,
    }),
  ],
).enableRLS();
