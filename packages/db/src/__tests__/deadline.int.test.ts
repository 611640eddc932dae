/**
 * The request time budget at the database door: inside `runWithDeadline`, a tenant transaction's statements
 * run under a transaction-local `statement_timeout` of the time left, a statement past it is cancelled with
 * 57014, and a transaction opened after the deadline fails with the same code without running.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { DeadlineExceededError, runWithDeadline } from "../deadline.js";
import { withLocatedTenantTx, withTenantTx } from "../tenant-tx.js";
import { col, decodeFirstRow, z } from "../decode.js";
import { createTestDatabase, type TestDatabase } from "../testing.js";

const scope = { tenantId: null, userId: null };
const timeoutNow = async (db: TestDatabase) =>
  withTenantTx(db.db, scope, async (tx) => decodeFirstRow(z.object({ t: col.text }), await tx.execute(sql`select current_setting('statement_timeout') as t`))!.t);

/** The SQLSTATE of an error or of one of its causes (drizzle wraps the driver's error). */
function sqlState(error: unknown): unknown {
  for (let e = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

describe("request deadline at the tenant transaction door", () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db.close());

  it("sets statement_timeout to the time left, only inside the transaction", async () => {
    const inside = await runWithDeadline(Date.now() + 5000, () => timeoutNow(db));
    const ms = inside.endsWith("ms") ? Number(inside.slice(0, -2)) : Number(inside.replace(/s$/, "")) * 1000;
    assert.ok(ms > 0 && ms <= 5000, inside);
    assert.equal(await timeoutNow(db), "0"); // transaction-local: the next transaction without a deadline has none
    const located = await runWithDeadline(Date.now() + 5000, () =>
      withLocatedTenantTx(db.db, { record: { kind: "line", id: "00000000-0000-4000-8000-000000000000" }, userId: null }, async (tx) =>
        decodeFirstRow(z.object({ t: col.text }), await tx.execute(sql`select current_setting('statement_timeout') as t`))!.t,
      ),
    );
    assert.notEqual(located, "0");
  });

  it("fails a transaction opened after the deadline with 57014, without running it", async () => {
    let ran = false;
    await assert.rejects(
      runWithDeadline(Date.now() - 1, () => withTenantTx(db.db, scope, async () => void (ran = true))),
      (error: unknown) => error instanceof DeadlineExceededError && sqlState(error) === "57014",
    );
    assert.equal(ran, false);
  });

  it("cancels a statement that runs past the deadline with 57014 (PostgreSQL)", { skip: process.env.TEST_DATABASE_URL ? false : "PGlite (single-threaded WASM) runs no statement timer" }, async () => {
    const started = Date.now();
    await assert.rejects(
      runWithDeadline(Date.now() + 300, () => withTenantTx(db.db, scope, async (tx) => tx.execute(sql`select pg_sleep(5)`))),
      (error: unknown) => sqlState(error) === "57014",
    );
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  });
});
