import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import { DateTime } from "../common/scalars.js";
import { analyticsReport, reportLimits } from "./analytics-report.service.js";
import { AnalyticsReport } from "./analytics-report.types.js";

@Resolver()
export class AnalyticsReportResolver {
  @Query(() => AnalyticsReport, {
    description: `Needs display:read (staff names: members:read). Give tenantId, or lineId for one line. Tickets issued in [from, to); to must be after from and at most ${reportLimits.maxRangeDays} days later; serviceLevelMinutes 1–${reportLimits.maxServiceLevelMinutes} (default ${reportLimits.defaultServiceLevelMinutes}); timeZone an IANA zone (default: the line's, else the one most of the tenant's lines use). BAD_USER_INPUT names the failing argument.`,
  })
  analyticsReport(
    @Arg("tenantId", () => ID, { nullable: true }) tenantId: string | null,
    @Arg("lineId", () => ID, { nullable: true }) lineId: string | null,
    @Arg("from", () => DateTime) from: Date,
    @Arg("to", () => DateTime) to: Date,
    @Arg("serviceLevelMinutes", () => Int, { nullable: true }) serviceLevelMinutes: number | null,
    @Arg("timeZone", () => String, { nullable: true }) timeZone: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AnalyticsReport> {
    return analyticsReport(ctx, { tenantId, lineId, from, to, serviceLevelMinutes, timeZone });
  }
}
