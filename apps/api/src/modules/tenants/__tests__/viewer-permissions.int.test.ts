import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertCode, assertOk, createSubtenant, memberPersona, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { apiKeyScopes, permissions, roleGrants } from "../../../context/permissions.js";

const query = `query($t: ID!) { viewerPermissions(tenantId: $t) { tenantId role permissions grantableRoles grantableScopes } }`;
const tenantQuery = `query($id: ID!) { tenant(id: $id) { id } }`;

interface Answer {
  viewerPermissions: { tenantId: string; role: string | null; permissions: string[]; grantableRoles: string[]; grantableScopes: string[] };
}

describe("viewerPermissions: the caller's permissions in a tenant, from the server's role matrix", () => {
  let api: TestApi;
  let ownerA: Persona;
  let ownerB: Persona;

  before(async () => {
    api = await startTestApi();
    ownerA = await signUpPersona(api, "alpha");
    ownerB = await signUpPersona(api, "bravo");
  });
  after(() => api.close());

  it("answers an OWNER every permission, every role to grant and every key scope", async () => {
    const data = assertOk(await ownerA.gql<Answer>(query, { t: ownerA.tenantId }));
    assert.deepEqual(data.viewerPermissions, {
      tenantId: ownerA.tenantId,
      role: "OWNER",
      permissions: [...permissions],
      grantableRoles: ["OWNER", "ADMIN", "MANAGER", "STAFF", "VIEWER"],
      grantableScopes: [...apiKeyScopes],
    });
  });

  it("answers each role exactly the role's grants of the matrix", async () => {
    for (const role of ["ADMIN", "MANAGER", "STAFF", "VIEWER"] as const) {
      const member = await memberPersona(api, ownerA, ownerA.tenantId, role);
      const { viewerPermissions: got } = assertOk(await member.gql<Answer>(query, { t: ownerA.tenantId }));
      assert.equal(got.role, role);
      assert.deepEqual(got.permissions, permissions.filter((p) => roleGrants[role].has(p)), role);
    }
  });

  it("lets an ADMIN grant roles up to ADMIN and scopes it holds; a MANAGER grants nothing", async () => {
    const admin = await memberPersona(api, ownerA, ownerA.tenantId, "ADMIN");
    const asAdmin = assertOk(await admin.gql<Answer>(query, { t: ownerA.tenantId })).viewerPermissions;
    assert.deepEqual(asAdmin.grantableRoles, ["ADMIN", "MANAGER", "STAFF", "VIEWER"]);
    assert.deepEqual(asAdmin.grantableScopes, apiKeyScopes.filter((s) => roleGrants.ADMIN.has(s)));
    const manager = await memberPersona(api, ownerA, ownerA.tenantId, "MANAGER");
    const asManager = assertOk(await manager.gql<Answer>(query, { t: ownerA.tenantId })).viewerPermissions;
    assert.deepEqual([asManager.grantableRoles, asManager.grantableScopes], [[], []]);
  });

  it("applies a role held on an ancestor to a subtenant", async () => {
    const sub = await createSubtenant(ownerA, ownerA.tenantId, "Branch");
    const staff = await memberPersona(api, ownerA, ownerA.tenantId, "STAFF");
    const got = assertOk(await staff.gql<Answer>(query, { t: sub })).viewerPermissions;
    assert.deepEqual([got.tenantId, got.role], [sub, "STAFF"]);
  });

  it("answers an API key its scopes (with what they imply) and no role", async () => {
    const created = assertOk(
      await ownerA.gql<{ createApiKey: { secret: string } }>(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "board", scopes: ["tenant:read", "tickets:read"]) { secret } }`, {
        t: ownerA.tenantId,
      }),
    );
    const key = api.client(`ApiKey ${created.createApiKey.secret}`);
    const got = assertOk(await key<Answer>(query, { t: ownerA.tenantId })).viewerPermissions;
    assert.deepEqual(got, { tenantId: ownerA.tenantId, role: null, permissions: ["tenant:read", "display:read", "tickets:read"], grantableRoles: [], grantableScopes: [] });
  });

  it("refuses a tenant the caller holds no role in with the same NOT_FOUND as the tenant query", async () => {
    assertCode(await ownerA.gql(tenantQuery, { id: ownerB.tenantId }), "NOT_FOUND");
    assertCode(await ownerA.gql(query, { t: ownerB.tenantId }), "NOT_FOUND");
    assertCode(await ownerA.gql(query, { t: "00000000-0000-4000-8000-000000000000" }), "NOT_FOUND");
    assertCode(await ownerA.gql(query, { t: "not-a-uuid" }), "NOT_FOUND");
  });

  it("refuses anonymous callers with UNAUTHENTICATED", async () => {
    assertCode(await api.client()(query, { t: ownerA.tenantId }), "UNAUTHENTICATED");
  });
});
