import { PubSub } from "graphql-subscriptions";
import { RedisPubSub } from "graphql-redis-subscriptions";
import { Redis } from "ioredis";

/**
 * The publish/subscribe seam. type-graphql calls `subscribe` for `@Subscription({ topics })`; services call
 * `publish` after their transaction commits. In-process by default; Redis when REDIS_URL is set, so an event
 * published on one API process reaches subscribers on every other.
 */
export interface QlinePubSub {
  publish(topic: string, payload: unknown): Promise<void>;
  subscribe(topic: string): AsyncIterableIterator<unknown>;
  close(): Promise<void>;
  readonly kind: "memory" | "redis";
}

export function createPubSub(redisUrl: string | undefined): QlinePubSub {
  if (!redisUrl) {
    const engine = new PubSub();
    return {
      kind: "memory",
      publish: (topic, payload) => engine.publish(topic, payload),
      subscribe: (topic) => engine.asyncIterableIterator<unknown>(topic),
      close: async () => undefined,
    };
  }
  const options = { maxRetriesPerRequest: null, lazyConnect: false };
  const publisher = new Redis(redisUrl, options);
  const subscriber = new Redis(redisUrl, options);
  const engine = new RedisPubSub({ publisher, subscriber });
  return {
    kind: "redis",
    publish: (topic, payload) => engine.publish(topic, payload),
    subscribe: (topic) => engine.asyncIterator<unknown>(topic),
    async close() {
      await engine.close();
    },
  };
}
