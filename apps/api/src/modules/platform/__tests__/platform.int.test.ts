import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertCode, assertOk, createSubtenant, memberPersona, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";

const suspend = `mutation($t: ID!, $s: Boolean!) { setTenantSuspended(tenantId: $t, suspended: $s) }`;

describe("platform administration and suspension", () => {
  let api: TestApi;
  let platformAdmin: Persona;
  let owner: Persona;

  before(async () => {
    api = await startTestApi({ platformAdminEmails: [] });
    platformAdmin = await signUpPersona(api, "operator");
    api.config.platformAdminEmails.push(platformAdmin.email); // configuration names the platform admin
    owner = await signUpPersona(api, "customer");
  });
  after(() => api.close());

  it("lists every account to the platform admin only", async () => {
    const data = assertOk(await platformAdmin.gql(`{ platformAccounts { id name } }`));
    const ids = data.platformAccounts.map((a: { id: string }) => a.id);
    assert.ok(ids.includes(owner.accountId) && ids.includes(platformAdmin.accountId));
    assertCode(await owner.gql(`{ platformAccounts { id } }`), "FORBIDDEN");
    assertCode(await api.client()(`{ platformAccounts { id } }`), "UNAUTHENTICATED");
  });

  it("suspends a tenant: its users, its subtree and its keys get FORBIDDEN until restored", async () => {
    const child = await createSubtenant(owner, owner.tenantId, "Branch");
    const staff = await memberPersona(api, owner, child, "STAFF");
    const key = assertOk(await owner.gql(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "k", scopes: ["tenant:read"]) { secret } }`, { t: owner.tenantId }));
    const device = api.client(`ApiKey ${key.createApiKey.secret}`);
    const read = `query($id: ID!) { tenant(id: $id) { id slug } }`;
    const slug = assertOk(await owner.gql(read, { id: owner.tenantId })).tenant.slug;

    assert.equal(assertOk(await platformAdmin.gql(suspend, { t: owner.tenantId, s: true })).setTenantSuspended, true);
    assertCode(await owner.gql(read, { id: owner.tenantId }), "FORBIDDEN");
    assertCode(await staff.gql(read, { id: child }), "FORBIDDEN");
    assertCode(await device(read, { id: owner.tenantId }), "FORBIDDEN");
    const pub = assertOk(await api.client()(`query($s: String!) { tenantBySlug(slug: $s) { suspended } }`, { s: slug }));
    assert.deepEqual(pub.tenantBySlug, { suspended: true });

    assertOk(await platformAdmin.gql(suspend, { t: owner.tenantId, s: false }));
    assertOk(await owner.gql(read, { id: owner.tenantId }));
    assertOk(await device(read, { id: owner.tenantId }));
  });

  it("refuses suspension to everyone else, and answers NOT_FOUND for unknown tenants", async () => {
    assertCode(await owner.gql(suspend, { t: owner.tenantId, s: true }), "FORBIDDEN");
    assertCode(await platformAdmin.gql(suspend, { t: "00000000-0000-4000-8000-000000000000", s: true }), "NOT_FOUND");
    assertCode(await platformAdmin.gql(suspend, { t: "bogus", s: true }), "NOT_FOUND");
  });
});
