/**
 * The owner of a line's live state: refreshes are coalesced per line (callers that arrive while one runs share the
 * next, which starts after their commits and so sees them); a state is reused while no newer event is known and
 * it is young; lines do not share; a refresh reads only the tenant it was given.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { LineStates, lineStateCache } from "../live/line-state.js";
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
});
