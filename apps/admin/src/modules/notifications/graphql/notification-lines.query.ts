import { graphql } from "../../../gql";

/** Line names for the Notifications page's filter and its rows. */
export const NotificationLinesQuery = graphql(`
  query NotificationLines($tenantId: ID!) {
    tenant(id: $tenantId) {
      id
      lines {
        id
        name
        prefix
      }
    }
  }
`);
