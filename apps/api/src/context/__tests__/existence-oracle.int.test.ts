/**
 * No existence oracle: for every operation that takes an id, another tenant's id and an id that exists nowhere
 * get the same answer (same data, same code, same message), for a signed-in stranger and for a stranger's key.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { assertOk, memberPersona, signUpPersona, startTestApi, type Gql, type GraphQLResponse, type Persona, type TestApi } from "../../__tests__/harness.js";
import { clientPool, createCounter, createLine, issueTicket } from "../../modules/tickets/__tests__/queue-fixtures.js";

interface Ids {
  tenant: string;
  line: string;
  counter: string;
  ticket: string;
  apiKey: string;
  member: string;
}

/** One row per id-taking operation: the query and its variables for a given set of ids (the target varies). */
const operations: { name: string; query: string; variables: (ids: Ids) => Record<string, unknown> }[] = [
  { name: "tenant", query: `query($id: ID!) { tenant(id: $id) { id } }`, variables: (i) => ({ id: i.tenant }) },
  { name: "line", query: `query($id: ID!) { line(id: $id) { id } }`, variables: (i) => ({ id: i.line }) },
  { name: "ticket", query: `query($id: ID!) { ticket(id: $id) { id } }`, variables: (i) => ({ id: i.ticket }) },
  { name: "lineAnalytics", query: `query($id: ID!) { lineAnalytics(lineId: $id, from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z") { __typename } }`, variables: (i) => ({ id: i.line }) },
  { name: "tenantAnalytics", query: `query($id: ID!) { tenantAnalytics(tenantId: $id, from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z") { __typename } }`, variables: (i) => ({ id: i.tenant }) },
  { name: "updateTenant", query: `mutation($id: ID!) { updateTenant(id: $id, input: { name: "X" }) { id } }`, variables: (i) => ({ id: i.tenant }) },
  { name: "moveTenant", query: `mutation($id: ID!, $p: ID!) { moveTenant(id: $id, parentId: $p) { id } }`, variables: (i) => ({ id: i.tenant, p: i.tenant }) },
  { name: "setTenantSuspended", query: `mutation($id: ID!) { setTenantSuspended(tenantId: $id, suspended: true) }`, variables: (i) => ({ id: i.tenant }) },
  { name: "setTicketExtensionSchema", query: `mutation($id: ID!) { setTicketExtensionSchema(tenantId: $id, schema: { type: "object" }) { id } }`, variables: (i) => ({ id: i.tenant }) },
  { name: "addMember", query: `mutation($id: ID!) { addMember(tenantId: $id, email: "nobody@example.test", role: STAFF) { role } }`, variables: (i) => ({ id: i.tenant }) },
  { name: "updateMemberRole", query: `mutation($id: ID!, $u: ID!) { updateMemberRole(tenantId: $id, userId: $u, role: STAFF) { role } }`, variables: (i) => ({ id: i.tenant, u: i.member }) },
  { name: "removeMember", query: `mutation($id: ID!, $u: ID!) { removeMember(tenantId: $id, userId: $u) }`, variables: (i) => ({ id: i.tenant, u: i.member }) },
  { name: "createApiKey", query: `mutation($id: ID!) { createApiKey(tenantId: $id, name: "k", scopes: ["tickets:read"]) { secret } }`, variables: (i) => ({ id: i.tenant }) },
  { name: "revokeApiKey", query: `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, variables: (i) => ({ id: i.apiKey }) },
  { name: "updateLine", query: `mutation($id: ID!) { updateLine(id: $id, input: { name: "X" }) { id } }`, variables: (i) => ({ id: i.line }) },
  { name: "openCounter", query: `mutation($id: ID!) { openCounter(id: $id) { id } }`, variables: (i) => ({ id: i.counter }) },
  { name: "closeCounter", query: `mutation($id: ID!) { closeCounter(id: $id) { id } }`, variables: (i) => ({ id: i.counter }) },
  { name: "callNext (line)", query: `mutation($id: ID!) { callNext(lineId: $id) { id } }`, variables: (i) => ({ id: i.line }) },
  { name: "callTicket", query: `mutation($id: ID!) { callTicket(id: $id) { id } }`, variables: (i) => ({ id: i.ticket }) },
  { name: "startServing", query: `mutation($id: ID!) { startServing(id: $id) { id } }`, variables: (i) => ({ id: i.ticket }) },
  { name: "completeTicket", query: `mutation($id: ID!) { completeTicket(id: $id) { id } }`, variables: (i) => ({ id: i.ticket }) },
  { name: "markNoShow", query: `mutation($id: ID!) { markNoShow(id: $id) { id } }`, variables: (i) => ({ id: i.ticket }) },
  { name: "cancelTicket", query: `mutation($id: ID!) { cancelTicket(id: $id) { id } }`, variables: (i) => ({ id: i.ticket }) },
  { name: "requeueTicket", query: `mutation($id: ID!) { requeueTicket(id: $id) { id } }`, variables: (i) => ({ id: i.ticket }) },
  { name: "moveTicket", query: `mutation($id: ID!) { moveTicket(id: $id, position: 1) { id } }`, variables: (i) => ({ id: i.ticket }) },
  { name: "updateTicket", query: `mutation($id: ID!) { updateTicket(id: $id, input: { extensions: {} }) { id } }`, variables: (i) => ({ id: i.ticket }) },
  { name: "transferTicket (ticket)", query: `mutation($id: ID!, $l: ID!) { transferTicket(id: $id, lineId: $l) { id } }`, variables: (i) => ({ id: i.ticket, l: i.line }) },
];

const subscriptions: { name: string; query: string; variables: (ids: Ids) => Record<string, unknown> }[] = [
  { name: "lineUpdated", query: `subscription($id: ID!) { lineUpdated(lineId: $id) { __typename } }`, variables: (i) => ({ id: i.line }) },
  { name: "tenantActivity", query: `subscription($id: ID!) { tenantActivity(tenantId: $id) { __typename } }`, variables: (i) => ({ id: i.tenant }) },
];

/** What a client can compare: data and each error's code and message (not locations). */
const answer = (res: GraphQLResponse) => ({ data: res.data ?? null, errors: (res.errors ?? []).map((e) => ({ code: e.extensions?.code, message: e.message })) });

describe("no existence oracle", () => {
  let api: TestApi;
  let owner: Persona;
  let stranger: Persona;
  let strangerKey: Gql;
  let foreign: Ids;
  const pool = clientPool(() => api);

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "victim");
    stranger = await signUpPersona(api, "prober");
    const line = await createLine(owner.gql, owner.tenantId, { prefix: "V" });
    const counter = await createCounter(owner.gql, line);
    const ticket = (await issueTicket(owner.gql, line)).id;
    const apiKey = assertOk(await owner.gql<{ createApiKey: { apiKey: { id: string } } }>(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "k", scopes: ["tickets:read"]) { apiKey { id } } }`, { t: owner.tenantId })).createApiKey.apiKey.id;
    const member = (await memberPersona(api, owner, owner.tenantId, "STAFF")).userId;
    foreign = { tenant: owner.tenantId, line, counter, ticket, apiKey, member };
    const secret = assertOk(await stranger.gql<{ createApiKey: { secret: string } }>(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "probe", scopes: ["tenant:read", "tenant:update", "lines:read", "lines:manage", "tickets:read", "tickets:issue", "tickets:operate", "audit:read"]) { secret } }`, { t: stranger.tenantId })).createApiKey.secret;
    strangerKey = api.client(`ApiKey ${secret}`);
  });
  after(async () => {
    await pool.disposeAll();
    await api.close();
  });

  const unknown = (): Ids => ({ tenant: randomUUID(), line: randomUUID(), counter: randomUUID(), ticket: randomUUID(), apiKey: randomUUID(), member: randomUUID() });

  for (const as of ["a signed-in stranger", "a stranger's API key"] as const) {
    for (const op of operations) {
      it(`${op.name}: a foreign id and an unknown id answer alike, as ${as}`, async () => {
        const gql = as === "a signed-in stranger" ? stranger.gql : strangerKey;
        const viaForeign = answer(await gql(op.query, op.variables(foreign)));
        const viaUnknown = answer(await gql(op.query, op.variables(unknown())));
        assert.deepEqual(viaForeign, viaUnknown);
        if (viaForeign.errors.length > 0) assert.ok(["NOT_FOUND", "FORBIDDEN"].includes(String(viaForeign.errors[0]!.code)), JSON.stringify(viaForeign));
        else assert.ok(Object.values(viaForeign.data ?? {}).every((v) => v === null || v === false), `no data leaks: ${JSON.stringify(viaForeign)}`);
      });
    }
  }

  for (const op of subscriptions) {
    it(`${op.name}: a foreign id and an unknown id answer alike over the WebSocket`, async () => {
      const client = pool.open(`Bearer ${stranger.token}`);
      const firstAnswer = (variables: Record<string, unknown>) =>
        new Promise<unknown>((resolve) => {
          client.subscribe(
            { query: op.query, variables },
            {
              next: (value) => resolve(answer(value as GraphQLResponse)),
              error: (errors) => resolve({ errors: (errors as { message: string; extensions?: { code?: string } }[]).map((e) => ({ code: e.extensions?.code, message: e.message })) }),
              complete: () => resolve("complete"),
            },
          );
        });
      const viaForeign = await firstAnswer(op.variables(foreign));
      assert.deepEqual(viaForeign, await firstAnswer(op.variables(unknown())));
      assert.match(JSON.stringify(viaForeign), /NOT_FOUND/);
    });
  }

  it("the owner still gets real answers (the table is not vacuous)", async () => {
    for (const op of operations.filter((o) => ["tenant", "line", "ticket"].includes(o.name))) {
      const data = assertOk(await owner.gql<Record<string, { id: string } | null>>(op.query, op.variables(foreign)));
      assert.ok(Object.values(data)[0]?.id, op.name);
    }
  });
});
