import { openDatabase } from "@qline/db";
import { seedDemo } from "./demo/seed.js";
import { loadConfig } from "./env.js";
import { logger } from "./observability/logger.js";
import { createPubSub } from "./pubsub/pubsub.js";
import { startServer } from "./server.js";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  databaseAppUrl: config.databaseAppUrl,
  appPassword: config.appDbPassword,
  dataDir: join(config.dataDir, "pglite"),
  onIdleClientError: (error) => logger.warn({ err: error }, "idle database client error (the pool replaces it)"),
});
const pubsub = createPubSub(config.redisUrl);
const server = await startServer({ config, database, pubsub });

logger.info(
  { url: server.url, wsUrl: server.wsUrl, graphiql: server.url.replace(/\/graphql$/, "/graphiql/"), database: database.driver === "pglite" ? `embedded PGlite in ${join(config.dataDir, "pglite")}` : "PostgreSQL", pubsub: pubsub.kind },
  "qline API listening",
);
if (config.seedDemo) {
  const demo = await seedDemo(database.db, config, pubsub);
  // The device key is shown once at creation; keep it beside the embedded data so later starts can print it.
  const keyFile = join(config.dataDir, "demo-kiosk-key");
  if (demo.kioskKey) writeFileSync(keyFile, demo.kioskKey, { mode: 0o600 });
  const kioskKey = existsSync(keyFile) ? readFileSync(keyFile, "utf8").trim() : null;
  // The demo's own login and kiosk link, printed for the developer who started it (development data only).
  const place = config.publicUrl ? `${config.publicUrl}/t/${demo.tenantSlug}` : undefined;
  logger.info(
    {
      demoLogin: `${demo.email} / ${demo.password}`,
      tenant: demo.tenantSlug,
      created: demo.created,
      admin: config.adminUrl,
      kiosk: place && kioskKey ? `${place}/kiosk?key=${kioskKey}` : undefined,
      display: place ? `${place}/display` : undefined,
      customer: config.publicUrl ? `the QR code on each kiosk ticket opens ${config.publicUrl}/ticket/<code>` : undefined,
    },
    "demo data",
  );
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "draining connections");
  await server.close();
  await pubsub.close();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
