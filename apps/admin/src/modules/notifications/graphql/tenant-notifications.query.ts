import { graphql } from "../../../gql";

/** The tenant's delivery log, newest first, with counts by status for the same filter. */
export const TenantNotificationsQuery = graphql(`
  query TenantNotifications($tenantId: ID!, $filter: NotificationFilter, $first: Int!, $after: String) {
    tenantNotifications(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {
      nodes {
        ...NotificationFields
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      counts {
        pending
        sending
        sent
        retrying
        dead
        skipped
      }
    }
  }
`);
