/**
 * Test databases. Without TEST_DATABASE_URL: a fresh in-memory PGlite per call. With it: a fresh database on
 * that PostgreSQL server per call, migrated as the owner, opened as qline_app, and dropped on close.
 */
import { randomBytes } from "node:crypto";
import { appConnectionString, openPgPool, pg, wrapPgPool, type AppDatabase } from "./database.js";
import { migratePostgres, openPglite } from "./migrate.js";

export interface TestDatabase extends AppDatabase {
  /** Connection string of the app role (for a second API process); undefined on PGlite. */
  readonly appUrl: string | undefined;
  /** Owner connection string (for the TTL job path and test setup); undefined on PGlite. */
  readonly ownerUrl: string | undefined;
}

export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;

export interface TestDatabaseOptions {
  /** pg pool size (default 20). */
  poolSize?: number;
  /**
   * How long a transaction waits for a connection (default 30 s: generous, since a loaded shared test machine
   * is slow; a test of the wait itself passes a short one).
   */
  connectionWaitMs?: number;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const connectionWaitMs = options.connectionWaitMs ?? 30_000;
  if (!testDatabaseUrl) {
    const db = await openPglite(undefined, connectionWaitMs);
    return { ...db, appUrl: undefined, ownerUrl: undefined };
  }
  const name = `qline_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const ownerUrl = new URL(testDatabaseUrl);
  ownerUrl.pathname = `/${name}`;
  await migratePostgres(ownerUrl.toString());
  const appUrl = appConnectionString(ownerUrl.toString());
  const opened = wrapPgPool(openPgPool(appUrl, options.poolSize ?? 20, connectionWaitMs));
  return {
    driver: opened.driver,
    db: opened.db,
    poolStats: opened.poolStats,
    appUrl,
    ownerUrl: ownerUrl.toString(),
    async close() {
      await opened.close();
      const dropper = new pg.Client({ connectionString: testDatabaseUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/**
 * A second, independent connection pool to an existing test database as qline_app (a second API process in
 * tests). Undefined on PGlite, which is one connection: share the first TestDatabase there.
 */
export function openSecondConnection(first: TestDatabase): TestDatabase | undefined {
  if (!first.appUrl) return undefined;
  const opened = wrapPgPool(openPgPool(first.appUrl, 20, 30_000));
  return { ...opened, appUrl: first.appUrl, ownerUrl: first.ownerUrl };
}

/** The pg driver, for tests that read as the owner (no RLS) through `TestDatabase.ownerUrl` on PostgreSQL. */
export { pg } from "./database.js";
