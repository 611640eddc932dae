/**
 * The owner of a line's live state: refreshes are coalesced per line (callers that arrive while one runs share the
 * next, which starts after their commits and so sees them); a state is reused while no newer event is known and
 * it is young; lines do not share; a refresh reads only the tenant it was given.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertOk, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { LineStates, lineStateCache, lineStatesOf } from "../live/line-state.js";
import { snapshotLimits } from "../../estimates/estimates.snapshot.js";
import { createLine, issueTicket, issueTickets } from "./queue-fixtures.js";

describe("line states", () => {
  let api: TestApi;
  let owner: Persona;
  let other: Persona;

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "refresh");
    other = await signUpPersona(api, "refresh-other");
  });
  after(() => api.close());

  it("runs one refresh for every caller that arrived while another ran, and each sees the state after its call", async () => {
    const states = new LineStates(api.database.db);
    const lineId = await createLine(owner.gql, owner.tenantId);
    await issueTickets(owner.gql, lineId, 3);
    const first = states.current(owner.tenantId, lineId, Number.MAX_SAFE_INTEGER);
    const joined = Array.from({ length: 20 }, () => states.current(owner.tenantId, lineId, Number.MAX_SAFE_INTEGER));
    const results = await Promise.all([first, ...joined]);
    assert.equal(states.refreshes, 2, "the first runs at once; the twenty after it share the next");
    assert.ok(results.slice(1).every((r) => r === results[1]), "joined callers share one result");
    for (const r of results) assert.equal(r?.waitingCount, 3);

    const running = states.current(owner.tenantId, lineId, Number.MAX_SAFE_INTEGER);
    const late = await issueTicket(owner.gql, lineId); // committed while (or after) `running` reads
    const afterIssue = await states.current(owner.tenantId, lineId, Number.MAX_SAFE_INTEGER);
    await running;
    assert.equal(afterIssue?.waitingCount, 4);
    assert.ok(afterIssue?.estimates.waitingIds.includes(late.id), "a refresh joined after a commit sees it");
  });

  it("reuses a state that reflects the event number asked for, and refreshes for a newer one", async () => {
    const states = new LineStates(api.database.db);
    const lineId = await createLine(owner.gql, owner.tenantId);
    await issueTickets(owner.gql, lineId, 2);
    const seen = await states.current(owner.tenantId, lineId);
    assert.equal(seen?.seq, 2, "two issues: events 1 and 2");
    const again = await states.current(owner.tenantId, lineId, 2);
    assert.equal(again, seen, "same number, young: the same state");
    assert.equal(states.refreshes, 1);
    await issueTicket(owner.gql, lineId);
    const newer = await states.current(owner.tenantId, lineId, 3);
    assert.equal(newer?.seq, 3);
    assert.equal(newer?.waitingCount, 3);
    assert.equal(states.refreshes, 2);
  });

  it("refreshes a state older than its maximum age even when no newer event is known", async () => {
    const states = new LineStates(api.database.db);
    const lineId = await createLine(owner.gql, owner.tenantId);
    const saved = lineStateCache.maxAgeMs;
    lineStateCache.maxAgeMs = 0;
    try {
      const a = await states.current(owner.tenantId, lineId);
      await new Promise((resolve) => setTimeout(resolve, 2)); // older than 0 ms
      const b = await states.current(owner.tenantId, lineId);
      assert.notEqual(a, b);
      assert.equal(states.refreshes, 2);
    } finally {
      lineStateCache.maxAgeMs = saved;
    }
  });

  it("refreshes different lines independently", async () => {
    const states = new LineStates(api.database.db);
    const one = await createLine(owner.gql, owner.tenantId, { name: "One" });
    const two = await createLine(owner.gql, owner.tenantId, { name: "Two" });
    await issueTickets(owner.gql, two, 2);
    const [r1, r2] = await Promise.all([states.current(owner.tenantId, one), states.current(owner.tenantId, two)]);
    assert.equal(states.refreshes, 2);
    assert.deepEqual([r1?.waitingCount, r2?.waitingCount], [0, 2]);
  });

  it("reads only the tenant it is given: another tenant's id sees no line", async () => {
    const states = new LineStates(api.database.db);
    const lineId = await createLine(owner.gql, owner.tenantId);
    await issueTickets(owner.gql, lineId, 2);
    assert.equal(await states.current(other.tenantId, lineId), null);
  });

  it("estimates past the window from its tail: every reader, increasing with the place, the arrival after the last", async () => {
    const window = snapshotLimits.waitingMax;
    snapshotLimits.waitingMax = 4; // the window of a deep queue, made small
    try {
      const lineId = await createLine(owner.gql, owner.tenantId, { name: "Deep", prefix: "D" });
      const issued = await issueTickets(owner.gql, lineId, 10);
      await lineStatesOf(api.database.db).idle();
      const state = await new LineStates(api.database.db).current(owner.tenantId, lineId, Number.MAX_SAFE_INTEGER);
      assert.equal(state?.waitingCount, 10);
      assert.deepEqual(state?.estimates.waitingIds, issued.slice(0, 4).map((t) => t.id), "the estimator saw the window only");
      // Staff (Ticket.estimate) and the holder (PublicTicket.estimate) both get one past the window.
      const staffView = await Promise.all(
        issued.map(async (t) => assertOk(await owner.gql<{ ticket: { position: number; estimate: { p50Seconds: number; p90Seconds: number } | null } }>(`query($id: ID!) { ticket(id: $id) { position estimate { p50Seconds p90Seconds } } }`, { id: t.id })).ticket),
      );
      assert.deepEqual(staffView.map((t) => t.position), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const p50s = staffView.map((t) => t.estimate?.p50Seconds ?? NaN);
      assert.ok(p50s.every((p, i) => i === 0 || p >= p50s[i - 1]!), `increasing with the place: ${p50s.join(", ")}`);
      assert.ok(p50s[9]! > p50s[3]!, `the last waits longer than the window's last: ${p50s.join(", ")}`);
      assert.ok(staffView.every((t) => t.estimate!.p90Seconds >= t.estimate!.p50Seconds));
      const holder = assertOk(await api.client()<{ ticketByCode: { position: number; estimate: { p50Seconds: number } | null } }>(`query($c: String!) { ticketByCode(code: $c) { position estimate { p50Seconds } } }`, { c: issued[9]!.trackingCode })).ticketByCode;
      assert.equal(holder.position, 10);
      assert.equal(holder.estimate?.p50Seconds, p50s[9]);
      const line = assertOk(await owner.gql<{ line: { estimatedWaitSeconds: number } }>(`query($id: ID!) { line(id: $id) { estimatedWaitSeconds } }`, { id: lineId })).line;
      assert.ok(line.estimatedWaitSeconds >= p50s[9]!, `a ticket issued now waits at least as long as the last: ${line.estimatedWaitSeconds} vs ${p50s[9]}`);
    } finally {
      snapshotLimits.waitingMax = window;
    }
  });
});
