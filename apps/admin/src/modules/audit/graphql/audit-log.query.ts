import { graphql } from "../../../gql";

export const AuditLogQuery = graphql(`
  query AuditLog($tenantId: ID!, $filter: AuditFilterInput, $first: Int!, $after: String) {
    tenant(id: $tenantId) {
      id
      auditLog(filter: $filter, first: $first, after: $after) {
        nodes {
          id
          action
          actorId
          actorType
          actorName
          targetType
          targetId
          targetName
          before
          after
          createdAt
        }
        pageInfo {
          endCursor
          hasNextPage
        }
      }
    }
  }
`);
