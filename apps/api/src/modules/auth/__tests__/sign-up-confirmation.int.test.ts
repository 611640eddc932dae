/**
 * Sign-up by email confirmation (a real SMTP server in the test): the same answer for a new and a registered
 * address; the new one gets a link that creates the organisation, its first location and the owner's session,
 * once; the registered one gets a note to sign in. Nothing exists before the link is opened.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { assertCode, assertOk, signUpPersona, startTestApi, testPassword, uniqueSlug, type TestApi } from "../../../__tests__/harness.js";
import type { DevSinks } from "../../notifications/dev-sinks.js";
import { linkToken, mailsTo, platformMailTo, startMailbox } from "../../platform-mail/__tests__/mail-fixtures.js";

const start = `mutation($input: SignUpInput!) { startSignUp(input: $input) }`;
const confirm = `mutation($t: String!) { confirmSignUp(token: $t) { token user { email memberships { role tenant { name slug } } } } }`;
const login = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
const input = (email: string, slug = uniqueSlug("shop")) => ({ email, password: testPassword, name: "Nora", accountName: "Northwind Pharmacies", tenantName: "Northwind Central", tenantSlug: slug });

describe("sign-up with email confirmation", () => {
  let api: TestApi;
  let sinks: DevSinks;
  before(async () => {
    sinks = await startMailbox();
    api = await startTestApi(platformMailTo(sinks));
  });
  after(async () => {
    await api.close();
    await sinks.close();
  });

  it("answers the same for a new and a registered address; only the new one gets a confirmation link", async () => {
    const registered = await signUpPersona(api, "registered");
    const fresh = `new-${randomBytes(4).toString("hex")}@example.test`;
    const [a, b] = await Promise.all([api.client()(start, { input: input(fresh) }), api.client()(start, { input: input(registered.email) })]);
    assert.deepEqual(assertOk(a), { startSignUp: true });
    assert.deepEqual(assertOk(b), { startSignUp: true });
    const [toFresh] = await mailsTo(sinks, fresh);
    const [toRegistered] = await mailsTo(sinks, registered.email);
    assert.equal(toFresh!.subject, toRegistered!.subject);
    linkToken(toFresh!, "confirm-signup");
    assert.match(toRegistered!.body, /has a qline login already/);
    assert.doesNotMatch(toRegistered!.body, /confirm-signup\//);
    assertCode(await api.client()(login, { e: fresh, p: testPassword }), "UNAUTHENTICATED"); // nothing exists yet
  });

  it("the link creates the organisation, its first location and the owner's session, once", async () => {
    const email = `nora-${randomBytes(4).toString("hex")}@example.test`;
    const slug = uniqueSlug("central");
    assertOk(await api.client()(start, { input: input(email, slug) }));
    const token = linkToken((await mailsTo(sinks, email))[0]!, "confirm-signup");
    const res = assertOk(await api.client()<{ confirmSignUp: { token: string; user: { email: string; memberships: unknown[] } } }>(confirm, { t: token }));
    assert.equal(res.confirmSignUp.user.email, email);
    assert.deepEqual(res.confirmSignUp.user.memberships, [{ role: "OWNER", tenant: { name: "Northwind Central", slug } }]);
    assertOk(await api.client(`Bearer ${res.confirmSignUp.token}`)(`{ me { id } }`));
    assertOk(await api.client()(login, { e: email, p: testPassword }));
    assertCode(await api.client()(confirm, { t: token }), "BAD_USER_INPUT"); // single use
  });

  it("checks the input before anything is sent, and refuses unknown links", async () => {
    assertCode(await api.client()(start, { input: { ...input("x@example.test"), password: "password123" } }), "BAD_USER_INPUT");
    assertCode(await api.client()(start, { input: input("not-an-email") }), "BAD_USER_INPUT");
    assertCode(await api.client()(confirm, { t: "c".repeat(43) }), "BAD_USER_INPUT");
    assertCode(await api.client()(confirm, { t: "nope" }), "BAD_USER_INPUT");
  });

  it("a slug taken between start and confirm: CONFLICT, and the link is not spent", async () => {
    const email = `late-${randomBytes(4).toString("hex")}@example.test`;
    const slug = uniqueSlug("race");
    assertOk(await api.client()(start, { input: input(email, slug) }));
    const token = linkToken((await mailsTo(sinks, email))[0]!, "confirm-signup");
    const other = await signUpPersona(api, "taker");
    assertOk(await other.gql(`mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }`, { input: { parentId: other.tenantId, name: "Taken", slug } }));
    assertCode(await api.client()(confirm, { t: token }), "CONFLICT");
    assertCode(await api.client()(login, { e: email, p: testPassword }), "UNAUTHENTICATED");
  });
});
