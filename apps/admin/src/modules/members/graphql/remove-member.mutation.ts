import { graphql } from "../../../gql";

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($tenantId: ID!, $userId: ID!) {
    removeMember(tenantId: $tenantId, userId: $userId)
  }
`);
