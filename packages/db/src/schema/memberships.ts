import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgPolicy, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { appRole, currentTenant, currentUser } from "./roles.js";
import { tenants } from "./tenants.js";
import { users } from "./users.js";

/** Strongest first. A role held on a tenant applies to its whole subtree. */
export const memberRoles = ["OWNER", "ADMIN", "MANAGER", "STAFF", "VIEWER"] as const;
export type MemberRole = (typeof memberRoles)[number];
export const memberRole = pgEnum("member_role", memberRoles);

/** Tenant-owned. Also readable by the member themself, wherever it is (that is how a subtree role is found). */
export const memberships = pgTable(
  "memberships",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: memberRole("role").notNull(),
    /** MANAGER+ opted in to TTL escalation emails for this tenant (setMyEscalationEmails). */
    escalationEmails: boolean("escalation_emails").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    index("memberships_user_idx").on(t.userId),
    pgPolicy("memberships_read", {
      for: "select",
      to: appRole,
      using: sql`tenant_id = ${currentTenant} or user_id = ${currentUser}`,
    }),
    pgPolicy("memberships_write", {
      for: "all",
      to: appRole,
      using: sql`tenant_id = ${currentTenant}`,
      withCheck: sql`tenant_id = ${currentTenant}`,
    }),
  ],
).enableRLS();
