import { sql } from "drizzle-orm";
import { pgPolicy, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appRole, currentTenant, currentUser } from "./roles.js";

/**
 * People. Global (one login, memberships in many tenants). A user sees their own row; members of the tenant
 * in scope see each other. Login reads the hash through `app.login_lookup`, never through this policy.
 */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    pgPolicy("users_read", {
      for: "select",
      to: appRole,
      using: sql`id = ${currentUser} or exists (select 1 from memberships m where m.user_id = users.id and m.tenant_id = ${currentTenant})`,
    }),
    pgPolicy("users_create_self", { for: "insert", to: appRole, withCheck: sql`id = ${currentUser}` }),
    pgPolicy("users_update_self", {
      for: "update",
      to: appRole,
      using: sql`id = ${currentUser}`,
      withCheck: sql`id = ${currentUser}`,
    }),
  ],
).enableRLS();
