/**
 * Live updates over graphql-ws: line events in order, live positions for customers, subtree activity, tenant
 * isolation, a refused subscription that leaves the socket healthy, and Redis fan-out between two API
 * processes sharing one database.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Client } from "graphql-ws";
import { openSecondConnection, type TestDatabase } from "@qline/db/testing";
import { assertOk, createSubtenant, memberPersona, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { callNextMutation, collect, createLine, issueTicket, issueTickets, settle, wsClient } from "./queue-fixtures.js";

interface LineEventData {
  kind: string;
  lineId: string;
  tenantId: string;
  ticket: { number: string; status: string; position: number | null } | null;
  stats: { waitingCount: number; nowServing: { number: string }[] };
}

const lineUpdated = `subscription($l: ID!) { lineUpdated(lineId: $l) { kind lineId tenantId ticket { number status position } stats { waitingCount nowServing { number } } } }`;
const tenantActivity = `subscription($t: ID!) { tenantActivity(tenantId: $t) { kind lineId tenantId ticket { number status position } stats { waitingCount nowServing { number } } } }`;
const ticketUpdated = `subscription($c: String!) { ticketUpdated(code: $c) { number status position lineName counterName } }`;

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
    const events = collect<{ lineUpdated: LineEventData }>(client(`Bearer ${staff.token}`), lineUpdated, { l: lineId });
    await settle();
    await issueTickets(staff.gql, lineId, 2);
    assertOk(await staff.gql(callNextMutation, { l: lineId }));
    const got = (await events.waitFor(3)).map((e) => e.lineUpdated);
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
    const secondUpdates = collect<{ ticketUpdated: { number: string; status: string; position: number | null } }>(anonymous, ticketUpdated, { c: second!.trackingCode });
    const thirdUpdates = collect<{ ticketUpdated: { number: string; position: number | null } }>(anonymous, ticketUpdated, { c: third!.trackingCode });
    await settle();
    assertOk(await staff.gql(callNextMutation, { l: lineId }));
    assert.deepEqual((await secondUpdates.waitFor(1))[0]!.ticketUpdated, { number: "A002", status: "WAITING", position: 1, lineName: "Bakery", counterName: null });
    assert.equal((await thirdUpdates.waitFor(1))[0]!.ticketUpdated.position, 2);
    assertOk(await staff.gql(callNextMutation, { l: lineId }));
    const [, called] = await secondUpdates.waitFor(2);
    assert.equal(called!.ticketUpdated.status, "CALLED");
    assert.equal((await thirdUpdates.waitFor(2))[1]!.ticketUpdated.position, 1);
    const unknown = collect(anonymous, ticketUpdated, { c: "no-such-code" });
    assert.match(await unknown.failure(), /NOT_FOUND/);
  });

  it("refuses a foreign line's subscription for that operation only; the socket keeps serving the others", async () => {
    const mine = await createLine(stranger.gql, stranger.tenantId);
    const theirs = await createLine(owner.gql, owner.tenantId);
    const socket = client(`Bearer ${stranger.token}`);
    const refused = collect(socket, lineUpdated, { l: theirs });
    const allowed = collect<{ lineUpdated: LineEventData }>(socket, lineUpdated, { l: mine });
    await settle();
    assert.match(await refused.failure(), /NOT_FOUND/);
    await issueTicket(owner.gql, theirs);
    await issueTicket(stranger.gql, mine);
    const got = await allowed.waitFor(1);
    assert.equal(got[0]!.lineUpdated.lineId, mine);
    assert.equal(refused.values.length, 0);
    const anonymousRefused = collect(client(), lineUpdated, { l: mine });
    const garbage = collect(socket, lineUpdated, { l: "not-a-uuid" });
    await settle();
    assert.match(await anonymousRefused.failure(), /UNAUTHENTICATED/);
    assert.match(await garbage.failure(), /NOT_FOUND/);
    await issueTicket(stranger.gql, mine);
    await allowed.waitFor(2);
  });

  it("sends an ancestor's tenantActivity every event of its subtree, and nothing across tenants", async () => {
    const subId = await createSubtenant(owner, owner.tenantId, "Branch");
    const subLine = await createLine(owner.gql, subId, { prefix: "S" });
    const rootActivity = collect<{ tenantActivity: LineEventData }>(client(`Bearer ${owner.token}`), tenantActivity, { t: owner.tenantId });
    const strangerActivity = collect<{ tenantActivity: LineEventData }>(client(`Bearer ${stranger.token}`), tenantActivity, { t: stranger.tenantId });
    const spying = collect(client(`Bearer ${stranger.token}`), tenantActivity, { t: owner.tenantId });
    await settle();
    assert.match(await spying.failure(), /NOT_FOUND/);
    const ticket = await issueTicket(owner.gql, subLine);
    const got = (await rootActivity.waitFor(1))[0]!.tenantActivity;
    assert.equal(got.tenantId, subId);
    assert.equal(got.ticket!.number, ticket.number);
    await settle();
    assert.equal(strangerActivity.values.length, 0);
    assert.equal(spying.values.length, 0);
  });
});

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
    const events = collect<{ lineUpdated: LineEventData }>(onFirst, lineUpdated, { l: lineId });
    const bLine = collect(tenantB, lineUpdated, { l: otherLine });
    const bActivity = collect(tenantB, tenantActivity, { t: other.tenantId });
    await settle(400);

    const viaSecond = second.client(`Bearer ${staff.token}`);
    const issued = [];
    for (let i = 0; i < 3; i++) issued.push(assertOk(await viaSecond<{ issueTicket: { id: string } }>(`mutation($l: ID!) { issueTicket(input: { lineId: $l }) { id } }`, { l: lineId })).issueTicket);
    const called = assertOk(await viaSecond<{ callNext: { id: string } }>(`mutation($l: ID!) { callNext(lineId: $l) { id } }`, { l: lineId })).callNext;
    assertOk(await viaSecond(`mutation($id: ID!) { startServing(id: $id) { id } }`, { id: called.id }));
    assertOk(await viaSecond(`mutation($id: ID!) { completeTicket(id: $id) { id } }`, { id: called.id }));
    assertOk(await viaSecond(`mutation($id: ID!) { cancelTicket(id: $id, reason: "left") { id } }`, { id: issued[2]!.id }));

    const got = (await events.waitFor(7)).map((e) => e.lineUpdated);
    assert.deepEqual(got.map((e) => e.kind), ["ISSUED", "ISSUED", "ISSUED", "CALLED", "SERVING", "SERVED", "CANCELLED"]);
    assert.deepEqual(got.map((e) => e.ticket?.number), ["A001", "A002", "A003", "A001", "A001", "A001", "A003"]);
    assert.deepEqual(got.map((e) => e.stats.waitingCount), [1, 2, 3, 2, 2, 2, 1]);
    await settle(300);
    assert.equal(bLine.values.length, 0, "tenant B's line subscriber got nothing of A");
    assert.equal(bActivity.values.length, 0, "tenant B's activity subscriber got nothing of A");
    assert.deepEqual([bLine.errors, bActivity.errors], [[], []]);
  });
});
