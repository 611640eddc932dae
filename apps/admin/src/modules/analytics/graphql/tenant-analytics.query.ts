import { graphql } from "../../../gql";

export const TenantAnalyticsQuery = graphql(`
  query TenantAnalytics($tenantId: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $includeSubtree: Boolean!) {
    tenantAnalytics(tenantId: $tenantId, from: $from, to: $to, includeSubtree: $includeSubtree) {
      ...AnalyticsFields
    }
  }
`);
