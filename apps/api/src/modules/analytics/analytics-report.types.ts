import { Field, Float, ID, Int, InterfaceType, ObjectType } from "type-graphql";
import { DateTime } from "../common/scalars.js";

/** Figures over a group of tickets (the whole range, a day, a counter, a staff member). */
export interface AnalyticsGroupFigures {
  issued: number;
  served: number;
  noShows: number;
  cancelled: number;
  waitSamples: number;
  meanWaitSeconds: number | null;
  medianWaitSeconds: number | null;
  calledWithinTarget: number;
  serviceLevelShare: number | null;
  serviceSamples: number;
  meanServiceSeconds: number | null;
  medianServiceSeconds: number | null;
}

@InterfaceType({
  description: "Wait = join → call (called tickets); service time = call → complete (served tickets). Seconds, to 0.1 s.",
  // Every field typed with this interface is one of its concrete types; a plain object is told apart by its keys.
  resolveType: (value: object) => ("day" in value ? "AnalyticsDay" : "counterId" in value ? "AnalyticsCounter" : "userId" in value ? "AnalyticsStaff" : "AnalyticsTotal"),
})
export abstract class AnalyticsFigures implements AnalyticsGroupFigures {
  @Field(() => Int, { description: "Tickets issued in the range (in this group)." })
  issued: number;

  @Field(() => Int)
  served: number;

  @Field(() => Int)
  noShows: number;

  @Field(() => Int)
  cancelled: number;

  @Field(() => Int, { description: "Tickets with a measured wait (called and not back in the queue)." })
  waitSamples: number;

  @Field(() => Float, { nullable: true })
  meanWaitSeconds: number | null;

  @Field(() => Float, { nullable: true, description: "Median (percentile_cont 0.5)." })
  medianWaitSeconds: number | null;

  @Field(() => Int, { description: "Of waitSamples, those called within the service-level target." })
  calledWithinTarget: number;

  @Field(() => Float, { nullable: true, description: "calledWithinTarget / waitSamples (0–1); null when nobody was called." })
  serviceLevelShare: number | null;

  @Field(() => Int, { description: "Served tickets with a measured service time (call → complete)." })
  serviceSamples: number;

  @Field(() => Float, { nullable: true })
  meanServiceSeconds: number | null;

  @Field(() => Float, { nullable: true, description: "Median (percentile_cont 0.5)." })
  medianServiceSeconds: number | null;
}

@ObjectType({ implements: AnalyticsFigures, description: "The figures of all the report's tickets." })
export class AnalyticsTotal extends AnalyticsFigures {}

@ObjectType({ implements: AnalyticsFigures, description: "The figures of the tickets issued on one local day (in the report's time zone)." })
export class AnalyticsDay extends AnalyticsFigures {
  @Field(() => String, { description: "YYYY-MM-DD, local to the report's time zone." })
  day: string;
}

@ObjectType({ implements: AnalyticsFigures, description: "The figures of the tickets a counter took (its last counter)." })
export class AnalyticsCounter extends AnalyticsFigures {
  @Field(() => ID)
  counterId: string;

  @Field(() => String, { nullable: true })
  name: string | null;
}

@ObjectType({ implements: AnalyticsFigures, description: "The figures of the tickets a staff member called (the last person to call each ticket)." })
export class AnalyticsStaff extends AnalyticsFigures {
  @Field(() => ID)
  userId: string;

  @Field(() => String, { nullable: true, description: "Needs members:read (null otherwise), and null for someone no longer a member of this tenant." })
  name: string | null;
}

@ObjectType({ description: "The manager's report over the tickets issued in [from, to) of one tenant (or one line)." })
export class AnalyticsReport {
  @Field(() => ID)
  tenantId: string;

  @Field(() => ID, { nullable: true })
  lineId: string | null;

  @Field(() => DateTime)
  from: Date;

  @Field(() => DateTime)
  to: Date;

  @Field(() => String, { description: "The IANA zone of the daily buckets." })
  timeZone: string;

  @Field(() => Int, { description: "The service-level target: a ticket counts as within it when called within this many minutes." })
  serviceLevelMinutes: number;

  @Field(() => AnalyticsTotal)
  total: AnalyticsTotal;

  @Field(() => [AnalyticsDay], { description: "Every local day the range touches, in order (days without tickets have zeros)." })
  daily: AnalyticsDay[];

  @Field(() => [AnalyticsCounter], { description: "Counters that took tickets, busiest first." })
  byCounter: AnalyticsCounter[];

  @Field(() => [AnalyticsStaff], { description: "People who called tickets, busiest first. Calls by API keys or devices count for no one." })
  byStaff: AnalyticsStaff[];
}
