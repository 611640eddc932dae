/**
 * Issue 16: the snapshot carries what the API knows beyond the queue — the configured service time as a prior,
 * counters total and open (with ids), counter openings/closings from the audit log, the counter of each called
 * ticket (for the staff's call delay) and the opening hours' closed periods — and estimates use them.
 * Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { lines, withTenantTx, type Tx } from "@qline/db";
import { assertOk, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { callNextMutation, createCounter, createLine, issueTickets } from "../../tickets/__tests__/queue-fixtures.js";
import { localTime } from "../../lines/opening-hours.js";
import { buildLineSnapshot } from "../estimates.snapshot.js";
import { computeLineState } from "../../tickets/live/line-state.js";

describe("estimates: inputs of the snapshot (issue 16)", () => {
  let api: TestApi;
  let owner: Persona;

  before(async () => {
    api = await startTestApi({}, { ttlJob: false });
    owner = await signUpPersona(api, "owner");
  });
  after(async () => {
    await api.close();
  });

  it("feeds counters, counter changes, counter ids, the type's prior and the opening hours to the estimator", async () => {
    const typeId = assertOk(
      await owner.gql<{ createTicketType: { id: string } }>(`mutation($input: CreateTicketTypeInput!) { createTicketType(input: $input) { id } }`, {
        input: { tenantId: owner.tenantId, code: "IN16", name: "IN16", defaultServiceSeconds: 300 },
      }),
    ).createTicketType.id;
    const lineId = await createLine(owner.gql, owner.tenantId, { name: "Inputs", prefix: "I", ticketTypeIds: [typeId] });
    const desk1 = await createCounter(owner.gql, lineId, "Desk 1");
    const desk2 = await createCounter(owner.gql, lineId, "Desk 2");
    const db = api.database.db;
    const at = <T>(fn: (tx: Tx) => Promise<T>) => withTenantTx(db, { tenantId: owner.tenantId, userId: null }, fn);

    // Served one ticket at Desk 1, then closed Desk 2.
    await issueTickets(owner.gql, lineId, 1);
    const served = assertOk(await owner.gql<{ callNext: { id: string } }>(callNextMutation, { l: lineId, c: desk1 })).callNext;
    assertOk(await owner.gql(`mutation($id: ID!) { startServing(id: $id) { id } }`, { id: served.id }));
    assertOk(await owner.gql(`mutation($id: ID!) { completeTicket(id: $id) { id } }`, { id: served.id }));
    assertOk(await owner.gql(`mutation($id: ID!) { closeCounter(id: $id) { id } }`, { id: desk2 }));
    const waiting = await issueTickets(owner.gql, lineId, 4);
    const now = Date.now() + 1000;

    const snapshot = await at((tx) => buildLineSnapshot(tx, owner.tenantId, lineId, now));
    assert.equal(snapshot.totalCounters, 2);
    assert.equal(snapshot.openCounters, 1);
    assert.deepEqual(snapshot.openCounterIds, [desk1]);
    assert.deepEqual(snapshot.history.map((ticket) => [ticket.id, ticket.counterId]), [[served.id, desk1]]);
    // The counters were created open (no audit event), Desk 2 closed since: one open after the last change.
    const lastChange = snapshot.counterEvents?.at(-1);
    assert.equal(lastChange?.openCounters, 1);
    assert.ok(snapshot.ticketTypes.some((type) => type.id === typeId && type.defaultServiceSeconds === 300));

    // Estimates: increasing in queue order, nobody behind another told 0, the arrival after the last ticket.
    const always = (await computeLineState(api.database.db, owner.tenantId, lineId, [], now))!.state.estimates;
    const p50s = waiting.map((ticket) => always.byTicket.get(ticket.id)!.p50Seconds);
    assert.deepEqual([...p50s].sort((a, b) => a - b), p50s);
    assert.ok(p50s.slice(1).every((seconds) => seconds > 0), `p50s ${p50s.join(", ")}`);
    assert.ok((always.estimatedWaitSeconds ?? 0) >= p50s.at(-1)!);

    // Opening hours that close the line in 1–2 minutes for an hour: the closure is passed and pushes waits back.
    // The line's time zone puts "now" between 06:00 and 18:00 local time, so the closure and the reopening fall
    // inside one local day whatever the hour the test runs (Etc/GMT+6 is UTC−6).
    const timeZone = new Date(now).getUTCHours() >= 12 ? "Etc/GMT+6" : "Etc/GMT-6";
    const local = localTime(new Date(now), timeZone);
    const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    const closesAt = local.minutes + 2; // 1 to 2 minutes from now
    assert.ok(local.minutes >= 6 * 60 && closesAt + 60 < 24 * 60 - 1, `local time ${hhmm(local.minutes)} in ${timeZone}`);
    const openingHours = [
      { day: local.day, opens: "00:00", closes: hhmm(closesAt) },
      { day: local.day, opens: hhmm(closesAt + 60), closes: "24:00" },
    ];
    await at((tx) => tx.update(lines).set({ openingHours, timeZone }).where(and(eq(lines.tenantId, owner.tenantId), eq(lines.id, lineId))));
    const withPause = (await computeLineState(api.database.db, owner.tenantId, lineId, [], now))!.state.estimates;
    const lastBefore = always.byTicket.get(waiting[3]!.id)!;
    const lastAfter = withPause.byTicket.get(waiting[3]!.id)!;
    // The last ticket (minutes away, whatever the one fast completion taught) runs into the closure: the hour is added.
    assert.ok(lastAfter.p50Seconds >= lastBefore.p50Seconds + 3500, `${lastBefore.p50Seconds} → ${lastAfter.p50Seconds}`);
    // The first in line is called before the closure: unchanged.
    assert.deepEqual(withPause.byTicket.get(waiting[0]!.id), always.byTicket.get(waiting[0]!.id));
  });
});
