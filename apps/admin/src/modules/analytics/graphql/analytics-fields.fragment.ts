import { graphql } from "../../../gql";

/** The figures the analytics page shows and exports. */
export const AnalyticsFieldsFragment = graphql(`
  fragment AnalyticsFields on QueueAnalytics {
    from
    to
    timeZone
    tenantCount
    issued
    served
    noShows
    cancelled
    expired
    open
    waitSamples
    averageWaitSeconds
    p90WaitSeconds
    noShowRate
    cancellationRate
    byHour {
      hour
      issued
      served
    }
    estimateAccuracy {
      samples
      meanAbsoluteErrorSeconds
      pastP90Share
    }
  }
`);
