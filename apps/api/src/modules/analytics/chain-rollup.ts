/**
 * The chain roll-up (docs/chains.md): a tenant's figures store by store over its whole subtree, in tree order, a
 * page at a time — hundreds of stores are read page by page instead of refusing above a cap. Each store is read
 * in its own tenant transaction through the staff door (RLS shows one tenant's tickets per transaction), a few at
 * once; the page also carries the page's stores summed. Kept apart from analytics.service.ts, whose per-tenant
 * partials it reuses.
 */
import { sql } from "drizzle-orm";
import { col, decodeRows, z } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { isUuid, tenantUnavailableSql } from "../../context/access.js";
import { staffDoor } from "../../context/doors.js";
import { badInput, notFound } from "../../errors/codes.js";
import { analyticsLimits, checkRange, finishAnalytics, mergePartials, tenantPartial, type AnalyticsPartial } from "./analytics.service.js";
import type { QueueAnalytics } from "./analytics.types.js";

export const chainRollupLimits = { maxPage: 50, defaultPage: 25 };

export interface ChainStoreFigures {
  tenant: { id: string; name: string; slug: string; depth: number; parentId: string | null };
  analytics: QueueAnalytics;
}

export interface ChainRollupPage {
  stores: ChainStoreFigures[];
  pageTotals: QueueAnalytics;
  totalStores: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

const StoreRow = z.object({ id: col.uuid, name: col.text, slug: col.text, depth: col.int, parent_id: col.uuid.nullable(), path: col.textArray });
const CountRow = z.object({ n: col.int });

const encodeCursor = (path: readonly string[]): string => Buffer.from(path.join(","), "utf8").toString("base64url");
function decodeCursor(cursor: string): string[] {
  const path = Buffer.from(cursor, "base64url").toString("utf8").split(",");
  if (path.length > 64 || !path.every(isUuid)) throw badInput("Malformed cursor", [{ path: "after", message: "is not a cursor from this connection" }]);
  return path;
}

/**
 * One page of the chain under `tenantId` (the tenant itself first, then its unsuspended descendants in tree order),
 * each store's figures for tickets issued in [from, to). Needs display:read on the tenant and, for each store, there
 * (a role on the tenant covers its subtree). `first` is 1–50 (BAD_USER_INPUT at `first`).
 */
export async function chainAnalytics(
  ctx: RequestContext,
  tenantId: string,
  from: Date,
  to: Date,
  first: number,
  after: string | null | undefined,
): Promise<ChainRollupPage> {
  checkRange(from, to);
  if (!isUuid(tenantId)) throw notFound("Tenant");
  if (!Number.isInteger(first) || first < 1 || first > chainRollupLimits.maxPage) {
    throw badInput(`first must be 1-${chainRollupLimits.maxPage}`, [{ path: "first", message: "out of range" }]);
  }
  const afterPath = after ? decodeCursor(after) : null;
  const { rows, total } = await staffDoor(ctx, tenantId, "display:read", async (tx) => {
    const inChain = sql`t.path @> array[${tenantId}]::uuid[] and not ${tenantUnavailableSql}`;
    const rows = decodeRows(
      StoreRow,
      await tx.execute(sql`
        select t.id, t.name, t.slug, t.depth, t.parent_id, t.path from tenants t
        where ${inChain} ${afterPath ? sql`and t.path > ${`{${afterPath.join(",")}}`}::uuid[]` : sql``}
        order by t.path
        limit ${first + 1}`),
    );
    const [count] = decodeRows(CountRow, await tx.execute(sql`select count(*)::int as n from tenants t where ${inChain}`));
    return { rows, total: count?.n ?? 0 };
  });
  const page = rows.slice(0, first);
  const partials: AnalyticsPartial[] = [];
  // A few tenant transactions at a time (a pool's worth would starve other requests).
  for (let i = 0; i < page.length; i += analyticsLimits.concurrency) {
    const batch = page.slice(i, i + analyticsLimits.concurrency);
    partials.push(...(await Promise.all(batch.map((store) => staffDoor(ctx, store.id, "display:read", (tx) => tenantPartial(tx, store.id, from, to, null))))));
  }
  const range = { from, to };
  return {
    stores: page.map((store, i) => ({
      tenant: { id: store.id, name: store.name, slug: store.slug, depth: store.depth, parentId: store.parent_id },
      analytics: finishAnalytics(partials[i]!, range, null, 1),
    })),
    pageTotals: finishAnalytics(mergePartials(partials), range, null, partials.length),
    totalStores: total,
    hasNextPage: rows.length > first,
    endCursor: page.length ? encodeCursor(page[page.length - 1]!.path) : null,
  };
}
