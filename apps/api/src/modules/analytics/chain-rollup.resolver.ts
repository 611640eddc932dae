import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import { DateTime } from "../common/scalars.js";
import { chainAnalytics, chainRollupLimits } from "./chain-rollup.js";
import { ChainAnalyticsPage } from "./chain-rollup.types.js";

@Resolver()
export class ChainAnalyticsResolver {
  @Query(() => ChainAnalyticsPage, {
    description: `Needs display:read. The chain under tenantId store by store (the tenant first, then its unsuspended descendants in tree order), ${chainRollupLimits.maxPage} at most a page; pass pageInfo.endCursor as after. Range as tenantAnalytics.`,
  })
  async chainAnalytics(
    @Arg("tenantId", () => ID) tenantId: string,
    @Arg("from", () => DateTime) from: Date,
    @Arg("to", () => DateTime) to: Date,
    @Arg("first", () => Int, { defaultValue: chainRollupLimits.defaultPage }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ChainAnalyticsPage> {
    const page = await chainAnalytics(ctx, tenantId, from, to, first, after);
    return { stores: page.stores, pageTotals: page.pageTotals, totalStores: page.totalStores, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }
}
