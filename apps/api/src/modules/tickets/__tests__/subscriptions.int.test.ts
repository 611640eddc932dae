/**
 * Live updates over graphql-ws: line events in order, live positions for customers, subtree activity, tenant
 * isolation, a refused subscription that leaves the socket healthy, access re-checked while subscribed, and
 * Redis fan-out between two API processes sharing one database. Each subscription is probed live (a harmless
 * LINE_UPDATED / UPDATED event) before the events under test, so no test depends on timing.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Client } from "graphql-ws";
import { openSecondConnection, type TestDatabase } from "@qline/db/testing";
import { assertOk, createSubtenant, memberPersona, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { subscriptionRecheck } from "../live/subscriptions.js";
import { callNextMutation, collect, createLine, issueTicket, issueTickets, settle, touchLine, touchTicket, wsClient } from "./queue-fixtures.js";

interface LineEventData {
  kind: string;
  lineId: string;
  tenantId: string;
  ticket: { number: string; status: string; position: number | null } | null;
  stats: { waitingCount: number; nowServing: { number: string }[] };
}
type LineUpdated = { lineUpdated: LineEventData };
type TenantActivity = { tenantActivity: LineEventData };
type TicketUpdated = { ticketUpdated: { number: string; status: string; position: number | null; lineName: string; counterName: string | null } };

const lineUpdated = `subscription($l: ID!) { lineUpdated(lineId: $l) { kind lineId tenantId ticket { number status position } stats { waitingCount nowServing { number } } } }`;
const tenantActivity = `subscription($t: ID!) { tenantActivity(tenantId: $t) { kind lineId tenantId ticket { number status position } stats { waitingCount nowServing { number } } } }`;
const ticketUpdated = `subscription($c: String!) { ticketUpdated(code: $c) { number status position lineName counterName } }`;

/** Events under test: without the SUBSCRIBED first event and the LINE_UPDATED probes. */
const real = (events: LineEventData[]) => events.filter((e) => e.kind !== "LINE_UPDATED" && e.kind !== "SUBSCRIBED");

describe("queue subscriptions", () => {
  let api: TestApi;
  let owner: Persona;
  let staff: Persona;
  let stranger: Persona;
  const clients: Client[] = [];
  const client = (authorization?: string) => {
    const c = wsClient(api, authorization);
    clients.push(c);
    return c;
  };

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "live");
    staff = await memberPersona(api, owner, owner.tenantId, "STAFF");
    stranger = await signUpPersona(api, "stranger");
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await api.close();
  });

  it("streams a line's events in order with its new stats", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId);
    const events = collect<LineUpdated>(client(`Bearer ${staff.token}`), lineUpdated, { l: lineId });
    await events.probe(() => touchLine(owner.gql, lineId));
    await issueTickets(staff.gql, lineId, 2);
    assertOk(await staff.gql(callNextMutation, { l: lineId }));
    const got = await waitForReal(events, 3);
    assert.deepEqual(got.map((e) => e.kind), ["ISSUED", "ISSUED", "CALLED"]);
    assert.deepEqual(got.map((e) => e.stats.waitingCount), [1, 2, 1]);
    assert.deepEqual(got[2]!.stats.nowServing.map((n) => n.number), ["A001"]);
    assert.equal(got[2]!.ticket!.status, "CALLED");
    assert.ok(got.every((e) => e.lineId === lineId && e.tenantId === owner.tenantId));
  });

  it("updates the positions of everyone behind a called ticket, for anonymous holders of tracking codes", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId, { name: "Bakery" });
    const [, second, third] = await issueTickets(staff.gql, lineId, 3);
    const anonymous = client();
    const secondUpdates = collect<TicketUpdated>(anonymous, ticketUpdated, { c: second!.trackingCode });
    const thirdUpdates = collect<TicketUpdated>(anonymous, ticketUpdated, { c: third!.trackingCode });
    await secondUpdates.probe(() => touchTicket(staff.gql, second!.id));
    await thirdUpdates.probe(() => touchTicket(staff.gql, third!.id));
    assert.equal(secondUpdates.values.at(-1)!.ticketUpdated.position, 2);
    assertOk(await staff.gql(callNextMutation, { l: lineId }));
    assert.deepEqual(await lastWhen(secondUpdates, (u) => u.ticketUpdated.position === 1), {
      ticketUpdated: { number: "A002", status: "WAITING", position: 1, lineName: "Bakery", counterName: null },
    });
    await lastWhen(thirdUpdates, (u) => u.ticketUpdated.position === 2);
    assertOk(await staff.gql(callNextMutation, { l: lineId }));
    await lastWhen(secondUpdates, (u) => u.ticketUpdated.status === "CALLED");
    await lastWhen(thirdUpdates, (u) => u.ticketUpdated.position === 1);
    assertOk(await cancelByCode(api, third!.trackingCode));
    await lastWhen(thirdUpdates, (u) => u.ticketUpdated.status === "CANCELLED");
    for (let i = 0; i < 100 && !thirdUpdates.completed; i++) await settle(20);
    assert.equal(thirdUpdates.completed, true, "a terminal ticket's stream completes");
    const unknown = collect(anonymous, ticketUpdated, { c: "no-such-code" });
    assert.match(await unknown.failure(), /NOT_FOUND/);
  });

  it("refuses a foreign line's subscription for that operation only; the socket keeps serving the others", async () => {
    const mine = await createLine(stranger.gql, stranger.tenantId);
    const theirs = await createLine(owner.gql, owner.tenantId);
    const socket = client(`Bearer ${stranger.token}`);
    const refused = collect(socket, lineUpdated, { l: theirs });
    const allowed = collect<LineUpdated>(socket, lineUpdated, { l: mine });
    assert.match(await refused.failure(), /NOT_FOUND/);
    await allowed.probe(() => touchLine(stranger.gql, mine));
    await issueTicket(owner.gql, theirs);
    await issueTicket(stranger.gql, mine);
    const got = await waitForReal(allowed, 1);
    assert.equal(got[0]!.lineId, mine);
    assert.equal(refused.values.length, 0);
    const anonymousRefused = collect(client(), lineUpdated, { l: mine });
    const garbage = collect(socket, lineUpdated, { l: "not-a-uuid" });
    assert.match(await anonymousRefused.failure(), /UNAUTHENTICATED/);
    assert.match(await garbage.failure(), /NOT_FOUND/);
    const key = assertOk(await stranger.gql<{ createApiKey: { secret: string } }>(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "display", scopes: ["lines:read"]) { secret } }`, { t: stranger.tenantId })).createApiKey.secret;
    const withoutTicketRead = collect(client(`ApiKey ${key}`), lineUpdated, { l: mine });
    assert.match(await withoutTicketRead.failure(), /FORBIDDEN/, "events carry ticket data: tickets:read is needed");
    await issueTicket(stranger.gql, mine);
    await waitForReal(allowed, 2);
  });

  it("sends an ancestor's tenantActivity every event of its subtree, and nothing across tenants", async () => {
    const subId = await createSubtenant(owner, owner.tenantId, "Branch");
    const subLine = await createLine(owner.gql, subId, { prefix: "S" });
    const strangerLine = await createLine(stranger.gql, stranger.tenantId);
    const rootActivity = collect<TenantActivity>(client(`Bearer ${owner.token}`), tenantActivity, { t: owner.tenantId });
    const strangerActivity = collect<TenantActivity>(client(`Bearer ${stranger.token}`), tenantActivity, { t: stranger.tenantId });
    const spying = collect(client(`Bearer ${stranger.token}`), tenantActivity, { t: owner.tenantId });
    assert.match(await spying.failure(), /NOT_FOUND/);
    await rootActivity.probe(() => touchLine(owner.gql, subLine));
    await strangerActivity.probe(() => touchLine(stranger.gql, strangerLine));
    const ticket = await issueTicket(owner.gql, subLine);
    const [got] = await waitForReal(rootActivity, 1, (v) => v.tenantActivity);
    assert.equal(got!.tenantId, subId);
    assert.equal(got!.ticket!.number, ticket.number);
    await settle();
    assert.deepEqual(strangerActivity.values.map((v) => v.tenantActivity.lineId).filter((l) => l !== strangerLine), [], "nothing of another tenant");
    assert.equal(spying.values.length, 0);
  });
});

const cancelByCode = (api: TestApi, code: string) => api.client()(`mutation($c: String!) { cancelMyTicket(code: $c) { status } }`, { c: code });

async function waitForReal<T>(received: { values: T[]; waitFor(n: number): Promise<T[]> }, n: number, pick: (v: T) => LineEventData = (v) => (v as LineUpdated).lineUpdated): Promise<LineEventData[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const got = real(received.values.map(pick));
    if (got.length >= n) return got;
    if (Date.now() > deadline) throw new Error(`expected ${n} events, got ${JSON.stringify(got)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The first value (from the newest back) satisfying `predicate`, waiting for it to arrive. */
async function lastWhen<T>(received: { values: T[] }, predicate: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = [...received.values].reverse().find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching event in ${JSON.stringify(received.values)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const redisUrl = process.env.TEST_REDIS_URL || process.env.REDIS_URL || undefined;

describe("two API processes sharing the database and Redis", { skip: redisUrl ? false : "needs TEST_REDIS_URL or REDIS_URL" }, () => {
  let first: TestApi;
  let second: TestApi;
  let secondDb: TestDatabase | undefined;
  let owner: Persona;
  let staff: Persona;
  let other: Persona;
  const clients: Client[] = [];

  before(async () => {
    first = await startTestApi({}, { redisUrl: redisUrl! });
    // On PostgreSQL the second process gets its own pool; PGlite is one in-process connection, so it is shared.
    secondDb = openSecondConnection(first.database);
    second = await startTestApi({}, { database: secondDb ?? first.database, redisUrl: redisUrl! });
    owner = await signUpPersona(first, "proc");
    staff = await memberPersona(first, owner, owner.tenantId, "STAFF");
    other = await signUpPersona(first, "tenantb");
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await second?.close();
    await secondDb?.close();
    await first?.close();
  });

  it("delivers, in order, on process 1 the events of mutations made on process 2, and nothing to tenant B", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId);
    const otherLine = await createLine(other.gql, other.tenantId);
    const onFirst = wsClient(first, `Bearer ${staff.token}`);
    const tenantB = wsClient(first, `Bearer ${other.token}`);
    clients.push(onFirst, tenantB);
    const viaSecond = second.client(`Bearer ${staff.token}`);
    const otherViaSecond = second.client(`Bearer ${other.token}`);
    const events = collect<LineUpdated>(onFirst, lineUpdated, { l: lineId });
    const bLine = collect<LineUpdated>(tenantB, lineUpdated, { l: otherLine });
    const bActivity = collect<TenantActivity>(tenantB, tenantActivity, { t: other.tenantId });
    await events.probe(() => touchLine(owner.gql, lineId));
    await bLine.probe(() => touchLine(otherViaSecond, otherLine));
    await bActivity.probe(() => touchLine(otherViaSecond, otherLine));

    const issued = [];
    for (let i = 0; i < 3; i++) issued.push(assertOk(await viaSecond<{ issueTicket: { id: string } }>(`mutation($l: ID!) { issueTicket(input: { lineId: $l }) { id } }`, { l: lineId })).issueTicket);
    const called = assertOk(await viaSecond<{ callNext: { id: string } }>(`mutation($l: ID!) { callNext(lineId: $l) { id } }`, { l: lineId })).callNext;
    assertOk(await viaSecond(`mutation($id: ID!) { startServing(id: $id) { id } }`, { id: called.id }));
    assertOk(await viaSecond(`mutation($id: ID!) { completeTicket(id: $id) { id } }`, { id: called.id }));
    assertOk(await viaSecond(`mutation($id: ID!) { cancelTicket(id: $id, reason: "left") { id } }`, { id: issued[2]!.id }));

    const got = await waitForReal(events, 7);
    assert.deepEqual(got.map((e) => e.kind), ["ISSUED", "ISSUED", "ISSUED", "CALLED", "SERVING", "SERVED", "CANCELLED"]);
    assert.deepEqual(got.map((e) => e.ticket?.number), ["A001", "A002", "A003", "A001", "A001", "A001", "A003"]);
    // Each event carries the line as its refresh found it: at or after the event (mutations answer at commit, so
    // the next one can commit before the previous event's refresh ran); the last is the line now.
    assert.equal(got[got.length - 1]!.stats.waitingCount, 1);
    await settle(300);
    assert.deepEqual(real(bLine.values.map((v) => v.lineUpdated)), [], "tenant B's line subscriber got nothing of A");
    assert.deepEqual(bActivity.values.map((v) => v.tenantActivity.tenantId).filter((t) => t !== other.tenantId), [], "tenant B's activity got nothing of A");
    assert.deepEqual([bLine.errors, bActivity.errors], [[], []]);
  });
});

describe("two API processes: one line's events in order", { skip: redisUrl ? false : "needs TEST_REDIS_URL or REDIS_URL" }, () => {
  let first: TestApi;
  let second: TestApi;
  let secondDb: TestDatabase | undefined;
  let owner: Persona;
  const clients: Client[] = [];

  before(async () => {
    first = await startTestApi({}, { redisUrl: redisUrl! });
    secondDb = openSecondConnection(first.database);
    second = await startTestApi({}, { database: secondDb ?? first.database, redisUrl: redisUrl! });
    owner = await signUpPersona(first, "order");
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await second?.close();
    await secondDb?.close();
    await first?.close();
  });

  it("numbers concurrent changes made on both processes 1, 2, 3, … and delivers them in that order on each", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId);
    const seqOnly = `subscription($l: ID!) { lineUpdated(lineId: $l) { kind seq } }`;
    type Seq = { lineUpdated: { kind: string; seq: number } };
    const onFirst = wsClient(first, `Bearer ${owner.token}`);
    const onSecond = wsClient(second, `Bearer ${owner.token}`);
    clients.push(onFirst, onSecond);
    const viaFirst = collect<Seq>(onFirst, seqOnly, { l: lineId });
    const viaSecond = collect<Seq>(onSecond, seqOnly, { l: lineId });
    await viaFirst.probe(() => touchLine(owner.gql, lineId));
    await viaSecond.probe(() => touchLine(owner.gql, lineId));
    const startedAt = Math.max(viaFirst.values.at(-1)!.lineUpdated.seq, viaSecond.values.at(-1)!.lineUpdated.seq);

    // 40 issues and then 20 calls, all at once, alternating between the processes.
    const gqls = [first.client(`Bearer ${owner.token}`), second.client(`Bearer ${owner.token}`)];
    await Promise.all(Array.from({ length: 40 }, (_, i) => gqls[i % 2]!(`mutation($l: ID!) { issueTicket(input: { lineId: $l }) { id } }`, { l: lineId }).then(assertOk)));
    await Promise.all(Array.from({ length: 20 }, (_, i) => gqls[i % 2]!(callNextMutation, { l: lineId }).then(assertOk)));
    const last = startedAt + 60;

    for (const received of [viaFirst, viaSecond]) {
      const until = async () => {
        for (let i = 0; i < 500 && (received.values.at(-1)?.lineUpdated.seq ?? 0) < last; i++) await new Promise((r) => setTimeout(r, 20));
      };
      await until();
      const seqs = received.values.map((v) => v.lineUpdated.seq).filter((seq) => seq > startedAt);
      assert.deepEqual(seqs, Array.from({ length: 60 }, (_, i) => startedAt + 1 + i), "every number once, in order");
      const kinds = received.values.filter((v) => v.lineUpdated.seq > startedAt).map((v) => v.lineUpdated.kind);
      assert.deepEqual([kinds.filter((k) => k === "ISSUED").length, kinds.filter((k) => k === "CALLED").length], [40, 20]);
      assert.deepEqual(received.errors, []);
    }
  });
});

describe("subscription access over time", () => {
  let api: TestApi;
  const clients: Client[] = [];
  before(async () => {
    api = await startTestApi();
    subscriptionRecheck.intervalMs = 0; // re-check on every event in this test process
  });
  after(async () => {
    subscriptionRecheck.intervalMs = 30_000;
    await Promise.all(clients.map((c) => c.dispose()));
    await api.close();
  });

  it("ends a member's line subscription once they are removed from the tenant", async () => {
    const owner = await signUpPersona(api, "revoke");
    const staff = await memberPersona(api, owner, owner.tenantId, "STAFF");
    const lineId = await createLine(owner.gql, owner.tenantId);
    const socket = wsClient(api, `Bearer ${staff.token}`);
    clients.push(socket);
    const events = collect<LineUpdated>(socket, lineUpdated, { l: lineId });
    await events.probe(() => touchLine(owner.gql, lineId));
    assertOk(await owner.gql(`mutation($t: ID!, $u: ID!) { removeMember(tenantId: $t, userId: $u) }`, { t: owner.tenantId, u: staff.userId }));
    const countBefore = events.values.length;
    await issueTicket(owner.gql, lineId);
    assert.match(await events.failure(), /NOT_FOUND/);
    assert.equal(events.values.length, countBefore, "no event after the removal");
  });
});
