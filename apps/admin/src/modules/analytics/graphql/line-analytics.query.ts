import { graphql } from "../../../gql";

export const LineAnalyticsQuery = graphql(`
  query LineAnalytics($lineId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
    lineAnalytics(lineId: $lineId, from: $from, to: $to) {
      ...AnalyticsFields
    }
  }
`);
