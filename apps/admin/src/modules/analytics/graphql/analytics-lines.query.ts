import { graphql } from "../../../gql";

/** The lines a user can pick on the analytics page. */
export const AnalyticsLinesQuery = graphql(`
  query AnalyticsLines($tenantId: ID!) {
    tenant(id: $tenantId) {
      id
      lines {
        id
        name
        timeZone
      }
    }
  }
`);
