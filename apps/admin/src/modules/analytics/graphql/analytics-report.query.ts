import { graphql } from "../../../gql";

/**
 * The manager's report: service times, the service level, per counter, per staff member and per day. The figures
 * are spelled out in each selection (no fragment on the AnalyticsFigures interface: the cache has no possibleTypes).
 */
export const AnalyticsReportQuery = graphql(`
  query AnalyticsReport($tenantId: ID, $lineId: ID, $from: DateTimeISO!, $to: DateTimeISO!, $serviceLevelMinutes: Int) {
    analyticsReport(tenantId: $tenantId, lineId: $lineId, from: $from, to: $to, serviceLevelMinutes: $serviceLevelMinutes) {
      tenantId
      lineId
      timeZone
      serviceLevelMinutes
      total {
        issued
        served
        noShows
        cancelled
        waitSamples
        meanWaitSeconds
        medianWaitSeconds
        calledWithinTarget
        serviceLevelShare
        serviceSamples
        meanServiceSeconds
        medianServiceSeconds
      }
      daily {
        day
        issued
        served
        noShows
        cancelled
        waitSamples
        meanWaitSeconds
        medianWaitSeconds
        calledWithinTarget
        serviceLevelShare
        serviceSamples
        meanServiceSeconds
        medianServiceSeconds
      }
      byCounter {
        counterId
        name
        issued
        served
        noShows
        cancelled
        waitSamples
        meanWaitSeconds
        medianWaitSeconds
        calledWithinTarget
        serviceLevelShare
        serviceSamples
        meanServiceSeconds
        medianServiceSeconds
      }
      byStaff {
        userId
        name
        issued
        served
        noShows
        cancelled
        waitSamples
        meanWaitSeconds
        medianWaitSeconds
        calledWithinTarget
        serviceLevelShare
        serviceSamples
        meanServiceSeconds
        medianServiceSeconds
      }
    }
  }
`);
