import { graphql } from "../../../gql";

export const UpdateMemberRoleMutation = graphql(`
  mutation UpdateMemberRole($tenantId: ID!, $userId: ID!, $role: MemberRole!) {
    updateMemberRole(tenantId: $tenantId, userId: $userId, role: $role) {
      tenantId
      userId
      role
    }
  }
`);
