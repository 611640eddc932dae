/**
 * Preloaded into benchmark API processes (`node --import`): SIGTERM exits at once (after the V8 CPU profile
 * is written, when --cpu-prof is on) instead of draining, so teardown never waits on open sockets.
 */
process.once("SIGTERM", () => process.exit(0));
