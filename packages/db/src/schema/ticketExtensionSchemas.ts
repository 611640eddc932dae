import { sql } from "drizzle-orm";
import { boolean, integer, jsonb, pgPolicy, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { appRole, currentTenant } from "./roles.js";
import { tenants, type JsonObject } from "./tenants.js";

/**
 * Versions of a tenant's JSON Schema (draft 2020-12) for ticket `extensions`. Append-only: the highest version
 * is current; each ticket records the version it was validated against, so old tickets stay readable.
 */
export const ticketExtensionSchemas = pgTable(
  "ticket_extension_schemas",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    version: integer("version").notNull(),
    schema: jsonb("schema").$type<JsonObject>().notNull(),
    /** A version that hands the tenant back to its ancestors' schema (resetTemplateField); `schema` is `{}`. */
    inherit: boolean("inherit").notNull().default(false),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.version] }),
    pgPolicy("ticket_extension_schemas_read", { for: "select", to: appRole, using: sql`tenant_id = ${currentTenant}` }),
    // Chain templates: the schemas of the tenant's ancestors, for the inherited custom fields.
    pgPolicy("ticket_extension_schemas_inherited", { for: "select", to: appRole, using: sql`tenant_id = any((select app.scope_ancestors())::uuid[])` }),
    pgPolicy("ticket_extension_schemas_append", { for: "insert", to: appRole, withCheck: sql`tenant_id = ${currentTenant}` }),
  ],
).enableRLS();
