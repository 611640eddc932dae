import { graphql } from "../../../gql";

export const CancelTenantDeletionMutation = graphql(`
  mutation CancelTenantDeletion($id: ID!) {
    cancelTenantDeletion(id: $id) {
      id
      deletionScheduledAt
    }
  }
`);
