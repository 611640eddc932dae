import { graphql } from "../../../gql";

export const InviteMemberMutation = graphql(`
  mutation InviteMember($tenantId: ID!, $email: String!, $role: MemberRole!) {
    inviteMember(tenantId: $tenantId, email: $email, role: $role) {
      id
      email
      role
      status
    }
  }
`);
