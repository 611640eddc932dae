import { graphql } from "../../../gql";

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($tenantId: ID!, $id: ID!) {
    revokeInvitation(tenantId: $tenantId, id: $id)
  }
`);
