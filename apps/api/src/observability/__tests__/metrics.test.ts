import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createPubSub } from "../../pubsub/pubsub.js";
import { instrumentPubSub } from "../instrument-pubsub.js";
import { countRateLimitRefusal, createMetrics, maxOperationNames, metricsAccess } from "../metrics.js";
import { createLogger, requestIdFrom } from "../logger.js";

/** prom-client's values carry the sample name (histograms: _bucket/_sum/_count) though its types omit it. */
const isCount = (v: object) => ((v as { metricName?: string }).metricName ?? "").endsWith("_count");
const idleStats = () => ({ total: 1, idle: 1, waiting: 0, max: 1 });
const local = { remoteAddress: "127.0.0.1", authorization: undefined, forwarded: false };

async function sample(metrics: ReturnType<typeof createMetrics>, name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const metric = await metrics.registry.getSingleMetric(name)?.get();
  const found = metric?.values.find((v) => Object.entries(labels).every(([k, value]) => v.labels[k] === value) && (!name.endsWith("_seconds") || isCount(v)));
  return found?.value;
}

describe("metricsAccess: who may read /metrics", () => {
  it("without METRICS_TOKEN allows direct loopback callers (IPv4, IPv6, IPv4-mapped) only", () => {
    for (const remoteAddress of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) assert.equal(metricsAccess({ ...local, remoteAddress }, undefined), "allow", remoteAddress);
    for (const remoteAddress of ["10.0.0.4", "192.168.1.2", "::ffff:10.0.0.1", "2001:db8::1", undefined]) assert.equal(metricsAccess({ ...local, remoteAddress }, undefined), "forbidden", String(remoteAddress));
  });

  it("refuses a loopback request relayed by a proxy (X-Forwarded-For / Forwarded)", () => {
    assert.equal(metricsAccess({ ...local, forwarded: true }, undefined), "forbidden");
  });

  it("with METRICS_TOKEN requires exactly that bearer token, from any address", () => {
    assert.equal(metricsAccess({ remoteAddress: "10.0.0.4", authorization: "Bearer s3cret-token", forwarded: true }, "s3cret-token"), "allow");
    assert.equal(metricsAccess({ ...local }, "s3cret-token"), "unauthorized", "loopback alone is not enough once a token is set");
    assert.equal(metricsAccess({ ...local, authorization: "Bearer s3cret-tokeX" }, "s3cret-token"), "unauthorized");
    assert.equal(metricsAccess({ ...local, authorization: "s3cret-token" }, "s3cret-token"), "unauthorized");
  });
});

describe("createMetrics", () => {
  it("bounds the operation-name label: invalid names and names past the cap are grouped", async () => {
    const metrics = createMetrics({ poolStats: idleStats });
    const op = { type: "query", transport: "http" as const, durationMs: 3, errorCodes: [] };
    for (let i = 0; i < maxOperationNames + 50; i++) metrics.observeOperation({ ...op, name: `Op${i}` });
    metrics.observeOperation({ ...op, name: "bad name {}" });
    metrics.observeOperation({ ...op, name: null });
    const values = (await metrics.registry.getSingleMetric("qline_graphql_operation_duration_seconds")!.get()).values.filter(isCount);
    const byName = new Map(values.map((v) => [v.labels.operation, v.value]));
    assert.equal(byName.size, maxOperationNames + 3); // the first 200 names, "other", "invalid", "anonymous"
    assert.equal(byName.get("other"), 50);
    assert.equal(byName.get("invalid"), 1);
    assert.equal(byName.get("anonymous"), 1);
  });

  it("counts errors by code and outcome by operation", async () => {
    const metrics = createMetrics({ poolStats: idleStats });
    metrics.observeOperation({ name: "Login", type: "mutation", transport: "http", durationMs: 12, errorCodes: ["UNAUTHENTICATED"] });
    assert.equal(await sample(metrics, "qline_graphql_operation_duration_seconds", { operation: "Login", outcome: "error" }), 1);
    assert.equal(await sample(metrics, "qline_graphql_errors_total", { code: "UNAUTHENTICATED", transport: "http" }), 1);
  });

  it("reads pool use at scrape time", async () => {
    let waiting = 0;
    const metrics = createMetrics({ poolStats: () => ({ total: 10, idle: 0, waiting, max: 10 }) });
    waiting = 7;
    const text = await metrics.registry.metrics();
    assert.match(text, /qline_db_pool_connections\{state="waiting"\} 7/);
    assert.match(text, /qline_db_pool_connections\{state="total"\} 10/);
  });

  it("reports TTL job lag as the time since the last poll ended (since start before the first poll)", async () => {
    let now = 1_000_000;
    const metrics = createMetrics({ poolStats: idleStats, now: () => now });
    now += 30_000;
    assert.match(await metrics.registry.metrics(), /qline_ttl_job_lag_seconds 30\n/, "no poll yet: the lag grows from the start");
    metrics.observeTtlPoll({ durationMs: 40, actions: 3, failures: 1, failed: false });
    now += 7_500;
    const text = await metrics.registry.metrics();
    assert.match(text, /qline_ttl_job_lag_seconds 7.5/);
    assert.match(text, /qline_ttl_job_actions_total 3/);
    assert.match(text, /qline_ttl_job_failures_total 1/);
  });

  it("counts notification attempts by channel and outcome", async () => {
    const metrics = createMetrics({ poolStats: idleStats });
    metrics.observeNotification("SMS", "SENT");
    metrics.observeNotification("SMS", "SENT");
    metrics.observeNotification("EMAIL", "DEAD");
    const text = await metrics.registry.metrics();
    assert.match(text, /qline_notifications_total\{channel="SMS",status="SENT"\} 2/);
    assert.match(text, /qline_notifications_total\{channel="EMAIL",status="DEAD"\} 1/);
  });

  it("exposes the process-wide rate-limit refusal counter in every server's registry", async () => {
    const a = createMetrics({ poolStats: idleStats });
    const b = createMetrics({ poolStats: idleStats });
    const before = (await sample(a, "qline_rate_limit_refusals_total", { limiter: "unit-test" })) ?? 0;
    countRateLimitRefusal("unit-test");
    countRateLimitRefusal("unit-test");
    assert.equal(await sample(a, "qline_rate_limit_refusals_total", { limiter: "unit-test" }), before + 2);
    assert.equal(await sample(b, "qline_rate_limit_refusals_total", { limiter: "unit-test" }), before + 2);
  });
});

describe("instrumentPubSub", () => {
  it("times publishes, counts dropped events, and forwards every other member", async () => {
    const metrics = createMetrics({ poolStats: idleStats });
    const inner = createPubSub(undefined);
    const pubsub = instrumentPubSub(inner, metrics);
    assert.equal(pubsub.kind, "memory");
    const received: unknown[] = [];
    const stop = await pubsub.listen("t", (payload) => received.push(payload));
    await pubsub.publish("t", { n: 1 });
    assert.deepEqual(received, [{ n: 1 }]);
    stop();
    assert.equal(await sample(metrics, "qline_pubsub_publish_duration_seconds", { outcome: "success" }), 1);

    // A publish Redis could not take resolves false (it never rejects: the change is already committed).
    const failing = instrumentPubSub({ ...inner, publish: async () => false }, metrics);
    assert.equal(await failing.publish("t", {}), false);
    assert.equal(await sample(metrics, "qline_pubsub_publish_failures_total"), 1);
    assert.equal(await sample(metrics, "qline_pubsub_publish_duration_seconds", { outcome: "error" }), 1);
  });
});

describe("requestIdFrom", () => {
  it("keeps a sane client id and replaces anything else with a UUID", () => {
    assert.equal(requestIdFrom("req-42.a_b:c"), "req-42.a_b:c");
    for (const bad of [undefined, "", "has space", "x".repeat(129), "new\nline", "<script>"]) assert.match(requestIdFrom(bad), /^[0-9a-f-]{36}$/, String(bad));
  });
});

describe("createLogger", () => {
  it("keeps a failed query's parameters and secret-named fields out of the line", () => {
    const lines: string[] = [];
    const log = createLogger("info", { write: (line: string) => void lines.push(line) });
    const failed = new Error("Failed query: select * from users where email = $1\nparams: someone@example.test,hunter2-password", { cause: new Error("invalid byte sequence") });
    log.error({ err: failed, password: "hunter2-password", input: { token: "tok-123" } }, "unexpected error");
    const line = lines.join("");
    assert.doesNotMatch(line, /hunter2|tok-123|someone@example/);
    assert.match(line, /Failed query: select \* from users/);
    assert.match(line, /invalid byte sequence/);
  });
});
