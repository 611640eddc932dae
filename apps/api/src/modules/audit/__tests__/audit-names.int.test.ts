/**
 * The audit log names what it points at: a ticket by its number, lines, counters, ticket types, keys by their
 * names, members by theirs, and who acted. Names come from the entry's own tenant only: a forged entry pointing
 * at another tenant's line stays unnamed. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { withTenantTx } from "@qline/db";
import { assertCode, assertOk, memberPersona, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { createCounter, createLine, createTicketType, issueTicket } from "../../tickets/__tests__/queue-fixtures.js";

const auditQuery = `query($id: ID!, $first: Int) {
  tenant(id: $id) { auditLog(first: $first) { nodes { action actorType actorId actorName targetType targetId targetName } } } }`;

interface Entry {
  action: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  targetType: string;
  targetId: string | null;
  targetName: string | null;
}

describe("audit log names", () => {
  let api: TestApi;
  let owner: Persona;
  let stranger: Persona;
  let ticketNumber: string;
  let strangerLine: string;

  before(async () => {
    api = await startTestApi({}, { ttlJob: false });
    owner = await signUpPersona(api, "Ada");
    stranger = await signUpPersona(api, "stranger");
    const lineId = await createLine(owner.gql, owner.tenantId, { name: "Front desk", prefix: "F" });
    await createCounter(owner.gql, lineId, "Desk 7");
    await createTicketType(owner.gql, owner.tenantId, "VIP");
    ticketNumber = (await issueTicket(owner.gql, lineId)).number;
    await memberPersona(api, owner, owner.tenantId, "STAFF");
    assertOk(await owner.gql(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "Lobby screen", scopes: ["display:read"]) { secret } }`, { t: owner.tenantId }));
    strangerLine = await createLine(stranger.gql, stranger.tenantId, { name: "Their secret line", prefix: "S" });
    // A forged entry in the owner's tenant pointing at the stranger's line: its name must not leak.
    await withTenantTx(api.database.db, { tenantId: owner.tenantId, userId: null }, (tx) =>
      tx.execute(sql`insert into audit_log (id, tenant_id, actor_type, actor_id, action, target_type, target_id)
        values (${randomUUID()}, ${owner.tenantId}, 'SYSTEM', null, 'line.forged', 'line', ${strangerLine})`),
    );
  });
  after(() => api.close());

  const entries = async () => assertOk(await owner.gql<{ tenant: { auditLog: { nodes: Entry[] } } }>(auditQuery, { id: owner.tenantId, first: 50 })).tenant.auditLog.nodes;
  const byAction = (list: Entry[], action: string) => {
    const found = list.find((e) => e.action === action);
    assert.ok(found, `an entry ${action} in ${list.map((e) => e.action).join(", ")}`);
    return found;
  };

  it("names the targets of one page by kind: tickets by number, records and members by name", async () => {
    const list = await entries();
    assert.equal(byAction(list, "ticket.issue").targetName, ticketNumber);
    assert.equal(byAction(list, "line.create").targetName, "Front desk");
    assert.equal(byAction(list, "counter.create").targetName, "Desk 7");
    assert.equal(byAction(list, "ticket_type.create").targetName, "Type VIP");
    assert.equal(byAction(list, "apikey.create").targetName, "Lobby screen");
    assert.equal(byAction(list, "member.add").targetName, "staff");
    assert.equal(byAction(list, "tenant.create").targetName, "Ada HQ");
  });

  it("names who acted", async () => {
    const issued = byAction(await entries(), "ticket.issue");
    assert.deepEqual([issued.actorType, issued.actorId, issued.actorName], ["USER", owner.userId, "Ada"]);
  });

  it("never names a record of another tenant, and the log stays closed to strangers", async () => {
    const forged = byAction(await entries(), "line.forged");
    assert.deepEqual([forged.targetId, forged.targetName], [strangerLine, null]);
    assertCode(await stranger.gql(auditQuery, { id: owner.tenantId, first: 5 }), "NOT_FOUND");
  });
});
