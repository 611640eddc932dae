import { graphql } from "../../../gql";

export const ResendInvitationMutation = graphql(`
  mutation ResendInvitation($tenantId: ID!, $id: ID!) {
    resendInvitation(tenantId: $tenantId, id: $id) {
      id
      status
      sentAt
      expiresAt
    }
  }
`);
