import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertCode, assertOk, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";

const auditQuery = `query($id: ID!, $f: AuditFilterInput, $first: Int, $after: String) {
  tenant(id: $id) { auditLog(filter: $f, first: $first, after: $after) { nodes { action actorId before after } pageInfo { hasNextPage endCursor } } } }`;

describe("audit log", () => {
  let api: TestApi;
  let owner: Persona;

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "auditor");
    for (const name of ["One", "Two", "Three"]) {
      assertOk(await owner.gql(`mutation($id: ID!, $n: String!) { updateTenant(id: $id, input: { name: $n }) { id } }`, { id: owner.tenantId, n: name }));
    }
  });
  after(() => api.close());

  it("records who changed what, before and after, newest first", async () => {
    const data = assertOk(await owner.gql(auditQuery, { id: owner.tenantId, f: { action: "tenant.update" }, first: 1 }));
    assert.deepEqual(data.tenant.auditLog.nodes, [{ action: "tenant.update", actorId: owner.userId, before: { name: "Two" }, after: { name: "Three" } }]);
  });

  it("pages with cursors without repeats or gaps, and filters by actor and date", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { tenant: { auditLog: { nodes: { action: string; after: { name?: string } | null }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } } = assertOk(await owner.gql(auditQuery, { id: owner.tenantId, f: { actorId: owner.userId }, first: 2, after }));
      seen.push(...page.tenant.auditLog.nodes.map((n) => `${n.action}:${n.after?.name ?? ""}`));
      after = page.tenant.auditLog.pageInfo.hasNextPage ? page.tenant.auditLog.pageInfo.endCursor : null;
    } while (after);
    assert.deepEqual(seen, ["tenant.update:Three", "tenant.update:Two", "tenant.update:One", "tenant.create:auditor HQ"]);
    const future = assertOk(await owner.gql(auditQuery, { id: owner.tenantId, f: { from: new Date(Date.now() + 3600_000).toISOString() } }));
    assert.deepEqual(future.tenant.auditLog.nodes, []);
  });

  it("refuses malformed cursors and page sizes with BAD_USER_INPUT, and other tenants with NOT_FOUND", async () => {
    assertCode(await owner.gql(auditQuery, { id: owner.tenantId, after: "garbage" }), "BAD_USER_INPUT");
    assertCode(await owner.gql(auditQuery, { id: owner.tenantId, first: 0 }), "BAD_USER_INPUT");
    assertCode(await owner.gql(auditQuery, { id: owner.tenantId, first: 1000 }), "BAD_USER_INPUT");
    const rival = await signUpPersona(api, "rival");
    assertCode(await rival.gql(auditQuery, { id: owner.tenantId }), "NOT_FOUND");
  });
});
