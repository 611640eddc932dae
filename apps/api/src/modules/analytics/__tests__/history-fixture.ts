/** Seeds a line's history with controlled timestamps (inserted as qline_app in the tenant's scope, RLS applies). */
import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { withTenantTx, type AppDatabase } from "@qline/db";

export interface PastTicket {
  /** Issue (and join) time, ISO. */
  at: string;
  status: "WAITING" | "CALLED" | "SERVING" | "SERVED" | "CANCELLED" | "NO_SHOW" | "EXPIRED";
  /** Seconds from join to call; omitted = never called. */
  waitSeconds?: number;
  /** The estimate given at issue. */
  p50?: number;
  p90?: number;
}

let seq = 0;

export async function seedHistory(db: AppDatabase["db"], tenantId: string, lineId: string, history: readonly PastTicket[]): Promise<void> {
  await withTenantTx(db, { tenantId, userId: null }, async (tx) => {
    for (const t of history) {
      const joined = new Date(t.at);
      const called = t.waitSeconds == null ? null : new Date(joined.getTime() + t.waitSeconds * 1000);
      const finished = ["SERVED", "CANCELLED", "NO_SHOW", "EXPIRED"].includes(t.status) ? new Date((called ?? joined).getTime() + 60_000) : null;
      seq += 1;
      const id = randomUUID();
      await tx.execute(sql`
        insert into tickets (tenant_id, id, line_id, issued_line_id, service_day, seq, number, tracking_code, status, sort_key,
          created_at, joined_at, called_at, completed_at, ended_at)
        values (${tenantId}, ${id}, ${lineId}, ${lineId}, ${joined.toISOString().slice(0, 10)}::date, ${seq}, ${`H${seq}`},
          ${randomBytes(15).toString("base64url")}, ${t.status}, ${joined.getTime() / 1000},
          ${joined.toISOString()}::timestamptz, ${joined.toISOString()}::timestamptz, ${called?.toISOString() ?? null}::timestamptz,
          ${t.status === "SERVED" ? finished!.toISOString() : null}::timestamptz,
          ${t.status !== "SERVED" && finished ? finished.toISOString() : null}::timestamptz)`);
      if (t.p50 != null) {
        await tx.execute(sql`insert into ticket_estimates (tenant_id, ticket_id, p50_seconds, p90_seconds) values (${tenantId}, ${id}, ${t.p50}, ${t.p90 ?? t.p50})`);
      }
    }
  });
}
