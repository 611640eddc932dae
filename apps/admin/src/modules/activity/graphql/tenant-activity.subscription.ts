import { graphql } from "../../../gql";

export const TenantActivitySubscription = graphql(`
  subscription TenantActivity($tenantId: ID!) {
    tenantActivity(tenantId: $tenantId) {
      kind
      tenantId
      lineId
      at
      ticket {
        id
        number
        status
      }
      stats {
        waitingCount
      }
    }
  }
`);
