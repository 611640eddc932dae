/**
 * Sessions are the user's own rows: with a user in scope only that user's sessions are visible or writable,
 * with no user in scope none are, and the app role may revoke a session but never extend or reassign one.
 * Runs as the application role on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import { sessions, users } from "../schema/index.js";
import { withTenantTx } from "../tenant-tx.js";
import { col, decodeFirstRow, z } from "../decode.js";
import { createTestDatabase, type TestDatabase } from "../testing.js";

async function userWithSession(db: TestDatabase, label: string): Promise<{ userId: string; sessionId: string }> {
  const userId = randomUUID();
  const sessionId = randomUUID();
  await withTenantTx(db.db, { tenantId: null, userId }, async (tx) => {
    await tx.insert(users).values({ id: userId, email: `${label}-${userId}@example.test`, name: label, passwordHash: "x" });
    await tx.insert(sessions).values({ id: sessionId, userId, expiresAt: new Date(Date.now() + 3600_000) });
  });
  return { userId, sessionId };
}

function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

describe("sessions under row-level security", () => {
  let db: TestDatabase;
  let a: { userId: string; sessionId: string };
  let b: { userId: string; sessionId: string };

  before(async () => {
    db = await createTestDatabase();
    a = await userWithSession(db, "session-a");
    b = await userWithSession(db, "session-b");
  });
  after(() => db.close());

  it("shows a user their own sessions only, and no session without a user in scope", async () => {
    const mine = await withTenantTx(db.db, { tenantId: null, userId: a.userId }, (tx) => tx.select({ id: sessions.id }).from(sessions));
    assert.deepEqual(mine, [{ id: a.sessionId }]);
    const none = await withTenantTx(db.db, { tenantId: null, userId: null }, (tx) => tx.select().from(sessions));
    assert.deepEqual(none, []);
  });

  it("refuses to open a session for another user", async () => {
    await assert.rejects(
      withTenantTx(db.db, { tenantId: null, userId: a.userId }, (tx) => tx.insert(sessions).values({ id: randomUUID(), userId: b.userId, expiresAt: new Date(Date.now() + 60_000) })),
      (error: unknown) => sqlState(error) === "42501",
    );
  });

  it("cannot revoke another user's session (invisible: 0 rows change)", async () => {
    const revoked = await withTenantTx(db.db, { tenantId: null, userId: a.userId }, (tx) =>
      tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, b.sessionId)).returning(),
    );
    assert.equal(revoked.length, 0);
  });

  it("lets the owner revoke a session but never extend or reassign it (column grants)", async () => {
    for (const statement of [sql`update sessions set expires_at = now() + interval '10 years'`, sql`update sessions set user_id = ${b.userId}`]) {
      await assert.rejects(
        withTenantTx(db.db, { tenantId: null, userId: a.userId }, (tx) => tx.execute(statement)),
        (error: unknown) => sqlState(error) === "42501",
      );
    }
    const row = await withTenantTx(db.db, { tenantId: null, userId: a.userId }, async (tx) =>
      decodeFirstRow(z.object({ revoked: col.bool }), await tx.execute(sql`update sessions set revoked_at = now() where id = ${a.sessionId} returning revoked_at is not null as revoked`)),
    );
    assert.deepEqual(row, { revoked: true });
  });

  it("answers authentication's app.session_lookup outside any transaction: only the named pair, live until revoked", async () => {
    const Found = z.object({ email: col.text, live: col.bool });
    const lookup = async (sessionId: string, userId: string) =>
      decodeFirstRow(Found, await db.db.execute(sql`select email, live from app.session_lookup(${sessionId}::uuid, ${userId}::uuid)`));
    assert.deepEqual(await lookup(b.sessionId, b.userId), { email: `session-b-${b.userId}@example.test`, live: true });
    assert.equal(await lookup(b.sessionId, a.userId), undefined); // a session is found only with its own user
    assert.equal(await lookup(randomUUID(), b.userId), undefined);
    await withTenantTx(db.db, { tenantId: null, userId: b.userId }, (tx) => tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, b.sessionId)));
    assert.deepEqual(await lookup(b.sessionId, b.userId), { email: `session-b-${b.userId}@example.test`, live: false });
    // Outside a transaction nothing is in scope: the tables themselves show no session.
    const visible = decodeFirstRow(z.object({ n: col.int }), await db.db.execute(sql`select count(*)::int as n from sessions`));
    assert.deepEqual(visible, { n: 0 });
  });
});
