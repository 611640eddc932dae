import { sql } from "drizzle-orm";
import { index, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appRole, currentTenant } from "./roles.js";
import { tenants } from "./tenants.js";

/**
 * Device and partner credentials. The secret is shown once; only its SHA-256 is stored (the secret is 32
 * random bytes, so a slow KDF would add latency to every request without adding safety).
 * Authentication looks keys up by prefix through `app.api_key_lookup`, before any tenant is in scope.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("api_keys_tenant_prefix_key").on(t.tenantId, t.prefix),
    index("api_keys_prefix_idx").on(t.prefix),
    pgPolicy("api_keys_tenant", {
      for: "all",
      to: appRole,
      using: sql`tenant_id = ${currentTenant}`,
      withCheck: sql`tenant_id = ${currentTenant}`,
    }),
  ],
).enableRLS();
