import { graphql } from "../../../gql";

export const AddMemberMutation = graphql(`
  mutation AddMember($tenantId: ID!, $email: String!, $role: MemberRole!) {
    addMember(tenantId: $tenantId, email: $email, role: $role) {
      tenantId
      userId
      name
      email
      role
      createdAt
    }
  }
`);
