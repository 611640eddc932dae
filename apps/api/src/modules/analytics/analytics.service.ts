/**
 * Queue analytics: one tenant's figures are three SQL aggregates in its tenant transaction (RLS shows only
 * that tenant's tickets, so a subtree roll-up goes through the door once per tenant and merges the partial
 * sums here). Indexes: `tickets_line_created_idx (tenant_id, line_id, created_at)` for a line,
 * `tickets_tenant_created_idx (tenant_id, created_at)` for a tenant.
 */
import { sql, type SQL } from "drizzle-orm";
import { col, decodeFirstRow, decodeRows, z, type Tx } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { isUuid, tenantUnavailableSql } from "../../context/access.js";
import { reachableTenantOf, staffDoor } from "../../context/doors.js";
import { badInput, limitExceeded, notFound, type FieldError } from "../../errors/codes.js";
import type { QueueAnalytics } from "./analytics.types.js";

export const analyticsLimits = { maxRangeDays: 92, maxTenants: 50, concurrency: 4 };

/** What one tenant contributes: sums and counts that add up across tenants. */
export interface AnalyticsPartial {
  issued: number;
  served: number;
  noShows: number;
  cancelled: number;
  expired: number;
  waitSamples: number;
  waitSumSeconds: number;
  /** Wait (whole seconds) → tickets. */
  waits: Map<number, number>;
  /** 24 entries. */
  byHour: { issued: number; served: number }[];
  accuracySamples: number;
  absErrorSumSeconds: number;
  pastP90: number;
}

export function emptyPartial(): AnalyticsPartial {
  return {
    issued: 0,
    served: 0,
    noShows: 0,
    cancelled: 0,
    expired: 0,
    waitSamples: 0,
    waitSumSeconds: 0,
    waits: new Map(),
    byHour: Array.from({ length: 24 }, () => ({ issued: 0, served: 0 })),
    accuracySamples: 0,
    absErrorSumSeconds: 0,
    pastP90: 0,
  };
}

export function mergePartials(parts: readonly AnalyticsPartial[]): AnalyticsPartial {
  const out = emptyPartial();
  for (const p of parts) {
    out.issued += p.issued;
    out.served += p.served;
    out.noShows += p.noShows;
    out.cancelled += p.cancelled;
    out.expired += p.expired;
    out.waitSamples += p.waitSamples;
    out.waitSumSeconds += p.waitSumSeconds;
    for (const [s, n] of p.waits) out.waits.set(s, (out.waits.get(s) ?? 0) + n);
    p.byHour.forEach((h, i) => {
      out.byHour[i]!.issued += h.issued;
      out.byHour[i]!.served += h.served;
    });
    out.accuracySamples += p.accuracySamples;
    out.absErrorSumSeconds += p.absErrorSumSeconds;
    out.pastP90 += p.pastP90;
  }
  return out;
}

/** The q-quantile of a distribution given as value → count, interpolated like PostgreSQL's percentile_cont. */
export function quantileOf(distribution: ReadonlyMap<number, number>, q: number): number | null {
  const entries = [...distribution.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const position = q * (total - 1);
  const valueAt = (index: number): number => {
    let seen = 0;
    for (const [value, n] of entries) {
      seen += n;
      if (index < seen) return value;
    }
    return entries[entries.length - 1]![0];
  };
  const lower = Math.floor(position);
  const fraction = position - lower;
  const a = valueAt(lower);
  return fraction === 0 ? a : a + (valueAt(lower + 1) - a) * fraction;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

export function finishAnalytics(p: AnalyticsPartial, range: { from: Date; to: Date }, timeZone: string | null, tenantCount: number): QueueAnalytics {
  const finished = p.served + p.noShows + p.cancelled + p.expired;
  const p90 = quantileOf(p.waits, 0.9);
  return {
    from: range.from,
    to: range.to,
    timeZone,
    tenantCount,
    issued: p.issued,
    served: p.served,
    noShows: p.noShows,
    cancelled: p.cancelled,
    expired: p.expired,
    open: p.issued - finished,
    waitSamples: p.waitSamples,
    averageWaitSeconds: p.waitSamples ? round1(p.waitSumSeconds / p.waitSamples) : null,
    p90WaitSeconds: p90 == null ? null : round1(p90),
    noShowRate: finished ? round4(p.noShows / finished) : null,
    cancellationRate: finished ? round4(p.cancelled / finished) : null,
    byHour: p.byHour.map((h, hour) => ({ hour, issued: h.issued, served: h.served })),
    estimateAccuracy: p.accuracySamples
      ? { samples: p.accuracySamples, meanAbsoluteErrorSeconds: round1(p.absErrorSumSeconds / p.accuracySamples), pastP90Share: round4(p.pastP90 / p.accuracySamples) }
      : null,
  };
}

/** from < to, at most 92 days apart; BAD_USER_INPUT naming the argument otherwise. */
export function checkRange(from: Date, to: Date): void {
  const fields: FieldError[] = [];
  if (Number.isNaN(from.getTime())) fields.push({ path: "from", message: "is not a date" });
  if (Number.isNaN(to.getTime())) fields.push({ path: "to", message: "is not a date" });
  if (!fields.length) {
    if (to.getTime() <= from.getTime()) fields.push({ path: "to", message: "must be after from" });
    else if (to.getTime() - from.getTime() > analyticsLimits.maxRangeDays * 86_400_000) {
      fields.push({ path: "to", message: `must be at most ${analyticsLimits.maxRangeDays} days after from` });
    }
  }
  if (fields.length) throw badInput("Invalid date range", fields);
}

const SummaryRow = z.object({
  issued: col.int,
  served: col.int,
  no_shows: col.int,
  cancelled: col.int,
  expired: col.int,
  wait_samples: col.int,
  wait_sum: col.number,
  accuracy_samples: col.int,
  abs_error_sum: col.number,
  past_p90: col.int,
});
const WaitRow = z.object({ s: col.int, n: col.int });
const HourRow = z.object({ hour: col.int, issued: col.int, served: col.int });
const TimeZoneRow = z.object({ time_zone: col.text });
const IdRow = z.object({ id: col.uuid });

/** One tenant's partial sums for [from, to), optionally one line; in the caller's tenant transaction. */
export async function tenantPartial(tx: Tx, tenantId: string, from: Date, to: Date, lineId: string | null): Promise<AnalyticsPartial> {
  const scope: SQL = sql`t.tenant_id = ${tenantId} ${lineId ? sql`and t.line_id = ${lineId}` : sql``}
    and t.created_at >= ${from.toISOString()}::timestamptz and t.created_at < ${to.toISOString()}::timestamptz`;
  // A wait is measured once a ticket was called and has not gone back to the queue.
  const measured = sql`(select t.*, e.p50_seconds as issued_p50_seconds, e.p90_seconds as issued_p90_seconds,
      case when t.called_at is not null and t.status <> 'WAITING' then extract(epoch from t.called_at - t.joined_at)::float8 end as wait
    from tickets t left join ticket_estimates e on e.tenant_id = t.tenant_id and e.ticket_id = t.id where ${scope})`;
  const summary = decodeFirstRow(
    SummaryRow,
    await tx.execute(sql`
      select count(*)::int as issued,
        count(*) filter (where status = 'SERVED')::int as served,
        count(*) filter (where status = 'NO_SHOW')::int as no_shows,
        count(*) filter (where status = 'CANCELLED')::int as cancelled,
        count(*) filter (where status = 'EXPIRED')::int as expired,
        count(wait)::int as wait_samples,
        coalesce(sum(wait), 0)::float8 as wait_sum,
        count(wait) filter (where issued_p50_seconds is not null)::int as accuracy_samples,
        coalesce(sum(abs(wait - issued_p50_seconds)) filter (where issued_p50_seconds is not null), 0)::float8 as abs_error_sum,
        count(wait) filter (where issued_p90_seconds is not null and wait > issued_p90_seconds)::int as past_p90
      from ${measured} m`),
  );
  const waits = decodeRows(
    WaitRow,
    await tx.execute(sql`select round(wait)::int as s, count(*)::int as n from ${measured} m where wait is not null group by 1`),
  );
  const hours = decodeRows(
    HourRow,
    await tx.execute(sql`
      select extract(hour from t.created_at at time zone l.time_zone)::int as hour,
        count(*)::int as issued, count(*) filter (where t.status = 'SERVED')::int as served
      from tickets t join lines l on l.tenant_id = t.tenant_id and l.id = t.line_id
      where ${scope}
      group by 1`),
  );
  const out = emptyPartial();
  if (summary) {
    out.issued = summary.issued;
    out.served = summary.served;
    out.noShows = summary.no_shows;
    out.cancelled = summary.cancelled;
    out.expired = summary.expired;
    out.waitSamples = summary.wait_samples;
    out.waitSumSeconds = summary.wait_sum;
    out.accuracySamples = summary.accuracy_samples;
    out.absErrorSumSeconds = summary.abs_error_sum;
    out.pastP90 = summary.past_p90;
  }
  for (const w of waits) out.waits.set(w.s, w.n);
  for (const h of hours) {
    const slot = out.byHour[h.hour];
    if (slot) {
      slot.issued += h.issued;
      slot.served += h.served;
    }
  }
  return out;
}

/** One line's figures (tickets:read in the line's tenant). */
export async function lineAnalytics(ctx: RequestContext, lineId: string, from: Date, to: Date): Promise<QueueAnalytics> {
  checkRange(from, to);
  const tenantId = await reachableTenantOf(ctx, { kind: "line", id: lineId });
  return staffDoor(ctx, tenantId, "display:read", async (tx) => {
    const line = decodeFirstRow(TimeZoneRow, await tx.execute(sql`select time_zone from lines where tenant_id = ${tenantId} and id = ${lineId}`));
    if (!line) throw notFound("Line");
    return finishAnalytics(await tenantPartial(tx, tenantId, from, to, lineId), { from, to }, line.time_zone, 1);
  });
}

/**
 * A tenant's figures over all its lines; with `includeSubtree`, summed over every unsuspended tenant of its
 * subtree (each read through the door with tickets:read), at most `maxTenants` (LIMIT_EXCEEDED above).
 */
export async function tenantAnalytics(ctx: RequestContext, tenantId: string, from: Date, to: Date, includeSubtree: boolean): Promise<QueueAnalytics> {
  checkRange(from, to);
  if (!isUuid(tenantId)) throw notFound("Tenant");
  const { own, others } = await staffDoor(ctx, tenantId, "display:read", async (tx) => {
    let others: string[] = [];
    if (includeSubtree) {
      const rows = decodeRows(
        IdRow,
        await tx.execute(sql`
          select t.id from tenants t
          where t.path @> array[${tenantId}]::uuid[] and t.id <> ${tenantId}
            and not ${tenantUnavailableSql}
          order by t.depth, t.id
          limit ${analyticsLimits.maxTenants}`),
      );
      if (rows.length >= analyticsLimits.maxTenants) {
        throw limitExceeded(`A roll-up covers at most ${analyticsLimits.maxTenants} tenants; choose a smaller subtree`);
      }
      others = rows.map((r) => r.id);
    }
    return { own: await tenantPartial(tx, tenantId, from, to, null), others };
  });
  const parts: AnalyticsPartial[] = [own];
  // A few tenant transactions at a time (a pool's worth would starve other requests).
  for (let i = 0; i < others.length; i += analyticsLimits.concurrency) {
    const batch = others.slice(i, i + analyticsLimits.concurrency);
    parts.push(...(await Promise.all(batch.map((id) => staffDoor(ctx, id, "display:read", (tx) => tenantPartial(tx, id, from, to, null))))));
  }
  return finishAnalytics(mergePartials(parts), { from, to }, null, parts.length);
}
