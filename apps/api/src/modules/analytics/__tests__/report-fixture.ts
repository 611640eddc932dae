/**
 * Seeds tickets with the whole of their timing (join, call, complete), their counter and who called them (a
 * CALLED history event by a user or an API key), inserted as qline_app in the tenant's scope (RLS applies).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { withTenantTx, type AppDatabase } from "@qline/db";

export interface ServedTicket {
  /** Issue (and join) time, ISO. */
  at: string;
  status: "WAITING" | "CALLED" | "SERVING" | "SERVED" | "CANCELLED" | "NO_SHOW" | "EXPIRED";
  /** Seconds from join to call; omitted = never called. */
  waitSeconds?: number;
  /** Seconds from call to complete (SERVED only). */
  serviceSeconds?: number;
  counterId?: string;
  /** Who called it: a user id, or an API key's id with `calledByKey`. */
  calledBy?: string;
  calledByKey?: boolean;
  lineId?: string;
  ticketTypeId?: string;
}

let seq = 0;

/** Returns the tickets' ids, in the order given. */
export async function seedServed(db: AppDatabase["db"], tenantId: string, lineId: string, tickets: readonly ServedTicket[]): Promise<string[]> {
  const ids: string[] = [];
  await withTenantTx(db, { tenantId, userId: null }, async (tx) => {
    for (const t of tickets) {
      const id = randomUUID();
      ids.push(id);
      const line = t.lineId ?? lineId;
      const joined = new Date(t.at);
      const called = t.waitSeconds == null ? null : new Date(joined.getTime() + t.waitSeconds * 1000);
      const completed = t.status === "SERVED" && called ? new Date(called.getTime() + (t.serviceSeconds ?? 60) * 1000) : null;
      const ended = ["CANCELLED", "NO_SHOW", "EXPIRED"].includes(t.status) ? new Date((called ?? joined).getTime() + 60_000) : null;
      const ts = (d: Date | null) => d?.toISOString() ?? null;
      seq += 1;
      await tx.execute(sql`
        insert into tickets (tenant_id, id, line_id, issued_line_id, ticket_type_id, counter_id, service_day, seq, number, tracking_code, status,
          sort_key, created_at, joined_at, called_at, served_at, completed_at, ended_at, customer_name, phone)
        values (${tenantId}, ${id}, ${line}, ${line}, ${t.ticketTypeId ?? null}::uuid, ${t.counterId ?? null}::uuid, ${t.at.slice(0, 10)}::date,
          ${100_000 + seq}, ${`R${seq}`}, ${randomBytes(15).toString("base64url")}, ${t.status}, ${joined.getTime() / 1000},
          ${ts(joined)}::timestamptz, ${ts(joined)}::timestamptz, ${ts(called)}::timestamptz, ${ts(called)}::timestamptz,
          ${ts(completed)}::timestamptz, ${ts(ended)}::timestamptz, 'Private Person', '+4915112345678')`);
      if (called && t.calledBy) {
        await tx.execute(sql`
          insert into ticket_events (tenant_id, id, ticket_id, line_id, kind, from_status, to_status, counter_id, actor_type, actor_id, at)
          values (${tenantId}, ${randomUUID()}, ${id}, ${line}, 'CALLED', 'WAITING', 'CALLED', ${t.counterId ?? null}::uuid,
            ${t.calledByKey ? "API_KEY" : "USER"}, ${t.calledBy}, ${ts(called)}::timestamptz)`);
      }
    }
  });
  return ids;
}
