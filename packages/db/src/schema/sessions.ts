import { sql } from "drizzle-orm";
import { index, pgPolicy, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { appRole, currentUser } from "./roles.js";
import { users } from "./users.js";

/**
 * Sign-in sessions: one row per token issued by signUp, login or changePassword. A token names its session
 * (`sid`); authentication accepts it only while the row is neither revoked nor expired, so logout and a
 * password change end sessions at once. Owned by the user, not by a tenant: a user sees and ends only their
 * own sessions (the token's verified subject is the transaction's user scope before any tenant is known).
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    // logoutEverywhere and changePassword revoke a user's live sessions: a partial index finds exactly those.
    index("sessions_user_live_idx").on(t.userId).where(sql`revoked_at is null`),
    pgPolicy("sessions_own", {
      for: "all",
      to: appRole,
      using: sql`user_id = ${currentUser}`,
      withCheck: sql`user_id = ${currentUser}`,
    }),
  ],
).enableRLS();
