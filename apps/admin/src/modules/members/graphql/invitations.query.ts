import { graphql } from "../../../gql";

export const InvitationsQuery = graphql(`
  query Invitations($tenantId: ID!) {
    tenant(id: $tenantId) {
      id
      invitations {
        id
        email
        role
        status
        sentAt
        expiresAt
      }
    }
  }
`);
