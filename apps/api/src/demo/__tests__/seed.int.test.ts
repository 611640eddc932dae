import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertOk, startTestApi, type TestApi } from "../../__tests__/harness.js";
import { demoLogin, seedDemo } from "../seed.js";

describe("demo seed", () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
  });
  after(() => api.close());

  it("creates the demo chain once, and finds it on the next start", async () => {
    const first = await seedDemo(api.database.db, api.config, api.pubsub);
    const second = await seedDemo(api.database.db, api.config, api.pubsub);
    assert.deepEqual([first.created, second.created], [true, false]);
    const login = assertOk(await api.client()(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: demoLogin.email, p: demoLogin.password }));
    const me = assertOk(await api.client(`Bearer ${login.login.token}`)(`{ me { memberships { role tenant { slug children { slug } } } } }`));
    assert.deepEqual(me.me.memberships, [{ role: "OWNER", tenant: { slug: "demo-coffee", children: [{ slug: "demo-coffee-downtown" }, { slug: "demo-coffee-harbour" }] } }]);
  });
});
