import type { QlinePubSub } from "../pubsub/pubsub.js";
import type { ApiMetrics } from "./metrics.js";

/**
 * The same pub/sub with every `publish` timed and its failures counted. Everything else is forwarded as it is
 * (a proxy, so members added to QlinePubSub later are forwarded too).
 */
export function instrumentPubSub(pubsub: QlinePubSub, metrics: Pick<ApiMetrics, "observePublish">): QlinePubSub {
  const publish: QlinePubSub["publish"] = async (topic, payload) => {
    const start = performance.now();
    const delivered = await pubsub.publish(topic, payload);
    metrics.observePublish(performance.now() - start, delivered);
    return delivered;
  };
  return new Proxy(pubsub, {
    get(target, property) {
      if (property === "publish") return publish;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
