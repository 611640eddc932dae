/**
 * Sessions: every token names a session and expires; logout, logoutEverywhere and changePassword end sessions
 * at once (the next request with an ended token is UNAUTHENTICATED) and announce it on the user's control
 * topic after the commit; a new password must be hard to guess. Also defect 9: a signUp or login payload
 * reads as the session it opened (`user { memberships }`).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SignJWT, decodeJwt } from "jose";
import { assertCode, assertOk, signUpPersona, startTestApi, testPassword, uniqueSlug, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { controlTopics, type UserAccessChanged } from "../../../pubsub/control-topics.js";
import { stopPasswordStrength } from "../password-strength.js";

const meQuery = `{ me { id } }`;
const loginMutation = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
const changePasswordMutation = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token user { id } } }`;

describe("sessions, logout and password changes", () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
  });
  after(async () => {
    await api.close();
    await stopPasswordStrength();
  });

  /** A second, independent session of the same person (another device). */
  async function loginAgain(person: Persona, password = testPassword) {
    const token = assertOk(await api.client()<{ login: { token: string } }>(loginMutation, { e: person.email, p: password })).login.token;
    return { token, gql: api.client(`Bearer ${token}`) };
  }

  /** The control events published for `userId` from now on (listening before the action). */
  async function controlEvents(userId: string) {
    const events: UserAccessChanged[] = [];
    const stop = await api.pubsub.listen(controlTopics.user(userId), (payload) => events.push(payload as UserAccessChanged));
    return { events, stop };
  }

  it("answers signUp { user { memberships } } and login { user { memberships } } with the memberships and a token (defect 9)", async () => {
    const slug = uniqueSlug("payload");
    const email = `${slug}@example.test`;
    const selection = `token user { email memberships { role tenant { slug account { name } } } }`;
    const signUp = assertOk(
      await api.client()<{ signUp: { token: string; user: { memberships: unknown[] } } }>(`mutation($input: SignUpInput!) { signUp(input: $input) { ${selection} } }`, {
        input: { email, password: testPassword, name: "Pat", accountName: "Pat Co", tenantName: "Pat HQ", tenantSlug: slug },
      }),
    ).signUp;
    const expected = [{ role: "OWNER", tenant: { slug, account: { name: "Pat Co" } } }];
    assert.deepEqual(signUp.user.memberships, expected);
    assert.ok(signUp.token);
    const login = assertOk(
      await api.client()<{ login: { token: string; user: { memberships: unknown[] } } }>(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ${selection} } }`, {
        e: email,
        p: testPassword,
      }),
    ).login;
    assert.deepEqual(login.user.memberships, expected);
    assert.ok(login.token);
  });

  it("issues HS256 tokens that name their session and expire after JWT_TTL_SECONDS", async () => {
    const person = await signUpPersona(api, "claims");
    const claims = decodeJwt(person.token);
    assert.match(String(claims.sid), /^[0-9a-f-]{36}$/);
    assert.equal(claims.sub, person.userId);
    assert.ok(typeof claims.exp === "number" && typeof claims.iat === "number");
    assert.equal(claims.exp - claims.iat, api.config.jwtTtlSeconds);
    const second = await loginAgain(person);
    assert.notEqual(decodeJwt(second.token).sid, claims.sid, "each login is its own session");
  });

  it("refuses a correctly signed token without exp, and one signed with another algorithm", async () => {
    const person = await signUpPersona(api, "noexp");
    const { sid } = decodeJwt(person.token);
    const secret = new TextEncoder().encode(api.config.jwtSecret);
    const noExp = await new SignJWT({ sid }).setProtectedHeader({ alg: "HS256" }).setSubject(person.userId).setIssuer("qline").setIssuedAt().sign(secret);
    const hs512 = await new SignJWT({ sid }).setProtectedHeader({ alg: "HS512" }).setSubject(person.userId).setIssuer("qline").setExpirationTime("1h").sign(secret);
    const [header, payload] = person.token.split(".");
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${payload}.`;
    for (const token of [noExp, hs512, unsigned]) assertCode(await api.client(`Bearer ${token}`)(meQuery), "UNAUTHENTICATED");
    assert.ok(header, "the real token still works");
    assertOk(await person.gql(meQuery));
  });

  it("logout ends this session only: its token is refused, the same person's other session keeps working", async () => {
    const person = await signUpPersona(api, "logout");
    const laptop = await loginAgain(person);
    const { events, stop } = await controlEvents(person.userId);
    assert.deepEqual(assertOk(await person.gql(`mutation { logout }`)), { logout: true });
    const refused = await person.gql(meQuery);
    assertCode(refused, "UNAUTHENTICATED");
    assert.match(refused.errors![0]!.message, /session ended/i);
    assert.equal(assertOk(await laptop.gql<{ me: { id: string } }>(meQuery)).me.id, person.userId);
    stop();
    assert.deepEqual(events, [{ kind: "sessionsRevoked", userId: person.userId, sessionId: decodeJwt(person.token).sid }]);
  });

  it("logoutEverywhere ends every session of the caller and no one else's", async () => {
    const person = await signUpPersona(api, "everywhere");
    const laptop = await loginAgain(person);
    const stranger = await signUpPersona(api, "stranger");
    const { events, stop } = await controlEvents(person.userId);
    assertOk(await laptop.gql(`mutation { logoutEverywhere }`));
    assertCode(await person.gql(meQuery), "UNAUTHENTICATED");
    assertCode(await laptop.gql(meQuery), "UNAUTHENTICATED");
    assertOk(await stranger.gql(meQuery));
    stop();
    assert.deepEqual(events, [{ kind: "sessionsRevoked", userId: person.userId }]);
    // Signing in again opens a new, working session.
    assertOk(await (await loginAgain(person)).gql(meQuery));
  });

  it("publishes the revocation after it is committed: whoever hears it already finds the token refused", async () => {
    const person = await signUpPersona(api, "order");
    let seenByListener: Promise<string | undefined> | undefined;
    const stop = await api.pubsub.listen(controlTopics.user(person.userId), () => {
      seenByListener ??= person.gql(meQuery).then((res) => res.errors?.[0]?.extensions?.code);
    });
    assertOk(await person.gql(`mutation { logout }`));
    stop();
    assert.ok(seenByListener, "the event was published");
    assert.equal(await seenByListener, "UNAUTHENTICATED");
  });

  it("refuses logout and changePassword to anonymous callers and API keys", async () => {
    const owner = await signUpPersona(api, "keys");
    const key = assertOk(
      await owner.gql<{ createApiKey: { secret: string } }>(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "k", scopes: ["tenant:read"]) { secret } }`, { t: owner.tenantId }),
    ).createApiKey.secret;
    for (const gql of [api.client(), api.client(`ApiKey ${key}`)]) {
      assertCode(await gql(`mutation { logout }`), "UNAUTHENTICATED");
      assertCode(await gql(`mutation { logoutEverywhere }`), "UNAUTHENTICATED");
      assertCode(await gql(changePasswordMutation, { c: testPassword, n: "a-much-better-passphrase-7" }), "UNAUTHENTICATED");
    }
  });

  it("changePassword refuses a wrong current password and weak new ones, with advice, and changes nothing", async () => {
    const person = await signUpPersona(api, "weak");
    const wrong = await person.gql(changePasswordMutation, { c: "not-my-password-9", n: "a-much-better-passphrase-7" });
    assertCode(wrong, "BAD_USER_INPUT");
    assert.equal(wrong.errors![0]!.extensions!.fields![0]!.path, "currentPassword");
    for (const weak of ["Password12", "qwerty1234", person.email]) {
      const res = await person.gql(changePasswordMutation, { c: testPassword, n: weak });
      assertCode(res, "BAD_USER_INPUT");
      assert.equal(res.errors![0]!.extensions!.fields![0]!.path, "newPassword");
      assert.match(res.errors![0]!.message, /too easy to guess: \S/, "says why and what to do");
    }
    assertCode(await person.gql(changePasswordMutation, { c: testPassword, n: testPassword }), "BAD_USER_INPUT");
    assertOk(await person.gql(meQuery)); // the session survived every refusal
    assertOk(await api.client()(loginMutation, { e: person.email, p: testPassword }));
  });

  it("changePassword ends every old session (this one too) and answers with a working token for a new one", async () => {
    const person = await signUpPersona(api, "change");
    const laptop = await loginAgain(person);
    const newPassword = "violet-harbour-lantern-58";
    const { events, stop } = await controlEvents(person.userId);
    const changed = assertOk(await person.gql<{ changePassword: { token: string; user: { id: string } } }>(changePasswordMutation, { c: testPassword, n: newPassword })).changePassword;
    stop();
    assert.equal(changed.user.id, person.userId);
    assertCode(await person.gql(meQuery), "UNAUTHENTICATED");
    assertCode(await laptop.gql(meQuery), "UNAUTHENTICATED");
    assert.equal(assertOk(await api.client(`Bearer ${changed.token}`)<{ me: { id: string } }>(meQuery)).me.id, person.userId);
    assert.deepEqual(events, [{ kind: "sessionsRevoked", userId: person.userId, exceptSessionId: decodeJwt(changed.token).sid }]);
    assertCode(await api.client()(loginMutation, { e: person.email, p: testPassword }), "UNAUTHENTICATED");
    assertOk(await api.client()(loginMutation, { e: person.email, p: newPassword }));
  });
});
