/**
 * Operability over the real server: one log line per GraphQL operation on both transports (and no secrets in
 * any line), metrics that move with operations, /metrics access rules, helmet's headers, offline GraphiQL.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildClientSchema, findBreakingChanges, findDangerousChanges, type IntrospectionQuery } from "graphql";
import { assertCode, assertOk, type GraphQLResponse, signUpPersona, startTestApi, testPassword, type Persona, type TestApi } from "../../__tests__/harness.js";
import { createLine, collect, clientPool, until } from "../../modules/tickets/__tests__/queue-fixtures.js";
import { buildQlineSchema } from "../../schema.js";
import { createLogger } from "../logger.js";

interface LogLine {
  msg: string;
  level: number;
  requestId?: string;
  transport?: string;
  operationName?: string | null;
  operationType?: string;
  tenantId?: string;
  actor?: { kind: string; id?: string };
  durationMs?: number;
  errorCodes?: string[];
}

describe("operability", () => {
  let api: TestApi;
  let owner: Persona;
  const raw: string[] = [];
  const lines = () => raw.map((l) => JSON.parse(l) as LogLine);
  const operationLines = () => lines().filter((l) => l.msg.startsWith("graphql operation"));
  const pool = clientPool(() => api);

  before(async () => {
    const redisUrl = process.env.REDIS_URL; // publishes through Redis when the suite runs against it
    api = await startTestApi({}, { logger: createLogger("info", { write: (line: string) => void raw.push(line) }), ...(redisUrl ? { redisUrl } : {}) });
    owner = await signUpPersona(api, "ops");
  });
  after(async () => {
    await pool.disposeAll();
    await api.close();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(api.server.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const metricsUrl = () => api.server.url.replace(/\/graphql$/, "/metrics");
  const metricsText = async () => {
    const res = await fetch(metricsUrl());
    assert.equal(res.status, 200);
    return res.text();
  };
  const eventually = async (what: string, check: () => Promise<boolean>, ms = 10_000) => {
    for (const deadline = Date.now() + ms; !(await check()); await new Promise((r) => setTimeout(r, 25))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    }
  };
  const sampleOf = (text: string, pattern: RegExp): number => Number(text.match(pattern)?.[1] ?? 0);

  describe("logs", () => {
    it("logs an HTTP operation with the client's request id (echoed), actor, tenant, type, duration and no error", async () => {
      const res = await post(
        { query: `query LinesOfTenant($tenantId: ID!) { tenant(id: $tenantId) { id } }`, operationName: "LinesOfTenant", variables: { tenantId: owner.tenantId } },
        { authorization: `Bearer ${owner.token}`, "x-request-id": "req-ops-1" },
      );
      assert.equal(res.headers.get("x-request-id"), "req-ops-1");
      assertOk((await res.json()) as GraphQLResponse);
      const line = operationLines().find((l) => l.requestId === "req-ops-1");
      assert.ok(line, "one line for the request");
      assert.equal(line.transport, "http");
      assert.equal(line.operationName, "LinesOfTenant");
      assert.equal(line.operationType, "query");
      assert.equal(line.tenantId, owner.tenantId);
      assert.deepEqual(line.actor, { kind: "user", id: owner.userId });
      assert.equal(typeof line.durationMs, "number");
      assert.deepEqual(line.errorCodes, []);
    });

    it("replaces an unusable request id with a generated one and logs error codes", async () => {
      const res = await post({ query: `{ nope }` }, { "x-request-id": "x".repeat(300) });
      const id = res.headers.get("x-request-id");
      assert.match(id ?? "", /^[0-9a-f-]{36}$/);
      const line = operationLines().find((l) => l.requestId === id);
      assert.deepEqual(line?.errorCodes, ["GRAPHQL_VALIDATION_FAILED"]);
      assert.deepEqual(line?.actor, { kind: "anonymous" });
    });

    it("logs WebSocket operations (query and subscription) with their own records", async () => {
      const lineId = await createLine(owner.gql, owner.tenantId);
      const ws = pool.open(`Bearer ${owner.token}`);
      const stream = collect(ws, `subscription Watch($l: ID!) { lineUpdated(lineId: $l) { kind } }`, { l: lineId });
      await stream.waitFor(1); // SUBSCRIBED: the subscription is live
      const result = await new Promise<unknown>((resolve, reject) => {
        let value: unknown;
        ws.subscribe({ query: `query WsMe { me { id } }` }, { next: (v) => (value = v), error: reject, complete: () => resolve(value) });
      });
      assert.deepEqual(result, { data: { me: { id: owner.userId } } });
      const wsLine = await until("the ws query's log line", () => operationLines().find((l) => l.transport === "ws" && l.operationName === "WsMe"));
      assert.equal(wsLine.operationType, "query");
      assert.deepEqual(wsLine.actor, { kind: "user", id: owner.userId });
      assert.deepEqual(wsLine.errorCodes, []);
      assert.equal(operationLines().filter((l) => l.operationName === "Watch").length, 0, "an open subscription is logged when it ends");
    });

    it("never writes a password, token or API key secret into a log line", async () => {
      const login = await post({ query: `mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, variables: { e: owner.email, p: testPassword } });
      const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
      const key = assertOk(
        await owner.gql<{ createApiKey: { secret: string } }>(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "logs", scopes: ["lines:read"]) { secret } }`, { t: owner.tenantId }),
      ).createApiKey.secret;
      assertOk(await api.client(`ApiKey ${key}`)(`{ __typename }`));
      assertCode(await api.client("Bearer not-a-token")(`{ __typename }`), "UNAUTHENTICATED");
      const all = raw.join("\n");
      for (const secret of [testPassword, token, owner.token, key, key.split("_").at(-1)!, "not-a-token"]) assert.ok(!all.includes(secret), `a log line contains a secret (${secret.slice(0, 6)}…)`);
      const keyLine = operationLines().find((l) => l.actor?.kind === "apiKey");
      assert.equal(keyLine?.tenantId, owner.tenantId, "an API key's operations are logged with its tenant");
    });
  });

  describe("metrics", () => {
    it("counts operations by name, type and outcome, and errors by code", async () => {
      const before = await metricsText();
      const okPattern = /qline_graphql_operation_duration_seconds_count\{operation="MetricsProbe",type="query",outcome="success",transport="http"\} (\d+)/;
      const errPattern = /qline_graphql_errors_total\{code="UNAUTHENTICATED",transport="http"\} (\d+)/;
      await owner.gql(`query MetricsProbe { me { id } }`);
      await owner.gql(`query MetricsProbe { me { id } }`);
      assertCode(await api.client("Bearer not-a-token")(`query MetricsProbeAnon { me { id } }`), "UNAUTHENTICATED");
      const afterText = await metricsText();
      assert.equal(sampleOf(afterText, okPattern) - sampleOf(before, okPattern), 2);
      assert.ok(sampleOf(afterText, errPattern) > sampleOf(before, errPattern), "UNAUTHENTICATED counted");
      assert.match(afterText, /qline_db_pool_connections\{state="total"\} \d+/);
      assert.match(afterText, /qline_ttl_job_lag_seconds \d/);
      assert.match(afterText, /process_cpu_user_seconds_total/, "default process metrics");
    });

    it("times publishes after a mutation and tracks open subscriptions", async () => {
      const publishes = /qline_pubsub_publish_duration_seconds_count\{outcome="success"\} (\d+)/;
      const open = /qline_graphql_open_subscriptions (\d+)/;
      const before = await metricsText();
      const lineId = await createLine(owner.gql, owner.tenantId, { name: "Metrics", prefix: "M" });
      const ws = pool.open(`Bearer ${owner.token}`);
      const received: unknown[] = [];
      const stop = ws.subscribe({ query: `subscription { lineUpdated(lineId: "${lineId}") { kind } }` }, { next: (v) => void received.push(v), error: () => undefined, complete: () => undefined });
      await until("SUBSCRIBED", () => (received.length > 0 ? true : undefined));
      assertOk(await owner.gql(`mutation($l: ID!) { issueTicket(input: { lineId: $l }) { id } }`, { l: lineId }));
      await until("the ISSUED event", () => (received.length > 1 ? true : undefined));
      const during = await metricsText();
      assert.ok(sampleOf(during, publishes) > sampleOf(before, publishes), "publishes timed");
      assert.equal(sampleOf(during, open) - sampleOf(before, open), 1, "one more open subscription");
      stop();
      await eventually("the closed subscription to leave the gauge", async () => sampleOf(await metricsText(), open) === sampleOf(before, open));
    });

    it("serves /metrics to loopback callers but not to requests relayed by a proxy", async () => {
      assert.equal((await fetch(metricsUrl())).status, 200);
      assert.equal((await fetch(metricsUrl(), { headers: { "x-forwarded-for": "203.0.113.9" } })).status, 403);
    });

    it("with METRICS_TOKEN requires the bearer token", async () => {
      const guarded = await startTestApi({ metricsToken: "metrics-token-for-tests" }, { ttlJob: false });
      try {
        const url = guarded.server.url.replace(/\/graphql$/, "/metrics");
        assert.equal((await fetch(url)).status, 401);
        assert.equal((await fetch(url, { headers: { authorization: "Bearer wrong-token-for-tests!!" } })).status, 401);
        const ok = await fetch(url, { headers: { authorization: "Bearer metrics-token-for-tests" } });
        assert.equal(ok.status, 200);
        assert.match(await ok.text(), /qline_graphql_operation_duration_seconds/);
      } finally {
        await guarded.close();
      }
    });
  });

  describe("HTTP headers and GraphiQL", () => {
    it("sends helmet's headers with a CSP that allows only this origin's scripts", async () => {
      const res = await fetch(api.server.url.replace(/\/graphql$/, "/healthz"));
      const csp = res.headers.get("content-security-policy") ?? "";
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /connect-src 'self'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers.get("x-content-type-options"), "nosniff");
      assert.equal(res.headers.get("x-frame-options"), "SAMEORIGIN");
      assert.equal(res.headers.get("x-powered-by"), null);
      const graphql = await post({ query: "{ __typename }" });
      assert.equal(graphql.headers.get("x-content-type-options"), "nosniff", "the GraphQL route too");
    });

    it("serves GraphiQL's page and every asset it loads from this server", async () => {
      const base = api.server.url.replace(/\/graphql$/, "/graphiql/");
      const page = await fetch(base);
      assert.equal(page.status, 200);
      const html = await page.text();
      const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      assert.ok(assets.length >= 5, `assets: ${assets.join(", ")}`);
      for (const asset of assets) {
        assert.doesNotMatch(asset, /^(https?:)?\/\//, `${asset} must be local`);
        const res = await fetch(new URL(asset, base));
        assert.equal(res.status, 200, asset);
        assert.ok((await res.arrayBuffer()).byteLength > 100, `${asset} has content`);
      }
      assert.equal((await fetch(new URL("vendor/package.json", base))).status, 404, "only the listed vendor files");
    });

    it("GraphiQL's introspection query passes the API's limits and yields the server's schema", async () => {
      const query = await (await fetch(api.server.url.replace(/\/graphql$/, "/graphiql/introspection.graphql"))).text();
      const data = assertOk(await api.client()<IntrospectionQuery>(query));
      const fromIntrospection = buildClientSchema(data);
      const server = await buildQlineSchema(api.pubsub);
      assert.deepEqual(findBreakingChanges(server, fromIntrospection), []);
      assert.deepEqual(findDangerousChanges(server, fromIntrospection), []);
      assert.deepEqual(findBreakingChanges(fromIntrospection, server), []);
    });
  });
});
