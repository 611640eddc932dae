/**
 * Prometheus metrics (prom-client). Each server has its own Registry, so tests that start several servers in one
 * process never collide; the one process-wide metric is the rate-limit refusal counter, which the limiters call
 * through `countRateLimitRefusal` without a server at hand and which every server's registry exposes.
 *
 * Label values are bounded: operation names are client-chosen, so only names that look like GraphQL names are
 * used, and past `maxOperationNames` distinct ones the rest count as "other" (a client cannot grow the registry).
 */
import { timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { PoolStats } from "@qline/db";

export const maxOperationNames = 200;

const rateLimitRefusals = new Counter({
  name: "qline_rate_limit_refusals_total",
  help: "Requests refused by a rate limiter (LIMIT_EXCEEDED), by limiter name; process-wide",
  labelNames: ["limiter"] as const,
  registers: [],
});

/** Called by the rate limiters on every refusal (`limiter` is the limiter's fixed name, e.g. "login-ip"). */
export function countRateLimitRefusal(limiter: string): void {
  rateLimitRefusals.inc({ limiter });
}

export type Transport = "http" | "ws";

export interface OperationRecord {
  /** The operation's name as sent (null: anonymous or not parsed). */
  name: string | null;
  /** query | mutation | subscription | unknown (did not parse or validate). */
  type: string;
  transport: Transport;
  durationMs: number;
  /** `extensions.code` of each error in the response (empty: success). */
  errorCodes: readonly string[];
}

export interface TtlPollOutcome {
  durationMs: number;
  actions: number;
  failures: number;
  /** The poll as a whole failed (claim query). */
  failed: boolean;
}

export interface ApiMetrics {
  readonly registry: Registry;
  observeOperation(operation: OperationRecord): void;
  observePublish(durationMs: number, ok: boolean): void;
  subscriptionOpened(): void;
  subscriptionClosed(): void;
  observeTtlPoll(outcome: TtlPollOutcome): void;
  /** One delivery attempt of a notification settled (or was skipped): SENT, RETRYING, DEAD, SKIPPED. */
  observeNotification(channel: string, status: string): void;
}

export interface MetricsSources {
  poolStats(): PoolStats;
  now?: () => number;
}

const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(sources: MetricsSources): ApiMetrics {
  const registry = new Registry();
  const registers = [registry];
  const now = sources.now ?? Date.now;
  collectDefaultMetrics({ register: registry });
  registry.registerMetric(rateLimitRefusals);

  const operations = new Histogram({
    name: "qline_graphql_operation_duration_seconds",
    help: "GraphQL operations (HTTP requests; WebSocket operations from subscribe to complete), by name, type, outcome and transport",
    labelNames: ["operation", "type", "outcome", "transport"] as const,
    buckets: durationBuckets,
    registers,
  });
  const errors = new Counter({
    name: "qline_graphql_errors_total",
    help: "Errors returned to clients, by extensions.code",
    labelNames: ["code", "transport"] as const,
    registers,
  });
  const openSubscriptions = new Gauge({ name: "qline_graphql_open_subscriptions", help: "Subscriptions open on this process", registers });
  new Gauge({
    name: "qline_db_pool_connections",
    help: "Database connections by state: total, idle, waiting (callers queued for a connection), max",
    labelNames: ["state"] as const,
    registers,
    collect() {
      const stats = sources.poolStats();
      this.set({ state: "total" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
      this.set({ state: "max" }, stats.max);
    },
  });
  const publishes = new Histogram({
    name: "qline_pubsub_publish_duration_seconds",
    help: "Time to publish one event (Redis round trip, or in-process delivery), by outcome",
    labelNames: ["outcome"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers,
  });
  const publishFailures = new Counter({ name: "qline_pubsub_publish_failures_total", help: "Publishes that failed or timed out", registers });

  // Counted from the server's start, so a job that never completes a poll shows a growing lag.
  let lastPollEnd = now();
  new Gauge({
    name: "qline_ttl_job_lag_seconds",
    help: "Seconds since the TTL job last finished a poll, or since start (healthy: below its poll interval plus one poll's duration)",
    registers,
    collect() {
      this.set((now() - lastPollEnd) / 1000);
    },
  });
  const ttlPolls = new Histogram({ name: "qline_ttl_job_poll_duration_seconds", help: "Duration of one TTL job poll", labelNames: ["outcome"] as const, buckets: durationBuckets, registers });
  const ttlActions = new Counter({ name: "qline_ttl_job_actions_total", help: "Deadlines acted on (escalations, expiries, no-shows)", registers });
  const notificationOutcomes = new Counter({
    name: "qline_notifications_total",
    help: "Notification delivery attempts by channel and outcome (SENT, RETRYING, DEAD, SKIPPED)",
    labelNames: ["channel", "status"] as const,
    registers,
  });
  const ttlFailures = new Counter({ name: "qline_ttl_job_failures_total", help: "Deadline actions or polls that failed (retried after their lease)", registers });

  const names = new Set<string>();
  const operationLabel = (name: string | null): string => {
    if (!name) return "anonymous";
    if (!/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return "invalid";
    if (names.has(name)) return name;
    if (names.size >= maxOperationNames) return "other";
    names.add(name);
    return name;
  };

  return {
    registry,
    observeOperation(operation) {
      const outcome = operation.errorCodes.length === 0 ? "success" : "error";
      operations.observe({ operation: operationLabel(operation.name), type: operation.type, outcome, transport: operation.transport }, operation.durationMs / 1000);
      for (const code of new Set(operation.errorCodes)) errors.inc({ code: /^[A-Z_]{1,64}$/.test(code) ? code : "OTHER", transport: operation.transport });
    },
    observePublish(durationMs, ok) {
      publishes.observe({ outcome: ok ? "success" : "error" }, durationMs / 1000);
      if (!ok) publishFailures.inc();
    },
    subscriptionOpened: () => openSubscriptions.inc(),
    subscriptionClosed: () => openSubscriptions.dec(),
    observeTtlPoll(outcome) {
      lastPollEnd = now();
      ttlPolls.observe({ outcome: outcome.failed ? "error" : "success" }, outcome.durationMs / 1000);
      ttlActions.inc(outcome.actions);
      ttlFailures.inc(outcome.failures + (outcome.failed ? 1 : 0));
    },
    observeNotification(channel, status) {
      notificationOutcomes.inc({ channel, status });
    },
  };
}

export type MetricsAccess = "allow" | "unauthorized" | "forbidden";

const loopback = (address: string | undefined): boolean => {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  return v4 === "::1" || (isIP(v4) === 4 && v4.startsWith("127."));
};

/**
 * Who may read /metrics: with METRICS_TOKEN set, only `Authorization: Bearer <token>`; without it, only direct
 * loopback callers. A request a proxy relayed (X-Forwarded-For / Forwarded) is not local even if the proxy is.
 */
export function metricsAccess(
  request: { remoteAddress: string | undefined; authorization: string | undefined; forwarded: boolean },
  token: string | undefined,
): MetricsAccess {
  if (token) {
    const given = Buffer.from(request.authorization?.startsWith("Bearer ") ? request.authorization.slice(7) : "");
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected) ? "allow" : "unauthorized";
  }
  return loopback(request.remoteAddress) && !request.forwarded ? "allow" : "forbidden";
}
