import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateTime } from "../common/scalars.js";

@ObjectType({ description: "Tickets issued in one hour of the day (0–23, in each ticket's line's time zone), over the whole range." })
export class AnalyticsHour {
  @Field(() => Int)
  hour: number;

  @Field(() => Int)
  issued: number;

  @Field(() => Int)
  served: number;
}

@ObjectType({ description: "How the estimates given at issue compared with the waits that followed (called tickets that had one)." })
export class EstimateAccuracy {
  @Field(() => Int, { description: "Called tickets with a recorded estimate." })
  samples: number;

  @Field(() => Float, { description: "Mean of |actual wait − issued p50|, in seconds." })
  meanAbsoluteErrorSeconds: number;

  @Field(() => Float, { description: "Share (0–1) of them that waited longer than their issued p90." })
  pastP90Share: number;
}

@ObjectType({
  description:
    "Queue figures over the tickets issued in [from, to). Wait = join → call, for tickets that were called. Rates are shares (0–1) of the finished tickets (served, no-show, cancelled, expired); null when none finished.",
})
export class QueueAnalytics {
  @Field(() => DateTime)
  from: Date;

  @Field(() => DateTime)
  to: Date;

  @Field(() => String, { nullable: true, description: "The line's time zone (byHour); null for a tenant, where each line uses its own." })
  timeZone: string | null;

  @Field(() => Int, { description: "Tenants included (1, or the subtree's unsuspended tenants)." })
  tenantCount: number;

  @Field(() => Int)
  issued: number;

  @Field(() => Int)
  served: number;

  @Field(() => Int)
  noShows: number;

  @Field(() => Int)
  cancelled: number;

  @Field(() => Int)
  expired: number;

  @Field(() => Int, { description: "Issued in the range and not finished yet (waiting, called or being served)." })
  open: number;

  @Field(() => Int, { description: "Tickets with a measured wait (called)." })
  waitSamples: number;

  @Field(() => Float, { nullable: true })
  averageWaitSeconds: number | null;

  @Field(() => Float, { nullable: true, description: "90th percentile of the waits (linear interpolation, like percentile_cont), in whole-second resolution." })
  p90WaitSeconds: number | null;

  @Field(() => Float, { nullable: true })
  noShowRate: number | null;

  @Field(() => Float, { nullable: true })
  cancellationRate: number | null;

  @Field(() => [AnalyticsHour], { description: "24 entries, hour 0 to 23." })
  byHour: AnalyticsHour[];

  @Field(() => EstimateAccuracy, { nullable: true, description: "Null when no called ticket in the range had an estimate recorded at issue." })
  estimateAccuracy: EstimateAccuracy | null;
}
