/**
 * Password reset by email (a real SMTP server in the test): one answer for every address, a single-use link that
 * expires, the new password checked like any other, every session ended; budgets per address and per email.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { assertCode, assertOk, signUpPersona, startTestApi, testConfig, testPassword, type TestApi } from "../../../__tests__/harness.js";
import type { DevSinks } from "../../notifications/dev-sinks.js";
import { linkToken, mailsTo, platformMailTo, startMailbox } from "../../platform-mail/__tests__/mail-fixtures.js";

const request = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const reset = `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`;
const login = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
const newPassword = "violet-Harbour-lantern-93";

describe("password reset", () => {
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

  it("answers true for a login's address and for an unknown one; the first gets a link, the second a no-account note", async () => {
    const person = await signUpPersona(api, "known");
    const unknown = `unknown-${randomBytes(4).toString("hex")}@example.test`;
    const [a, b] = await Promise.all([api.client()(request, { e: person.email }), api.client()(request, { e: unknown })]);
    assert.deepEqual(assertOk(a), { requestPasswordReset: true });
    assert.deepEqual(assertOk(b), { requestPasswordReset: true });
    const [known] = await mailsTo(sinks, person.email);
    const [none] = await mailsTo(sinks, unknown);
    assert.equal(known!.subject, none!.subject);
    linkToken(known!, "reset-password");
    assert.match(none!.body, /no qline login with it/);
    assert.doesNotMatch(none!.body, /reset-password\//);
  });

  it("sets a strong new password once, ends every session, and the old password stops working", async () => {
    const person = await signUpPersona(api, "resetter");
    assertOk(await api.client()(request, { e: person.email.toUpperCase() }));
    const token = linkToken((await mailsTo(sinks, person.email))[0]!, "reset-password");

    assertCode(await api.client()(reset, { t: token, p: "password123" }), "BAD_USER_INPUT"); // weak: refused, link still good
    assertOk(await api.client()(reset, { t: token, p: newPassword }));
    assertCode(await person.gql(`{ me { id } }`), "UNAUTHENTICATED"); // the session from sign-up ended
    assertCode(await api.client()(login, { e: person.email, p: testPassword }), "UNAUTHENTICATED");
    assertOk(await api.client()(login, { e: person.email, p: newPassword }));
    assertCode(await api.client()(reset, { t: token, p: "another-Strong-passphrase-77" }), "BAD_USER_INPUT"); // single use
  });

  it("a newer reset kills nothing, but using one link kills the others", async () => {
    const person = await signUpPersona(api, "twice");
    assertOk(await api.client()(request, { e: person.email }));
    assertOk(await api.client()(request, { e: person.email }));
    const [first, second] = (await mailsTo(sinks, person.email, 2)).map((m) => linkToken(m, "reset-password"));
    assertOk(await api.client()(reset, { t: second!, p: newPassword }));
    assertCode(await api.client()(reset, { t: first!, p: "another-Strong-passphrase-77" }), "BAD_USER_INPUT");
  });

  it("refuses unknown and malformed tokens with the same answer", async () => {
    assertCode(await api.client()(reset, { t: "z".repeat(43), p: newPassword }), "BAD_USER_INPUT");
    assertCode(await api.client()(reset, { t: "nope", p: newPassword }), "BAD_USER_INPUT");
    assertCode(await api.client()(request, { e: "not-an-email" }), "BAD_USER_INPUT");
  });

  it("an expired link is refused", async () => {
    // A second API on the same database whose links expire as they are made (now() + 0 s).
    const expiring = await startTestApi(platformMailTo(sinks, { passwordResetTtlSeconds: 0 }), { database: api.database, platformMail: false });
    try {
      const person = await signUpPersona(expiring, "expired");
      assertOk(await expiring.client()(request, { e: person.email }));
      const token = linkToken((await mailsTo(sinks, person.email))[0]!, "reset-password"); // delivered by the first API's worker
      assertCode(await expiring.client()(reset, { t: token, p: newPassword }), "BAD_USER_INPUT");
      assertOk(await expiring.client()(login, { e: person.email, p: testPassword }));
    } finally {
      await expiring.close();
    }
  });

  it("per address: LIMIT_EXCEEDED past the budget; per email: the same answer, and no more mail", async () => {
    const base = testConfig().rateLimits;
    const limited = await startTestApi({ ...platformMailTo(sinks), rateLimits: { ...base, passwordResetPerEmailPerHour: 1, passwordResetPerIpPerHour: 4 } }, { database: api.database, platformMail: false });
    try {
      const person = await signUpPersona(limited, "limited");
      assertOk(await limited.client()(request, { e: person.email }));
      assert.deepEqual(assertOk(await limited.client()(request, { e: person.email })), { requestPasswordReset: true });
      // Fence: a later request for another address must arrive; by then a second mail to the first would have too.
      const fence = `fence-${randomBytes(4).toString("hex")}@example.test`;
      assertOk(await limited.client()(request, { e: fence }));
      await mailsTo(sinks, fence);
      assert.equal(sinks.messages().filter((m) => m.to === person.email).length, 1);
      assertOk(await limited.client()(request, { e: `x-${fence}` }));
      assertCode(await limited.client()(request, { e: `y-${fence}` }), "LIMIT_EXCEEDED");
    } finally {
      await limited.close();
    }
  });
});
