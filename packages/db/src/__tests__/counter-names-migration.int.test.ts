/**
 * The migration that makes live counter names unique per line first renames existing duplicates (the oldest keeps
 * its name, the others get " (2)", " (3)", ... skipping names already taken), so it cannot fail on a live database.
 * This runs that exact statement from the migration file against a temporary `counters` table holding duplicates,
 * then creates the same unique index on it: the index must build, and the names must be the expected ones.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { withTenantTx } from "../tenant-tx.js";
import { col, decodeRows, z } from "../decode.js";
import { createTestDatabase, type TestDatabase } from "../testing.js";

const migrations = new URL("../../migrations/", import.meta.url);
const file = readdirSync(migrations).find((name) => name.endsWith("_archive_and_unique_counter_names.sql"));
const statements = readFileSync(new URL(file!, migrations), "utf8").split("--> statement-breakpoint");
const dedupe = statements.find((s) => s.includes("DO $$"))!;
const uniqueIndex = statements.find((s) => s.includes('CREATE UNIQUE INDEX "counters_line_name_key"'))!;

describe("migration: unique live counter names", () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db.close());

  it("renames duplicates so the unique index builds, keeping the oldest name and skipping taken suffixes", async () => {
    assert.ok(file && dedupe && uniqueIndex, "the migration has its dedupe statement and the index");
    const tenant = randomUUID();
    const lineA = randomUUID();
    const lineB = randomUUID();
    const rows: [string, string, number][] = [
      [lineA, "Till 1", 1],
      [lineA, "till 1", 2],
      [lineA, "TILL 1", 3],
      [lineA, "Till 1 (2)", 4], // already taken: the second duplicate must skip to (3)... and so on
      [lineA, "Desk", 5],
      [lineB, "Till 1", 6], // another line may keep its own "Till 1"
    ];
    const names = await withTenantTx(db.db, { tenantId: null, userId: null }, async (tx) => {
      // A temporary table shadows the real one for unqualified names in this session (pg_temp is searched first).
      await tx.execute(sql`create temp table counters (tenant_id uuid, id uuid, line_id uuid, name text, created_at timestamptz, archived_at timestamptz) on commit drop`);
      for (const [line, name, minute] of rows) {
        await tx.execute(sql`insert into counters values (${tenant}, ${randomUUID()}, ${line}, ${name}, ${new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString()}::timestamptz, null)`);
      }
      await tx.execute(sql.raw(dedupe));
      await tx.execute(sql.raw(uniqueIndex.replace('ON "counters"', "ON pg_temp.counters")));
      return decodeRows(z.object({ line_id: col.uuid, name: col.text }), await tx.execute(sql`select line_id, name from counters order by created_at`));
    });
    assert.deepEqual(
      names.map((r) => [r.line_id === lineA ? "A" : "B", r.name]),
      [
        ["A", "Till 1"],
        ["A", "till 1 (3)"],
        ["A", "TILL 1 (4)"],
        ["A", "Till 1 (2)"],
        ["A", "Desk"],
        ["B", "Till 1"],
      ],
    );
  });
});
