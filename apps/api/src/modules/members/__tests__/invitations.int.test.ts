/**
 * Invitations: an admin invites an address with a role; the address gets a one-time link by email (a real SMTP
 * server in the test); only the person with that address, signed in, becomes a member, and only by accepting.
 * The inviter learns nothing about the address; links die on acceptance, resend, revocation and expiry; another
 * tenant can neither see nor touch the invitations.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { invitations, withTenantTx } from "@qline/db";
import { assertCode, assertOk, memberPersona, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import type { DevSinks } from "../../notifications/dev-sinks.js";
import { linkToken, mailsTo, platformMailTo, startMailbox } from "../../platform-mail/__tests__/mail-fixtures.js";

const invite = `mutation($t: ID!, $e: String!, $r: MemberRole!) { inviteMember(tenantId: $t, email: $e, role: $r) { id tenantId email role status expiresAt } }`;
const accept = `mutation($token: String!) { acceptInvitation(token: $token) { role tenant { id name } } }`;
const preview = `query($token: String!) { invitation(token: $token) { tenantName role email status } }`;
const pending = `query($t: ID!) { tenant(id: $t) { invitations { id email role status } members { email } } }`;
const freshEmail = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.test`;

describe("invitations", () => {
  let api: TestApi;
  let sinks: DevSinks;
  let owner: Persona;
  let other: Persona;

  before(async () => {
    sinks = await startMailbox();
    api = await startTestApi(platformMailTo(sinks));
    owner = await signUpPersona(api, "owner");
    other = await signUpPersona(api, "other");
  });
  after(async () => {
    await api.close();
    await sinks.close();
  });

  async function invited(email: string, role = "MANAGER"): Promise<{ id: string; token: string }> {
    const before = sinks.messages().filter((m) => m.to === email).length;
    const { inviteMember } = assertOk(await owner.gql<{ inviteMember: { id: string } }>(invite, { t: owner.tenantId, e: email, r: role }));
    const mails = await mailsTo(sinks, email, before + 1);
    return { id: inviteMember.id, token: linkToken(mails.at(-1)!, "invite") };
  }

  it("answers the inviter the same whether or not the address has a login, and mails both a link", async () => {
    const stranger = freshEmail("nobody");
    const [a, b] = await Promise.all([
      owner.gql<{ inviteMember: Record<string, unknown> }>(invite, { t: owner.tenantId, e: other.email, r: "STAFF" }),
      owner.gql<{ inviteMember: Record<string, unknown> }>(invite, { t: owner.tenantId, e: stranger, r: "STAFF" }),
    ]);
    const strip = (v: Record<string, unknown>) => ({ ...v, id: "-", email: "-", expiresAt: "-" });
    assert.deepEqual(strip(assertOk(a).inviteMember), strip(assertOk(b).inviteMember));
    assert.equal(assertOk(a).inviteMember.status, "PENDING");
    const [mailA] = await mailsTo(sinks, other.email);
    const [mailB] = await mailsTo(sinks, stranger);
    assert.match(mailA!.subject ?? "", /invited to owner HQ/);
    linkToken(mailA!, "invite");
    linkToken(mailB!, "invite");
  });

  it("makes nobody a member before they accept; the invitee sees where and as what, accepts once, and then sees the tenant", async () => {
    const person = await signUpPersona(api, "invitee");
    const { token } = await invited(person.email, "MANAGER");
    const listed = assertOk(await owner.gql<{ tenant: { invitations: { email: string }[]; members: { email: string }[] } }>(pending, { t: owner.tenantId }));
    assert.ok(listed.tenant.invitations.some((i) => i.email === person.email));
    assert.ok(!listed.tenant.members.some((m) => m.email === person.email), "not a member before accepting");
    assert.deepEqual(assertOk(await api.client()(preview, { token })).invitation, { tenantName: "owner HQ", role: "MANAGER", email: person.email, status: "PENDING" });

    assertCode(await api.client()(accept, { token }), "UNAUTHENTICATED");
    assertCode(await other.gql(accept, { token }), "FORBIDDEN"); // another login: the link is not theirs
    const accepted = assertOk(await person.gql<{ acceptInvitation: { role: string; tenant: { id: string } } }>(accept, { token }));
    assert.deepEqual(accepted.acceptInvitation, { role: "MANAGER", tenant: { id: owner.tenantId, name: "owner HQ" } });
    const me = assertOk(await person.gql<{ me: { memberships: { role: string; tenant: { id: string } }[] } }>(`{ me { memberships { role tenant { id } } } }`));
    assert.ok(me.me.memberships.some((m) => m.tenant.id === owner.tenantId && m.role === "MANAGER"));
    assertCode(await person.gql(accept, { token }), "NOT_FOUND"); // single use
    const after = assertOk(await owner.gql<{ tenant: { invitations: { email: string }[]; members: { email: string }[] } }>(pending, { t: owner.tenantId }));
    assert.ok(!after.tenant.invitations.some((i) => i.email === person.email));
    assert.ok(after.tenant.members.some((m) => m.email === person.email));
  });

  it("an invitee without a login creates one for the invited address and joins in one step; a login's address must sign in instead", async () => {
    const email = freshEmail("newcomer");
    const { token } = await invited(email, "STAFF");
    const signUp = `mutation($t: String!, $n: String!, $p: String!) { acceptInvitationWithSignUp(token: $t, name: $n, password: $p) { token user { email name memberships { role tenant { id } } } } }`;
    assertCode(await api.client()(signUp, { t: token, n: "New Comer", p: "password123" }), "BAD_USER_INPUT");
    const res = assertOk(await api.client()<{ acceptInvitationWithSignUp: { token: string; user: { email: string; memberships: { role: string; tenant: { id: string } }[] } } }>(signUp, { t: token, n: "New Comer", p: "sturdy-Lantern-harbour-61" }));
    assert.equal(res.acceptInvitationWithSignUp.user.email, email);
    assert.deepEqual(res.acceptInvitationWithSignUp.user.memberships, [{ role: "STAFF", tenant: { id: owner.tenantId } }]);
    assertCode(await api.client()(signUp, { t: token, n: "Again", p: "sturdy-Lantern-harbour-61" }), "NOT_FOUND"); // spent

    const existing = await signUpPersona(api, "haslogin");
    const second = await invited(existing.email, "STAFF");
    assertCode(await api.client()(signUp, { t: second.token, n: "Impostor", p: "sturdy-Lantern-harbour-61" }), "CONFLICT");
    assertOk(await existing.gql(accept, { token: second.token })); // the link still works for the signed-in owner of the address
  });

  it("a resend kills the old link; a revocation kills the link", async () => {
    const person = await signUpPersona(api, "resent");
    const first = await invited(person.email);
    const res = assertOk(await owner.gql<{ resendInvitation: { id: string } }>(`mutation($t: ID!, $id: ID!) { resendInvitation(tenantId: $t, id: $id) { id } }`, { t: owner.tenantId, id: first.id }));
    assert.equal(res.resendInvitation.id, first.id);
    const second = linkToken((await mailsTo(sinks, person.email, 2)).at(-1)!, "invite");
    assert.notEqual(second, first.token);
    assertCode(await person.gql(accept, { token: first.token }), "NOT_FOUND");
    assertCode(await api.client()(preview, { token: first.token }), "NOT_FOUND");

    assertOk(await owner.gql(`mutation($t: ID!, $id: ID!) { revokeInvitation(tenantId: $t, id: $id) }`, { t: owner.tenantId, id: first.id }));
    assert.equal(assertOk(await api.client()<{ invitation: { status: string } }>(preview, { token: second })).invitation.status, "REVOKED");
    assertCode(await person.gql(accept, { token: second }), "NOT_FOUND");
    assertCode(await owner.gql(`mutation($t: ID!, $id: ID!) { revokeInvitation(tenantId: $t, id: $id) }`, { t: owner.tenantId, id: first.id }), "NOT_FOUND");
  });

  it("an expired link is refused (BAD_USER_INPUT) and shows EXPIRED", async () => {
    const person = await signUpPersona(api, "late");
    const { id, token } = await invited(person.email);
    await withTenantTx(api.database.db, { tenantId: owner.tenantId, userId: null }, (tx) =>
      tx.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eqInvitation(owner.tenantId, id)),
    );
    assert.equal(assertOk(await api.client()<{ invitation: { status: string } }>(preview, { token })).invitation.status, "EXPIRED");
    assertCode(await person.gql(accept, { token }), "BAD_USER_INPUT");
  });

  it("refuses unknown and malformed tokens alike (NOT_FOUND)", async () => {
    assertCode(await api.client()(preview, { token: "x".repeat(43) }), "NOT_FOUND");
    assertCode(await api.client()(preview, { token: "not a token" }), "NOT_FOUND");
    assertCode(await owner.gql(accept, { token: "y".repeat(43) }), "NOT_FOUND");
  });

  it("needs members:manage and a role at least as strong as the one granted", async () => {
    const staff = await memberPersona(api, owner, owner.tenantId, "STAFF");
    assertCode(await staff.gql(invite, { t: owner.tenantId, e: freshEmail("s"), r: "VIEWER" }), "FORBIDDEN");
    const admin = await memberPersona(api, owner, owner.tenantId, "ADMIN");
    assertCode(await admin.gql(invite, { t: owner.tenantId, e: freshEmail("o"), r: "OWNER" }), "FORBIDDEN");
    assertOk(await admin.gql(invite, { t: owner.tenantId, e: freshEmail("m"), r: "MANAGER" }));
    assertCode(await owner.gql(invite, { t: owner.tenantId, e: staff.email, r: "VIEWER" }), "CONFLICT"); // a member already (visible in the member list)
    assertCode(await owner.gql(invite, { t: owner.tenantId, e: "not-an-email", r: "VIEWER" }), "BAD_USER_INPUT");
  });

  it("another tenant can neither list, resend, revoke nor invite into this tenant", async () => {
    const { id } = await invited(freshEmail("guarded"));
    assertCode(await other.gql(pending, { t: owner.tenantId }), "NOT_FOUND");
    assertCode(await other.gql(`mutation($t: ID!, $id: ID!) { revokeInvitation(tenantId: $t, id: $id) }`, { t: owner.tenantId, id }), "NOT_FOUND");
    assertCode(await other.gql(`mutation($t: ID!, $id: ID!) { revokeInvitation(tenantId: $t, id: $id) }`, { t: other.tenantId, id }), "NOT_FOUND");
    assertCode(await other.gql(`mutation($t: ID!, $id: ID!) { resendInvitation(tenantId: $t, id: $id) { id } }`, { t: other.tenantId, id }), "NOT_FOUND");
    assertCode(await other.gql(invite, { t: owner.tenantId, e: freshEmail("x"), r: "VIEWER" }), "NOT_FOUND");
    const own = assertOk(await other.gql<{ tenant: { invitations: { id: string }[] } }>(pending, { t: other.tenantId }));
    assert.ok(!own.tenant.invitations.some((i) => i.id === id));
    const still = assertOk(await owner.gql<{ tenant: { invitations: { id: string; status: string }[] } }>(pending, { t: owner.tenantId }));
    assert.equal(still.tenant.invitations.find((i) => i.id === id)?.status, "PENDING");
  });
});

const eqInvitation = (tenantId: string, id: string) => and(eq(invitations.tenantId, tenantId), eq(invitations.id, id));
