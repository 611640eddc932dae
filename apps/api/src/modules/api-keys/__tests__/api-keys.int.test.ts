import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertCode, assertOk, createSubtenant, memberPersona, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";

const createKey = `mutation($t: ID!, $s: [String!]!) { createApiKey(tenantId: $t, name: "Front kiosk", scopes: $s) { secret apiKey { id prefix scopes revokedAt } } }`;

describe("API keys", () => {
  let api: TestApi;
  let owner: Persona;
  let child: string;
  let grandchild: string;

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "keys");
    child = await createSubtenant(owner, owner.tenantId, "Store");
    grandchild = await createSubtenant(owner, child, "Counter area");
  });
  after(() => api.close());

  async function keyFor(tenantId: string, scopes: string[]) {
    const data = assertOk(await owner.gql(createKey, { t: tenantId, s: scopes }));
    return { secret: data.createApiKey.secret as string, id: data.createApiKey.apiKey.id as string, gql: api.client(`ApiKey ${data.createApiKey.secret}`) };
  }

  it("shows the secret once, stores only its hash, and works within its tenant's subtree", async () => {
    const key = await keyFor(child, ["tenant:read"]);
    assert.match(key.secret, /^qk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const listed = assertOk(await owner.gql(`query($id: ID!) { tenant(id: $id) { apiKeys { id prefix lastUsedAt } } }`, { id: child }));
    // The secret part is everything after "qk_<prefix>_" (base64url may itself contain "_").
    const secretPart = key.secret.slice("qk_".length + 12 + 1);
    assert.equal(secretPart.length, 43);
    assert.equal(JSON.stringify(listed).includes(secretPart), false, "the secret is never listed");
    assert.equal(assertOk(await key.gql(`query($id: ID!) { tenant(id: $id) { id } }`, { id: grandchild })).tenant.id, grandchild);
    assertCode(await key.gql(`query($id: ID!) { tenant(id: $id) { id } }`, { id: owner.tenantId }), "NOT_FOUND");
    const used = assertOk(await owner.gql(`query($id: ID!) { tenant(id: $id) { apiKeys { id lastUsedAt } } }`, { id: child }));
    assert.ok(used.tenant.apiKeys.find((k: { id: string }) => k.id === key.id).lastUsedAt, "last use is recorded");
  });

  it("refuses operations outside the key's scopes with FORBIDDEN", async () => {
    const key = await keyFor(child, ["tenant:read"]);
    assertCode(await key.gql(`mutation($id: ID!) { updateTenant(id: $id, input: { name: "x" }) { id } }`, { id: child }), "FORBIDDEN");
    assertCode(await key.gql(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "child", scopes: ["tenant:read"]) { secret } }`, { t: child }), "FORBIDDEN");
    assertCode(await key.gql(`query($id: ID!) { tenant(id: $id) { members { email } } }`, { id: child }), "FORBIDDEN");
    assert.deepEqual(assertOk(await key.gql(`{ me { id } }`)), { me: null });
  });

  it("answers UNAUTHENTICATED once revoked, on the very next request", async () => {
    const key = await keyFor(child, ["tenant:read"]);
    assertOk(await key.gql(`query($id: ID!) { tenant(id: $id) { id } }`, { id: child }));
    const revoked = assertOk(await owner.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: key.id }));
    assert.ok(revoked.revokeApiKey.revokedAt);
    const res = await key.gql(`query($id: ID!) { tenant(id: $id) { id } }`, { id: child });
    assertCode(res, "UNAUTHENTICATED");
    assert.match(res.errors![0]!.message, /revoked/);
  });

  it("refuses unknown, malformed and tampered keys with UNAUTHENTICATED", async () => {
    const key = await keyFor(child, ["tenant:read"]);
    const tampered = key.secret.slice(0, -1) + (key.secret.endsWith("A") ? "B" : "A");
    for (const auth of [`ApiKey ${tampered}`, "ApiKey qk_000000000000_" + "A".repeat(43), "ApiKey nonsense"]) {
      assertCode(await api.client(auth)(`query($id: ID!) { tenant(id: $id) { id } }`, { id: child }), "UNAUTHENTICATED");
    }
  });

  it("refuses unknown scopes (BAD_USER_INPUT), key-minting scopes, and scopes the creator does not hold (FORBIDDEN)", async () => {
    const bad = await owner.gql(createKey, { t: child, s: ["tenant:read", "launch:rockets"] });
    assertCode(bad, "BAD_USER_INPUT");
    assert.equal(bad.errors![0]!.extensions!.fields![0]!.path, "scopes.1");
    assertCode(await owner.gql(createKey, { t: child, s: ["apikeys:manage"] }), "BAD_USER_INPUT");
    assertCode(await owner.gql(createKey, { t: child, s: [] }), "BAD_USER_INPUT");
    const admin = await memberPersona(api, owner, child, "ADMIN");
    assertOk(await admin.gql(createKey, { t: child, s: ["tickets:issue", "lines:read"] }));
  });

  it("does not let another tenant revoke or list the key (NOT_FOUND)", async () => {
    const key = await keyFor(child, ["tenant:read"]);
    const rival = await signUpPersona(api, "rival");
    assertCode(await rival.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: key.id }), "NOT_FOUND");
    assertCode(await rival.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: "00000000-0000-4000-8000-000000000000" }), "NOT_FOUND");
    assertCode(await rival.gql(`query($id: ID!) { tenant(id: $id) { apiKeys { id } } }`, { id: child }), "NOT_FOUND");
    assertOk(await key.gql(`query($id: ID!) { tenant(id: $id) { id } }`, { id: child }));
  });
});
