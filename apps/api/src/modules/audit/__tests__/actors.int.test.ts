/**
 * Who the audit log and a ticket's history name: staff as USER, a customer acting on their own ticket through its
 * tracking code as TICKET_HOLDER with the ticket's id, and SYSTEM only for the server acting on its own (jobs,
 * after-commit work; ttl.int.test.ts checks the TTL job). An anonymous subject is never recorded as SYSTEM.
 * Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { auditActor, system, ticketHolder, anonymous } from "../../../context/actor.js";
import { assertCode, assertOk, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { createLine, issueTicket } from "../../tickets/__tests__/queue-fixtures.js";

interface AuditNode {
  action: string;
  actorType: string;
  actorId: string | null;
  targetId: string | null;
}

const auditOf = async (owner: Persona): Promise<AuditNode[]> =>
  assertOk(
    await owner.gql<{ tenant: { auditLog: { nodes: AuditNode[] } } }>(`query($t: ID!) { tenant(id: $t) { auditLog(first: 200) { nodes { action actorType actorId targetId } } } }`, {
      t: owner.tenantId,
    }),
  ).tenant.auditLog.nodes;

describe("audit actors", () => {
  let api: TestApi;
  let owner: Persona;

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "actors");
  });
  after(() => api.close());

  it("audit rows of a customer's cancel name the ticket holder (TICKET_HOLDER, the ticket's id), never SYSTEM", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId, { name: "Front", prefix: "F" });
    const ticket = await issueTicket(owner.gql, lineId);
    const customer = api.client(); // no credentials: the tracking code is the capability
    assert.equal(assertOk(await customer<{ cancelMyTicket: { status: string } }>(`mutation($c: String!) { cancelMyTicket(code: $c) { status } }`, { c: ticket.trackingCode })).cancelMyTicket.status, "CANCELLED");

    const rows = (await auditOf(owner)).filter((n) => n.targetId === ticket.id);
    assert.deepEqual(
      rows.map((n) => [n.action, n.actorType, n.actorId]).sort(),
      [
        ["ticket.cancel", "TICKET_HOLDER", ticket.id],
        ["ticket.issue", "USER", owner.userId],
      ],
    );
    const history = assertOk(
      await owner.gql<{ ticket: { history: { kind: string; actorType: string; actorId: string | null }[] } }>(`query($id: ID!) { ticket(id: $id) { history { kind actorType actorId } } }`, { id: ticket.id }),
    ).ticket.history;
    assert.deepEqual(history.at(-1), { kind: "CANCELLED", actorType: "TICKET_HOLDER", actorId: ticket.id });
    assert.deepEqual((await auditOf(owner)).filter((n) => n.actorType === "SYSTEM"), [], "nothing the customer or staff did is SYSTEM");
  });

  it("a customer's cancel of an unknown code or another tenant's audit log is refused, and records nothing", async () => {
    const before = (await auditOf(owner)).length;
    assertCode(await api.client()(`mutation($c: String!) { cancelMyTicket(code: $c) { status } }`, { c: "no-such-code-000000000" }), "NOT_FOUND");
    const rival = await signUpPersona(api, "rival-actors");
    assertCode(await rival.gql(`query($t: ID!) { tenant(id: $t) { auditLog(first: 1) { nodes { id } } } }`, { t: owner.tenantId }), "NOT_FOUND");
    assert.equal((await auditOf(owner)).length, before);
  });

  it("records SYSTEM for the system actor only: anonymous is ANONYMOUS, the holder TICKET_HOLDER", () => {
    assert.deepEqual(auditActor(system), { actorType: "SYSTEM", actorId: null });
    assert.deepEqual(auditActor(anonymous), { actorType: "ANONYMOUS", actorId: null });
    assert.deepEqual(auditActor(ticketHolder("6bd23ec8-13e8-4534-aeb0-ff8289e6a3ca")), { actorType: "TICKET_HOLDER", actorId: "6bd23ec8-13e8-4534-aeb0-ff8289e6a3ca" });
    assert.deepEqual(auditActor({ kind: "user", userId: "u", platformAdmin: false }), { actorType: "USER", actorId: "u" });
    assert.deepEqual(auditActor({ kind: "apiKey", keyId: "k", tenantId: "t", scopes: new Set() }), { actorType: "API_KEY", actorId: "k" });
  });
});
