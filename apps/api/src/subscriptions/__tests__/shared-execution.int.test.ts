/**
 * Shared subscription execution never crosses actors or tenants: equal subscribers share one execution per
 * event, while two tenants, a staff member and a customer, different selections and different actors each get
 * their own payload; an error in one group reaches only that group; a revoked subscriber stops alone.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertOk, memberPersona, signUpPersona, startTestApi, type Persona, type TestApi } from "../../__tests__/harness.js";
import { subscriptionRecheck } from "../../modules/tickets/live/subscriptions.js";
import { callNextMutation, clientPool, collect, createLine, issueTicket, settle, touchLine, until, type Received } from "../../modules/tickets/__tests__/queue-fixtures.js";

interface LineEventData {
  kind: string;
  tenantId: string;
  lineId: string;
  ticket: { number: string; customerName?: string | null; phone?: string | null; line?: { name: string } } | null;
}
type LineUpdated = { lineUpdated: LineEventData };

const board = `subscription($l: ID!) { lineUpdated(lineId: $l) { kind tenantId lineId ticket { number } } }`;
const withCustomer = `subscription($l: ID!) { lineUpdated(lineId: $l) { kind tenantId lineId ticket { number customerName phone } } }`;
const withLine = `subscription($l: ID!) { lineUpdated(lineId: $l) { kind tenantId lineId ticket { number line { name } } } }`;
const ticketUpdated = `subscription($c: String!) { ticketUpdated(code: $c) { number status position lineName counterName } }`;

/** Events after the SUBSCRIBED first event and the probes (LINE_UPDATED), with their errors. */
const real = (r: Received<LineUpdated>) => r.values.map((v) => v.lineUpdated).filter((e) => e.kind !== "LINE_UPDATED" && e.kind !== "SUBSCRIBED");

const nth = (r: Received<LineUpdated>, n: number) => () => (real(r).length >= n ? real(r) : undefined);

const redisUrl = process.env.TEST_REDIS_URL || process.env.REDIS_URL || undefined;

// With Redis too (when configured): sharing relies on one event object per message, which RedisPubSub parses once.
for (const engine of redisUrl ? ["memory", "redis"] : ["memory"]) describe(`shared subscription execution (${engine} pub/sub)`, () => {
  let api: TestApi;
  let ownerA: Persona;
  let staffA: Persona;
  let ownerB: Persona;
  const pool = clientPool(() => api);
  const client = pool.open;

  before(async () => {
    api = await startTestApi({}, engine === "redis" ? { redisUrl: redisUrl! } : {});
    ownerA = await signUpPersona(api, "sharea");
    staffA = await memberPersona(api, ownerA, ownerA.tenantId, "STAFF");
    ownerB = await signUpPersona(api, "shareb");
  });
  after(async () => {
    await pool.disposeAll();
    await api.close();
  });

  it("executes once per event for equal subscribers on many sockets, and never crosses tenants", async () => {
    const lineA = await createLine(ownerA.gql, ownerA.tenantId);
    const lineB = await createLine(ownerB.gql, ownerB.tenantId);
    const inA = [1, 2, 3].map(() => collect<LineUpdated>(client(`Bearer ${staffA.token}`), board, { l: lineA }));
    const inB = collect<LineUpdated>(client(`Bearer ${ownerB.token}`), board, { l: lineB });
    for (const r of inA) await r.probe(() => touchLine(ownerA.gql, lineA));
    await inB.probe(() => touchLine(ownerB.gql, lineB));
    await settle();

    const executionsBefore = api.server.subscriptionExecutions();
    const ticket = await issueTicket(ownerA.gql, lineA);
    for (const r of inA) await until("A's event", nth(r, 1));
    await settle();
    assert.equal(api.server.subscriptionExecutions() - executionsBefore, 1, "three equal subscribers, one execution");
    for (const r of inA) assert.deepEqual(real(r), [{ kind: "ISSUED", tenantId: ownerA.tenantId, lineId: lineA, ticket: { number: ticket.number } }]);

    await issueTicket(ownerB.gql, lineB);
    const [gotB] = await until("B's event", nth(inB, 1));
    assert.equal(gotB!.tenantId, ownerB.tenantId);
    await settle();
    assert.deepEqual(real(inB).map((e) => e.tenantId), [ownerB.tenantId], "B saw nothing of A");
    for (const r of inA) assert.deepEqual(real(r).map((e) => e.tenantId), [ownerA.tenantId], "A saw nothing of B");
    assert.deepEqual([...inA, inB].map((r) => r.errors), [[], [], [], []]);
  });

  it("gives staff the staff view and the customer holding a tracking code only the public view", async () => {
    const lineId = await createLine(ownerA.gql, ownerA.tenantId, { name: "Pharmacy" });
    const staff = collect<LineUpdated>(client(`Bearer ${staffA.token}`), withCustomer, { l: lineId });
    await staff.probe(() => touchLine(ownerA.gql, lineId));
    const ticket = await issueTicket(ownerA.gql, lineId, { customerName: "Carol Secret", phone: "+15550001" });
    const customerSocket = client();
    const customer = collect<{ ticketUpdated: Record<string, unknown> }>(customerSocket, ticketUpdated, { c: ticket.trackingCode });
    await customer.probe(() => ownerA.gql(`mutation($id: ID!) { updateTicket(id: $id, input: { partySize: 1 }) { id } }`, { id: ticket.id }));
    const refused = collect(customerSocket, withCustomer, { l: lineId });
    assert.match(await refused.failure(), /UNAUTHENTICATED/, "a customer cannot subscribe to the staff view");

    assertOk(await ownerA.gql(callNextMutation, { l: lineId }));
    const called = await until("CALLED for staff", () => real(staff).find((e) => e.kind === "CALLED"));
    assert.deepEqual(called.ticket, { number: ticket.number, customerName: "Carol Secret", phone: "+15550001" });
    const publicView = await until("CALLED for the customer", () => customer.values.map((v) => v.ticketUpdated).find((t) => t.status === "CALLED"));
    assert.deepEqual(Object.keys(publicView).sort(), ["counterName", "lineName", "number", "position", "status"]);
    assert.equal(JSON.stringify(customer.values).includes("Carol"), false);
    assert.equal(JSON.stringify(customer.values).includes("+1555"), false);
  });

  it("gives different selections and different actors their own payloads; one group's errors stay in that group", async () => {
    const lineId = await createLine(ownerA.gql, ownerA.tenantId, { name: "Deli" });
    const key = assertOk(
      await ownerA.gql<{ createApiKey: { secret: string } }>(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "ticket-feed", scopes: ["tickets:read"]) { secret } }`, { t: ownerA.tenantId }),
    ).createApiKey.secret;
    const owner = client(`Bearer ${ownerA.token}`);
    const device = client(`ApiKey ${key}`);
    const plain = collect<LineUpdated>(owner, board, { l: lineId });
    const detailed = collect<LineUpdated>(owner, withCustomer, { l: lineId });
    const ownerWithLine = collect<LineUpdated>(owner, withLine, { l: lineId });
    const deviceWithLine = collect<LineUpdated>(device, withLine, { l: lineId }); // the key has no lines:read
    const broken = collect(owner, `subscription { lineUpdated(lineId: `, {});
    assert.match(await broken.failure(), /Syntax Error/);
    for (const r of [plain, detailed, ownerWithLine, deviceWithLine]) await r.probe(() => touchLine(ownerA.gql, lineId));
    await settle();

    const executionsBefore = api.server.subscriptionExecutions();
    const first = await issueTicket(ownerA.gql, lineId, { customerName: "Dan" });
    await until("the device's event", () => (deviceWithLine.errors.length ? true : undefined));
    for (const r of [plain, detailed, ownerWithLine]) await until("owner events", nth(r, 1));
    await settle();
    assert.equal(api.server.subscriptionExecutions() - executionsBefore, 4, "one execution per (selection, actor)");
    assert.deepEqual(real(plain)[0]!.ticket, { number: first.number });
    assert.deepEqual(real(detailed)[0]!.ticket, { number: first.number, customerName: "Dan", phone: null });
    assert.deepEqual(real(ownerWithLine)[0]!.ticket, { number: first.number, line: { name: "Deli" } });
    assert.match(JSON.stringify(deviceWithLine.errors), /FORBIDDEN/, "the key may not read lines");
    assert.deepEqual([plain.errors, detailed.errors, ownerWithLine.errors], [[], [], []], "no one else got the key's error");

    const second = await issueTicket(ownerA.gql, lineId);
    await until("a second event for everyone", () => (real(ownerWithLine).length >= 2 && deviceWithLine.errors.length >= 2 ? true : undefined));
    assert.equal(real(ownerWithLine)[1]!.ticket!.number, second.number);
    assert.equal(deviceWithLine.completed, false, "an error in a result does not end the subscription");
  });
});

describe("shared subscription execution: access re-checked per subscriber", () => {
  let api: TestApi;
  const pool = clientPool(() => api);
  before(async () => {
    api = await startTestApi();
    subscriptionRecheck.intervalMs = 0; // re-check on every event in this test process
  });
  after(async () => {
    subscriptionRecheck.intervalMs = 30_000;
    await pool.disposeAll();
    await api.close();
  });

  it("stops a removed member's subscriptions while the others on the same selection go on", async () => {
    const owner = await signUpPersona(api, "recheck");
    const removed = await memberPersona(api, owner, owner.tenantId, "STAFF");
    const kept = await memberPersona(api, owner, owner.tenantId, "STAFF");
    const lineId = await createLine(owner.gql, owner.tenantId);
    const socket = (p: Persona) => pool.open(`Bearer ${p.token}`);
    const removedTwice = [socket(removed), socket(removed)].map((c) => collect<LineUpdated>(c, board, { l: lineId }));
    const keptSub = collect<LineUpdated>(socket(kept), board, { l: lineId });
    const ownerSub = collect<LineUpdated>(socket(owner), board, { l: lineId });
    for (const r of [...removedTwice, keptSub, ownerSub]) await r.probe(() => touchLine(owner.gql, lineId));

    assertOk(await owner.gql(`mutation($t: ID!, $u: ID!) { removeMember(tenantId: $t, userId: $u) }`, { t: owner.tenantId, u: removed.userId }));
    // The probes' own events (made before the removal, published after their commits) may still arrive: only
    // the tickets issued after the removal count.
    const counts = removedTwice.map((r) => real(r).length);
    const ticket = await issueTicket(owner.gql, lineId);
    for (const r of removedTwice) assert.match(await r.failure(), /NOT_FOUND/);
    for (const r of [keptSub, ownerSub]) assert.equal((await until("the event", nth(r, 1)))[0]!.ticket!.number, ticket.number);
    await issueTicket(owner.gql, lineId);
    await until("the next event", nth(keptSub, 2));
    await settle();
    assert.deepEqual(removedTwice.map((r) => real(r).length), counts, "nothing after the removal");
    assert.deepEqual([keptSub.errors, ownerSub.errors], [[], []]);
  });
});
