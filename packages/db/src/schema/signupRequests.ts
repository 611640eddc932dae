import { index, pgPolicy, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { appRole } from "./roles.js";

/**
 * Sign-ups waiting for their email to be confirmed (platform-level: no user or tenant exists yet). `startSignUp`
 * writes one (the password already hashed) and mails its link; `confirmSignUp` spends it through
 * `app.claim_signup_request` (migration 0022) in the transaction that creates the account, so a link works once
 * and only until `expires_at`. The app role may only insert; only the SHA-256 of the link's token is stored.
 */
export const signupRequests = pgTable(
  "signup_requests",
  {
    id: uuid("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    accountName: text("account_name").notNull(),
    tenantName: text("tenant_name").notNull(),
    tenantSlug: text("tenant_slug").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("signup_requests_token_hash_idx").on(t.tokenHash), pgPolicy("signup_requests_insert", { for: "insert", to: appRole, withCheck: sql`true` })],
).enableRLS();
