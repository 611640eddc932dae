/**
 * Row-level security, checked as the application role itself (the role every request uses): with tenant A in
 * scope no row of tenant B is visible or writable, with nothing in scope no tenant row is visible, and every
 * table in the schema has RLS enabled and forced. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { accounts, apiKeys, auditLog, lines, memberships, tenants, ticketExtensionSchemas, ticketTypes, users } from "../schema/index.js";
import { withLocatedTenantTx, withTenantTx } from "../tenant-tx.js";
import { col, decodeFirstRow, decodeRows, z } from "../decode.js";
import { createTestDatabase, type TestDatabase } from "../testing.js";

interface Seeded {
  userId: string;
  tenantId: string;
  childId: string;
}

/** One account with a root tenant, a child, a member, an API key and an audit entry, written as the app role. */
async function seedTenant(db: TestDatabase, label: string): Promise<Seeded> {
  const userId = randomUUID();
  const accountId = randomUUID();
  const tenantId = randomUUID();
  const childId = randomUUID();
  await withTenantTx(db.db, { tenantId, userId }, async (tx) => {
    await tx.insert(users).values({ id: userId, email: `${label}-${userId}@example.test`, name: label, passwordHash: "x" });
    await tx.insert(accounts).values({ id: accountId, name: label, ownerUserId: userId });
    await tx.insert(tenants).values({ id: tenantId, accountId, path: [tenantId], depth: 0, slug: `${label}-${tenantId.slice(0, 8)}`, name: label });
    await tx.insert(tenants).values({ id: childId, accountId, parentId: tenantId, path: [tenantId, childId], depth: 1, slug: `${label}-c-${childId.slice(0, 8)}`, name: `${label} child` });
    await tx.insert(memberships).values({ tenantId, userId, role: "OWNER" });
    await tx.insert(apiKeys).values({ tenantId, id: randomUUID(), name: "k", prefix: randomUUID().slice(0, 12), secretHash: "h", scopes: ["tenant:read"] });
    await tx.insert(auditLog).values({ tenantId, id: randomUUID(), actorType: "USER", actorId: userId, action: "seed", targetType: "tenant", targetId: tenantId });
  });
  return { userId, tenantId, childId };
}

const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

describe("row-level security as the app role", () => {
  let db: TestDatabase;
  let a: Seeded;
  let b: Seeded;
  let tenantTables: string[];

  before(async () => {
    db = await createTestDatabase();
    a = await seedTenant(db, "tenant-a");
    b = await seedTenant(db, "tenant-b");
    tenantTables = await withTenantTx(db.db, { tenantId: null, userId: null }, async (tx) =>
      decodeRows(
        z.object({ table_name: col.text }),
        await tx.execute(sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by table_name`),
      ).map((r) => r.table_name),
    );
  });
  after(() => db.close());

  it("connects as a role that is no superuser, cannot bypass RLS and owns no table", async () => {
    const [role] = await withTenantTx(db.db, { tenantId: null, userId: null }, async (tx) =>
      decodeRows(
        z.object({ current_user: col.text, rolsuper: col.bool, rolbypassrls: col.bool, owned: col.int }),
        await tx.execute(sql`
          select current_user, r.rolsuper, r.rolbypassrls,
            (select count(*)::int from pg_tables t where t.tableowner = current_user) as owned
          from pg_roles r where r.rolname = current_user`),
      ),
    );
    assert.deepEqual(role, { current_user: "qline_app", rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it("enables and forces RLS, with at least one policy, on every table in the schema", async () => {
    const tables = await withTenantTx(db.db, { tenantId: null, userId: null }, async (tx) =>
      decodeRows(
        z.object({ relname: col.text, relrowsecurity: col.bool, relforcerowsecurity: col.bool, policies: col.int }),
        await tx.execute(sql`
          select c.relname, c.relrowsecurity, c.relforcerowsecurity,
            (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r' and c.relname not like '\\_\\_drizzle%'`),
      ),
    );
    assert.ok(tables.length >= 6, "expected the schema's tables");
    const unprotected = tables.filter((t) => !t.relrowsecurity || !t.relforcerowsecurity || t.policies === 0).map((t) => t.relname);
    assert.deepEqual(unprotected, []);
    for (const table of ["memberships", "api_keys", "audit_log"]) assert.ok(tenantTables.includes(table), `${table} carries tenant_id`);
  });

  it("shows tenant A's context none of tenant B's rows in any tenant table", async () => {
    await withTenantTx(db.db, { tenantId: a.tenantId, userId: null }, async (tx) => {
      for (const table of tenantTables) {
        const row = decodeFirstRow(z.object({ n: col.int }), await tx.execute(sql.raw(`select count(*)::int as n from ${identifier(table)} where tenant_id in ('${b.tenantId}', '${b.childId}')`)));
        assert.equal(row?.n, 0, `${table} leaks tenant B's rows to tenant A`);
      }
      const visible = await tx.select({ id: tenants.id }).from(tenants);
      assert.deepEqual(visible.map((t) => t.id).sort(), [a.tenantId, a.childId].sort());
      assert.equal((await tx.select().from(accounts)).length, 1, "only tenant A's account");
      assert.deepEqual((await tx.select({ id: users.id }).from(users)).map((u) => u.id), [a.userId], "only tenant A's members");
    });
  });

  it("shows tenant B's own rows to tenant B (the policy lets the owner tenant through)", async () => {
    await withTenantTx(db.db, { tenantId: b.tenantId, userId: null }, async (tx) => {
      for (const table of ["memberships", "api_keys", "audit_log"]) {
        const row = decodeFirstRow(z.object({ n: col.int }), await tx.execute(sql.raw(`select count(*)::int as n from ${identifier(table)}`)));
        assert.equal(row?.n, 1, table);
      }
    });
  });

  it("refuses inserts into tenant B's rows from tenant A's context, in every tenant table", async () => {
    for (const table of tenantTables) {
      await assert.rejects(
        withTenantTx(db.db, { tenantId: a.tenantId, userId: null }, (tx) => tx.execute(sql.raw(`insert into ${identifier(table)} (tenant_id) values ('${b.tenantId}')`))),
        (error: unknown) => sqlState(error) === "42501",
        `${table} accepted a row for tenant B`,
      );
    }
    await assert.rejects(
      withTenantTx(db.db, { tenantId: a.tenantId, userId: null }, (tx) =>
        tx.insert(tenants).values({ id: randomUUID(), accountId: randomUUID(), parentId: b.tenantId, path: [b.tenantId, randomUUID()], depth: 1, slug: "sneaky-child", name: "x" }),
      ),
      (error: unknown) => sqlState(error) === "42501",
    );
  });

  it("cannot update or delete tenant B's rows from tenant A's context (they are invisible: 0 rows change)", async () => {
    await withTenantTx(db.db, { tenantId: a.tenantId, userId: null }, async (tx) => {
      const updated = await tx.update(tenants).set({ name: "pwned" }).where(sql`id = ${b.tenantId}`).returning();
      assert.equal(updated.length, 0);
      const deleted = await tx.delete(memberships).where(sql`tenant_id = ${b.tenantId}`).returning();
      assert.equal(deleted.length, 0);
    });
  });

  it("shows no tenant rows at all with no context", async () => {
    await withTenantTx(db.db, { tenantId: null, userId: null }, async (tx) => {
      for (const table of [...tenantTables, "tenants", "accounts", "users"]) {
        const row = decodeFirstRow(z.object({ n: col.int }), await tx.execute(sql.raw(`select count(*)::int as n from ${identifier(table)}`)));
        assert.equal(row?.n, 0, `${table} visible without a tenant in scope`);
      }
    });
  });

  it("keeps the scope transaction-local: the next transaction on the same connection starts with none", async () => {
    await withTenantTx(db.db, { tenantId: a.tenantId, userId: a.userId }, async () => undefined);
    const row = await db.db.transaction(async (tx) => decodeFirstRow(z.object({ t: col.uuid.nullable() }), await tx.execute(sql`select app.current_tenant_id() as t`)));
    assert.equal(row?.t, null);
  });

  it("scopes a located transaction to the record's own tenant, and an unknown id to no tenant at all", async () => {
    const lineId = randomUUID();
    await withTenantTx(db.db, { tenantId: b.tenantId, userId: null }, (tx) => tx.insert(lines).values({ tenantId: b.tenantId, id: lineId, name: "B's line", prefix: "B" }));
    const located = await withLocatedTenantTx(db.db, { record: { kind: "line", id: lineId }, userId: null }, async (tx, tenantId) => ({
      tenantId,
      scope: decodeFirstRow(z.object({ t: col.uuid.nullable() }), await tx.execute(sql`select app.current_tenant_id() as t`))?.t,
      lines: (await tx.select({ id: lines.id }).from(lines)).map((l) => l.id),
    }));
    assert.deepEqual(located, { tenantId: b.tenantId, scope: b.tenantId, lines: [lineId] });
    const unknown = await withLocatedTenantTx(db.db, { record: { kind: "line", id: randomUUID() }, userId: null }, async (tx, tenantId) => ({
      tenantId,
      tenants: (await tx.select({ id: tenants.id }).from(tenants)).length,
      lines: (await tx.select({ id: lines.id }).from(lines)).length,
    }));
    assert.deepEqual(unknown, { tenantId: null, tenants: 0, lines: 0 });
  });

  it("lets a user read their own memberships anywhere, but not other people's", async () => {
    await withTenantTx(db.db, { tenantId: null, userId: a.userId }, async (tx) => {
      const rows = await tx.select().from(memberships);
      assert.deepEqual(rows.map((m) => m.userId), [a.userId]);
    });
  });

  it("shows a store its ancestors' ticket types and custom-field schemas (chain templates), never a sibling's or another tree's, and lets it write only its own", async () => {
    const sibling = randomUUID();
    const [rootType, childType, siblingType, otherType] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await withTenantTx(db.db, { tenantId: a.tenantId, userId: null }, async (tx) => {
      const [root] = await tx.select().from(tenants).where(sql`id = ${a.tenantId}`);
      await tx.insert(tenants).values({ id: sibling, accountId: root!.accountId, parentId: a.tenantId, path: [a.tenantId, sibling], depth: 1, slug: `sib-${sibling.slice(0, 8)}`, name: "sibling" });
      await tx.insert(ticketTypes).values({ tenantId: a.tenantId, id: rootType, code: "ROOT", name: "root" });
      await tx.insert(ticketExtensionSchemas).values({ tenantId: a.tenantId, version: 1, schema: { type: "object" } });
    });
    await withTenantTx(db.db, { tenantId: a.childId, userId: null }, (tx) => tx.insert(ticketTypes).values({ tenantId: a.childId, id: childType, code: "KID", name: "child" }));
    await withTenantTx(db.db, { tenantId: sibling, userId: null }, (tx) => tx.insert(ticketTypes).values({ tenantId: sibling, id: siblingType, code: "SIB", name: "sibling" }));
    await withTenantTx(db.db, { tenantId: b.tenantId, userId: null }, (tx) => tx.insert(ticketTypes).values({ tenantId: b.tenantId, id: otherType, code: "OTH", name: "other" }));

    await withTenantTx(db.db, { tenantId: a.childId, userId: null }, async (tx) => {
      const types = await tx.select({ id: ticketTypes.id }).from(ticketTypes);
      assert.deepEqual(new Set(types.map((t) => t.id)), new Set([rootType, childType]));
      const schemas = await tx.select({ tenantId: ticketExtensionSchemas.tenantId }).from(ticketExtensionSchemas);
      assert.deepEqual(schemas.map((r) => r.tenantId), [a.tenantId]);
      // Reading is all: the root's type cannot be changed from the store, nor a schema version added for the root.
      const changed = await tx.update(ticketTypes).set({ name: "taken over" }).where(sql`id = ${rootType}`).returning();
      assert.equal(changed.length, 0);
    });
    await assert.rejects(
      withTenantTx(db.db, { tenantId: a.childId, userId: null }, (tx) => tx.insert(ticketExtensionSchemas).values({ tenantId: a.tenantId, version: 2, schema: {} })),
      (error: unknown) => sqlState(error) === "42501",
    );
    // The root sees its own type, not its stores' (templates flow down only).
    await withTenantTx(db.db, { tenantId: a.tenantId, userId: null }, async (tx) => {
      assert.deepEqual((await tx.select({ id: ticketTypes.id }).from(ticketTypes)).map((t) => t.id), [rootType]);
    });
  });

  it("does not let the app role write audit history or suspension (column grants)", async () => {
    await assert.rejects(
      withTenantTx(db.db, { tenantId: a.tenantId, userId: null }, (tx) => tx.execute(sql`update audit_log set action = 'x'`)),
      (error: unknown) => sqlState(error) === "42501",
    );
    await assert.rejects(
      withTenantTx(db.db, { tenantId: a.tenantId, userId: null }, (tx) => tx.execute(sql`update tenants set suspended_at = null`)),
      (error: unknown) => sqlState(error) === "42501",
    );
  });
});

function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}
