/**
 * After-commit line refreshes are coalesced per line: callers that arrive while one runs share the next one,
 * which starts after their commits and so sees them; lines do not share; the refresh reads only the tenant it
 * was given.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { LineRefresher } from "../line-refresh.js";
import { createLine, issueTicket, issueTickets } from "./queue-fixtures.js";

describe("line refreshes after commit", () => {
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
    const refresher = new LineRefresher(api.database.db);
    const lineId = await createLine(owner.gql, owner.tenantId);
    await issueTickets(owner.gql, lineId, 3);
    const first = refresher.refresh(owner.tenantId, lineId);
    const joined = Array.from({ length: 20 }, () => refresher.refresh(owner.tenantId, lineId));
    const results = await Promise.all([first, ...joined]);
    assert.equal(refresher.runs, 2, "the first runs at once; the twenty after it share the next");
    assert.ok(joined.every((p) => p === joined[0]), "joined callers share one result");
    for (const r of results) assert.equal(r.stats.waitingCount, 3);

    const running = refresher.refresh(owner.tenantId, lineId);
    const late = await issueTicket(owner.gql, lineId); // committed while (or after) `running` reads
    const afterIssue = await refresher.refresh(owner.tenantId, lineId);
    await running;
    assert.equal(afterIssue.stats.waitingCount, 4);
    assert.ok(afterIssue.estimates?.waitingIds.includes(late.id), "a refresh joined after a commit sees it");
  });

  it("gives one queue message per refresh, to the first caller that claims it", async () => {
    const refresher = new LineRefresher(api.database.db);
    const lineId = await createLine(owner.gql, owner.tenantId);
    await issueTickets(owner.gql, lineId, 2);
    await refresher.refresh(owner.tenantId, lineId);
    const [a, b] = await Promise.all([refresher.refresh(owner.tenantId, lineId), refresher.refresh(owner.tenantId, lineId)]);
    assert.equal(a, b);
    assert.deepEqual([a.claimQueueMessage(), b.claimQueueMessage()], [true, false]);
  });

  it("refreshes different lines independently", async () => {
    const refresher = new LineRefresher(api.database.db);
    const one = await createLine(owner.gql, owner.tenantId, { name: "One" });
    const two = await createLine(owner.gql, owner.tenantId, { name: "Two" });
    await issueTickets(owner.gql, two, 2);
    const [r1, r2] = await Promise.all([refresher.refresh(owner.tenantId, one), refresher.refresh(owner.tenantId, two)]);
    assert.equal(refresher.runs, 2);
    assert.deepEqual([r1.stats.waitingCount, r2.stats.waitingCount], [0, 2]);
  });

  it("reads only the tenant it is given: another tenant's id sees no line and no tickets", async () => {
    const refresher = new LineRefresher(api.database.db);
    const lineId = await createLine(owner.gql, owner.tenantId);
    await issueTickets(owner.gql, lineId, 2);
    const seen = await refresher.refresh(other.tenantId, lineId);
    assert.equal(seen.estimates, null);
    assert.equal(seen.stats.waitingCount, 0);
    assert.deepEqual(seen.stats.nowServing, []);
  });
});
