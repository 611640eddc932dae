/**
 * A display key (display:read, the Display and Kiosk presets) sees ticket numbers, counters, now serving and
 * stats, but no customer's personal data: every Ticket field that is not a display field answers FORBIDDEN to
 * it, on queries, on the caller-independent paths (Line.tickets) and in live events. Members and keys with
 * tickets:read read them; a kiosk reads the ticket it just issued in full.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { GraphQLObjectType } from "graphql";
import type { Client } from "graphql-ws";
import { assertCode, assertOk, signUpPersona, startTestApi, type Gql, type Persona, type TestApi } from "../../__tests__/harness.js";
import { collect, createLine, touchLine, until, wsClient } from "../../modules/tickets/__tests__/queue-fixtures.js";
import { createPubSub } from "../../pubsub/pubsub.js";
import { buildQlineSchema } from "../../schema.js";
import { apiKeyPresets } from "../permissions.js";
import { ticketDisplayFields } from "../personal-data.js";

const personalFields = ["trackingCode", "customerName", "phone", "email", "extensions", "extensionSchemaVersion", "cancelReason", "history { kind }", "notify", "notifications { status }", "personalDataErasedAt"];

describe("display keys read numbers and counters, never personal data", () => {
  let api: TestApi;
  let owner: Persona;
  let display: Gql;
  let kiosk: Gql;
  let fullKey: Gql;
  let displaySecret: string;
  let lineId: string;
  let ticketId: string;
  const clients: Client[] = [];

  const createKey = async (scopes: readonly string[], gql = owner.gql, tenantId = owner.tenantId) =>
    assertOk(await gql(`mutation($t: ID!, $s: [String!]!) { createApiKey(tenantId: $t, name: "device", scopes: $s) { secret } }`, { t: tenantId, s: scopes })).createApiKey
      .secret as string;

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "display");
    assertOk(
      await owner.gql(`mutation($t: ID!, $s: JSON!) { setTicketExtensionSchema(tenantId: $t, schema: $s) { id } }`, {
        t: owner.tenantId,
        s: { type: "object", properties: { allergy: { type: "string" } } },
      }),
    );
    lineId = await createLine(owner.gql, owner.tenantId);
    const issued = assertOk(
      await owner.gql(`mutation($input: IssueTicketInput!) { issueTicket(input: $input) { id } }`, {
        input: { lineId, customerName: "Ada Lovelace", phone: "+15550100", extensions: { allergy: "peanuts" } },
      }),
    );
    ticketId = issued.issueTicket.id;
    displaySecret = await createKey(apiKeyPresets.Display);
    display = api.client(`ApiKey ${displaySecret}`);
    kiosk = api.client(`ApiKey ${await createKey(apiKeyPresets.Kiosk)}`);
    fullKey = api.client(`ApiKey ${await createKey(["tickets:read"])}`); // made before display:read existed: implies it
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await api.close();
  });

  it("reads numbers, positions, counters, now serving, stats and analytics", async () => {
    const board = assertOk(
      await display(
        `query($t: ID!) { tenant(id: $t) { lines { id waitingCount nowServing { number counterName } stats { waitingCount } tickets(first: 10) { nodes { id number status position partySize joinedAt counter { name } estimate { p50Seconds } } } } } }`,
        { t: owner.tenantId },
      ),
    );
    const line = board.tenant.lines.find((l: { id: string }) => l.id === lineId);
    assert.equal(line.waitingCount, 1);
    assert.deepEqual(
      line.tickets.nodes.map((n: { id: string; status: string; position: number }) => [n.id, n.status, n.position]),
      [[ticketId, "WAITING", 1]],
    );
    assert.equal(assertOk(await display(`query($id: ID!) { ticket(id: $id) { number status } }`, { id: ticketId })).ticket.status, "WAITING");
    const now = new Date();
    const range = { from: new Date(now.getTime() - 86_400_000).toISOString(), to: new Date(now.getTime() + 60_000).toISOString() };
    assertOk(await display(`query($l: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { lineAnalytics(lineId: $l, from: $from, to: $to) { __typename } }`, { l: lineId, ...range }));
    assert.doesNotMatch(JSON.stringify(board), /Ada|15550100|peanuts/);
  });

  it("answers FORBIDDEN on every personal field, by ticket and through Line.tickets", async () => {
    for (const field of personalFields) {
      const byId = await display(`query($id: ID!) { ticket(id: $id) { number ${field} } }`, { id: ticketId });
      assertCode(byId, "FORBIDDEN");
      assert.equal(byId.errors![0]!.path!.at(-1), field.split(" ")[0]);
      const viaLine = await display(`query($l: ID!) { line(id: $l) { tickets(first: 5) { nodes { ${field} } } } }`, { l: lineId });
      assertCode(viaLine, "FORBIDDEN");
      for (const res of [byId, viaLine]) assert.doesNotMatch(JSON.stringify(res), /Ada|15550100|peanuts/);
    }
  });

  it("lets members and tickets:read keys read personal fields", async () => {
    const query = `query($id: ID!) { ticket(id: $id) { customerName phone extensions trackingCode history { kind } } }`;
    for (const gql of [owner.gql, fullKey]) {
      const { ticket } = assertOk(await gql(query, { id: ticketId }));
      assert.deepEqual([ticket.customerName, ticket.phone, ticket.extensions], ["Ada Lovelace", "+15550100", { allergy: "peanuts" }]);
    }
  });

  it("gives a kiosk the ticket it just issued in full, and nothing personal afterwards", async () => {
    const issued = assertOk(await kiosk(`mutation($input: IssueTicketInput!) { issueTicket(input: $input) { id number trackingCode customerName } }`, { input: { lineId, customerName: "Grace" } }));
    assert.equal(issued.issueTicket.customerName, "Grace");
    assert.ok(issued.issueTicket.trackingCode.length > 10);
    assertCode(await kiosk(`query($id: ID!) { ticket(id: $id) { trackingCode } }`, { id: issued.issueTicket.id }), "FORBIDDEN");
    assertCode(await display(`mutation($input: IssueTicketInput!) { issueTicket(input: $input) { id } }`, { input: { lineId } }), "FORBIDDEN");
  });

  it("streams line events with numbers to a display, and FORBIDDEN on personal fields in events", async () => {
    const socket = wsClient(api, `ApiKey ${displaySecret}`);
    clients.push(socket);
    type Event = { lineUpdated: { kind: string; ticket: { number: string } | null } };
    const numbers = collect<Event>(socket, `subscription($l: ID!) { lineUpdated(lineId: $l) { kind ticket { number status } } }`, { l: lineId });
    const names = collect<Event>(socket, `subscription($l: ID!) { lineUpdated(lineId: $l) { kind ticket { customerName } } }`, { l: lineId });
    await numbers.probe(() => touchLine(owner.gql, lineId));
    await names.probe(() => touchLine(owner.gql, lineId));
    const count = numbers.values.length;
    const issued = assertOk(await owner.gql(`mutation($input: IssueTicketInput!) { issueTicket(input: $input) { number } }`, { input: { lineId, customerName: "Secret Person" } }));
    const event = await until("the ISSUED event", () => numbers.values.slice(count).find((v) => v.lineUpdated.kind === "ISSUED"));
    assert.equal(event.lineUpdated.ticket!.number, issued.issueTicket.number);
    assert.match(await names.failure(), /FORBIDDEN/);
    assert.doesNotMatch(JSON.stringify([numbers.values, names.values, names.errors]), /Secret Person/);
  });

  it("cannot reach another tenant's tickets", async () => {
    const other = await signUpPersona(api, "otherdisplay");
    const otherDisplay = api.client(`ApiKey ${await createKey(apiKeyPresets.Display, other.gql, other.tenantId)}`);
    assertCode(await otherDisplay(`query($id: ID!) { ticket(id: $id) { number } }`, { id: ticketId }), "NOT_FOUND");
    assertCode(await otherDisplay(`query($l: ID!) { line(id: $l) { id } }`, { l: lineId }), "NOT_FOUND");
  });

  it("lists only fields that exist as display fields; every other Ticket field is personal", async () => {
    const schema = await buildQlineSchema(createPubSub(undefined));
    const ticket = schema.getType("Ticket");
    assert.ok(ticket instanceof GraphQLObjectType);
    const fields = Object.keys(ticket.getFields());
    for (const name of ticketDisplayFields) assert.ok(fields.includes(name), `display field ${name} is not a Ticket field`);
    assert.deepEqual(
      fields.filter((f) => !ticketDisplayFields.has(f)).sort(),
      personalFields.map((f) => f.split(" ")[0]!).sort(),
    );
  });
});
