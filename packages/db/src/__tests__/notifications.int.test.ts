/**
 * The notification outbox at the database: the app role writes a message in the tenant's scope only, one
 * customer message per (ticket, trigger, channel), and the worker's door `app.claim_due_notifications` claims
 * due rows across tenants with a lease, reclaims a dead deliverer's SENDING row after its lease, and holds back
 * a ticket's later message while an earlier one on the same channel is open.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { and, eq, sql } from "drizzle-orm";
import { accounts, lines, memberships, notifications, tenants, tickets, users } from "../schema/index.js";
import { withTenantTx } from "../tenant-tx.js";
import { col, decodeRows, z } from "../decode.js";
import { createTestDatabase, type TestDatabase } from "../testing.js";

interface Seeded {
  tenantId: string;
  ticketId: string;
  lineId: string;
}

async function seed(db: TestDatabase, label: string): Promise<Seeded> {
  const userId = randomUUID();
  const accountId = randomUUID();
  const tenantId = randomUUID();
  const lineId = randomUUID();
  const ticketId = randomUUID();
  await withTenantTx(db.db, { tenantId, userId }, async (tx) => {
    await tx.insert(users).values({ id: userId, email: `${label}-${userId}@example.test`, name: label, passwordHash: "x" });
    await tx.insert(accounts).values({ id: accountId, name: label, ownerUserId: userId });
    await tx.insert(tenants).values({ id: tenantId, accountId, path: [tenantId], depth: 0, slug: `${label}-${tenantId.slice(0, 8)}`, name: label });
    await tx.insert(memberships).values({ tenantId, userId, role: "OWNER" });
    await tx.insert(lines).values({ tenantId, id: lineId, name: "L", prefix: "A" });
    await tx.insert(tickets).values({
      tenantId, id: ticketId, lineId, issuedLineId: lineId, serviceDay: "2026-01-01", seq: 1, number: "A001",
      trackingCode: randomUUID(), sortKey: "1", notifyChannels: ["SMS", "EMAIL"], language: "de",
    });
  });
  return { tenantId, ticketId, lineId };
}

const claim = (db: TestDatabase, now: Date, limit = 50, lease = 60) =>
  withTenantTx(db.db, { tenantId: null, userId: null }, async (tx) =>
    decodeRows(z.object({ tenant_id: col.uuid, id: col.uuid }), await tx.execute(sql`select * from app.claim_due_notifications(${now.toISOString()}::timestamptz, ${limit}, ${lease})`)),
  );

describe("notification outbox", () => {
  let db: TestDatabase;
  let a: Seeded;
  let b: Seeded;
  before(async () => {
    db = await createTestDatabase();
    a = await seed(db, "a");
    b = await seed(db, "b");
  });
  after(() => db.close());

  it("keeps one customer message per (ticket, trigger, channel) and hides another tenant's", async () => {
    const insert = (channel: "SMS" | "EMAIL") =>
      withTenantTx(db.db, { tenantId: a.tenantId, userId: null }, (tx) =>
        tx.insert(notifications).values({ tenantId: a.tenantId, id: randomUUID(), ticketId: a.ticketId, lineId: a.lineId, trigger: "JOINED", channel }).onConflictDoNothing().returning({ id: notifications.id }),
      );
    assert.equal((await insert("SMS")).length, 1);
    assert.equal((await insert("SMS")).length, 0);
    assert.equal((await insert("EMAIL")).length, 1);
    const seenByB = await withTenantTx(db.db, { tenantId: b.tenantId, userId: null }, (tx) => tx.select().from(notifications));
    assert.equal(seenByB.length, 0);
    await assert.rejects(
      withTenantTx(db.db, { tenantId: b.tenantId, userId: null }, (tx) =>
        tx.insert(notifications).values({ tenantId: a.tenantId, id: randomUUID(), ticketId: a.ticketId, trigger: "CALLED", channel: "SMS" }),
      ),
    );
  });

  it("claims due rows across tenants once per lease, in order per ticket and channel, and reclaims after the lease", async () => {
    const now = new Date(Date.now() + 1000);
    await withTenantTx(db.db, { tenantId: b.tenantId, userId: null }, async (tx) => {
      await tx.insert(notifications).values({ tenantId: b.tenantId, id: randomUUID(), ticketId: b.ticketId, trigger: "JOINED", channel: "SMS" });
      await tx.insert(notifications).values({ tenantId: b.tenantId, id: randomUUID(), ticketId: b.ticketId, trigger: "CALLED", channel: "SMS" });
    });
    const first = await claim(db, now);
    // a: JOINED/SMS and JOINED/EMAIL; b: JOINED/SMS only (its CALLED/SMS waits for JOINED/SMS to settle).
    assert.equal(first.length, 3);
    assert.deepEqual(new Set(first.map((r) => r.tenant_id)), new Set([a.tenantId, b.tenantId]));
    assert.equal((await claim(db, now)).length, 0, "leased rows are not claimed twice");
    const bJoined = first.find((r) => r.tenant_id === b.tenantId)!;
    await withTenantTx(db.db, { tenantId: b.tenantId, userId: null }, (tx) =>
      tx.update(notifications).set({ status: "SENT", leaseUntil: null, sentAt: new Date() }).where(and(eq(notifications.tenantId, b.tenantId), eq(notifications.id, bJoined.id))),
    );
    const second = await claim(db, now);
    assert.equal(second.length, 1, "b's CALLED is due once JOINED is settled");
    const afterLease = await claim(db, new Date(now.getTime() + 61_000));
    assert.equal(afterLease.length, 3, "a's two and b's CALLED come back after their lease ran out");
  });
});
