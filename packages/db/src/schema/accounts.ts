import { sql } from "drizzle-orm";
import { pgPolicy, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { appRole, currentUser } from "./roles.js";
import { users } from "./users.js";

/** The billing holder. Owns 0..n root tenants. Not tenant-owned: visible to its owner and its tenants' members. */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey(),
    name: text("name").notNull(),
    ownerUserId: uuid("owner_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  () => [
    pgPolicy("accounts_read", {
      for: "select",
      to: appRole,
      using: sql`owner_user_id = ${currentUser} or id = (select app.scope_account_id()) or id = any((select app.user_account_ids())::uuid[])`,
    }),
    pgPolicy("accounts_create", { for: "insert", to: appRole, withCheck: sql`owner_user_id = ${currentUser}` }),
    pgPolicy("accounts_update", {
      for: "update",
      to: appRole,
      using: sql`owner_user_id = ${currentUser}`,
      withCheck: sql`owner_user_id = ${currentUser}`,
    }),
  ],
).enableRLS();
