import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/** What code above the driver sees: the same for embedded PGlite and a PostgreSQL pool. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type Driver = "pglite" | "pg";

/** A connection as the application role `qline_app`, which owns nothing and cannot bypass RLS. */
export interface AppDatabase {
  readonly driver: Driver;
  readonly db: Database;
  close(): Promise<void>;
}

export const APP_ROLE = "qline_app";

export function wrapPglite(client: PGlite): AppDatabase {
  return {
    driver: "pglite",
    db: drizzlePglite(client, { schema }) as unknown as Database,
    close: () => client.close(),
  };
}

export function wrapPgPool(pool: pg.Pool): AppDatabase {
  return {
    driver: "pg",
    db: drizzlePg(pool, { schema }) as unknown as Database,
    close: () => pool.end(),
  };
}

/** The app's connection string: `DATABASE_APP_URL`, or the owner's URL with the user switched to qline_app. */
export function appConnectionString(ownerUrl: string, appUrl?: string, appPassword?: string): string {
  if (appUrl) return appUrl;
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = appPassword ?? "";
  return url.toString();
}

export function openPgPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on("error", (error) => console.error("[db] idle client error:", error.message));
  return pool;
}

export { PGlite, pg };
