import { sql } from "drizzle-orm";
import { index, pgPolicy, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { appRole, currentUser } from "./roles.js";
import { users } from "./users.js";

/**
 * Password-reset tokens, platform-level (owned by the user, like sessions). Only the SHA-256 of the emailed
 * token is stored; it works once (`used_at`) and until `expires_at`. The reset page knows only the token, so it is
 * found through `app.password_reset_by_token` (migration 0020), then used with its user as the transaction's scope.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    index("password_resets_token_hash_idx").on(t.tokenHash),
    index("password_resets_user_idx").on(t.userId),
    pgPolicy("password_resets_own", {
      for: "all",
      to: appRole,
      using: sql`user_id = ${currentUser}`,
      withCheck: sql`user_id = ${currentUser}`,
    }),
  ],
).enableRLS();
