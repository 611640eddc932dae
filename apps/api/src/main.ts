import { openDatabase } from "@qline/db";
import { seedDemo } from "./demo/seed.js";
import { loadConfig } from "./env.js";
import { logger } from "./observability/logger.js";
import { createPubSub } from "./pubsub/pubsub.js";
import { startServer, type RunningServer } from "./server.js";
import { ListenError } from "./lifecycle.js";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  databaseAppUrl: config.databaseAppUrl,
  appPassword: config.appDbPassword,
  dataDir: join(config.dataDir, "pglite"),
  onIdleClientError: (error) => logger.warn({ err: error }, "idle database client error (the pool replaces it)"),
  connectionWaitMs: config.dbConnectionWaitMs,
});
const pubsub = createPubSub(config.redisUrl, { publishTimeoutMs: config.redisPublishTimeoutMs });

/** Past SHUTDOWN_TIMEOUT_MS from the first call, the process exits 1 whatever is still pending. */
let forcedExit: NodeJS.Timeout | undefined;
function armForcedExit() {
  forcedExit ??= setTimeout(() => {
    logger.error({ shutdownTimeoutMs: config.shutdownTimeoutMs }, "did not stop in time; exiting");
    process.exit(1);
  }, config.shutdownTimeoutMs).unref();
}

/** Closes pub/sub and the database (bounded by the forced exit), then exits with `code`. */
async function exitAfterClosing(code: number): Promise<never> {
  armForcedExit();
  try {
    await pubsub.close();
    await database.close();
  } catch (error) {
    logger.error({ err: error }, "error while closing");
    code ||= 1;
  }
  process.exit(code);
}

let server: RunningServer;
try {
  server = await startServer({ config, database, pubsub });
} catch (error) {
  // One clear line (e.g. the port is taken), then a non-zero exit: never a process that runs without listening.
  if (error instanceof ListenError) logger.fatal(error.message);
  else logger.fatal({ err: error }, "cannot start");
  await exitAfterClosing(1);
  throw error; // unreachable: exitAfterClosing exits
}

/**
 * SIGTERM/SIGINT: stop the TTL job, drain HTTP, close every WebSocket with 1001, close pub/sub and the
 * database, exit 0 — or exit 1 past SHUTDOWN_TIMEOUT_MS. Apollo's own signal handler is off (server.ts), so
 * this is the only one.
 */
let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "draining connections");
  armForcedExit();
  try {
    await server.close();
  } catch (error) {
    logger.error({ err: error }, "error while draining");
    await exitAfterClosing(1);
  }
  await exitAfterClosing(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

logger.info(
  { url: server.url, wsUrl: server.wsUrl, graphiql: server.url.replace(/\/graphql$/, "/graphiql/"), database: database.driver === "pglite" ? `embedded PGlite in ${join(config.dataDir, "pglite")}` : "PostgreSQL", pubsub: pubsub.kind },
  "qline API listening",
);
// Web Push: on with keys from env or the data dir; off (and said so) in production without VAPID_* keys.
if (config.push.vapid) logger.info({ vapidKeys: config.push.vapidSource === "env" ? "VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY" : join(config.dataDir, "vapid-keys.json") }, "web push on");
else logger.warn("web push OFF: set VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT to send push notifications (docs/notifications.md)");
const sinks = server.notifications.devSinks;
if (sinks) {
  logger.info(
    { smtp: `smtp://${sinks.smtp.host}:${sinks.smtp.port}`, sms: `${sinks.twilio.baseUrl} (Twilio Messages API)`, mailbox: "admin → Notifications → Dev mailbox (the devMailbox query)" },
    "dev sinks: email and SMS are delivered to this local mailbox (QLINE_DEV_SINKS)",
  );
}
if (config.seedDemo) {
  const demo = await seedDemo(database.db, config, pubsub);
  // The device key is shown once at creation; keep it beside the embedded data so later starts can print it.
  const keyFile = join(config.dataDir, "demo-kiosk-key");
  if (demo.kioskKey) writeFileSync(keyFile, demo.kioskKey, { mode: 0o600 });
  const kioskKey = existsSync(keyFile) ? readFileSync(keyFile, "utf8").trim() : null;
  // The demo's own login and kiosk link, printed for the developer who started it (development data only).
  const place = `${config.publicUrl}/t/${demo.tenantSlug}`;
  logger.info(
    {
      demoLogin: `${demo.email} / ${demo.password}`,
      tenant: demo.tenantSlug,
      created: demo.created,
      admin: config.adminUrl,
      join: demo.joinLineId ? `${place}/join/${demo.joinLineId}` : `${place}/join`,
      kiosk: kioskKey ? `${place}/kiosk?key=${kioskKey}` : undefined,
      display: `${place}/display`,
      customer: `the QR code on each kiosk ticket opens ${config.publicUrl}/ticket/<code>`,
    },
    "demo data",
  );
}
