import { graphql } from "../../../gql";

export const MoveTenantMutation = graphql(`
  mutation MoveTenant($id: ID!, $parentId: ID!) {
    moveTenant(id: $id, parentId: $parentId) {
      id
      depth
      parent {
        id
      }
    }
  }
`);
