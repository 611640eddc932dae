/**
 * The manager's report and the ticket export through the real API over a seeded history with controlled
 * timestamps: exact service times, service-level shares, per counter, per staff member and per local day (a
 * ticket issued at 23:30 UTC belongs to the next day in Berlin); names only with members:read; ranges, targets
 * and zones checked; another tenant's tickets never counted or exported; strangers and anonymous callers refused.
 * Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { col, decodeRows, withTenantTx, z } from "@qline/db";
import { assertCode, assertOk, memberPersona, signUpPersona, startTestApi, testConfig, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { createCounter, createLine } from "../../tickets/__tests__/queue-fixtures.js";
import { localDays, reportLimits } from "../analytics-report.service.js";
import { ticketExportColumns, ticketExportLimits } from "../ticket-export.js";
import { seedServed } from "./report-fixture.js";

const groupFields = `issued served noShows cancelled waitSamples meanWaitSeconds medianWaitSeconds calledWithinTarget serviceLevelShare
  serviceSamples meanServiceSeconds medianServiceSeconds`;
const reportQuery = `query($t: ID, $l: ID, $from: DateTimeISO!, $to: DateTimeISO!, $sl: Int, $tz: String) {
  analyticsReport(tenantId: $t, lineId: $l, from: $from, to: $to, serviceLevelMinutes: $sl, timeZone: $tz) {
    tenantId lineId timeZone serviceLevelMinutes total { ${groupFields} } daily { day ${groupFields} }
    byCounter { counterId name ${groupFields} } byStaff { userId name ${groupFields} } } }`;

interface Group {
  issued: number;
  served: number;
  noShows: number;
  cancelled: number;
  waitSamples: number;
  meanWaitSeconds: number | null;
  medianWaitSeconds: number | null;
  calledWithinTarget: number;
  serviceLevelShare: number | null;
  serviceSamples: number;
  meanServiceSeconds: number | null;
  medianServiceSeconds: number | null;
}
interface Report {
  tenantId: string;
  lineId: string | null;
  timeZone: string;
  serviceLevelMinutes: number;
  total: Group;
  daily: (Group & { day: string })[];
  byCounter: (Group & { counterId: string; name: string | null })[];
  byStaff: (Group & { userId: string; name: string | null })[];
}

// Berlin is UTC+1 in March before the switch: local days 2026-03-02 .. 2026-03-04.
const from = "2026-03-01T23:00:00.000Z";
const to = "2026-03-04T23:00:00.000Z";
const pick = (g: Group) => ({ ...g });

describe("analytics report and ticket export", () => {
  let api: TestApi;
  let owner: Persona;
  let manager: Persona;
  let viewer: Persona;
  let stranger: Persona;
  let lineId: string;
  let otherLineId: string;
  let deskA: string;
  let deskB: string;
  let ownIds: string[];
  let strangerIds: string[];

  before(async () => {
    api = await startTestApi({}, { ttlJob: false });
    owner = await signUpPersona(api, "owner");
    manager = await memberPersona(api, owner, owner.tenantId, "MANAGER");
    viewer = await memberPersona(api, owner, owner.tenantId, "VIEWER");
    stranger = await signUpPersona(api, "stranger");
    lineId = await createLine(owner.gql, owner.tenantId, { name: 'Front, "main"', prefix: "F", timeZone: "Europe/Berlin" });
    deskA = await createCounter(owner.gql, lineId, "Desk A");
    deskB = await createCounter(owner.gql, lineId, "Desk B");
    const key = randomUUID();
    ownIds = await seedServed(api.database.db, owner.tenantId, lineId, [
      { at: "2026-03-02T08:00:00Z", status: "SERVED", waitSeconds: 60, serviceSeconds: 120, counterId: deskA, calledBy: owner.userId },
      { at: "2026-03-02T09:00:00Z", status: "SERVED", waitSeconds: 300, serviceSeconds: 60, counterId: deskA, calledBy: manager.userId },
      // 00:30 on 3 March in Berlin (still 2 March in UTC).
      { at: "2026-03-02T23:30:00Z", status: "SERVED", waitSeconds: 900, serviceSeconds: 240, counterId: deskB, calledBy: owner.userId },
      { at: "2026-03-03T10:00:00Z", status: "NO_SHOW", waitSeconds: 700, counterId: deskB, calledBy: manager.userId },
      { at: "2026-03-03T11:00:00Z", status: "CANCELLED" },
      // Called by an API key: counted for the counter, for no staff member.
      { at: "2026-03-03T12:00:00Z", status: "SERVED", waitSeconds: 30, serviceSeconds: 90, counterId: deskA, calledBy: key, calledByKey: true },
      // Before the range (22:00 UTC on 1 March is 23:00 in Berlin, 1 March).
      { at: "2026-03-01T22:00:00Z", status: "SERVED", waitSeconds: 5, serviceSeconds: 5, counterId: deskA, calledBy: owner.userId },
    ]);
    ownIds = ownIds.slice(0, 6);
    otherLineId = await createLine(stranger.gql, stranger.tenantId, { name: "Elsewhere", prefix: "E", timeZone: "Europe/Berlin" });
    const otherDesk = await createCounter(stranger.gql, otherLineId, "Their desk");
    strangerIds = await seedServed(api.database.db, stranger.tenantId, otherLineId, [
      { at: "2026-03-02T10:00:00Z", status: "SERVED", waitSeconds: 10, serviceSeconds: 10, counterId: otherDesk, calledBy: stranger.userId },
      { at: "2026-03-03T10:00:00Z", status: "SERVED", waitSeconds: 20, serviceSeconds: 20, counterId: otherDesk, calledBy: stranger.userId },
    ]);
  });
  after(async () => {
    ticketExportLimits.pageSize = 500;
    await api.close();
  });

  const report = async (who: Persona, vars: Record<string, unknown>) =>
    assertOk(await who.gql<{ analyticsReport: Report }>(reportQuery, { from, to, ...vars })).analyticsReport;

  it("measures waits (join → call), service times (call → complete) and the share called within the target", async () => {
    const r = await report(owner, { t: owner.tenantId });
    assert.equal(r.timeZone, "Europe/Berlin", "the zone most of the tenant's lines use");
    assert.equal(r.serviceLevelMinutes, reportLimits.defaultServiceLevelMinutes);
    assert.deepEqual(pick(r.total), {
      issued: 6,
      served: 4,
      noShows: 1,
      cancelled: 1,
      waitSamples: 5,
      meanWaitSeconds: 398,
      medianWaitSeconds: 300,
      calledWithinTarget: 3,
      serviceLevelShare: 0.6,
      serviceSamples: 4,
      meanServiceSeconds: 127.5,
      medianServiceSeconds: 105,
    });
    // A wait of exactly the target counts as within it.
    const fifteen = await report(owner, { t: owner.tenantId, sl: 15 });
    assert.equal(fifteen.total.calledWithinTarget, 5);
    assert.equal(fifteen.total.serviceLevelShare, 1);
  });

  it("gives every local day of the range, in the report's time zone, zeros included", async () => {
    const r = await report(owner, { l: lineId });
    assert.equal(r.lineId, lineId);
    assert.deepEqual(
      r.daily.map((d) => d.day),
      ["2026-03-02", "2026-03-03", "2026-03-04"],
    );
    const [d2, d3, d4] = r.daily;
    assert.deepEqual([d2!.issued, d2!.served, d2!.meanWaitSeconds, d2!.medianServiceSeconds, d2!.serviceLevelShare], [2, 2, 180, 90, 1]);
    assert.deepEqual([d3!.issued, d3!.served, d3!.noShows, d3!.cancelled, d3!.medianWaitSeconds, d3!.meanWaitSeconds, d3!.serviceLevelShare], [4, 2, 1, 1, 700, 543.3, 0.3333]);
    assert.deepEqual([d4!.issued, d4!.waitSamples, d4!.meanWaitSeconds, d4!.serviceLevelShare], [0, 0, null, null]);
    // In UTC the 23:30 ticket stays on 2 March.
    const utc = await report(owner, { l: lineId, tz: "UTC" });
    assert.deepEqual(
      utc.daily.map((d) => [d.day, d.issued]),
      [["2026-03-01", 0], ["2026-03-02", 3], ["2026-03-03", 3], ["2026-03-04", 0]],
    );
  });

  it("breaks the figures down per counter and per staff member (the person who called), busiest first", async () => {
    const r = await report(owner, { t: owner.tenantId });
    assert.deepEqual(
      r.byCounter.map((c) => [c.name, c.issued, c.served, c.noShows, c.meanWaitSeconds, c.medianWaitSeconds, c.meanServiceSeconds, c.serviceLevelShare]),
      [
        ["Desk A", 3, 3, 0, 130, 60, 90, 1],
        ["Desk B", 2, 1, 1, 800, 800, 240, 0],
      ],
    );
    assert.deepEqual(
      r.byCounter.map((c) => c.counterId),
      [deskA, deskB],
    );
    const staff = new Map(r.byStaff.map((s) => [s.userId, s]));
    assert.equal(r.byStaff.length, 2, "the API key's call counts for no staff member");
    assert.deepEqual(
      [staff.get(owner.userId)!.name, staff.get(owner.userId)!.issued, staff.get(owner.userId)!.meanWaitSeconds, staff.get(owner.userId)!.meanServiceSeconds],
      ["owner", 2, 480, 180],
    );
    assert.deepEqual(
      [staff.get(manager.userId)!.name, staff.get(manager.userId)!.medianWaitSeconds, staff.get(manager.userId)!.serviceSamples, staff.get(manager.userId)!.medianServiceSeconds],
      ["manager", 500, 1, 60],
    );
  });

  it("shows staff names only to roles that read members (a viewer sees ids)", async () => {
    const r = await report(viewer, { t: owner.tenantId });
    assert.equal(r.total.issued, 6);
    assert.deepEqual(
      r.byStaff.map((s) => s.name),
      [null, null],
    );
    assert.ok(r.byStaff.some((s) => s.userId === owner.userId));
  });

  it("never counts another tenant's tickets, and refuses strangers (NOT_FOUND) and anonymous callers (UNAUTHENTICATED)", async () => {
    const theirs = await report(stranger, { t: stranger.tenantId });
    assert.equal(theirs.total.issued, 2);
    assert.deepEqual(
      theirs.byCounter.map((c) => c.name),
      ["Their desk"],
    );
    assertCode(await stranger.gql(reportQuery, { t: owner.tenantId, from, to }), "NOT_FOUND");
    assertCode(await stranger.gql(reportQuery, { l: lineId, from, to }), "NOT_FOUND");
    // A line of another tenant named next to one's own tenant.
    assertCode(await owner.gql(reportQuery, { t: owner.tenantId, l: otherLineId, from, to }), "NOT_FOUND");
    assertCode(await owner.gql(reportQuery, { t: stranger.tenantId, from, to }), "NOT_FOUND");
    assertCode(await api.client()(reportQuery, { t: owner.tenantId, from, to }), "UNAUTHENTICATED");
  });

  it("refuses a range over 366 days, a target outside 1–1440 minutes, an unknown zone and a missing scope (BAD_USER_INPUT naming each)", async () => {
    const fieldsOf = async (vars: Record<string, unknown>) => {
      const res = await owner.gql(reportQuery, { from, to, t: owner.tenantId, ...vars });
      assertCode(res, "BAD_USER_INPUT");
      return res.errors![0]!.extensions!.fields!.map((f) => f.path);
    };
    assert.deepEqual(await fieldsOf({ from: "2025-01-01T00:00:00Z", to: "2026-01-03T00:00:00Z" }), ["to"]);
    assert.deepEqual(await fieldsOf({ to: from }), ["to"]);
    assert.deepEqual(await fieldsOf({ sl: 0 }), ["serviceLevelMinutes"]);
    assert.deepEqual(await fieldsOf({ sl: 1441 }), ["serviceLevelMinutes"]);
    assert.deepEqual(await fieldsOf({ tz: "Mars/Olympus" }), ["timeZone"]);
    assert.deepEqual(await fieldsOf({ t: null }), ["tenantId"]);
    // 366 days is allowed.
    assertOk(await owner.gql(reportQuery, { t: owner.tenantId, from: "2025-03-01T00:00:00Z", to: "2026-03-02T00:00:00Z" }));
  });

  it("localDays walks calendar days across a DST change", () => {
    assert.deepEqual(localDays(new Date("2026-03-28T23:00:00Z"), new Date("2026-03-30T22:00:00Z"), "Europe/Berlin"), ["2026-03-29", "2026-03-30"]);
  });

  // ---- the export ----

  const exportUrl = (params: Record<string, string>) => `${api.server.url.replace(/\/graphql$/, "")}/analytics/tickets?${new URLSearchParams(params)}`;
  const download = (who: Persona | null, params: Record<string, string>) =>
    fetch(exportUrl(params), { headers: who ? { authorization: `Bearer ${who.token}` } : {} });

  it("streams one JSON line per ticket of the tenant and range, in pages, without customers' personal data", async () => {
    ticketExportLimits.pageSize = 2; // 6 tickets: three pages and an empty end
    const res = await download(owner, { tenantId: owner.tenantId, from, to, format: "jsonl" });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type")!, /application\/x-ndjson/);
    assert.match(res.headers.get("content-disposition")!, /attachment; filename="qline-tickets-2026-03-01-2026-03-04\.jsonl"/);
    const rows = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(
      rows.map((r) => r.ticketId),
      ownIds,
      "every ticket once, oldest first",
    );
    assert.deepEqual(Object.keys(rows[0]!), [...ticketExportColumns]);
    assert.deepEqual(
      [rows[0]!.line, rows[0]!.counter, rows[0]!.calledByName, rows[0]!.waitSeconds, rows[0]!.serviceSeconds, rows[0]!.createdAt, rows[0]!.calledAt],
      ['Front, "main"', "Desk A", "owner", 60, 120, "2026-03-02T08:00:00.000Z", "2026-03-02T08:01:00.000Z"],
    );
    assert.deepEqual([rows[4]!.status, rows[4]!.calledAt, rows[4]!.waitSeconds], ["CANCELLED", null, null]);
    const text = JSON.stringify(rows);
    for (const secret of ["Private Person", "+4915112345678"]) assert.ok(!text.includes(secret), `no ${secret}`);
    ticketExportLimits.pageSize = 500;
  });

  it("writes CSV with a header and correct escaping, and a JSON array", async () => {
    const csv = await download(owner, { lineId, from, to, format: "csv" });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get("content-type")!, /text\/csv/);
    const lines = (await csv.text()).trim().split("\n");
    assert.equal(lines[0], ticketExportColumns.join(","));
    assert.equal(lines.length, 7);
    assert.ok(lines[1]!.includes(`,"Front, ""main""",`), lines[1]);
    const json = await download(owner, { tenantId: owner.tenantId, from, to, format: "json" });
    const array = (await json.json()) as { ticketId: string }[];
    assert.deepEqual(
      array.map((r) => r.ticketId),
      ownIds,
    );
  });

  it("never exports another tenant's tickets; a stranger gets 404, an anonymous caller 401, a viewer no staff names", async () => {
    const theirs = await download(stranger, { tenantId: stranger.tenantId, from, to, format: "jsonl" });
    const theirIds = (await theirs.text())
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as { ticketId: string }).ticketId);
    assert.deepEqual(theirIds, strangerIds);
    assert.ok(!theirIds.some((id) => ownIds.includes(id)));

    const refused = await download(stranger, { tenantId: owner.tenantId, from, to });
    assert.equal(refused.status, 404);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, "NOT_FOUND");
    const byLine = await download(stranger, { lineId, from, to });
    assert.equal(byLine.status, 404);
    await byLine.body?.cancel();
    const anonymous = await download(null, { tenantId: owner.tenantId, from, to });
    assert.equal(anonymous.status, 401);
    await anonymous.body?.cancel();

    const asViewer = await download(viewer, { tenantId: owner.tenantId, from, to, format: "jsonl" });
    const viewerRows = (await asViewer.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { calledById: string | null; calledByName: string | null });
    assert.equal(viewerRows[0]!.calledById, owner.userId);
    assert.ok(viewerRows.every((r) => r.calledByName === null));
  });

  it("answers 400 BAD_USER_INPUT naming the bad parameters", async () => {
    const res = await download(owner, { tenantId: owner.tenantId, from: "2024-01-01T00:00:00Z", to, format: "xlsx" });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { code: string; fields: { path: string }[] } };
    assert.equal(body.error.code, "BAD_USER_INPUT");
    assert.deepEqual(
      body.error.fields.map((f) => f.path),
      ["format"],
    );
    const range = await download(owner, { tenantId: owner.tenantId, from: "2024-01-01T00:00:00Z", to });
    assert.equal(range.status, 400);
    assert.deepEqual(
      ((await range.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path),
      ["to"],
    );
  });

  it("answers the admin's cross-origin preflight and exposes the file name", async () => {
    const origin = "http://127.0.0.1:4173";
    const preflight = await fetch(exportUrl({}), { method: "OPTIONS", headers: { origin, "access-control-request-headers": "authorization" } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), origin);
    assert.match(preflight.headers.get("access-control-allow-headers")!, /authorization/);
    const res = await fetch(exportUrl({ tenantId: owner.tenantId, from, to }), { headers: { origin, authorization: `Bearer ${owner.token}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("access-control-allow-origin"), origin);
    assert.match(res.headers.get("access-control-expose-headers")!, /content-disposition/);
    await res.text();
  });

  it("rate-limits exports per caller (429 LIMIT_EXCEEDED with Retry-After)", async () => {
    const base = testConfig().rateLimits;
    const limited = await startTestApi({ rateLimits: { ...base, ticketExportsPerCallerPerMinute: 1 } }, { database: api.database, ttlJob: false });
    try {
      const url = (format: string) => `${limited.server.url.replace(/\/graphql$/, "")}/analytics/tickets?${new URLSearchParams({ tenantId: owner.tenantId, from, to, format })}`;
      const first = await fetch(url("csv"), { headers: { authorization: `Bearer ${owner.token}` } });
      assert.equal(first.status, 200);
      await first.text();
      const second = await fetch(url("csv"), { headers: { authorization: `Bearer ${owner.token}` } });
      assert.equal(second.status, 429);
      assert.ok(Number(second.headers.get("retry-after")) >= 1);
      assert.equal(((await second.json()) as { error: { code: string } }).error.code, "LIMIT_EXCEEDED");
    } finally {
      await limited.close();
    }
  });

  it("reads a tenant's range through the tenant+date index (EXPLAIN)", async () => {
    const Plan = z.object({ "QUERY PLAN": col.text });
    const plan = await withTenantTx(api.database.db, { tenantId: owner.tenantId, userId: null }, async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return decodeRows(
        Plan,
        await tx.execute(sql`explain select count(*) from tickets t where t.tenant_id = ${owner.tenantId}
          and t.created_at >= ${from}::timestamptz and t.created_at < ${to}::timestamptz`),
      )
        .map((r) => r["QUERY PLAN"])
        .join("\n");
    });
    assert.match(plan, /tickets_tenant_created_idx|tickets_line_created_idx/, plan);
  });
});
