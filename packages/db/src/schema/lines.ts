import { sql } from "drizzle-orm";
import { bigint, boolean, integer, jsonb, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appRole, currentTenant } from "./roles.js";
import { tenants, type JsonObject } from "./tenants.js";

/** One weekly opening period in the line's time zone; `day` is ISO (1 = Monday ... 7 = Sunday). */
export interface OpeningPeriod {
  day: number;
  /** "HH:MM", inclusive. */
  opens: string;
  /** "HH:MM", exclusive; "24:00" for midnight. */
  closes: string;
}

/** Settings the TTL job reads (the estimator/TTL issue); stored here so a line is configured in one place. */
export interface LineTtl {
  /** A ticket (WAITING or CALLED) older than this is escalated once (TICKET_ESCALATED): warnAfter. */
  warnSeconds?: number | null;
  /** A WAITING ticket older than this expires: expireAfter. */
  waitingSeconds?: number | null;
  /** A CALLED ticket not served within this becomes NO_SHOW: noShowAfter. */
  calledSeconds?: number | null;
}

/** Which messages a line sends (apps/api/src/modules/notifications/settings.ts fills in defaults: all on, 3 / 5). */
export interface LineNotificationSettingsJson {
  joined?: boolean;
  almostThere?: boolean;
  almostTherePosition?: number;
  almostThereMinutes?: number;
  called?: boolean;
  noShow?: boolean;
  expired?: boolean;
  cancelled?: boolean;
}

/**
 * A queue. Tickets get `<prefix><number>` labels numbered per line per service day (the day in the line's time
 * zone). No opening hours = always open. `allowedTicketTypeIds` empty = every ticket type of the tenant.
 */
export const lines = pgTable(
  "lines",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    allowedTicketTypeIds: uuid("allowed_ticket_type_ids").array().notNull().default(sql`'{}'::uuid[]`),
    acceptingTickets: boolean("accepting_tickets").notNull().default(true),
    /** Most tickets WAITING at once; null = unlimited. */
    capacity: integer("capacity"),
    timeZone: text("time_zone").notNull().default("UTC"),
    openingHours: jsonb("opening_hours").$type<OpeningPeriod[] | null>(),
    showEstimates: boolean("show_estimates").notNull().default(true),
    /** Customers may join from their own phone (the public `joinLine`); off unless the tenant turns it on. */
    remoteJoin: boolean("remote_join").notNull().default(false),
    estimator: text("estimator"),
    estimatorOptions: jsonb("estimator_options").$type<JsonObject>().notNull().default({}),
    ttl: jsonb("ttl").$type<LineTtl>().notNull().default({}),
    /** HMAC key for the WEBHOOK estimator's request signature (X-Qline-Signature); null until WEBHOOK is chosen. */
    estimatorSecret: text("estimator_secret"),
    /** Notification triggers and the "almost your turn" thresholds; `{}` = the defaults. */
    notificationSettings: jsonb("notification_settings").$type<LineNotificationSettingsJson>().notNull().default({}),
    /**
     * The number of the line's last event (live/sequence.ts): bumped in the transaction of every change that
     * publishes a line event, so events are numbered 1, 2, 3, … in commit order across API processes.
     */
    eventSeq: bigint("event_seq", { mode: "number" }).notNull().default(0),
    /** Archived lines take no tickets and are hidden from kiosks, join pages and transfer targets; history stays. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // `app.line_tenant(id)` finds a line's tenant by id alone.
    uniqueIndex("lines_id_key").on(t.id),
    pgPolicy("lines_tenant", {
      for: "all",
      to: appRole,
      using: sql`tenant_id = ${currentTenant}`,
      withCheck: sql`tenant_id = ${currentTenant}`,
    }),
  ],
).enableRLS();
