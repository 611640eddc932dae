import { PubSub } from "graphql-subscriptions";
import { RedisPubSub } from "graphql-redis-subscriptions";
import { Redis } from "ioredis";
import { liveStream, type LiveStreamOptions } from "./live-stream.js";
import { logger } from "../observability/logger.js";

/**
 * The publish/subscribe seam. Services call `publish` after their transaction commits; subscriptions `listen`.
 * In-process by default; Redis when REDIS_URL is set, so an event published on one API process reaches
 * subscribers on every other.
 */
export interface QlinePubSub {
  /**
   * Resolves to whether the event went out. It never rejects and never waits past the publish timeout: the row is
   * already committed, so a lost event is reported (log, metrics) and live streams catch up on recovery.
   */
  publish(topic: string, payload: unknown): Promise<boolean>;
  /**
   * Calls `onMessage` for every payload published on `topic` from the moment the returned promise resolves
   * (with Redis: once SUBSCRIBE is acknowledged), so a read made after it cannot miss a later event. Resolves
   * to the function that stops listening.
   */
  listen(topic: string, onMessage: (payload: unknown) => void): Promise<() => void>;
  /** `listen` as a bounded async iterator (see live-stream.ts); resolves once listening. */
  subscribe(topic: string, options?: LiveStreamOptions): Promise<AsyncIterableIterator<unknown>>;
  /**
   * Calls `listener` each time the event stream comes back after an outage (Redis reconnected and every topic
   * is listened to again): events published meanwhile were lost, so live streams re-read and push the current
   * state. Never called in memory. Returns the function that stops calling it.
   */
  onRecovered(listener: () => void): () => void;
  /** Resolves when events can flow (Redis answers within `timeoutMs`), rejects saying why otherwise. */
  check(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
  readonly kind: "memory" | "redis";
}

export interface PubSubOptions {
  /** Longest a publish may take before it is given up (REDIS_PUBLISH_TIMEOUT_MS). */
  publishTimeoutMs?: number;
  /** Where outages and recoveries are reported (one line each, not one per failed command). */
  log?: (message: string) => void;
}

export const DEFAULT_PUBLISH_TIMEOUT_MS = 500;

/** `promise`, or a rejection saying `what` timed out after `ms`; the timer never outlives the race. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** What both engines offer: subscribe resolves once the listener is registered. */
interface Engine {
  /** false: the event was dropped (already reported). */
  publish(topic: string, payload: unknown): Promise<boolean | void>;
  subscribe(topic: string, onMessage: (payload: unknown) => void): Promise<number>;
  unsubscribe(id: number): void;
}

function overEngine(kind: QlinePubSub["kind"], engine: Engine, rest: Pick<QlinePubSub, "close" | "onRecovered" | "check">): QlinePubSub {
  const listen = async (topic: string, onMessage: (payload: unknown) => void) => {
    const id = await engine.subscribe(topic, onMessage);
    let listening = true;
    return () => {
      if (!listening) return;
      listening = false;
      engine.unsubscribe(id);
    };
  };
  return {
    kind,
    publish: async (topic, payload) => (await engine.publish(topic, payload)) !== false,
    listen,
    async subscribe(topic, options) {
      const stream = liveStream<unknown>(options);
      stream.onReturn(await listen(topic, (payload) => stream.push(payload)));
      return stream.iterator;
    },
    ...rest,
  };
}

export function createPubSub(redisUrl: string | undefined, options: PubSubOptions = {}): QlinePubSub {
  if (!redisUrl) {
    const engine = new PubSub();
    return overEngine(
      "memory",
      {
        publish: (topic, payload) => engine.publish(topic, payload),
        subscribe: (topic, onMessage) => engine.subscribe(topic, onMessage),
        unsubscribe: (id) => engine.unsubscribe(id),
      },
      { close: async () => undefined, onRecovered: () => () => undefined, check: async () => undefined },
    );
  }
  return redisPubSub(redisUrl, options);
}

/**
 * Redis never decides a mutation's answer. The row is committed before anything is published, so a publish
 * that cannot happen is dropped (and reported), never awaited past `publishTimeoutMs`: the publisher fails
 * fast while disconnected (no offline queue, no retry, no late resend of stale events) and every publish is
 * raced against the timeout. The subscriber connection queues and re-subscribes on reconnect (ioredis does),
 * and once its SUBSCRIBEs are acknowledged `onRecovered` listeners run so live streams push the current state.
 */
function redisPubSub(redisUrl: string, { publishTimeoutMs = DEFAULT_PUBLISH_TIMEOUT_MS, log = (message) => logger.warn(message) }: PubSubOptions): QlinePubSub {
  const publisher = new Redis(redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: publishTimeoutMs,
  });
  const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const engine = new RedisPubSub({ publisher, subscriber });

  // One line when a connection goes down and one when it is back (ioredis emits an error per retry).
  const down = new Set<string>();
  for (const [name, connection] of [["publisher", publisher], ["subscriber", subscriber]] as const) {
    connection.on("error", (error: Error) => {
      if (down.has(name)) return;
      down.add(name);
      log(`pub/sub: Redis ${name} connection failed (${error.message}); retrying`);
    });
    connection.on("ready", () => {
      if (down.delete(name)) log(`pub/sub: Redis ${name} connection is back`);
    });
  }

  // The publisher has no offline queue: until its first connection is ready, a publish waits for it (bounded).
  const publisherReady = new Promise<void>((resolve) => publisher.once("ready", resolve));
  let publishFailing = false;
  const publish = async (topic: string, payload: unknown) => {
    try {
      await withTimeout(
        (async () => {
          if (publisher.status !== "ready") await publisherReady;
          await engine.publish(topic, payload);
        })(),
        publishTimeoutMs,
        "Redis publish",
      );
      if (publishFailing) log("pub/sub: publishing works again");
      publishFailing = false;
      return true;
    } catch (error) {
      if (!publishFailing) log(`pub/sub: publish failed (${error instanceof Error ? error.message : String(error)}); events are dropped until Redis is back`);
      publishFailing = true;
      return false;
    }
  };

  const recoveredListeners = new Set<() => void>();
  let subscriberReadyBefore = false;
  subscriber.on("ready", () => {
    if (!subscriberReadyBefore) {
      subscriberReadyBefore = true;
      return;
    }
    // ioredis emits "ready" and then re-sends SUBSCRIBE for every topic; a PING queued behind them is answered
    // only after they are all acknowledged, so a read made after it cannot miss a later event.
    process.nextTick(() => {
      subscriber.ping().then(
        () => {
          for (const listener of [...recoveredListeners]) listener();
        },
        () => undefined, // lost again before it was back: the next "ready" tries again
      );
    });
  });

  return overEngine(
    "redis",
    {
      publish,
      subscribe: (topic, onMessage) => engine.subscribe(topic, onMessage),
      unsubscribe: (id) => engine.unsubscribe(id),
    },
    {
      onRecovered(listener) {
        recoveredListeners.add(listener);
        return () => void recoveredListeners.delete(listener);
      },
      async check(timeoutMs) {
        if (subscriber.status !== "ready") throw new Error(`Redis subscriber connection is ${subscriber.status}`);
        await withTimeout(publisher.ping(), timeoutMs, "Redis PING");
      },
      // QUIT politely, but never wait on a Redis that is gone (a queued QUIT would wait for it forever).
      async close() {
        await Promise.allSettled([publisher, subscriber].map((connection) => withTimeout(connection.quit(), 1000, "Redis QUIT")));
        publisher.disconnect();
        subscriber.disconnect();
      },
    },
  );
}
