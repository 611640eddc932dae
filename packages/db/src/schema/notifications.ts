import { sql } from "drizzle-orm";
import { bigint, check, foreignKey, index, integer, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appRole, currentTenant } from "./roles.js";
import { tenants } from "./tenants.js";
import { tickets } from "./tickets.js";

/** How a message reaches its recipient (the customer's choice on the ticket, `tickets.notify_channels`). */
export const notificationChannels = ["PUSH", "SMS", "EMAIL"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** What caused a message. ESCALATED goes to staff (TTL warn), every other trigger to the ticket's holder. */
export const notificationTriggers = ["JOINED", "ALMOST_THERE", "CALLED", "NO_SHOW", "EXPIRED", "CANCELLED", "ESCALATED"] as const;
export type NotificationTrigger = (typeof notificationTriggers)[number];

/**
 * PENDING (due at `next_attempt_at`) → SENDING (rendered, leased, being delivered) → SENT | RETRYING (due again
 * at `next_attempt_at`) | DEAD (gave up, `last_error` says why) | SKIPPED (nothing to send to, e.g. no recipient).
 */
export const notificationStatuses = ["PENDING", "SENDING", "SENT", "RETRYING", "DEAD", "SKIPPED"] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

/** Which outside service delivered (or tried to deliver) a message; set when a delivery is attempted. */
export const notificationProviders = ["WEB_PUSH", "TWILIO", "WEBHOOK", "SMTP"] as const;
export type NotificationProviderName = (typeof notificationProviders)[number];

/**
 * The notification outbox. A row is written in the same transaction as the ticket change that causes it, and a
 * worker (apps/api/src/modules/notifications/worker.ts) delivers it: claimed across tenants only through
 * `app.claim_due_notifications` (SKIP LOCKED + lease, migration 0016), rendered and marked SENDING in the
 * tenant's transaction, sent outside any transaction, settled in another. The row's `id` is the idempotency key
 * every provider sees, so a retry after a crash mid-delivery is recognisable as the same message.
 * Customer messages are unique per (ticket, trigger, channel); staff messages per (ticket, trigger, user).
 * `seq` orders a ticket's messages: a later one is not claimed while an earlier one on the same channel is open.
 */
export const notifications = pgTable(
  "notifications",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull(),
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    ticketId: uuid("ticket_id"),
    lineId: uuid("line_id"),
    trigger: text("trigger").$type<NotificationTrigger>().notNull(),
    channel: text("channel").$type<NotificationChannel>().notNull(),
    provider: text("provider").$type<NotificationProviderName>(),
    /** Phone (E.164), email address or push endpoint: personal data, erasable. */
    recipient: text("recipient"),
    /** A staff member's escalation email: the user it was meant for (null for customer messages). */
    recipientUserId: uuid("recipient_user_id"),
    language: text("language").notNull().default("en"),
    /** Rendered at the first delivery attempt and kept, so every retry sends the same words. Erasable. */
    subject: text("subject"),
    body: text("body"),
    status: text("status").$type<NotificationStatus>().notNull().default("PENDING"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set by a claim: another process may take the row only after this (a crashed deliverer's lease). */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ticketId], foreignColumns: [tickets.tenantId, tickets.id], name: "notifications_ticket_fk" }).onDelete("cascade"),
    uniqueIndex("notifications_customer_key").on(t.tenantId, t.ticketId, t.trigger, t.channel).where(sql`recipient_user_id is null`),
    uniqueIndex("notifications_staff_key").on(t.tenantId, t.ticketId, t.trigger, t.recipientUserId).where(sql`recipient_user_id is not null`),
    uniqueIndex("notifications_id_key").on(t.id),
    // The claim: open rows by due time (a handful, however long the history).
    index("notifications_due_idx").on(t.nextAttemptAt).where(sql`status in ('PENDING', 'RETRYING', 'SENDING')`),
    // Order per ticket and the ticket's delivery log.
    index("notifications_ticket_idx").on(t.tenantId, t.ticketId, t.seq),
    // The tenant's delivery log, newest first.
    index("notifications_tenant_created_idx").on(t.tenantId, t.createdAt, t.id),
    check("notifications_trigger_check", sql`trigger in ('JOINED', 'ALMOST_THERE', 'CALLED', 'NO_SHOW', 'EXPIRED', 'CANCELLED', 'ESCALATED')`),
    check("notifications_channel_check", sql`channel in ('PUSH', 'SMS', 'EMAIL')`),
    check("notifications_provider_check", sql`provider is null or provider in ('WEB_PUSH', 'TWILIO', 'WEBHOOK', 'SMTP')`),
    check("notifications_status_check", sql`status in ('PENDING', 'SENDING', 'SENT', 'RETRYING', 'DEAD', 'SKIPPED')`),
    pgPolicy("notifications_tenant", {
      for: "all",
      to: appRole,
      using: sql`tenant_id = ${currentTenant}`,
      withCheck: sql`tenant_id = ${currentTenant}`,
    }),
  ],
).enableRLS();

/** A tenant's own wording for one trigger × channel × language; absent = the built-in default. */
export const notificationTemplates = pgTable(
  "notification_templates",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    trigger: text("trigger").$type<NotificationTrigger>().notNull(),
    channel: text("channel").$type<NotificationChannel>().notNull(),
    language: text("language").notNull(),
    /** EMAIL only. */
    subject: text("subject"),
    body: text("body").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.trigger, t.channel, t.language] }),
    pgPolicy("notification_templates_tenant", {
      for: "all",
      to: appRole,
      using: sql`tenant_id = ${currentTenant}`,
      withCheck: sql`tenant_id = ${currentTenant}`,
    }),
  ],
).enableRLS();

/** Kinds of tenant-owned credentials. */
export const tenantSecretKinds = ["TWILIO_AUTH_TOKEN", "WEBHOOK_SECRET"] as const;
export type TenantSecretKind = (typeof tenantSecretKinds)[number];

/**
 * Tenant-owned provider credentials, encrypted at rest (AES-256-GCM; `ciphertext` is
 * `v1.<iv>.<tag>.<data>` in base64url, key from `QLINE_SECRETS_KEY` or the data dir). Never returned by the API.
 */
export const tenantSecrets = pgTable(
  "tenant_secrets",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    kind: text("kind").$type<TenantSecretKind>().notNull(),
    ciphertext: text("ciphertext").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.kind] }),
    pgPolicy("tenant_secrets_tenant", {
      for: "all",
      to: appRole,
      using: sql`tenant_id = ${currentTenant}`,
      withCheck: sql`tenant_id = ${currentTenant}`,
    }),
  ],
).enableRLS();
