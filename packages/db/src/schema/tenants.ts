import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgPolicy, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { accounts } from "./accounts.js";
import { appRole, currentTenant } from "./roles.js";

export interface TenantLocation {
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  /** The tenant whose venue this one sits inside (a restaurant on a cruise ship). */
  insideTenantId?: string | null;
}

export interface TenantTheme {
  logoUrl?: string | null;
  primaryColor?: string | null;
  accentColor?: string | null;
  fontFamily?: string | null;
}

/**
 * A tenant's line preset (template): what new lines in its subtree start from. Each key absent = inherited from
 * the nearest ancestor that sets it (apps/api/src/modules/tenants/templates.ts resolves it along `path`).
 */
export interface LinePresetJson {
  estimator?: string | null;
  estimatorOptions?: JsonObject | null;
  ttl?: { warnSeconds?: number | null; waitingSeconds?: number | null; calledSeconds?: number | null } | null;
  timeZone?: string | null;
  openingHours?: { day: number; opens: string; closes: string }[] | null;
  showEstimates?: boolean | null;
  notificationSettings?: JsonObject | null;
}

export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/**
 * A configured deployment. Tenants nest to any depth; `path` holds the ancestors' ids and the tenant's own id
 * (root first), so "is X inside Y's subtree" is one indexed `path @> array[Y]` and a subtree grant costs the
 * same with 10 or 10,000 subtenants.
 *
 * Visible rows for a transaction scoped to tenant S: S's subtree, S's ancestors (breadcrumbs and inherited
 * settings), and the tenants where the signed-in user holds a membership (their tenant switcher).
 */
export const tenants = pgTable(
  "tenants",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    parentId: uuid("parent_id").references((): AnyPgColumn => tenants.id),
    path: uuid("path").array().notNull(),
    depth: integer("depth").notNull(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    location: jsonb("location").$type<TenantLocation>().notNull().default({}),
    settings: jsonb("settings").$type<JsonObject>().notNull().default({}),
    theme: jsonb("theme").$type<TenantTheme>().notNull().default({}),
    /** The line preset this tenant sets for its subtree (a chain template); keys absent or null inherit. */
    linePreset: jsonb("line_preset").$type<LinePresetJson>().notNull().default({}),
    /** Ticket types inherited from ancestors that this tenant hides from its own lines and kiosks. */
    hiddenTicketTypeIds: uuid("hidden_ticket_type_ids").array().notNull().default(sql`'{}'::uuid[]`),
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    /**
     * Set by `deleteTenant`: the tenant (and its subtree) is refused like a suspended one until then, and hard-deleted
     * by the data-lifecycle job once this time has passed; `cancelTenantDeletion` clears it.
     */
    deletionScheduledAt: timestamp("deletion_scheduled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("tenants_slug_key").on(t.slug),
    index("tenants_path_gin").using("gin", t.path),
    index("tenants_account_idx").on(t.accountId),
    index("tenants_parent_idx").on(t.parentId),
    index("tenants_deletion_idx").on(t.deletionScheduledAt).where(sql`deletion_scheduled_at is not null`),
    pgPolicy("tenants_read", {
      for: "select",
      to: appRole,
      using: sql`path @> array[${currentTenant}] or id = any((select app.scope_ancestors())::uuid[]) or id = any((select app.user_tenant_ids())::uuid[])`,
    }),
    pgPolicy("tenants_create", { for: "insert", to: appRole, withCheck: sql`path @> array[${currentTenant}]` }),
    pgPolicy("tenants_update", {
      for: "update",
      to: appRole,
      using: sql`path @> array[${currentTenant}]`,
      withCheck: sql`path @> array[${currentTenant}]`,
    }),
  ],
).enableRLS();
