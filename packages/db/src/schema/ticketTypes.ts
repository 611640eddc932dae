import { sql } from "drizzle-orm";
import { integer, jsonb, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appRole, currentTenant } from "./roles.js";
import type { LineTtl } from "./lines.js";
import { tenants } from "./tenants.js";

/** Kinds of service a tenant offers (e.g. "DEP" deposit, "ADV" advice); lines choose which they accept. */
export const ticketTypes = pgTable(
  "ticket_types",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    /** A hint for the estimator before it has learned from served tickets. */
    defaultServiceSeconds: integer("default_service_seconds"),
    /** Overrides of the line's TTL for tickets of this type (a key present here wins over the line's). */
    ttl: jsonb("ttl").$type<LineTtl>().notNull().default({}),
    /** Archived types are not offered for new tickets; existing tickets keep them (and their name). */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("ticket_types_tenant_code_key").on(t.tenantId, t.code),
    // `app.ticket_type_tenant(id)` finds a ticket type's tenant by id alone.
    uniqueIndex("ticket_types_id_key").on(t.id),
    pgPolicy("ticket_types_tenant", {
      for: "all",
      to: appRole,
      using: sql`tenant_id = ${currentTenant}`,
      withCheck: sql`tenant_id = ${currentTenant}`,
    }),
    // Chain templates: a tenant's transaction also reads the types its ancestors define (never a sibling's).
    pgPolicy("ticket_types_inherited", { for: "select", to: appRole, using: sql`tenant_id = any((select app.scope_ancestors())::uuid[])` }),
  ],
).enableRLS();
