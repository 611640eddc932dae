import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { limits } from "../limits.js";
import { assertCode, assertOk, signUpPersona, startTestApi, type Persona, type TestApi } from "./harness.js";

describe("request limits, over HTTP and WebSocket", () => {
  let api: TestApi;
  let owner: Persona;
  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "limits");
  });
  after(() => api.close());

  const nested = (depth: number) => `{ tenant(id: "ID") ${"{ children ".repeat(depth - 2)}{ id }${" }".repeat(depth - 2)} }`;

  it("refuses queries deeper than the limit with LIMIT_EXCEEDED, and allows the limit itself", async () => {
    assertOk(await owner.gql(nested(limits.maxDepth).replace("ID", owner.tenantId)));
    assertCode(await owner.gql(nested(limits.maxDepth + 1).replace("ID", owner.tenantId)), "LIMIT_EXCEEDED");
  });

  it("refuses more aliases than the limit with LIMIT_EXCEEDED", async () => {
    const many = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(" ")} }`;
    assertOk(await owner.gql(many(limits.maxAliases)));
    assertCode(await owner.gql(many(limits.maxAliases + 1)), "LIMIT_EXCEEDED");
  });

  it("applies the same rules to operations over graphql-ws", async () => {
    const client = createClient({ url: api.server.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${owner.token}` } });
    try {
      const iterator = client.iterate({ query: nested(limits.maxDepth + 1).replace("ID", owner.tenantId) });
      await assert.rejects(iterator.next(), (errors: unknown) => Array.isArray(errors) && errors[0]?.extensions?.code === "LIMIT_EXCEEDED");
      const ok = client.iterate({ query: `{ me { id } }` });
      assert.deepEqual((await ok.next()).value, { data: { me: { id: owner.userId } } });
    } finally {
      await client.dispose();
    }
  });
});
