/**
 * A subscription starts from the current state: lineUpdated's first event is SUBSCRIBED with the line's stats,
 * ticketUpdated's first value is the ticket as it is, both sent once the server listens — so a change made
 * right after it arrives is never missed (no probes, no sleeps here). Live positions come from one queue
 * message per event for the whole line, whatever its depth, and follow a ticket into the line it moves to.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertOk, memberPersona, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { callNextMutation, clientPool, collect, createLine, issueTicket, issueTickets, settle, until } from "./queue-fixtures.js";
import { lineStatesOf } from "../live/line-state.js";

type LineUpdated = { lineUpdated: { kind: string; ticket: { number: string } | null; stats: { waitingCount: number; nowServing: { number: string }[] } } };
type TicketUpdated = { ticketUpdated: { number: string; status: string; position: number | null; lineName: string } };

const lineUpdated = `subscription($l: ID!) { lineUpdated(lineId: $l) { kind ticket { number } stats { waitingCount nowServing { number } } } }`;
const ticketUpdated = `subscription($c: String!) { ticketUpdated(code: $c) { number status position lineName } }`;

/** Waits until the newest value satisfies `predicate`. */
const untilLatest = <T>(received: { values: T[]; errors: unknown[] }, predicate: (v: T) => boolean): Promise<T> =>
  until(`a matching value in ${JSON.stringify(received.values)} errors ${JSON.stringify(received.errors)}`, () => {
    const latest = received.values.at(-1);
    return latest !== undefined && predicate(latest) ? latest : undefined;
  });

describe("subscriptions start from the current state", () => {
  let api: TestApi;
  let owner: Persona;
  let staff: Persona;
  const pool = clientPool(() => api);
  const client = pool.open;

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "start");
    staff = await memberPersona(api, owner, owner.tenantId, "STAFF");
  });
  after(async () => {
    await pool.disposeAll();
    await api.close();
  });

  it("opens lineUpdated with SUBSCRIBED and the line's stats; the next change follows it", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId);
    await issueTickets(staff.gql, lineId, 2);
    const events = collect<LineUpdated>(client(`Bearer ${staff.token}`), lineUpdated, { l: lineId });
    const [first] = await events.waitFor(1);
    assert.deepEqual(first, { lineUpdated: { kind: "SUBSCRIBED", ticket: null, stats: { waitingCount: 2, nowServing: [] } } });
    assertOk(await staff.gql(callNextMutation, { l: lineId }));
    const [, called] = await events.waitFor(2);
    assert.deepEqual(called, { lineUpdated: { kind: "CALLED", ticket: { number: "A001" }, stats: { waitingCount: 1, nowServing: [{ number: "A001" }] } } });
  });

  it("opens ticketUpdated with the ticket as it is; the next move follows it", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId, { name: "Deli" });
    const [, , third] = await issueTickets(staff.gql, lineId, 3);
    const updates = collect<TicketUpdated>(client(), ticketUpdated, { c: third!.trackingCode });
    const [first] = await updates.waitFor(1);
    assert.deepEqual(first, { ticketUpdated: { number: "A003", status: "WAITING", position: 3, lineName: "Deli" } });
    assertOk(await staff.gql(callNextMutation, { l: lineId }));
    const [, moved] = await updates.waitFor(2);
    assert.deepEqual(moved, { ticketUpdated: { number: "A003", status: "WAITING", position: 2, lineName: "Deli" } });
  });

  it("sends a finished ticket's final state once and completes", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId);
    const ticket = await issueTicket(staff.gql, lineId);
    assertOk(await staff.gql(`mutation($id: ID!) { cancelTicket(id: $id, reason: "left") { id } }`, { id: ticket.id }));
    const updates = collect<TicketUpdated>(client(), ticketUpdated, { c: ticket.trackingCode });
    const [only] = await updates.waitFor(1);
    assert.equal(only!.ticketUpdated.status, "CANCELLED");
    for (let i = 0; i < 100 && !updates.completed; i++) await settle(20);
    assert.equal(updates.completed, true);
    assert.equal(updates.values.length, 1);
  });

  it("publishes one queue message per call for the whole line, not one per waiting ticket", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId);
    const tickets = await issueTickets(staff.gql, lineId, 30);
    const last = collect<TicketUpdated>(client(), ticketUpdated, { c: tickets[29]!.trackingCode });
    await last.waitFor(1);
    const published: string[] = [];
    const publish = api.pubsub.publish;
    api.pubsub.publish = (topic, payload) => {
      published.push(topic);
      return publish(topic, payload);
    };
    try {
      assertOk(await staff.gql(callNextMutation, { l: lineId }));
      await lineStatesOf(api.database.db).idle(); // the mutation answers at commit; its events follow
    } finally {
      api.pubsub.publish = publish;
    }
    const count = (prefix: string) => published.filter((t) => t.startsWith(prefix)).length;
    assert.deepEqual(
      { line: count("qline.line."), ticket: count("qline.ticket."), queue: count("qline.queue."), activity: count("qline.activity.") },
      { line: 1, ticket: 1, queue: 1, activity: 1 },
      "the called ticket's own topic, and one queue message from which 29 holders take their positions",
    );
    await untilLatest(last, (u) => u.ticketUpdated.position === 29);
  });

  it("follows a transferred ticket into its new line's queue", async () => {
    const from = await createLine(owner.gql, owner.tenantId, { name: "Returns", prefix: "R" });
    const to = await createLine(owner.gql, owner.tenantId, { name: "Pickup", prefix: "P" });
    await issueTicket(staff.gql, to); // P001 joined first
    const [, mine] = await issueTickets(staff.gql, from, 2);
    const updates = collect<TicketUpdated>(client(), ticketUpdated, { c: mine!.trackingCode });
    await updates.waitFor(1);
    assertOk(await staff.gql(`mutation($id: ID!, $l: ID!) { transferTicket(id: $id, lineId: $l) { id } }`, { id: mine!.id, l: to }));
    await untilLatest(updates, (u) => u.ticketUpdated.lineName === "Pickup" && u.ticketUpdated.position === 2);
    assertOk(await staff.gql(callNextMutation, { l: from })); // the old line moving no longer concerns it
    assertOk(await staff.gql(callNextMutation, { l: to }));
    const latest = await untilLatest(updates, (u) => u.ticketUpdated.position === 1);
    assert.deepEqual(latest.ticketUpdated, { number: mine!.number, status: "WAITING", position: 1, lineName: "Pickup" });
  });
});
