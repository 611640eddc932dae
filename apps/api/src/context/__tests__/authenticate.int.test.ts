/**
 * Bearer tokens: the token's session and user are read on every request (nothing is cached, so revocation is
 * immediate), what they may do is read in each tenant transaction, and a token whose user or session does not
 * exist is refused every time.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { assertCode, assertOk, memberPersona, signUpPersona, startTestApi, type Persona, type TestApi } from "../../__tests__/harness.js";
import { signUserToken } from "../../modules/auth/tokens.js";
import { createLine } from "../../modules/tickets/__tests__/queue-fixtures.js";

const meQuery = `{ me { id } }`;

describe("authenticating a Bearer token", () => {
  let api: TestApi;
  let owner: Persona;

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "auth-cache");
  });
  after(() => api.close());

  it("accepts a known user's token on every request", async () => {
    for (let i = 0; i < 3; i++) assert.equal(assertOk(await owner.gql<{ me: { id: string } }>(meQuery)).me.id, owner.userId);
  });

  it("refuses a well-signed token of a user who does not exist, every time (unknown users are not remembered)", async () => {
    const token = await signUserToken({ userId: randomUUID(), sessionId: randomUUID() }, api.config.jwtSecret, new Date(Date.now() + 600_000));
    const stranger = api.client(`Bearer ${token}`);
    assertCode(await stranger(meQuery), "UNAUTHENTICATED");
    assertCode(await stranger(meQuery), "UNAUTHENTICATED");
  });

  it("refuses a well-signed token of a real user that names a session they never had", async () => {
    const token = await signUserToken({ userId: owner.userId, sessionId: randomUUID() }, api.config.jwtSecret, new Date(Date.now() + 600_000));
    assertCode(await api.client(`Bearer ${token}`)(meQuery), "UNAUTHENTICATED");
  });

  it("does not remember access: a member removed from a tenant loses it on the next request", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId);
    const staff = await memberPersona(api, owner, owner.tenantId, "STAFF");
    const lineQuery = `query($l: ID!) { line(id: $l) { id } }`;
    assert.equal(assertOk(await staff.gql<{ line: { id: string } }>(lineQuery, { l: lineId })).line.id, lineId);
    assertOk(await owner.gql(`mutation($t: ID!, $u: ID!) { removeMember(tenantId: $t, userId: $u) }`, { t: owner.tenantId, u: staff.userId }));
    assertCode(await staff.gql(lineQuery, { l: lineId }), "NOT_FOUND");
  });
});
