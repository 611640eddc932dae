import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SignJWT, decodeJwt } from "jose";
import { assertCode, assertOk, signUpPersona, startTestApi, testPassword, uniqueSlug, type TestApi } from "../../../__tests__/harness.js";

const signUpMutation = `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id email name } } }`;
const loginMutation = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { email } } }`;

function signUpInput(overrides: Record<string, string> = {}) {
  const slug = uniqueSlug("shop");
  return { email: `${slug}@example.test`, password: testPassword, name: "Ana", accountName: "Ana's", tenantName: "Ana's Shop", tenantSlug: slug, ...overrides };
}

describe("sign up, log in, me", () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
  });
  after(() => api.close());

  it("signs up: account, root tenant and the user as OWNER, and returns a working token", async () => {
    const input = signUpInput({ email: "  Mixed.Case@Example.TEST " });
    const data = assertOk(await api.client()(signUpMutation, { input }));
    assert.equal(data.signUp.user.email, "mixed.case@example.test");
    const me = assertOk(await api.client(`Bearer ${data.signUp.token}`)(`{ me { email memberships { role tenant { slug depth account { name } } } } accounts { name } }`));
    assert.deepEqual(me.me.memberships, [{ role: "OWNER", tenant: { slug: input.tenantSlug, depth: 0, account: { name: "Ana's" } } }]);
    assert.deepEqual(me.accounts, [{ name: "Ana's" }]);
  });

  it("logs in with the right password only, with one answer for unknown email and wrong password", async () => {
    const input = signUpInput();
    assertOk(await api.client()(signUpMutation, { input }));
    const ok = assertOk(await api.client()(loginMutation, { e: input.email.toUpperCase(), p: testPassword }));
    assert.equal(ok.login.user.email, input.email);
    const wrong = await api.client()(loginMutation, { e: input.email, p: "wrong-password-1" });
    const unknown = await api.client()(loginMutation, { e: "nobody@example.test", p: testPassword });
    assertCode(wrong, "UNAUTHENTICATED");
    assertCode(unknown, "UNAUTHENTICATED");
    assert.equal(wrong.errors![0]!.message, unknown.errors![0]!.message);
  });

  it("does the same password work for an unknown email as for a wrong password (a decoy hash), so timing does not tell", async () => {
    const input = signUpInput();
    assertOk(await api.client()(signUpMutation, { input }));
    const timed = async (email: string) => {
      const started = performance.now();
      assertCode(await api.client()(loginMutation, { e: email, p: "wrong-password-1" }), "UNAUTHENTICATED");
      return performance.now() - started;
    };
    await timed("warm-up@example.test"); // the decoy hash is made on first use
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    const wrong = median([await timed(input.email), await timed(input.email), await timed(input.email)]);
    const unknown = median([await timed("nobody-1@example.test"), await timed("nobody-2@example.test"), await timed("nobody-3@example.test")]);
    // Same work: a ratio near 1. Without the decoy it was 0.25 here (HTTP overhead only, no argon2 verify).
    assert.ok(unknown > wrong * 0.5, `unknown email ${unknown.toFixed(1)} ms vs wrong password ${wrong.toFixed(1)} ms`);
  });

  for (const [label, overrides, path] of [
    ["a malformed email", { email: "not-an-email" }, "input.email"],
    ["an empty password", { password: "" }, "input.password"],
    ["a short password", { password: "abc12" }, "input.password"],
    ["a one-kind password", { password: "aaaaaaaaaaaaaaa" }, "input.password"],
    ["a common password (Password12)", { password: "Password12" }, "input.password"],
    ["a keyboard pattern (qwerty1234)", { password: "qwerty1234" }, "input.password"],
    ["a slug with invalid characters", { tenantSlug: "Bad_Slug!" }, "input.tenantSlug"],
    ["a reserved slug", { tenantSlug: "admin" }, "input.tenantSlug"],
  ] as const) {
    it(`refuses ${label} with BAD_USER_INPUT naming the field, and writes nothing`, async () => {
      const input = signUpInput(overrides);
      const res = await api.client()(signUpMutation, { input });
      assertCode(res, "BAD_USER_INPUT");
      assert.equal(res.errors![0]!.extensions!.fields![0]!.path, path);
      assertCode(await api.client()(loginMutation, { e: input.email, p: input.password }), "UNAUTHENTICATED");
    });
  }

  it("refuses a duplicate email with CONFLICT", async () => {
    const input = signUpInput();
    assertOk(await api.client()(signUpMutation, { input }));
    assertCode(await api.client()(signUpMutation, { input: { ...input, tenantSlug: uniqueSlug() } }), "CONFLICT");
  });

  it("refuses a taken slug with CONFLICT and leaves no half-written user behind", async () => {
    const first = signUpInput();
    assertOk(await api.client()(signUpMutation, { input: first }));
    const second = signUpInput({ tenantSlug: first.tenantSlug });
    assertCode(await api.client()(signUpMutation, { input: second }), "CONFLICT");
    assertCode(await api.client()(loginMutation, { e: second.email, p: testPassword }), "UNAUTHENTICATED");
    // The same email signs up fine with a free slug: nothing of the failed attempt was committed.
    assertOk(await api.client()(signUpMutation, { input: { ...second, tenantSlug: uniqueSlug() } }));
  });

  it("answers UNAUTHENTICATED for a forged, an expired and a malformed token", async () => {
    const owner = await signUpPersona(api, "tok");
    const forged = await new SignJWT({ sid: decodeJwt(owner.token).sid }).setProtectedHeader({ alg: "HS256" }).setSubject(owner.userId).setIssuer("qline").setExpirationTime("1h").sign(new TextEncoder().encode("another-secret-another-secret-another!"));
    const { sid } = decodeJwt(owner.token); // a real session: only the expiry is wrong
    const expired = await new SignJWT({ sid })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(owner.userId)
      .setIssuer("qline")
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(api.config.jwtSecret));
    for (const auth of [`Bearer ${forged}`, `Bearer ${expired}`, "Bearer not.a.jwt", "Basic dXNlcjpwYXNz", "Bearer"]) {
      assertCode(await api.client(auth)(`{ me { id } }`), "UNAUTHENTICATED");
    }
    const expiredRes = await api.client(`Bearer ${expired}`)(`{ me { id } }`);
    assert.match(expiredRes.errors![0]!.message, /expired/i);
  });

  it("lists only the caller's own accounts", async () => {
    const mine = await signUpPersona(api, "mine");
    const theirs = await signUpPersona(api, "theirs");
    const data = assertOk(await mine.gql(`{ accounts { id tenants { id } } }`));
    assert.deepEqual(data.accounts, [{ id: mine.accountId, tenants: [{ id: mine.tenantId }] }]);
    assert.notEqual(mine.accountId, theirs.accountId);
  });

  it("answers me = null to anonymous callers and UNAUTHENTICATED to accounts", async () => {
    assert.deepEqual(assertOk(await api.client()(`{ me { id } }`)), { me: null });
    assertCode(await api.client()(`{ accounts { id } }`), "UNAUTHENTICATED");
  });
});
