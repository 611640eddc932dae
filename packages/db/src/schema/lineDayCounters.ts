import { sql } from "drizzle-orm";
import { date, foreignKey, integer, pgPolicy, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { lines } from "./lines.js";
import { appRole, currentTenant } from "./roles.js";

/**
 * The last ticket number handed out per line per service day. issueTicket increments it with
 * `insert ... on conflict do update set last = last + 1 returning last` in the same transaction as the ticket
 * insert: the row lock serialises issuers of one line, and a rolled-back issue rolls its number back, so
 * numbers are never duplicated and never skipped.
 */
export const lineDayCounters = pgTable(
  "line_day_counters",
  {
    tenantId: uuid("tenant_id").notNull(),
    lineId: uuid("line_id").notNull(),
    serviceDay: date("service_day").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.lineId, t.serviceDay] }),
    foreignKey({ columns: [t.tenantId, t.lineId], foreignColumns: [lines.tenantId, lines.id], name: "line_day_counters_line_fk" }),
    pgPolicy("line_day_counters_tenant", {
      for: "all",
      to: appRole,
      using: sql`tenant_id = ${currentTenant}`,
      withCheck: sql`tenant_id = ${currentTenant}`,
    }),
  ],
).enableRLS();
