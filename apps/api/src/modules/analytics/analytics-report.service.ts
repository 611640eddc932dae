/**
 * The manager's report (docs/analytics.md): waits and service times, the share called within a service-level
 * target, per counter, per staff member and per local day, for one tenant (optionally one line) over a range.
 * One SQL statement with grouping sets over the tickets issued in the range (index
 * `tickets_tenant_created_idx (tenant_id, created_at)` or `tickets_line_created_idx`), in the tenant's transaction
 * through the staff door (display:read, like the other analytics). Kept apart from analytics.service.ts, whose
 * roll-up is merged across tenants: this report reads one tenant.
 *
 * - wait = join → call, for tickets called and not back in the queue (as in QueueAnalytics);
 * - service time = call → complete, for SERVED tickets;
 * - the staff member of a ticket is the person who last called it (its latest CALLED event by a USER); calls
 *   made by API keys or devices count for no one. Names are shown only with members:read (a VIEWER or a display
 *   key sees ids only);
 * - days are local days in `timeZone`: the argument, else the line's zone, else the zone most of the tenant's
 *   lines use, else UTC.
 */
import { sql, type SQL } from "drizzle-orm";
import { col, decodeFirstRow, decodeRows, z, type Tx } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { isUuid } from "../../context/access.js";
import { reachableTenantOf, staffDoor } from "../../context/doors.js";
import { badInput, notFound, type FieldError } from "../../errors/codes.js";
import { isTimeZone } from "../lines/opening-hours.js";
import type { AnalyticsGroupFigures, AnalyticsReport } from "./analytics-report.types.js";

export const reportLimits = { maxRangeDays: 366, defaultServiceLevelMinutes: 10, maxServiceLevelMinutes: 24 * 60 };

export interface ReportArgs {
  tenantId?: string | null;
  lineId?: string | null;
  from: Date;
  to: Date;
  serviceLevelMinutes?: number | null;
  timeZone?: string | null;
}

/** from < to, at most `maxDays` apart; BAD_USER_INPUT naming the argument otherwise. */
export function checkReportRange(from: Date, to: Date, maxDays = reportLimits.maxRangeDays): void {
  const fields: FieldError[] = [];
  if (Number.isNaN(from.getTime())) fields.push({ path: "from", message: "is not a date" });
  if (Number.isNaN(to.getTime())) fields.push({ path: "to", message: "is not a date" });
  if (!fields.length) {
    if (to.getTime() <= from.getTime()) fields.push({ path: "to", message: "must be after from" });
    else if (to.getTime() - from.getTime() > maxDays * 86_400_000) fields.push({ path: "to", message: `must be at most ${maxDays} days after from` });
  }
  if (fields.length) throw badInput("Invalid date range", fields);
}

/** The arguments every report check shares; BAD_USER_INPUT listing each bad one. */
export function checkReportArgs(args: ReportArgs): { serviceLevelMinutes: number } {
  checkReportRange(args.from, args.to);
  const fields: FieldError[] = [];
  const minutes = args.serviceLevelMinutes ?? reportLimits.defaultServiceLevelMinutes;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > reportLimits.maxServiceLevelMinutes) {
    fields.push({ path: "serviceLevelMinutes", message: `must be a whole number from 1 to ${reportLimits.maxServiceLevelMinutes}` });
  }
  if (args.timeZone != null && !isTimeZone(args.timeZone)) fields.push({ path: "timeZone", message: "is not an IANA time zone" });
  if (!args.tenantId && !args.lineId) fields.push({ path: "tenantId", message: "give tenantId or lineId" });
  if (fields.length) throw badInput("Invalid analytics arguments", fields);
  return { serviceLevelMinutes: minutes };
}

/** The local calendar days (YYYY-MM-DD in `timeZone`) that [from, to) touches, in order. */
export function localDays(from: Date, to: Date, timeZone: string): string[] {
  const format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const first = format.format(from);
  const last = format.format(new Date(to.getTime() - 1));
  const days: string[] = [];
  // Walk calendar dates (UTC arithmetic on the date alone: no time zone or DST in play).
  for (let d = new Date(`${first}T00:00:00Z`); ; d = new Date(d.getTime() + 86_400_000)) {
    const day = d.toISOString().slice(0, 10);
    days.push(day);
    if (day >= last || days.length > reportLimits.maxRangeDays + 2) break;
  }
  return days;
}

/** Where the report's tickets are: the tenant, and the line when one is given. */
export interface ReportScope {
  tenantId: string;
  lineId: string | null;
  from: Date;
  to: Date;
}

/** The tickets of a scope, as a `where` clause over `tickets t` that the tenant+date indexes serve. */
export function reportScopeSql(scope: ReportScope): SQL {
  return sql`t.tenant_id = ${scope.tenantId} ${scope.lineId ? sql`and t.line_id = ${scope.lineId}` : sql``}
    and t.created_at >= ${scope.from.toISOString()}::timestamptz and t.created_at < ${scope.to.toISOString()}::timestamptz`;
}

/** The person who last called a ticket (a USER's CALLED event), as a lateral join over `tickets t` named `caller`. */
export const lastCallerSql = sql`left join lateral (
    select e.actor_id as staff_id from ticket_events e
    where e.tenant_id = t.tenant_id and e.ticket_id = t.id and e.kind = 'CALLED' and e.actor_type = 'USER'
    order by e.at desc, e.id desc limit 1) caller on true`;

const GroupRow = z.object({
  grp: col.int,
  day: col.text.nullable(),
  counter_id: col.uuid.nullable(),
  staff_id: col.uuid.nullable(),
  issued: col.int,
  served: col.int,
  no_shows: col.int,
  cancelled: col.int,
  wait_samples: col.int,
  wait_mean: col.number.nullable(),
  wait_median: col.number.nullable(),
  within_target: col.int,
  service_samples: col.int,
  service_mean: col.number.nullable(),
  service_median: col.number.nullable(),
});
type GroupRow = z.output<typeof GroupRow>;
const NameRow = z.object({ id: col.uuid, name: col.text.nullable() });
const ZoneRow = z.object({ time_zone: col.text.nullable() });

/** A uuid[] literal; the ids come from uuid columns the statement above decoded. */
const uuidArray = (ids: readonly string[]): string => `{${ids.join(",")}}`;

const round1 = (x: number | null): number | null => (x == null ? null : Math.round(x * 10) / 10);
const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

function figuresOf(row: GroupRow | undefined): AnalyticsGroupFigures {
  const r = row ?? emptyRow;
  return {
    issued: r.issued,
    served: r.served,
    noShows: r.no_shows,
    cancelled: r.cancelled,
    waitSamples: r.wait_samples,
    meanWaitSeconds: round1(r.wait_mean),
    medianWaitSeconds: round1(r.wait_median),
    calledWithinTarget: r.within_target,
    serviceLevelShare: r.wait_samples ? round4(r.within_target / r.wait_samples) : null,
    serviceSamples: r.service_samples,
    meanServiceSeconds: round1(r.service_mean),
    medianServiceSeconds: round1(r.service_median),
  };
}
const emptyRow: GroupRow = {
  grp: 0,
  day: null,
  counter_id: null,
  staff_id: null,
  issued: 0,
  served: 0,
  no_shows: 0,
  cancelled: 0,
  wait_samples: 0,
  wait_mean: null,
  wait_median: null,
  within_target: 0,
  service_samples: 0,
  service_mean: null,
  service_median: null,
};

/**
 * The report's figures in one statement: grouping sets (), (day), (counter), (staff) over the scope's tickets.
 * `grp` is GROUPING(day, counter_id, staff_id): 7 = all tickets, 3 = a day, 5 = a counter, 6 = a staff member.
 */
export async function reportGroups(tx: Tx, scope: ReportScope, timeZone: string, serviceLevelMinutes: number): Promise<GroupRow[]> {
  const targetSeconds = serviceLevelMinutes * 60;
  return decodeRows(
    GroupRow,
    await tx.execute(sql`
      with measured as (
        select to_char(t.created_at at time zone ${timeZone}, 'YYYY-MM-DD') as day, t.counter_id, caller.staff_id, t.status,
          case when t.called_at is not null and t.status <> 'WAITING' then extract(epoch from t.called_at - t.joined_at)::float8 end as wait,
          case when t.status = 'SERVED' and t.called_at is not null and t.completed_at is not null
            then extract(epoch from t.completed_at - t.called_at)::float8 end as service
        from tickets t ${lastCallerSql}
        where ${reportScopeSql(scope)})
      select grouping(day, counter_id, staff_id)::int as grp, day, counter_id, staff_id,
        count(*)::int as issued,
        count(*) filter (where status = 'SERVED')::int as served,
        count(*) filter (where status = 'NO_SHOW')::int as no_shows,
        count(*) filter (where status = 'CANCELLED')::int as cancelled,
        count(wait)::int as wait_samples,
        avg(wait)::float8 as wait_mean,
        percentile_cont(0.5) within group (order by wait)::float8 as wait_median,
        count(wait) filter (where wait <= ${targetSeconds})::int as within_target,
        count(service)::int as service_samples,
        avg(service)::float8 as service_mean,
        percentile_cont(0.5) within group (order by service)::float8 as service_median
      from measured
      group by grouping sets ((), (day), (counter_id), (staff_id))`),
  );
}

/** The zone for local days: the line's, else the one most of the tenant's lines use, else UTC. */
async function defaultZone(tx: Tx, tenantId: string, lineId: string | null): Promise<string> {
  const row = decodeFirstRow(
    ZoneRow,
    await tx.execute(
      lineId
        ? sql`select time_zone from lines where tenant_id = ${tenantId} and id = ${lineId}`
        : sql`select mode() within group (order by time_zone) as time_zone from lines where tenant_id = ${tenantId}`,
    ),
  );
  if (lineId && !row) throw notFound("Line");
  return row?.time_zone ?? "UTC";
}

/** The manager's report for a tenant or one line (display:read; staff names with members:read). */
export async function analyticsReport(ctx: RequestContext, args: ReportArgs): Promise<AnalyticsReport> {
  const { serviceLevelMinutes } = checkReportArgs(args);
  const lineId = args.lineId ?? null;
  let tenantId: string;
  if (lineId) {
    tenantId = await reachableTenantOf(ctx, { kind: "line", id: lineId });
    if (args.tenantId && args.tenantId !== tenantId) throw notFound("Line");
  } else {
    tenantId = args.tenantId!;
    if (!isUuid(tenantId)) throw notFound("Tenant");
  }
  return staffDoor(ctx, tenantId, "display:read", async (tx, access) => {
    const timeZone = args.timeZone ?? (await defaultZone(tx, tenantId, lineId));
    if (args.timeZone && lineId) await defaultZone(tx, tenantId, lineId); // the line must exist
    const scope: ReportScope = { tenantId, lineId, from: args.from, to: args.to };
    const rows = await reportGroups(tx, scope, timeZone, serviceLevelMinutes);
    const total = rows.find((r) => r.grp === 7);
    const days = new Map(rows.filter((r) => r.grp === 3 && r.day).map((r) => [r.day!, r]));
    const counterRows = rows.filter((r) => r.grp === 5 && r.counter_id);
    const staffRows = rows.filter((r) => r.grp === 6 && r.staff_id);

    const counterIds = counterRows.map((r) => r.counter_id!);
    const counterNames = counterIds.length
      ? new Map(decodeRows(NameRow, await tx.execute(sql`select id, name from counters where tenant_id = ${tenantId} and id = any(${uuidArray(counterIds)}::uuid[])`)).map((r) => [r.id, r.name]))
      : new Map<string, string | null>();
    const showNames = access.permissions.has("members:read");
    const staffIds = staffRows.map((r) => r.staff_id!);
    // Users visible through RLS: the members of this tenant's tree. A former member's name may be gone (null).
    const staffNames =
      showNames && staffIds.length
        ? new Map(decodeRows(NameRow, await tx.execute(sql`select id, coalesce(nullif(name, ''), email) as name from users where id = any(${uuidArray(staffIds)}::uuid[])`)).map((r) => [r.id, r.name]))
        : new Map<string, string | null>();

    const sortByVolume = <T extends { issued: number; name: string | null }>(list: T[]) =>
      list.sort((a, b) => b.issued - a.issued || (a.name ?? "").localeCompare(b.name ?? ""));
    return {
      tenantId,
      lineId,
      from: args.from,
      to: args.to,
      timeZone,
      serviceLevelMinutes,
      total: figuresOf(total),
      daily: localDays(args.from, args.to, timeZone).map((day) => ({ day, ...figuresOf(days.get(day)) })),
      byCounter: sortByVolume(counterRows.map((r) => ({ counterId: r.counter_id!, name: counterNames.get(r.counter_id!) ?? null, ...figuresOf(r) }))),
      byStaff: sortByVolume(staffRows.map((r) => ({ userId: r.staff_id!, name: staffNames.get(r.staff_id!) ?? null, ...figuresOf(r) }))),
    };
  });
}
