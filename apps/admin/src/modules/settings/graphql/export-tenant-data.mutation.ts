import { graphql } from "../../../gql";

export const ExportTenantDataMutation = graphql(`
  mutation ExportTenantData($tenantId: ID!) {
    exportTenantData(tenantId: $tenantId) {
      url
      expiresAt
    }
  }
`);
