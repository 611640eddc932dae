import { sql } from "drizzle-orm";
import { index, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { memberRole } from "./memberships.js";
import { appRole, currentTenant } from "./roles.js";
import { tenants } from "./tenants.js";
import { users } from "./users.js";

/**
 * An invitation to hold `role` on a tenant, sent to an email address. Tenant-owned. Nobody becomes a member
 * until the invitee accepts (consent); the inviter never sees whether the address has an account, nor the
 * invitee's name before acceptance. Only the SHA-256 of the link's token is stored; the link works once, until
 * `expires_at`, and not after a resend (a new token) or a revocation. The invitee finds the invitation through
 * the token alone (`app.invitation_by_token`, migration 0020), before any tenant is in scope.
 */
export const invitations = pgTable(
  "invitations",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull(),
    /** Lower-cased. Personal data of someone who has not agreed to anything yet: kept only while pending. */
    email: text("email").notNull(),
    role: memberRole("role").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedByUserId: uuid("invited_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the current link was sent (a resend replaces the token and moves this). */
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedByUserId: uuid("accepted_by_user_id").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // One open invitation per address and tenant: inviting again replaces the open one.
    uniqueIndex("invitations_tenant_open_email_key").on(t.tenantId, t.email).where(sql`accepted_at is null and revoked_at is null`),
    // The invitee's link finds its invitation by the token's hash alone (the lookup door).
    index("invitations_token_hash_idx").on(t.tokenHash),
    pgPolicy("invitations_tenant", {
      for: "all",
      to: appRole,
      using: sql`tenant_id = ${currentTenant}`,
      withCheck: sql`tenant_id = ${currentTenant}`,
    }),
  ],
).enableRLS();
