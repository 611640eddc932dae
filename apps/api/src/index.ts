export { startServer, type RunningServer, type ServerOptions } from "./server.js";
export { loadConfig, type Config } from "./env.js";
export { createPubSub, type QlinePubSub } from "./pubsub/pubsub.js";
export { createRateLimits } from "./rate-limits/plugin.js";
export { callerOf, type RateLimits } from "./rate-limits/rate-limits.js";
export { startDevSinks, type DevSinks, type SinkResponder } from "./modules/notifications/dev-sinks.js";
