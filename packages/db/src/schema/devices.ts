import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { apiKeys } from "./apiKeys.js";
import { appRole, currentTenant } from "./roles.js";
import { tenants } from "./tenants.js";

export const deviceKinds = ["KIOSK", "DISPLAY"] as const;
export type DeviceKind = (typeof deviceKinds)[number];

/**
 * A kiosk or a display, named by the admin and paired by link: no key is ever typed. The device's credential is
 * an ordinary API key (`api_key_id`, scopes by kind) minted when the device exchanges its pairing token, so no
 * secret is ever stored: only the token's SHA-256, single-use (`pairing_used_at`) and short-lived. Re-pairing
 * issues a new token; its exchange revokes the previous key. `line_ids` empty means every line of the tenant.
 * The public exchange finds the token through `app.device_pairing_lookup`, before any tenant is in scope.
 */
export const devices = pgTable(
  "devices",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    kind: text("kind").$type<DeviceKind>().notNull(),
    lineIds: uuid("line_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /** A display's message strip (announcements, opening hours); null shows none. */
    message: text("message"),
    apiKeyId: uuid("api_key_id"),
    pairingTokenHash: text("pairing_token_hash"),
    pairingExpiresAt: timestamp("pairing_expires_at", { withTimezone: true }),
    pairingUsedAt: timestamp("pairing_used_at", { withTimezone: true }),
    pairedAt: timestamp("paired_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.apiKeyId], foreignColumns: [apiKeys.tenantId, apiKeys.id] }).onDelete("no action"),
    check("devices_kind_check", sql`kind in ('KIOSK', 'DISPLAY')`),
    // The pairing door looks a token up by hash across tenants (like API keys by prefix).
    uniqueIndex("devices_pairing_token_key").on(t.pairingTokenHash),
    index("devices_tenant_api_key_idx").on(t.tenantId, t.apiKeyId),
    pgPolicy("devices_tenant", {
      for: "all",
      to: appRole,
      using: sql`tenant_id = ${currentTenant}`,
      withCheck: sql`tenant_id = ${currentTenant}`,
    }),
  ],
).enableRLS();
