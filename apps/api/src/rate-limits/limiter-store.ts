/**
 * Where limiter counters live: Redis when REDIS_URL is set (shared by every API process), this process's memory
 * otherwise. A Redis limiter never blocks a request on Redis trouble: its own connection queues nothing while
 * disconnected, every call is bounded by a short timeout, and on any failure the same limit is decided from
 * memory (rate-limiter-flexible's `insuranceLimiter`), per process, until Redis answers again.
 */
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RLWrapperTimeouts, type RateLimiterRes } from "rate-limiter-flexible";
import { logger } from "../observability/logger.js";

export interface LimiterOptions {
  /** Unique per limiter: part of every key. */
  name: string;
  points: number;
  durationSeconds: number;
}

/** What the rest of the module needs from a limiter (RateLimiterAbstract and the timeout wrapper both fit). */
export interface Limiter {
  consume(key: string, points?: number): Promise<RateLimiterRes>;
  get(key: string): Promise<RateLimiterRes | null>;
  block(key: string, seconds: number): Promise<RateLimiterRes>;
  delete(key: string): Promise<boolean>;
  readonly points: number;
}

export interface LimiterStore {
  readonly kind: "memory" | "redis";
  limiter(options: LimiterOptions): Limiter;
  /** Resolves when the store can answer, or after `ms` (limits are then decided in memory until it can). */
  ready(ms: number): Promise<void>;
  close(): Promise<void>;
}

export function memoryLimiterStore(keyPrefix: string): LimiterStore {
  return {
    kind: "memory",
    limiter: ({ name, points, durationSeconds }) => new RateLimiterMemory({ keyPrefix: `${keyPrefix}:${name}`, points, duration: durationSeconds }),
    ready: async () => {},
    close: async () => {},
  };
}

export function redisLimiterStore(redisUrl: string, keyPrefix: string, timeoutMs: number): LimiterStore {
  const client = new Redis(redisUrl, {
    // Never queue a limiter call behind a dead connection: fail at once and let the insurance limiter decide.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    lazyConnect: false,
  });
  let lastError = "";
  client.on("error", (error: Error) => {
    // Handled (no "Unhandled error event"); logged once per distinct message so an outage does not flood logs.
    if (error.message !== lastError) logger.warn({ err: error }, "rate limits: Redis connection error (counting in memory meanwhile)");
    lastError = error.message;
  });
  client.on("ready", () => (lastError = ""));
  return {
    kind: "redis",
    limiter: ({ name, points, durationSeconds }) => {
      const keyPrefixed = `${keyPrefix}:${name}`;
      const insuranceLimiter = new RateLimiterMemory({ keyPrefix: keyPrefixed, points, duration: durationSeconds });
      const redis = new RateLimiterRedis({
        storeClient: client,
        keyPrefix: keyPrefixed,
        points,
        duration: durationSeconds,
        rejectIfRedisNotReady: true,
        insuranceLimiter,
      });
      const bounded = new RLWrapperTimeouts({ limiter: redis, timeoutMs, insuranceLimiter });
      return withPoints(bounded, points); // the wrapper's own `points` is 0: it only forwards
    },
    ready: (ms) =>
      new Promise<void>((resolve) => {
        if (client.status === "ready") return resolve();
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          client.off("ready", done);
          resolve();
        }
        client.once("ready", done);
      }),
    close: async () => {
      client.disconnect();
    },
  };
}

function withPoints(limiter: Limiter, points: number): Limiter {
  return {
    consume: (key, n) => limiter.consume(key, n),
    get: (key) => limiter.get(key),
    block: (key, seconds) => limiter.block(key, seconds),
    delete: (key) => limiter.delete(key),
    points,
  };
}
