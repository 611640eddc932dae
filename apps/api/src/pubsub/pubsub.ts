import { PubSub } from "graphql-subscriptions";
import { RedisPubSub } from "graphql-redis-subscriptions";
import { Redis } from "ioredis";
import { liveStream, type LiveStreamOptions } from "./live-stream.js";

/**
 * The publish/subscribe seam. Services call `publish` after their transaction commits; subscriptions `listen`.
 * In-process by default; Redis when REDIS_URL is set, so an event published on one API process reaches
 * subscribers on every other.
 */
export interface QlinePubSub {
  publish(topic: string, payload: unknown): Promise<void>;
  /**
   * Calls `onMessage` for every payload published on `topic` from the moment the returned promise resolves
   * (with Redis: once SUBSCRIBE is acknowledged), so a read made after it cannot miss a later event. Resolves
   * to the function that stops listening.
   */
  listen(topic: string, onMessage: (payload: unknown) => void): Promise<() => void>;
  /** `listen` as a bounded async iterator (see live-stream.ts); resolves once listening. */
  subscribe(topic: string, options?: LiveStreamOptions): Promise<AsyncIterableIterator<unknown>>;
  close(): Promise<void>;
  readonly kind: "memory" | "redis";
}

/** What both engines offer: subscribe resolves once the listener is registered. */
interface Engine {
  publish(topic: string, payload: unknown): Promise<void>;
  subscribe(topic: string, onMessage: (payload: unknown) => void): Promise<number>;
  unsubscribe(id: number): void;
}

function overEngine(kind: QlinePubSub["kind"], engine: Engine, close: () => Promise<void>): QlinePubSub {
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
    publish: (topic, payload) => engine.publish(topic, payload),
    listen,
    async subscribe(topic, options) {
      const stream = liveStream<unknown>(options);
      stream.onReturn(await listen(topic, (payload) => stream.push(payload)));
      return stream.iterator;
    },
    close,
  };
}

export function createPubSub(redisUrl: string | undefined): QlinePubSub {
  if (!redisUrl) {
    const engine = new PubSub();
    return overEngine(
      "memory",
      {
        publish: (topic, payload) => engine.publish(topic, payload),
        subscribe: (topic, onMessage) => engine.subscribe(topic, onMessage),
        unsubscribe: (id) => engine.unsubscribe(id),
      },
      async () => undefined,
    );
  }
  const options = { maxRetriesPerRequest: null, lazyConnect: false };
  const publisher = new Redis(redisUrl, options);
  const subscriber = new Redis(redisUrl, options);
  const engine = new RedisPubSub({ publisher, subscriber });
  return overEngine(
    "redis",
    {
      publish: async (topic, payload) => {
        await engine.publish(topic, payload);
      },
      subscribe: (topic, onMessage) => engine.subscribe(topic, onMessage),
      unsubscribe: (id) => engine.unsubscribe(id),
    },
    async () => {
      await engine.close();
    },
  );
}
