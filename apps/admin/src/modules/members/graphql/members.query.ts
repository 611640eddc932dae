import { graphql } from "../../../gql";

export const MembersQuery = graphql(`
  query Members($tenantId: ID!) {
    tenant(id: $tenantId) {
      id
      members {
        tenantId
        userId
        name
        email
        role
        createdAt
      }
    }
  }
`);
