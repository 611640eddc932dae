/**
 * HTTP and WebSocket share one context builder: the same credentials give the same actor on both, and a bad
 * credential closes the socket instead of silently becoming anonymous.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { assertOk, signUpPersona, startTestApi, type Persona, type TestApi } from "./harness.js";

function wsClient(api: TestApi, authorization?: string): Client {
  return createClient({
    url: api.server.wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: authorization ? { authorization } : {},
  });
}

async function once(client: Client, query: string): Promise<{ data?: unknown; errors?: unknown }> {
  const iterator = client.iterate({ query });
  const { value } = await iterator.next();
  await iterator.return?.();
  return value as { data?: unknown; errors?: unknown };
}

describe("graphql-ws authentication", () => {
  let api: TestApi;
  let owner: Persona;
  const clients: Client[] = [];

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "socket");
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await api.close();
  });

  it("builds the same actor from connectionParams.authorization as from the HTTP header", async () => {
    const client = wsClient(api, `Bearer ${owner.token}`);
    clients.push(client);
    const result = await once(client, `{ me { id } }`);
    assert.deepEqual(result, { data: { me: { id: owner.userId } } });
    const key = assertOk(await owner.gql(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "ws", scopes: ["tenant:read"]) { secret } }`, { t: owner.tenantId }));
    const device = wsClient(api, `ApiKey ${key.createApiKey.secret}`);
    clients.push(device);
    const tenant = await once(device, `{ tenant(id: "${owner.tenantId}") { id } }`);
    assert.deepEqual(tenant, { data: { tenant: { id: owner.tenantId } } });
  });

  it("is anonymous without credentials, with typed errors for protected fields", async () => {
    const client = wsClient(api);
    clients.push(client);
    const result = (await once(client, `{ tenant(id: "${owner.tenantId}") { id } }`)) as { errors: { extensions: { code: string } }[] };
    assert.equal(result.errors[0]!.extensions.code, "UNAUTHENTICATED");
  });

  it("closes the connection with 4403 for a forged credential", async () => {
    const client = wsClient(api, "Bearer forged.token.value");
    clients.push(client);
    await assert.rejects(once(client, `{ me { id } }`), (error: unknown) => (error as { code?: number }).code === 4403);
  });
});
