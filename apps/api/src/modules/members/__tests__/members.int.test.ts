import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertCode, assertOk, memberPersona, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";

const add = `mutation($t: ID!, $e: String!, $r: MemberRole!) { addMember(tenantId: $t, email: $e, role: $r) { userId email role } }`;
const setRole = `mutation($t: ID!, $u: ID!, $r: MemberRole!) { updateMemberRole(tenantId: $t, userId: $u, role: $r) { role } }`;
const remove = `mutation($t: ID!, $u: ID!) { removeMember(tenantId: $t, userId: $u) }`;

describe("members", () => {
  let api: TestApi;
  let owner: Persona;

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "boss");
  });
  after(() => api.close());

  it("adds an existing user by email (any case), lists them, and records it in the audit log", async () => {
    const person = await signUpPersona(api, "barista");
    const added = assertOk(await owner.gql(add, { t: owner.tenantId, e: person.email.toUpperCase(), r: "STAFF" }));
    assert.deepEqual(added.addMember, { userId: person.userId, email: person.email, role: "STAFF" });
    const listed = assertOk(await owner.gql(`query($id: ID!) { tenant(id: $id) { members { email role } auditLog(filter: { action: "member.add" }) { nodes { targetId after } } } }`, { id: owner.tenantId }));
    assert.ok(listed.tenant.members.some((m: { email: string; role: string }) => m.email === person.email && m.role === "STAFF"));
    assert.deepEqual(listed.tenant.auditLog.nodes[0], { targetId: person.userId, after: { role: "STAFF" } });
  });

  it("refuses unknown emails (NOT_FOUND), malformed ones (BAD_USER_INPUT) and duplicates (CONFLICT)", async () => {
    assertCode(await owner.gql(add, { t: owner.tenantId, e: "ghost@example.test", r: "STAFF" }), "NOT_FOUND");
    assertCode(await owner.gql(add, { t: owner.tenantId, e: "ghost-at-example", r: "STAFF" }), "BAD_USER_INPUT");
    const person = await memberPersona(api, owner, owner.tenantId, "VIEWER");
    assertCode(await owner.gql(add, { t: owner.tenantId, e: person.email, r: "STAFF" }), "CONFLICT");
  });

  it("lets an ADMIN grant only roles no stronger than ADMIN, and never touch an OWNER", async () => {
    const admin = await memberPersona(api, owner, owner.tenantId, "ADMIN");
    const person = await signUpPersona(api, "hopeful");
    assertCode(await admin.gql(add, { t: owner.tenantId, e: person.email, r: "OWNER" }), "FORBIDDEN");
    assertOk(await admin.gql(add, { t: owner.tenantId, e: person.email, r: "ADMIN" }));
    assertCode(await admin.gql(setRole, { t: owner.tenantId, u: owner.userId, r: "VIEWER" }), "FORBIDDEN");
    assertCode(await admin.gql(remove, { t: owner.tenantId, u: owner.userId }), "FORBIDDEN");
  });

  it("keeps the last OWNER of a root tenant (CONFLICT), and allows it once there is a second owner", async () => {
    const solo = await signUpPersona(api, "solo");
    assertCode(await solo.gql(remove, { t: solo.tenantId, u: solo.userId }), "CONFLICT");
    assertCode(await solo.gql(setRole, { t: solo.tenantId, u: solo.userId, r: "ADMIN" }), "CONFLICT");
    const partner = await memberPersona(api, solo, solo.tenantId, "OWNER");
    assertOk(await partner.gql(setRole, { t: solo.tenantId, u: solo.userId, r: "ADMIN" }));
  });

  it("answers NOT_FOUND for a user who is not a member here, and for members of other tenants", async () => {
    const stranger = await signUpPersona(api, "stranger");
    assertCode(await owner.gql(setRole, { t: owner.tenantId, u: stranger.userId, r: "STAFF" }), "NOT_FOUND");
    assertCode(await owner.gql(remove, { t: owner.tenantId, u: "nonsense" }), "NOT_FOUND");
    assertCode(await owner.gql(remove, { t: stranger.tenantId, u: stranger.userId }), "NOT_FOUND");
  });
});
