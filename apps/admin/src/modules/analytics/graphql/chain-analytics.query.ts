import { graphql } from "../../../gql";

/** One page of the chain roll-up: stores in tree order with their figures. */
export const ChainAnalyticsQuery = graphql(`
  query ChainAnalytics($tenantId: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $first: Int!, $after: String) {
    chainAnalytics(tenantId: $tenantId, from: $from, to: $to, first: $first, after: $after) {
      totalStores
      stores {
        tenant {
          id
          name
          depth
        }
        analytics {
          issued
          served
          noShows
          averageWaitSeconds
          noShowRate
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
