/**
 * The role × operation matrix, driven by the same table as docs/roles.md (context/permissions.ts): every
 * role, held on the root, is allowed exactly the operations its permissions name on a grandchild, and gets
 * FORBIDDEN for the rest; a member of another tenant gets NOT_FOUND for all of them.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { memberRoles, type MemberRole } from "@qline/db";
import { roleGrants, type Permission } from "../../../context/permissions.js";
import {
  assertCode,
  assertOk,
  createSubtenant,
  memberPersona,
  signUpPersona,
  uniqueSlug,
  startTestApi,
  type GraphQLResponse,
  type Persona,
  type TestApi,
} from "../../../__tests__/harness.js";

interface Fixture {
  api: TestApi;
  owner: Persona;
  target: string;
}

interface Operation {
  name: string;
  permission: Permission;
  run(actor: Persona, fx: Fixture): Promise<GraphQLResponse<unknown>>;
}

/** A member on the target, added by the owner, for operations that change or remove one. */
async function extraMember(fx: Fixture): Promise<Persona> {
  return memberPersona(fx.api, fx.owner, fx.target, "VIEWER");
}

const operations: Operation[] = [
  { name: "tenant", permission: "tenant:read", run: (a, fx) => a.gql(`query($id: ID!) { tenant(id: $id) { id effectiveSettings ancestors { id } } }`, { id: fx.target }) },
  { name: "updateTenant", permission: "tenant:update", run: (a, fx) => a.gql(`mutation($id: ID!) { updateTenant(id: $id, input: { name: "Renamed" }) { id } }`, { id: fx.target }) },
  {
    name: "createTenant",
    permission: "tenant:create",
    run: (a, fx) => a.gql(`mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }`, { input: { parentId: fx.target, name: "Kid", slug: uniqueSlug() } }),
  },
  { name: "members", permission: "members:read", run: (a, fx) => a.gql(`query($id: ID!) { tenant(id: $id) { members { email } } }`, { id: fx.target }) },
  {
    name: "addMember",
    permission: "members:manage",
    run: async (a, fx) => {
      const newcomer = await signUpPersona(fx.api, "newcomer");
      return a.gql(`mutation($t: ID!, $e: String!) { addMember(tenantId: $t, email: $e, role: VIEWER) { role } }`, { t: fx.target, e: newcomer.email });
    },
  },
  {
    name: "updateMemberRole",
    permission: "members:manage",
    run: async (a, fx) => {
      const member = await extraMember(fx);
      return a.gql(`mutation($t: ID!, $u: ID!) { updateMemberRole(tenantId: $t, userId: $u, role: STAFF) { role } }`, { t: fx.target, u: member.userId });
    },
  },
  {
    name: "removeMember",
    permission: "members:manage",
    run: async (a, fx) => {
      const member = await extraMember(fx);
      return a.gql(`mutation($t: ID!, $u: ID!) { removeMember(tenantId: $t, userId: $u) }`, { t: fx.target, u: member.userId });
    },
  },
  {
    name: "createApiKey",
    permission: "apikeys:manage",
    run: (a, fx) => a.gql(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "kiosk", scopes: ["tenant:read"]) { secret } }`, { t: fx.target }),
  },
  {
    name: "revokeApiKey",
    permission: "apikeys:manage",
    run: async (a, fx) => {
      const created = assertOk(await fx.owner.gql(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "old", scopes: ["tenant:read"]) { apiKey { id } } }`, { t: fx.target }));
      return a.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: (created as { createApiKey: { apiKey: { id: string } } }).createApiKey.apiKey.id });
    },
  },
  { name: "apiKeys", permission: "apikeys:manage", run: (a, fx) => a.gql(`query($id: ID!) { tenant(id: $id) { apiKeys { id } } }`, { id: fx.target }) },
  { name: "auditLog", permission: "audit:read", run: (a, fx) => a.gql(`query($id: ID!) { tenant(id: $id) { auditLog(first: 5) { nodes { action } } } }`, { id: fx.target }) },
];

describe("role × operation matrix (roles held on the root, acting on a grandchild)", () => {
  let fx: Fixture;
  const personas = new Map<MemberRole, Persona>();
  let outsider: Persona;

  before(async () => {
    const api = await startTestApi();
    const owner = await signUpPersona(api, "owner");
    const child = await createSubtenant(owner, owner.tenantId, "Child");
    const target = await createSubtenant(owner, child, "Grandchild");
    fx = { api, owner, target };
    personas.set("OWNER", owner);
    for (const role of memberRoles.filter((r) => r !== "OWNER")) personas.set(role, await memberPersona(api, owner, owner.tenantId, role));
    outsider = await signUpPersona(api, "outsider");
  });
  after(() => fx.api.close());

  for (const role of memberRoles) {
    for (const op of operations) {
      const allowed = roleGrants[role].has(op.permission);
      it(`${role} ${allowed ? "may" : "may not"} ${op.name} (${op.permission})`, async () => {
        const res = await op.run(personas.get(role)!, fx);
        if (allowed) assertOk(res);
        else assertCode(res, "FORBIDDEN");
      });
    }
  }

  for (const op of operations) {
    it(`a member of another tenant gets NOT_FOUND for ${op.name}`, async () => {
      assertCode(await op.run(outsider, fx), "NOT_FOUND");
    });
  }

  it("anonymous callers get UNAUTHENTICATED for every operation", async () => {
    const anonymous: Persona = { ...outsider, gql: fx.api.client() };
    for (const op of operations) assertCode(await op.run(anonymous, fx), "UNAUTHENTICATED");
  });

  it("covers every permission of the matrix that issue 2's operations use", () => {
    const covered = new Set(operations.map((o) => o.permission));
    assert.deepEqual([...covered].sort(), ["apikeys:manage", "audit:read", "members:manage", "members:read", "tenant:create", "tenant:read", "tenant:update"]);
  });
});
