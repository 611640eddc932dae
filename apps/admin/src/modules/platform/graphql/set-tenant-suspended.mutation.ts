import { graphql } from "../../../gql";

export const SetTenantSuspendedMutation = graphql(`
  mutation SetTenantSuspended($tenantId: ID!, $suspended: Boolean!) {
    setTenantSuspended(tenantId: $tenantId, suspended: $suspended)
  }
`);
