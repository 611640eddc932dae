import { openDatabase } from "@qline/db";
import { seedDemo } from "./demo/seed.js";
import { loadConfig } from "./env.js";
import { createPubSub } from "./pubsub/pubsub.js";
import { startServer } from "./server.js";
import { join } from "node:path";

const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  databaseAppUrl: config.databaseAppUrl,
  appPassword: config.appDbPassword,
  dataDir: join(config.dataDir, "pglite"),
});
const pubsub = createPubSub(config.redisUrl);
const server = await startServer({ config, database, pubsub });

console.log(`qline API   ${server.url}  (database: ${database.driver === "pglite" ? `embedded PGlite in ${join(config.dataDir, "pglite")}` : "PostgreSQL"}, pub/sub: ${pubsub.kind})`);
console.log(`WebSocket   ${server.wsUrl}`);
if (config.seedDemo) {
  const demo = await seedDemo(database.db, config, pubsub);
  console.log(`Demo login  ${demo.email} / ${demo.password}  (tenant "${demo.tenantSlug}"${demo.created ? ", just created" : ""})`);
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
