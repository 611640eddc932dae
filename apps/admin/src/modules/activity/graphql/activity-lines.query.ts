import { graphql } from "../../../gql";

/** Names for the lines events mention (this tenant's; subtenants' lines show as "a subtenant's line"). */
export const ActivityLinesQuery = graphql(`
  query ActivityLines($tenantId: ID!) {
    tenant(id: $tenantId) {
      id
      lines {
        id
        name
        prefix
        waitingCount
      }
    }
  }
`);
