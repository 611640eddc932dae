import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import { DateTime } from "../common/scalars.js";
import * as analyticsService from "./analytics.service.js";
import { QueueAnalytics } from "./analytics.types.js";

const rangeHelp = "Tickets issued in [from, to); to must be after from and at most 92 days later (BAD_USER_INPUT naming `from`/`to`).";

@Resolver()
export class AnalyticsResolver {
  @Query(() => QueueAnalytics, { description: `Needs display:read in the line's tenant. ${rangeHelp}` })
  lineAnalytics(
    @Arg("lineId", () => ID) lineId: string,
    @Arg("from", () => DateTime) from: Date,
    @Arg("to", () => DateTime) to: Date,
    @Ctx() ctx: RequestContext,
  ): Promise<QueueAnalytics> {
    return analyticsService.lineAnalytics(ctx, lineId, from, to);
  }

  @Query(() => QueueAnalytics, {
    description: `Needs display:read. All the tenant's lines; includeSubtree sums every unsuspended tenant below it too (at most 50 tenants, LIMIT_EXCEEDED above). ${rangeHelp}`,
  })
  tenantAnalytics(
    @Arg("tenantId", () => ID) tenantId: string,
    @Arg("from", () => DateTime) from: Date,
    @Arg("to", () => DateTime) to: Date,
    @Arg("includeSubtree", () => Boolean, { defaultValue: false }) includeSubtree: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<QueueAnalytics> {
    return analyticsService.tenantAnalytics(ctx, tenantId, from, to, includeSubtree);
  }
}
