/**
 * Analytics through the real API over a seeded history with controlled timestamps: exact figures for a line,
 * a tenant and its subtree roll-up; the estimate given at issue is recorded; access (viewer, stranger,
 * anonymous); bad ranges and the roll-up's tenant limit. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { col, decodeRows, withTenantTx, z } from "@qline/db";
import { assertCode, assertOk, createSubtenant, memberPersona, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { createLine, issueTicket } from "../../tickets/__tests__/queue-fixtures.js";
import { analyticsLimits } from "../analytics.service.js";
import { seedHistory } from "./history-fixture.js";
import { lineStatesOf } from "../../tickets/live/line-state.js";

const figures = `from to timeZone tenantCount issued served noShows cancelled expired open waitSamples averageWaitSeconds p90WaitSeconds
  noShowRate cancellationRate byHour { hour issued served } estimateAccuracy { samples meanAbsoluteErrorSeconds pastP90Share }`;
const lineQuery = `query($l: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { lineAnalytics(lineId: $l, from: $from, to: $to) { ${figures} } }`;
const tenantQuery = `query($t: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $sub: Boolean) { tenantAnalytics(tenantId: $t, from: $from, to: $to, includeSubtree: $sub) { ${figures} } }`;

const from = "2026-02-10T00:00:00.000Z";
const to = "2026-02-11T00:00:00.000Z";

interface Figures {
  tenantCount: number;
  timeZone: string | null;
  issued: number;
  served: number;
  noShows: number;
  cancelled: number;
  expired: number;
  open: number;
  waitSamples: number;
  averageWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  noShowRate: number | null;
  cancellationRate: number | null;
  byHour: { hour: number; issued: number; served: number }[];
  estimateAccuracy: { samples: number; meanAbsoluteErrorSeconds: number; pastP90Share: number } | null;
}

const nonEmptyHours = (f: Figures) => f.byHour.filter((h) => h.issued > 0 || h.served > 0);

describe("analytics", () => {
  let api: TestApi;
  let owner: Persona;
  let viewer: Persona;
  let stranger: Persona;
  let lineId: string;
  let subId: string;

  before(async () => {
    api = await startTestApi({}, { ttlJob: false });
    owner = await signUpPersona(api, "owner");
    viewer = await memberPersona(api, owner, owner.tenantId, "VIEWER");
    stranger = await signUpPersona(api, "stranger");
    // February: New York is UTC-5.
    lineId = await createLine(owner.gql, owner.tenantId, { name: "Front", prefix: "F", timeZone: "America/New_York" });
    await seedHistory(api.database.db, owner.tenantId, lineId, [
      { at: "2026-02-10T14:00:00Z", status: "SERVED", waitSeconds: 60, p50: 90, p90: 120 }, // 09 local; error 30
      { at: "2026-02-10T14:10:00Z", status: "SERVED", waitSeconds: 120, p50: 100, p90: 110 }, // 09; error 20, past p90
      { at: "2026-02-10T15:00:00Z", status: "NO_SHOW", waitSeconds: 300, p50: 200, p90: 400 }, // 10; error 100
      { at: "2026-02-10T15:30:00Z", status: "SERVED", waitSeconds: 30 }, // 10; no estimate recorded
      { at: "2026-02-10T16:00:00Z", status: "CANCELLED" }, // 11
      { at: "2026-02-10T16:05:00Z", status: "EXPIRED", p50: 50, p90: 80 }, // 11; never called: no wait
      { at: "2026-02-10T16:10:00Z", status: "WAITING", waitSeconds: 45, p50: 10, p90: 20 }, // 11; requeued after a call: no wait
      { at: "2026-02-09T10:00:00Z", status: "SERVED", waitSeconds: 999 }, // before the range
      { at: "2026-02-11T00:00:00Z", status: "SERVED", waitSeconds: 999 }, // `to` is exclusive
    ]);
    subId = await createSubtenant(owner, owner.tenantId, "Store 2");
    const subLine = await createLine(owner.gql, subId, { name: "Store line", prefix: "S" });
    await seedHistory(api.database.db, subId, subLine, [
      { at: "2026-02-10T14:00:00Z", status: "SERVED", waitSeconds: 90 }, // 14 UTC
      { at: "2026-02-10T20:00:00Z", status: "CANCELLED" }, // 20 UTC
    ]);
  });
  after(async () => {
    await api.close();
  });

  it("gives a line's exact figures: counts, wait average and p90, rates, hours in the line's zone, estimate accuracy", async () => {
    const f = assertOk(await owner.gql<{ lineAnalytics: Figures }>(lineQuery, { l: lineId, from, to })).lineAnalytics;
    assert.equal(f.timeZone, "America/New_York");
    assert.equal(f.tenantCount, 1);
    assert.deepEqual(
      { issued: f.issued, served: f.served, noShows: f.noShows, cancelled: f.cancelled, expired: f.expired, open: f.open },
      { issued: 7, served: 3, noShows: 1, cancelled: 1, expired: 1, open: 1 },
    );
    // Waits 30, 60, 120, 300: mean 127.5; p90 at position 2.7 → 120 + 0.7 × 180 = 246.
    assert.equal(f.waitSamples, 4);
    assert.equal(f.averageWaitSeconds, 127.5);
    assert.equal(f.p90WaitSeconds, 246);
    assert.equal(f.noShowRate, 0.1667); // 1 of 6 finished
    assert.equal(f.cancellationRate, 0.1667);
    assert.equal(f.byHour.length, 24);
    assert.deepEqual(nonEmptyHours(f), [
      { hour: 9, issued: 2, served: 2 },
      { hour: 10, issued: 2, served: 1 },
      { hour: 11, issued: 3, served: 0 },
    ]);
    assert.deepEqual(f.estimateAccuracy, { samples: 3, meanAbsoluteErrorSeconds: 50, pastP90Share: 0.3333 });
  });

  it("sums a tenant's lines, and its subtree on request (per tenant through the door)", async () => {
    const own = assertOk(await owner.gql<{ tenantAnalytics: Figures }>(tenantQuery, { t: owner.tenantId, from, to })).tenantAnalytics;
    assert.equal(own.tenantCount, 1);
    assert.equal(own.timeZone, null);
    assert.equal(own.issued, 7);
    assert.equal(own.p90WaitSeconds, 246);

    const all = assertOk(await owner.gql<{ tenantAnalytics: Figures }>(tenantQuery, { t: owner.tenantId, from, to, sub: true })).tenantAnalytics;
    assert.equal(all.tenantCount, 2);
    assert.deepEqual(
      { issued: all.issued, served: all.served, noShows: all.noShows, cancelled: all.cancelled, expired: all.expired, open: all.open },
      { issued: 9, served: 4, noShows: 1, cancelled: 2, expired: 1, open: 1 },
    );
    // Waits 30, 60, 90, 120, 300: mean 120; p90 at position 3.6 → 120 + 0.6 × 180 = 228.
    assert.equal(all.averageWaitSeconds, 120);
    assert.equal(all.p90WaitSeconds, 228);
    assert.equal(all.noShowRate, 0.125);
    assert.equal(all.cancellationRate, 0.25);
    assert.deepEqual(nonEmptyHours(all), [
      { hour: 9, issued: 2, served: 2 },
      { hour: 10, issued: 2, served: 1 },
      { hour: 11, issued: 3, served: 0 },
      { hour: 14, issued: 1, served: 1 },
      { hour: 20, issued: 1, served: 0 },
    ]);
    assert.deepEqual(all.estimateAccuracy, { samples: 3, meanAbsoluteErrorSeconds: 50, pastP90Share: 0.3333 });

    // The subtenant alone sees only itself; an empty range has no waits and no rates.
    const sub = assertOk(await owner.gql<{ tenantAnalytics: Figures }>(tenantQuery, { t: subId, from, to, sub: true })).tenantAnalytics;
    assert.equal(sub.issued, 2);
    const empty = assertOk(await owner.gql<{ tenantAnalytics: Figures }>(tenantQuery, { t: owner.tenantId, from: "2025-01-01T00:00:00Z", to: "2025-01-02T00:00:00Z", sub: true })).tenantAnalytics;
    assert.deepEqual(
      { issued: empty.issued, averageWaitSeconds: empty.averageWaitSeconds, p90WaitSeconds: empty.p90WaitSeconds, noShowRate: empty.noShowRate, estimateAccuracy: empty.estimateAccuracy },
      { issued: 0, averageWaitSeconds: null, p90WaitSeconds: null, noShowRate: null, estimateAccuracy: null },
    );
  });

  it("records the estimate a ticket was given at issue", async () => {
    const line = await createLine(owner.gql, owner.tenantId, { name: "Live", prefix: "L" });
    const first = await issueTicket(owner.gql, line);
    const second = await issueTicket(owner.gql, line);
    await lineStatesOf(api.database.db).idle(); // issue-time estimates are recorded by the line's refresh after commit
    const stored = await withTenantTx(api.database.db, { tenantId: owner.tenantId, userId: null }, async (tx) =>
      decodeRows(
        z.object({ id: col.uuid, p50: col.int.nullable(), p90: col.int.nullable() }),
        await tx.execute(sql`select t.id, e.p50_seconds as p50, e.p90_seconds as p90 from tickets t left join ticket_estimates e on e.tenant_id = t.tenant_id and e.ticket_id = t.id where t.tenant_id = ${owner.tenantId} and t.line_id = ${line} order by t.seq`),
      ),
    );
    assert.deepEqual(stored.map((r) => r.id), [first.id, second.id]);
    for (const row of stored) {
      assert.ok(row.p50 != null && row.p90 != null && row.p90 >= row.p50, JSON.stringify(row));
    }
    assert.ok(stored[1]!.p50! >= stored[0]!.p50!, "the second in line was told a longer wait");
  });

  it("lets a viewer read; strangers get NOT_FOUND, anonymous callers UNAUTHENTICATED", async () => {
    const f = assertOk(await viewer.gql<{ lineAnalytics: Figures }>(lineQuery, { l: lineId, from, to })).lineAnalytics;
    assert.equal(f.issued, 7);
    assert.equal(assertOk(await viewer.gql<{ tenantAnalytics: Figures }>(tenantQuery, { t: owner.tenantId, from, to, sub: true })).tenantAnalytics.issued, 9);
    assertCode(await stranger.gql(lineQuery, { l: lineId, from, to }), "NOT_FOUND");
    assertCode(await stranger.gql(tenantQuery, { t: owner.tenantId, from, to, sub: true }), "NOT_FOUND");
    assertCode(await stranger.gql(tenantQuery, { t: subId, from, to }), "NOT_FOUND");
    assertCode(await stranger.gql(lineQuery, { l: "not-a-uuid", from, to }), "NOT_FOUND");
    assertCode(await api.client()(lineQuery, { l: lineId, from, to }), "UNAUTHENTICATED");
    assertCode(await api.client()(tenantQuery, { t: owner.tenantId, from, to }), "UNAUTHENTICATED");
  });

  it("refuses bad ranges with the argument's path", async () => {
    for (const [range, message] of [
      [{ from: to, to: from }, "must be after from"],
      [{ from, to: from }, "must be after from"],
      [{ from: "2026-01-01T00:00:00Z", to: "2026-04-03T00:00:01Z" }, "must be at most 92 days after from"],
    ] as const) {
      const res = await owner.gql(lineQuery, { l: lineId, ...range });
      assertCode(res, "BAD_USER_INPUT");
      assert.deepEqual(res.errors![0]!.extensions!.fields, [{ path: "to", message }]);
      assertCode(await owner.gql(tenantQuery, { t: owner.tenantId, ...range }), "BAD_USER_INPUT");
    }
    // Exactly 92 days is allowed.
    assertOk(await owner.gql(lineQuery, { l: lineId, from: "2026-01-01T00:00:00Z", to: "2026-04-03T00:00:00Z" }));
  });

  it("refuses a roll-up over more tenants than the limit with LIMIT_EXCEEDED", async () => {
    const limit = analyticsLimits.maxTenants;
    analyticsLimits.maxTenants = 2; // the root and one subtenant fit; a second subtenant does not
    try {
      assertOk(await owner.gql(tenantQuery, { t: owner.tenantId, from, to, sub: true }));
      await createSubtenant(owner, owner.tenantId, "Store 3");
      assertCode(await owner.gql(tenantQuery, { t: owner.tenantId, from, to, sub: true }), "LIMIT_EXCEEDED");
      assertOk(await owner.gql(tenantQuery, { t: owner.tenantId, from, to, sub: false }));
    } finally {
      analyticsLimits.maxTenants = limit;
    }
  });
});
