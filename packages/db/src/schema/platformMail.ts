import { sql } from "drizzle-orm";
import { index, integer, pgPolicy, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { appRole } from "./roles.js";

/** What a platform email is about (for logs and the dev mailbox; the words are in `subject`/`body`). */
export const platformMailKinds = ["INVITATION", "PASSWORD_RESET", "SIGN_UP"] as const;
export type PlatformMailKind = (typeof platformMailKinds)[number];

/** PENDING → SENDING (claimed, leased) → SENT | RETRYING (due again) | DEAD (gave up). */
export const platformMailStatuses = ["PENDING", "SENDING", "SENT", "RETRYING", "DEAD"] as const;
export type PlatformMailStatus = (typeof platformMailStatuses)[number];

/**
 * The platform's own outbox: emails qline sends as itself, not on behalf of a tenant's customers (invitations,
 * password resets). Written in the transaction of the change that causes the mail, so a mail exists exactly
 * when its invitation or reset does, and never sent inside it: the platform mail worker claims rows through
 * `app.claim_platform_mail` and settles them through `app.settle_platform_mail` (migration 0020). The app role may
 * only insert; the body carries a one-time link, so it is erased once the mail is sent or given up.
 */
export const platformMail = pgTable(
  "platform_mail",
  {
    id: uuid("id").primaryKey(),
    kind: text("kind").$type<PlatformMailKind>().notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body"),
    status: text("status").$type<PlatformMailStatus>().notNull().default("PENDING"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("platform_mail_due_idx").on(t.nextAttemptAt).where(sql`status in ('PENDING', 'RETRYING', 'SENDING')`),
    pgPolicy("platform_mail_enqueue", { for: "insert", to: appRole, withCheck: sql`true` }),
  ],
).enableRLS();
