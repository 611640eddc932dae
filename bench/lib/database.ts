/** A fresh, migrated PostgreSQL database per benchmark run, dropped afterwards. */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migratePostgres } from "@qline/db/migrate";
import { pgUrl } from "./env.js";

/** The owner URL with the user switched to qline_app (trust auth on loopback). */
export function appUrlOf(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = "qline_app";
  url.password = "";
  return url.toString();
}

export interface BenchDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
  /** A pool as the owner (bulk loading, EXPLAIN setup). */
  owner(): pg.Pool;
  drop(): Promise<void>;
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `qline_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const ownerUrl = url.toString();
  await migratePostgres(ownerUrl);
  const pools: pg.Pool[] = [];
  return {
    name,
    ownerUrl,
    appUrl: appUrlOf(ownerUrl),
    owner() {
      const pool = new pg.Pool({ connectionString: ownerUrl, max: 4 });
      pool.on("error", () => undefined); // an idle client ended by a forced drop must not crash the run
      pools.push(pool);
      return pool;
    },
    async drop() {
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
      const dropper = new pg.Client({ connectionString: pgUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
