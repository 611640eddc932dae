import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { lines } from "./lines.js";
import { appRole, currentTenant } from "./roles.js";
import { tenants } from "./tenants.js";

/** A service point of a line (desk, window) that staff open and close. */
export const counters = pgTable(
  "counters",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull(),
    lineId: uuid("line_id").notNull(),
    name: text("name").notNull(),
    isOpen: boolean("is_open").notNull().default(true),
    /** Archived counters take no calls and are hidden from pickers; their tickets and analytics keep the name. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.lineId], foreignColumns: [lines.tenantId, lines.id], name: "counters_line_fk" }),
    index("counters_tenant_line_idx").on(t.tenantId, t.lineId),
    // `app.counter_tenant(id)` finds a counter's tenant by id alone.
    uniqueIndex("counters_id_key").on(t.id),
    // Two live counters of one line never share a name (case-insensitive): the TV would show "Till 1" twice.
    uniqueIndex("counters_line_name_key").on(t.tenantId, t.lineId, sql`lower(${t.name})`).where(sql`archived_at is null`),
    pgPolicy("counters_tenant", {
      for: "all",
      to: appRole,
      using: sql`tenant_id = ${currentTenant}`,
      withCheck: sql`tenant_id = ${currentTenant}`,
    }),
  ],
).enableRLS();
