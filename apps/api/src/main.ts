import { openDatabase } from "@qline/db";
import { seedDemo } from "./demo/seed.js";
import { loadConfig } from "./env.js";
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
  connectionWaitMs: config.dbConnectionWaitMs,
});
const pubsub = createPubSub(config.redisUrl);
const server = await startServer({ config, database, pubsub });

console.log(`qline API   ${server.url}  (database: ${database.driver === "pglite" ? `embedded PGlite in ${join(config.dataDir, "pglite")}` : "PostgreSQL"}, pub/sub: ${pubsub.kind})`);
console.log(`WebSocket   ${server.wsUrl}`);
if (config.seedDemo) {
  const demo = await seedDemo(database.db, config, pubsub);
  // The device key is shown once at creation; keep it beside the embedded data so later starts can print it.
  const keyFile = join(config.dataDir, "demo-kiosk-key");
  if (demo.kioskKey) writeFileSync(keyFile, demo.kioskKey, { mode: 0o600 });
  const kioskKey = existsSync(keyFile) ? readFileSync(keyFile, "utf8").trim() : null;
  console.log(`Demo login  ${demo.email} / ${demo.password}  (tenant "${demo.tenantSlug}"${demo.created ? ", just created" : ""})`);
  if (config.adminUrl) console.log(`Admin       ${config.adminUrl}`);
  if (config.publicUrl) {
    const place = `${config.publicUrl}/t/${demo.tenantSlug}`;
    if (kioskKey) console.log(`Kiosk       ${place}/kiosk?key=${kioskKey}`);
    console.log(`Display     ${place}/display`);
    console.log(`Customer    the QR code on each kiosk ticket opens ${config.publicUrl}/ticket/<code>`);
  }
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: draining connections...`);
  await server.close();
  await pubsub.close();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
