import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  assertCode,
  assertOk,
  createSubtenant,
  memberPersona,
  signUpPersona,
  startTestApi,
  uniqueSlug,
  type Persona,
  type TestApi,
} from "../../../__tests__/harness.js";

const update = `mutation($id: ID!, $input: UpdateTenantInput!) { updateTenant(id: $id, input: $input) { id name slug settings effectiveSettings } }`;
const move = `mutation($id: ID!, $p: ID!) { moveTenant(id: $id, parentId: $p) { id depth parent { id } ancestors { id } } }`;

describe("tenant tree, settings inheritance and isolation", () => {
  let api: TestApi;
  let owner: Persona;
  let other: Persona;
  let child: string;
  let grandchild: string;

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "chain");
    other = await signUpPersona(api, "rival");
    child = await createSubtenant(owner, owner.tenantId, "Ship");
    grandchild = await createSubtenant(owner, child, "Restaurant");
  });
  after(() => api.close());

  it("nests subtenants to any depth with parent, children and ancestors", async () => {
    const greatGrandchild = await createSubtenant(owner, grandchild, "Bar");
    const data = assertOk(await owner.gql(`query($id: ID!) { tenant(id: $id) { depth parent { id } ancestors { id } } }`, { id: greatGrandchild }));
    assert.deepEqual(data.tenant, { depth: 3, parent: { id: grandchild }, ancestors: [{ id: owner.tenantId }, { id: child }, { id: grandchild }] });
    const root = assertOk(await owner.gql(`query($id: ID!) { tenant(id: $id) { children { id children { id } } } }`, { id: owner.tenantId }));
    assert.deepEqual(root.tenant.children, [{ id: child, children: [{ id: grandchild }] }]);
  });

  it("inherits settings field by field across three levels, own values winning", async () => {
    assertOk(await owner.gql(update, { id: owner.tenantId, input: { settings: { locale: "en", hours: { open: "08:00", close: "18:00" }, sms: true } } }));
    assertOk(await owner.gql(update, { id: child, input: { settings: { locale: "de", hours: { close: "22:00" } } } }));
    const data = assertOk(await owner.gql(update, { id: grandchild, input: { settings: { sms: false } } }));
    assert.deepEqual(data.updateTenant.settings, { sms: false });
    assert.deepEqual(data.updateTenant.effectiveSettings, { locale: "de", hours: { open: "08:00", close: "22:00" }, sms: false });
    const mid = assertOk(await owner.gql(`query($id: ID!) { tenant(id: $id) { effectiveSettings } }`, { id: child }));
    assert.deepEqual(mid.tenant.effectiveSettings, { locale: "de", hours: { open: "08:00", close: "22:00" }, sms: true });
  });

  it("applies a role on the root to a grandchild, but a role on a child does not reach its parent", async () => {
    const rootAdmin = await memberPersona(api, owner, owner.tenantId, "ADMIN");
    assertOk(await rootAdmin.gql(update, { id: grandchild, input: { name: "Restaurant Deck 5" } }));
    const childAdmin = await memberPersona(api, owner, child, "ADMIN");
    assertOk(await childAdmin.gql(update, { id: grandchild, input: { name: "Restaurant Deck 6" } }));
    assertCode(await childAdmin.gql(update, { id: owner.tenantId, input: { name: "Taken over" } }), "NOT_FOUND");
    assertCode(await childAdmin.gql(`query($id: ID!) { tenant(id: $id) { id } }`, { id: owner.tenantId }), "NOT_FOUND");
    // Breadcrumbs upward stay readable: the child admin sees the names of the ancestors.
    const crumbs = assertOk(await childAdmin.gql(`query($id: ID!) { tenant(id: $id) { ancestors { id } } }`, { id: grandchild }));
    assert.deepEqual(crumbs.tenant.ancestors, [{ id: owner.tenantId }, { id: child }]);
  });

  it("shows a subtenant-only ADMIN or key only the public fields of the ancestors, and their own admins everything", async () => {
    const sub = await createSubtenant(owner, owner.tenantId, "Kiosk deck");
    assertOk(await owner.gql(update, { id: owner.tenantId, input: { settings: { secretSauce: "root only" } } }));
    const subAdmin = await memberPersona(api, owner, sub, "ADMIN");
    const key = assertOk(
      await owner.gql(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "sub key", scopes: ["tenant:read"]) { secret } }`, { t: sub }),
    ).createApiKey.secret as string;
    const subKey = api.client(`ApiKey ${key}`);
    const publicFields = `query($id: ID!) { tenant(id: $id) { id parent { id name slug depth theme { primaryColor } suspended } ancestors { id name slug } } }`;
    for (const actor of [subAdmin.gql, subKey]) {
      const crumbs = assertOk(await actor(publicFields, { id: sub }));
      assert.deepEqual(crumbs.tenant.parent.id, owner.tenantId);
      assert.deepEqual(crumbs.tenant.ancestors.map((a: { id: string }) => a.id), [owner.tenantId]);
      for (const field of ["settings", "location { address }", "accountId", "createdAt", "updatedAt"]) {
        const viaParent = await actor(`query($id: ID!) { tenant(id: $id) { id parent { id ${field} } } }`, { id: sub });
        assertCode(viaParent, "FORBIDDEN");
        assert.deepEqual(viaParent.errors![0]!.path, ["tenant", "parent", field.split(" ")[0]]);
        assert.equal(viaParent.data?.tenant?.parent ?? null, null, `${field} did not leak through parent`);
        const viaAncestors = await actor(`query($id: ID!) { tenant(id: $id) { ancestors { ${field} } } }`, { id: sub });
        assertCode(viaAncestors, "FORBIDDEN");
        assert.doesNotMatch(JSON.stringify(viaAncestors.data), /root only/);
      }
      // Its own tenant stays whole.
      assert.deepEqual(assertOk(await actor(`query($id: ID!) { tenant(id: $id) { settings } }`, { id: sub })).tenant.settings, {});
    }
    // The parent's own admin, reaching it the same way, reads its settings.
    const rootAdmin = await memberPersona(api, owner, owner.tenantId, "ADMIN");
    const full = assertOk(await rootAdmin.gql(`query($id: ID!) { tenant(id: $id) { parent { settings } ancestors { settings accountId } } }`, { id: sub }));
    assert.equal(full.tenant.parent.settings.secretSauce, "root only");
    assert.deepEqual(full.tenant.ancestors, [{ settings: full.tenant.parent.settings, accountId: owner.accountId }]);
  });

  it("answers another tenant's id exactly as an id that does not exist", async () => {
    const foreign = await other.gql(`query($id: ID!) { tenant(id: $id) { id } }`, { id: owner.tenantId });
    const missing = await other.gql(`query($id: ID!) { tenant(id: $id) { id } }`, { id: "7b3f4f0e-0000-4000-8000-000000000000" });
    const malformed = await other.gql(`query($id: ID!) { tenant(id: $id) { id } }`, { id: "not-a-uuid" });
    for (const res of [foreign, missing, malformed]) assertCode(res, "NOT_FOUND");
    assert.equal(foreign.errors![0]!.message, missing.errors![0]!.message);
    assertCode(await other.gql(update, { id: owner.tenantId, input: { name: "x" } }), "NOT_FOUND");
    assertCode(
      await other.gql(`mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }`, { input: { parentId: owner.tenantId, name: "x", slug: uniqueSlug() } }),
      "NOT_FOUND",
    );
    assertCode(await other.gql(move, { id: grandchild, p: other.tenantId }), "NOT_FOUND");
  });

  it("moves a subtree, and refuses a move under its own descendant (cycle) with BAD_USER_INPUT", async () => {
    const a = await createSubtenant(owner, owner.tenantId, "A");
    const b = await createSubtenant(owner, a, "B");
    const c = await createSubtenant(owner, b, "C");
    const cycle = await owner.gql(move, { id: a, p: c });
    assertCode(cycle, "BAD_USER_INPUT");
    assertCode(await owner.gql(move, { id: a, p: a }), "BAD_USER_INPUT");
    const moved = assertOk(await owner.gql(move, { id: b, p: child }));
    assert.deepEqual(moved.moveTenant, { id: b, depth: 2, parent: { id: child }, ancestors: [{ id: owner.tenantId }, { id: child }] });
    const leaf = assertOk(await owner.gql(`query($id: ID!) { tenant(id: $id) { depth ancestors { id } } }`, { id: c }));
    assert.deepEqual(leaf.tenant, { depth: 3, ancestors: [{ id: owner.tenantId }, { id: child }, { id: b }] });
  });

  it("refuses duplicate slugs (CONFLICT), bad slugs and bad locations (BAD_USER_INPUT), oversized settings (LIMIT_EXCEEDED)", async () => {
    const create = `mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }`;
    const taken = assertOk(await owner.gql(`query($id: ID!) { tenant(id: $id) { slug } }`, { id: child })).tenant.slug;
    assertCode(await owner.gql(create, { input: { parentId: owner.tenantId, name: "Dup", slug: taken } }), "CONFLICT");
    assertCode(await owner.gql(update, { id: grandchild, input: { slug: taken } }), "CONFLICT");
    assertCode(await owner.gql(create, { input: { parentId: owner.tenantId, name: "Bad", slug: "has space" } }), "BAD_USER_INPUT");
    assertCode(await owner.gql(create, { input: { parentId: owner.tenantId, name: "Bad", slug: uniqueSlug(), location: { latitude: 123, longitude: 0 } } }), "BAD_USER_INPUT");
    assertCode(await owner.gql(create, { input: { parentId: owner.tenantId, name: "Bad", slug: uniqueSlug(), location: { latitude: 10 } } }), "BAD_USER_INPUT");
    assertCode(await owner.gql(update, { id: child, input: { theme: { primaryColor: "red; background: url(x)" } } }), "BAD_USER_INPUT");
    assertCode(await owner.gql(update, { id: child, input: { settings: { blob: "x".repeat(20_000) } } }), "LIMIT_EXCEEDED");
    assertCode(await owner.gql(update, { id: child, input: { settings: ["not", "an", "object"] } }), "BAD_USER_INPUT");
    const unchanged = assertOk(await owner.gql(`query($id: ID!) { tenant(id: $id) { settings } }`, { id: child }));
    assert.equal(JSON.stringify(unchanged.tenant.settings).includes("blob"), false, "nothing half-written");
  });

  it("creates a root tenant only for the account's owner", async () => {
    const create = `mutation($input: CreateTenantInput!) { createTenant(input: $input) { id depth } }`;
    const made = assertOk(await owner.gql(create, { input: { accountId: owner.accountId, name: "Second brand", slug: uniqueSlug("brand") } }));
    assert.equal(made.createTenant.depth, 0);
    const admin = await memberPersona(api, owner, owner.tenantId, "ADMIN");
    assertCode(await admin.gql(create, { input: { accountId: owner.accountId, name: "Nope", slug: uniqueSlug() } }), "FORBIDDEN");
    assertCode(await other.gql(create, { input: { accountId: owner.accountId, name: "Nope", slug: uniqueSlug() } }), "NOT_FOUND");
  });

  it("reports slug availability publicly and resolves a tenant by slug without sign-in", async () => {
    const slug = assertOk(await owner.gql(`query($id: ID!) { tenant(id: $id) { slug } }`, { id: owner.tenantId })).tenant.slug;
    const anon = api.client();
    assert.deepEqual(assertOk(await anon(`query($s: String!) { slugAvailable(slug: $s) { available } }`, { s: slug })).slugAvailable, { available: false });
    assert.deepEqual(assertOk(await anon(`query($s: String!) { slugAvailable(slug: $s) { available } }`, { s: uniqueSlug() })).slugAvailable, { available: true });
    assert.equal(assertOk(await anon(`query($s: String!) { slugAvailable(slug: $s) { available } }`, { s: "No_Good" })).slugAvailable.available, false);
    const pub = assertOk(await anon(`query($s: String!) { tenantBySlug(slug: $s) { id name suspended } }`, { s: slug }));
    assert.deepEqual(pub.tenantBySlug, { id: owner.tenantId, name: "chain HQ", suspended: false });
    assert.equal(assertOk(await anon(`{ tenantBySlug(slug: "no-such-tenant") { id } }`)).tenantBySlug, null);
  });
});
