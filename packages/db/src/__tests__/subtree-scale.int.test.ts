/**
 * A subtree grant stays cheap with 10,000 subtenants under one account: the checks the API runs for every
 * request (is X inside Y's subtree; which roles does the user hold on X's ancestors) use indexes, never a scan
 * of the tenant table. Plans, not timings: timings belong in bench/.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { accounts, memberships, tenants, users } from "../schema/index.js";
import { withTenantTx } from "../tenant-tx.js";
import { col, decodeFirstRow, decodeRows, z } from "../decode.js";
import { createTestDatabase, type TestDatabase } from "../testing.js";

const subtenants = 10_000;

const Plan = z.object({ "QUERY PLAN": col.text });

describe(`a tree of ${subtenants} subtenants`, () => {
  let db: TestDatabase;
  const userId = randomUUID();
  const rootId = randomUUID();
  let deepId = "";

  before(async () => {
    db = await createTestDatabase();
    const accountId = randomUUID();
    await withTenantTx(db.db, { tenantId: rootId, userId }, async (tx) => {
      await tx.insert(users).values({ id: userId, email: `scale-${userId}@example.test`, name: "Scale", passwordHash: "x" });
      await tx.insert(accounts).values({ id: accountId, name: "Scale", ownerUserId: userId });
      await tx.insert(tenants).values({ id: rootId, accountId, path: [rootId], depth: 0, slug: `scale-${rootId.slice(0, 8)}`, name: "Root" });
      await tx.insert(memberships).values({ tenantId: rootId, userId, role: "ADMIN" });
      // 100 regions × 99 stores, all under the root.
      await tx.execute(sql`
        insert into tenants (id, account_id, parent_id, path, depth, slug, name)
        select r.id, ${accountId}, ${rootId}, array[${rootId}::uuid, r.id], 1, 'region-' || r.i || '-' || ${rootId.slice(0, 8)}, 'Region ' || r.i
        from (select gen_random_uuid() as id, i from generate_series(1, 100) i) r`);
      await tx.execute(sql`
        insert into tenants (id, account_id, parent_id, path, depth, slug, name)
        select s.id, ${accountId}, r.id, r.path || s.id, 2, 'store-' || left(s.id::text, 13), 'Store ' || s.n
        from tenants r, lateral (select gen_random_uuid() as id, n, r.id as region from generate_series(1, 99) n) s
        where r.depth = 1`);
    });
    deepId = await withTenantTx(db.db, { tenantId: rootId, userId }, async (tx) =>
      decodeFirstRow(z.object({ id: col.uuid }), await tx.execute(sql`select id from tenants where depth = 2 order by id limit 1`))!.id,
    );
  });
  after(() => db.close());

  it("holds the whole tree, visible from the root's scope", async () => {
    const row = await withTenantTx(db.db, { tenantId: rootId, userId }, async (tx) => decodeFirstRow(z.object({ n: col.int }), await tx.execute(sql`select count(*)::int as n from tenants`)));
    assert.equal(row?.n, 1 + 100 + 100 * 99);
  });

  it("resolves a grandchild's access (roles on ancestors, suspension) through indexes only", async () => {
    const plan = await withTenantTx(db.db, { tenantId: deepId, userId }, async (tx) =>
      decodeRows(
        Plan,
        await tx.execute(sql`explain
          select t.id,
            exists (select 1 from tenants a where a.id = any(t.path) and a.suspended_at is not null) as suspended,
            (select array_agg(m.role::text) from memberships m where m.user_id = ${userId} and m.tenant_id = any(t.path)) as roles
          from tenants t where t.id = ${deepId}`),
      )
        .map((r) => r["QUERY PLAN"])
        .join("\n"),
    );
    assert.doesNotMatch(plan, /Seq Scan on tenants/, plan);
  });

  it("finds a store's children and ancestors through indexes only", async () => {
    const plan = await withTenantTx(db.db, { tenantId: deepId, userId }, async (tx) =>
      decodeRows(Plan, await tx.execute(sql`explain select id from tenants where parent_id = ${deepId}`))
        .map((r) => r["QUERY PLAN"])
        .join("\n"),
    );
    assert.doesNotMatch(plan, /Seq Scan on tenants/, plan);
  });
});
