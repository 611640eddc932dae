import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, jsonb, numeric, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { counters } from "./counters.js";
import { lines } from "./lines.js";
import { appRole, currentTenant } from "./roles.js";
import { tenants, type JsonObject } from "./tenants.js";
import { ticketTypes } from "./ticketTypes.js";

/** The lifecycle (apps/api/src/modules/tickets/ticket-state.ts decides which moves are legal). */
export const ticketStatuses = ["WAITING", "CALLED", "SERVING", "SERVED", "CANCELLED", "NO_SHOW", "EXPIRED"] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** How a ticket was issued: at a kiosk, by the customer's own phone, by staff, or by a partner's API key. */
export const ticketChannels = ["KIOSK", "REMOTE", "STAFF", "API"] as const;
export type TicketChannel = (typeof ticketChannels)[number];

/**
 * A customer's place in a line. `number` is the human label (`A042`), unique per line per service day;
 * `tracking_code` is the customer's capability (unguessable, globally unique, looked up only through
 * `app.ticket_by_code`). Order in the line is `(sort_key, id)`: `sort_key` starts as the join time
 * in epoch seconds and changes only when staff move a ticket; a transfer keeps `joined_at` and `sort_key`.
 */
export const tickets = pgTable(
  "tickets",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull(),
    lineId: uuid("line_id").notNull(),
    ticketTypeId: uuid("ticket_type_id"),
    counterId: uuid("counter_id"),
    serviceDay: date("service_day").notNull(),
    seq: integer("seq").notNull(),
    /** The line (and so prefix/day) the number was issued in; a transferred ticket keeps its label. */
    issuedLineId: uuid("issued_line_id").notNull(),
    number: text("number").notNull(),
    trackingCode: text("tracking_code").notNull(),
    status: text("status").$type<TicketStatus>().notNull().default("WAITING"),
    sortKey: numeric("sort_key").notNull(),
    customerName: text("customer_name"),
    /** E.164 when issued through joinLine (validated there); as given by staff or kiosks otherwise. */
    phone: text("phone"),
    email: text("email"),
    channel: text("channel").$type<TicketChannel>().notNull().default("API"),
    /** When the holder used "I'm running late" (once per ticket). */
    ranLateAt: timestamp("ran_late_at", { withTimezone: true }),
    partySize: integer("party_size").notNull().default(1),
    extensions: jsonb("extensions").$type<JsonObject>().notNull().default({}),
    extensionSchemaVersion: integer("extension_schema_version"),
    idempotencyKey: text("idempotency_key"),
    /** SHA-256 of the issue request, to tell a retry (same payload) from a reused key (CONFLICT). */
    idempotencyHash: text("idempotency_hash"),
    cancelReason: text("cancel_reason"),
    /** Channels the customer chose for messages about this ticket (subset of PUSH, SMS, EMAIL). */
    notifyChannels: text("notify_channels").array().$type<("PUSH" | "SMS" | "EMAIL")[]>().notNull().default(sql`'{}'::text[]`),
    /** The browser's PushSubscription JSON ({endpoint, keys: {p256dh, auth}}); null = none. Personal data. */
    pushSubscription: jsonb("push_subscription").$type<JsonObject | null>(),
    /** Language of the customer's messages ("en" | "de"). */
    language: text("language").notNull().default("en"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    calledAt: timestamp("called_at", { withTimezone: true }),
    servedAt: timestamp("served_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** When the customer's contact data and extension answers were erased (retention or `eraseCustomerData`); null = kept. */
    personalDataErasedAt: timestamp("personal_data_erased_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.lineId], foreignColumns: [lines.tenantId, lines.id], name: "tickets_line_fk" }),
    foreignKey({ columns: [t.tenantId, t.issuedLineId], foreignColumns: [lines.tenantId, lines.id], name: "tickets_issued_line_fk" }),
    // By id alone: a store's ticket may use a type its chain's root defines (chain templates; ticket_types_id_key).
    foreignKey({ columns: [t.ticketTypeId], foreignColumns: [ticketTypes.id], name: "tickets_ticket_type_fk" }),
    foreignKey({ columns: [t.tenantId, t.counterId], foreignColumns: [counters.tenantId, counters.id], name: "tickets_counter_fk" }),
    uniqueIndex("tickets_number_key").on(t.tenantId, t.issuedLineId, t.serviceDay, t.seq),
    uniqueIndex("tickets_tracking_code_key").on(t.trackingCode),
    uniqueIndex("tickets_idempotency_key").on(t.tenantId, t.idempotencyKey).where(sql`idempotency_key is not null`),
    index("tickets_waiting_idx").on(t.tenantId, t.lineId, t.sortKey, t.id).where(sql`status = 'WAITING'`),
    // Now serving and the estimator's tickets at counters: a line's few active tickets, however deep its queue.
    index("tickets_active_idx").on(t.tenantId, t.lineId, t.calledAt).where(sql`status in ('CALLED', 'SERVING')`),
    // The estimator's recent history: a line's newest finished tickets, without reading its queue.
    index("tickets_finished_idx")
      .on(t.tenantId, t.lineId, sql`coalesce(completed_at, ended_at)`)
      .where(sql`status in ('SERVED', 'NO_SHOW', 'CANCELLED', 'EXPIRED')`),
    // `app.ticket_tenant(id)` finds a ticket's tenant by id alone (operations that take only an id).
    uniqueIndex("tickets_id_key").on(t.id),
    index("tickets_line_created_idx").on(t.tenantId, t.lineId, t.createdAt),
    // Analytics over every line of a tenant in a date range.
    index("tickets_tenant_created_idx").on(t.tenantId, t.createdAt),
    // The retention job: a tenant's ended tickets whose personal data is still kept, oldest end first.
    index("tickets_erasable_idx")
      .on(t.tenantId, sql`coalesce(completed_at, ended_at)`)
      .where(sql`personal_data_erased_at is null and status in ('SERVED', 'NO_SHOW', 'CANCELLED', 'EXPIRED')`),
    index("tickets_extensions_gin").using("gin", t.extensions),
    // joinLine's "at most N active tickets per phone / email per line", checked under the line's numbering lock.
    index("tickets_active_phone_idx").on(t.tenantId, t.lineId, t.phone).where(sql`status in ('WAITING', 'CALLED', 'SERVING') and phone is not null`),
    index("tickets_active_email_idx").on(t.tenantId, t.lineId, sql`lower(email)`).where(sql`status in ('WAITING', 'CALLED', 'SERVING') and email is not null`),
    check("tickets_channel_check", sql`channel in ('KIOSK', 'REMOTE', 'STAFF', 'API')`),
    check("tickets_status_check", sql`status in ('WAITING', 'CALLED', 'SERVING', 'SERVED', 'CANCELLED', 'NO_SHOW', 'EXPIRED')`),
    check("tickets_party_size_check", sql`party_size between 1 and 1000`),
    check("tickets_notify_channels_check", sql`notify_channels <@ array['PUSH', 'SMS', 'EMAIL']::text[]`),
    pgPolicy("tickets_tenant", {
      for: "all",
      to: appRole,
      using: sql`tenant_id = ${currentTenant}`,
      withCheck: sql`tenant_id = ${currentTenant}`,
    }),
  ],
).enableRLS();

/** Every transition of a ticket, in order: the ticket's history. Append-only for the app role. */
export const ticketEvents = pgTable(
  "ticket_events",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull(),
    ticketId: uuid("ticket_id").notNull(),
    lineId: uuid("line_id").notNull(),
    kind: text("kind").notNull(),
    fromStatus: text("from_status").$type<TicketStatus>(),
    toStatus: text("to_status").$type<TicketStatus>().notNull(),
    counterId: uuid("counter_id"),
    actorType: text("actor_type").notNull(),
    actorId: uuid("actor_id"),
    data: jsonb("data").$type<JsonObject>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ticketId], foreignColumns: [tickets.tenantId, tickets.id], name: "ticket_events_ticket_fk" }),
    index("ticket_events_ticket_idx").on(t.tenantId, t.ticketId, t.at),
    pgPolicy("ticket_events_read", { for: "select", to: appRole, using: sql`tenant_id = ${currentTenant}` }),
    pgPolicy("ticket_events_append", { for: "insert", to: appRole, withCheck: sql`tenant_id = ${currentTenant}` }),
  ],
).enableRLS();
