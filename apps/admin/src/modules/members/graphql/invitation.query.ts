import { graphql } from "../../../gql";

export const InvitationPreviewQuery = graphql(`
  query InvitationPreview($token: String!) {
    invitation(token: $token) {
      tenantName
      role
      email
      status
      expiresAt
    }
  }
`);
