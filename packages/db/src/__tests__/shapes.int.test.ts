/**
 * Both drivers give raw rows the same JS shapes (PGlite's parsers are set to node-postgres's: database.ts
 * `pgliteParsers`), and the row decoders turn either into the same typed values. One query with every type the API
 * reads raw runs through drizzle's `execute`, as the application does: on PGlite always (against the shapes
 * node-postgres is known to give), and side by side on PostgreSQL with TEST_DATABASE_URL.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { openPgPool, wrapPgPool, type AppDatabase } from "../database.js";
import { col, decodeFirstRow, decodeRows, RowDecodeError, z } from "../decode.js";
import { openPglite } from "../migrate.js";
import { testDatabaseUrl } from "../testing.js";

const probe = sql`
  select count(*) over () as n_count, 7::int4 as n_int4, 9007199254740993::int8 as n_big, 2.5::numeric as n_numeric,
    '2026-12-04 16:24:42.5+00'::timestamptz as at, '2026-12-04'::date as day,
    array['a', 'b c']::text[] as texts, array['6bd23ec8-13e8-4534-aeb0-ff8289e6a3ca']::uuid[] as uuids,
    array[1, 2]::int8[] as bigs, '{"a": 1, "b": [true]}'::jsonb as doc, true as flag, null::int8 as missing
  from (values (1), (2)) v(x)`;

/** What each column is in JS: node-postgres's shapes through drizzle. */
const expectedShapes = {
  n_count: "string",
  n_int4: "number",
  n_big: "string",
  n_numeric: "string",
  at: "string",
  day: "string",
  texts: "array<string,string>",
  uuids: "array<string>",
  bigs: "array<string,string>",
  doc: "object",
  flag: "boolean",
  missing: "null",
};

const shapeOf = (v: unknown): string =>
  v === null ? "null" : Array.isArray(v) ? `array<${v.map(shapeOf).join(",")}>` : v instanceof Date ? "Date" : typeof v;

const Probe = z.object({
  n_count: col.int,
  n_int4: col.int,
  n_big: col.text,
  n_numeric: col.number,
  at: col.timestamp,
  day: col.timestamp,
  texts: col.textArray,
  uuids: col.textArray,
  bigs: col.textArray,
  doc: z.object({ a: col.int, b: z.array(col.bool) }),
  flag: col.bool,
  missing: col.int.nullable(),
});

const decoded = {
  n_count: 2,
  n_int4: 7,
  n_big: "9007199254740993",
  n_numeric: 2.5,
  at: new Date("2026-12-04T16:24:42.500Z"),
  day: new Date("2026-12-04T00:00:00.000Z"),
  texts: ["a", "b c"],
  uuids: ["6bd23ec8-13e8-4534-aeb0-ff8289e6a3ca"],
  bigs: ["1", "2"],
  doc: { a: 1, b: [true] },
  flag: true,
  missing: null,
};

async function rawRow(db: AppDatabase): Promise<Record<string, unknown>> {
  const result = await db.db.execute(sql`${probe} limit 1`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows[0]!; // a probe: the shapes are what is tested
}

describe("raw row shapes on both drivers", () => {
  let lite: AppDatabase;
  let pgDb: AppDatabase | undefined;

  before(async () => {
    lite = await openPglite();
    if (testDatabaseUrl) pgDb = wrapPgPool(openPgPool(testDatabaseUrl, 1));
  });
  after(async () => {
    await lite?.close();
    await pgDb?.close();
  });

  it("PGlite gives node-postgres's shapes (int8 and int8[] as exact strings)", async () => {
    const row = await rawRow(lite);
    assert.deepEqual(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, shapeOf(v)])), expectedShapes);
    assert.equal(row.n_big, "9007199254740993");
  });

  it("PostgreSQL through node-postgres gives the same shapes as PGlite", { skip: !testDatabaseUrl && "needs TEST_DATABASE_URL" }, async () => {
    const [a, b] = [await rawRow(lite), await rawRow(pgDb!)];
    assert.deepEqual(
      Object.fromEntries(Object.entries(b).map(([k, v]) => [k, shapeOf(v)])),
      Object.fromEntries(Object.entries(a).map(([k, v]) => [k, shapeOf(v)])),
    );
  });

  it("decodes every row to the same typed values on each driver", async () => {
    for (const db of [lite, pgDb].filter((d): d is AppDatabase => d !== undefined)) {
      const rows = decodeRows(Probe, await db.db.execute(probe));
      assert.equal(rows.length, 2, db.driver);
      assert.deepEqual(rows[0], decoded, db.driver);
    }
  });

  it("refuses a row whose column has another type, naming the column", async () => {
    const result = await lite.db.execute(sql`select 'not a number' as n_count`);
    assert.throws(() => decodeFirstRow(z.object({ n_count: col.int }), result), (error: unknown) => {
      assert.ok(error instanceof RowDecodeError);
      assert.match(error.message, /n_count/);
      return true;
    });
    assert.throws(() => decodeFirstRow(z.object({ absent: col.text }), result), RowDecodeError);
  });

  it("reads array literals where a driver leaves an array unparsed (an enum's array)", async () => {
    const row = decodeFirstRow(z.object({ roles: col.textArray }), { rows: [{ roles: '{OWNER,"A B",NULL}' }] });
    assert.deepEqual(row, { roles: ["OWNER", "A B"] });
    assert.equal(decodeFirstRow(z.object({ x: col.int }), { rows: [] }), undefined);
  });
});
