import { PGlite, type ParserOptions } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { createHash } from "node:crypto";
import pg from "pg";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/** What code above the driver sees: the same for embedded PGlite and a PostgreSQL pool. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type Driver = "pglite" | "pg";

/** Connection use, for metrics: PGlite is one connection, so `waiting` counts calls queued behind the running one. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

/** A connection as the application role `qline_app`, which owns nothing and cannot bypass RLS. */
export interface AppDatabase {
  readonly driver: Driver;
  readonly db: Database;
  poolStats(): PoolStats;
  close(): Promise<void>;
}

export const APP_ROLE = "qline_app";

/** How long a transaction waits for a connection by default before failing with `DatabaseBusyError`. */
export const defaultConnectionWaitMs = 5000;

/**
 * A transaction waited `waitMs` for a database connection and got none: the database is saturated. Thrown
 * instead of queueing forever; the API answers SERVICE_UNAVAILABLE with a retry hint.
 */
export class DatabaseBusyError extends Error {
  constructor(readonly waitMs: number) {
    super(`No database connection became free within ${waitMs} ms`);
    this.name = "DatabaseBusyError";
  }
}

/** pg's pool rejects `connect()` with this message when `connectionTimeoutMillis` passes. */
const pgConnectTimeout = "timeout exceeded when trying to connect";

/** Whether `error` (or a cause it wraps, as drizzle does) is a connection wait that timed out. */
export function isDatabaseBusy(error: unknown): error is Error {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof DatabaseBusyError || (e instanceof Error && e.message === pgConnectTimeout)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * PGlite is one connection and serializes transactions on its own unbounded queue. Transactions take turns
 * here first, so a waiting one gives up after `waitMs` (DatabaseBusyError) instead of waiting forever. A statement
 * outside any transaction (`db.execute`: the session lookup, the health check) takes a turn the same way: behind a
 * long transaction it would otherwise wait for as long as that one runs.
 */
function boundTransactionWait(db: Database, waitMs: number): Database {
  const transaction = db.transaction.bind(db);
  const waiting: (() => void)[] = [];
  let busy = false;
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else busy = false;
  };
  const acquire = () =>
    new Promise<void>((resolve, reject) => {
      if (!busy) {
        busy = true;
        resolve();
        return;
      }
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(turn), 1);
        reject(new DatabaseBusyError(waitMs));
      }, waitMs);
      waiting.push(turn);
    });
  const bounded: Database["transaction"] = async (fn, config) => {
    await acquire();
    try {
      return await transaction(fn, config);
    } finally {
      release();
    }
  };
  const execute = db.execute.bind(db);
  const boundedExecute = async (query: Parameters<Database["execute"]>[0]) => {
    await acquire();
    try {
      return await execute(query);
    } finally {
      release();
    }
  };
  // drizzle types `execute` as its lazy query builder; callers only await it, and the awaited result is the same.
  return Object.assign(db, { transaction: bounded, execute: boundedExecute as unknown as Database["execute"] });
}

/**
 * PGlite's type parsers, set so raw rows have the shapes node-postgres gives: int8 (`count(*)`, bigint columns)
 * and int8[] as strings (PGlite's default is a number, or a BigInt past 2^53, where pg gives the exact text).
 * Everything else already matches (numeric as text, arrays of text/uuid, jsonb parsed; timestamps and dates are
 * text on both because drizzle turns date parsing off). `shapes.int.test.ts` runs one query on both drivers.
 */
export const pgliteParsers: ParserOptions = {
  20: (value) => value, // int8
  1016: (value) => parseInt8Array(value), // int8[]
};

/** `{1,2,NULL}` → ["1", "2", null]: int8 elements never need quoting. */
function parseInt8Array(value: string): (string | null)[] {
  const body = value.slice(1, -1);
  return body === "" ? [] : body.split(",").map((v) => (v === "NULL" ? null : v));
}

/** The PGlite calls drizzle makes; each holds the single connection (PGlite queues the others). */
const pgliteEntryPoints = new Set<PropertyKey>(["query", "exec", "transaction"]);

export function wrapPglite(client: PGlite, connectionWaitMs = defaultConnectionWaitMs): AppDatabase {
  let inFlight = 0;
  // Counts calls in flight through a proxy (PGlite keeps its queue private). Members are read from the target
  // itself, not the proxy, because PGlite's methods use private fields.
  const counted = new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      if (!pgliteEntryPoints.has(property)) return value.bind(target);
      return async (...args: unknown[]) => {
        inFlight++;
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          inFlight--;
        }
      };
    },
  });
  return {
    driver: "pglite",
    // Both drivers' databases are PgDatabase over the same schema; only their query-result HKT differs, and every
    // caller reads results through decodeRows or drizzle's typed builders (PGlite's parsers match pg's: pgliteParsers above).
    db: boundTransactionWait(drizzlePglite(counted, { schema }) as unknown as Database, connectionWaitMs),
    poolStats: () => ({ total: 1, idle: inFlight === 0 ? 1 : 0, waiting: Math.max(0, inFlight - 1), max: 1 }),
    close: () => client.close(),
  };
}

export function wrapPgPool(pool: pg.Pool): AppDatabase {
  const db = drizzlePg(pool, { schema }) as unknown as Database; // the common Database type of both drivers (see wrapPglite)
  const transaction = db.transaction.bind(db);
  // The pool's connect timeout surfaces as a plain Error; give it the one name the API maps to 503.
  const named: Database["transaction"] = (fn, config) =>
    transaction(fn, config).catch((error: unknown) => {
      throw isDatabaseBusy(error) && !(error instanceof DatabaseBusyError)
        ? new DatabaseBusyError(pool.options.connectionTimeoutMillis ?? defaultConnectionWaitMs)
        : error;
    });
  return {
    driver: "pg",
    db: Object.assign(db, { transaction: named }),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 }),
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

/** Most statements one connection keeps prepared (beyond: sent unnamed, planned each time as before). */
export const preparedPerConnection = 500;

/**
 * A pg client that prepares each parameterised statement once per connection, named by a hash of its text:
 * PostgreSQL then parses and plans it once instead of on every execution (a hot path of ~15 small
 * statements spends a good part of its server time there). Texts are the application's own (values are
 * always parameters), so the set is small; `preparedPerConnection` bounds it anyway.
 */
class PreparingClient extends pg.Client {
  private readonly prepared = new Set<string>();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query() has a dozen overloads; this forwards every one unchanged
  override query(config: any, values?: any, callback?: any): any {
    if (config && typeof config === "object" && typeof config.text === "string" && !config.name && !config.submit) {
      const params: unknown = Array.isArray(values) ? values : config.values;
      if (Array.isArray(params) && params.length > 0) {
        const name = statementName(config.text);
        if (this.prepared.has(name) || this.prepared.size < preparedPerConnection) {
          this.prepared.add(name);
          return super.query({ ...config, name }, values, callback);
        }
      }
    }
    return super.query(config, values, callback);
  }
}

const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `q_${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
    if (statementNames.size < 10 * preparedPerConnection) statementNames.set(text, name);
  }
  return name;
}

/** Default report of an idle client's error: a process warning (the API passes its logger instead). */
const warnIdleClientError = (error: Error) => process.emitWarning(`idle database client error: ${error.message}`, "QlineDbWarning");

/** `connectionWaitMs`: how long a query waits for a free connection before failing (never forever). */
export function openPgPool(
  connectionString: string,
  max = 10,
  connectionWaitMs = defaultConnectionWaitMs,
  onIdleError: (error: Error) => void = warnIdleClientError,
): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: connectionWaitMs, Client: PreparingClient });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on("error", onIdleError);
  return pool;
}

export { PGlite, pg };
