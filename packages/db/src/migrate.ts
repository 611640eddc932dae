/**
 * Owner-side entry points: schema migrations and opening a database. Request code never imports this
 * module's owner connections; it receives the `AppDatabase` that `openDatabase` returns.
 */
import { fileURLToPath } from "node:url";
import { mkdirSync } from "node:fs";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import {
  APP_ROLE,
  PGlite,
  pgliteParsers,
  appConnectionString,
  openPgPool,
  pg,
  wrapPglite,
  wrapPgPool,
  type AppDatabase,
} from "./database.js";

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

export interface DatabaseConfig {
  /** Owner connection (runs migrations). Absent: embedded PGlite. */
  databaseUrl?: string | undefined;
  /** The app role's own connection string; derived from `databaseUrl` when absent. */
  databaseAppUrl?: string | undefined;
  /** Password to give `qline_app` when deriving its URL (not needed with trust auth). */
  appPassword?: string | undefined;
  /** PGlite data folder; absent means in memory. */
  dataDir?: string | undefined;
  poolSize?: number | undefined;
  /** Reports an idle pooled client's error (server restart); default: a process warning. */
  onIdleClientError?: ((error: Error) => void) | undefined;
  /** How long a transaction waits for a connection before DatabaseBusyError (DB_CONNECTION_WAIT_MS; default 5000). */
  connectionWaitMs?: number | undefined;
}

/** Migrates a PostgreSQL server as its owner. Serialised by an advisory lock so API processes can start together. */
export async function migratePostgres(ownerUrl: string, appPassword?: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('qline.migrate'))");
    await migratePg(drizzlePg(client), { migrationsFolder });
    if (appPassword) {
      await client.query(`alter role ${APP_ROLE} with login password ${pg.escapeLiteral(appPassword)}`);
    }
  } finally {
    await client.query("select pg_advisory_unlock(hashtext('qline.migrate'))").catch(() => undefined);
    await client.end();
  }
}

let migratedImage: Promise<Blob> | undefined;

/** A migrated, empty embedded database image, built once per process (tests open many databases). */
function migratedPgliteImage(): Promise<Blob> {
  migratedImage ??= (async () => {
    const owner = new PGlite();
    await migratePglite(drizzlePglite(owner), { migrationsFolder });
    const image = await owner.dumpDataDir("none");
    await owner.close();
    return image;
  })();
  return migratedImage;
}

/** Opens embedded PGlite: migrates as the superuser, then reconnects as the app role. */
export async function openPglite(dataDir?: string, connectionWaitMs?: number): Promise<AppDatabase> {
  if (!dataDir) {
    const loadDataDir = await migratedPgliteImage();
    return wrapPglite(new PGlite({ loadDataDir, username: APP_ROLE, parsers: pgliteParsers }), connectionWaitMs);
  }
  mkdirSync(dataDir, { recursive: true });
  const owner = new PGlite(dataDir);
  try {
    await migratePglite(drizzlePglite(owner), { migrationsFolder });
  } finally {
    await owner.close();
  }
  return wrapPglite(new PGlite(dataDir, { username: APP_ROLE, parsers: pgliteParsers }), connectionWaitMs);
}

/** The one way the API gets a database: PGlite without `databaseUrl`, a pg pool as qline_app with it. */
export async function openDatabase(config: DatabaseConfig): Promise<AppDatabase> {
  if (!config.databaseUrl) return openPglite(config.dataDir, config.connectionWaitMs);
  await migratePostgres(config.databaseUrl, config.appPassword);
  const url = appConnectionString(config.databaseUrl, config.databaseAppUrl, config.appPassword);
  return wrapPgPool(openPgPool(url, config.poolSize, config.connectionWaitMs, config.onIdleClientError));
}
