import { graphql } from "../../../gql";

export const DeleteTenantMutation = graphql(`
  mutation DeleteTenant($id: ID!) {
    deleteTenant(id: $id) {
      id
      deletionScheduledAt
    }
  }
`);
