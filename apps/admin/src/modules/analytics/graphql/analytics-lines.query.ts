import { graphql } from "../../../gql";

/** The lines a user can pick on the analytics page; archived ones too: their history stays worth reading. */
export const AnalyticsLinesQuery = graphql(`
  query AnalyticsLines($tenantId: ID!) {
    tenant(id: $tenantId) {
      id
      lines(includeArchived: true) {
        id
        name
        timeZone
        archivedAt
      }
    }
  }
`);
