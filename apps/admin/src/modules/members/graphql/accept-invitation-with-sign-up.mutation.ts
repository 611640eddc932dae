import { graphql } from "../../../gql";

export const AcceptInvitationWithSignUpMutation = graphql(`
  mutation AcceptInvitationWithSignUp($token: String!, $name: String!, $password: String!) {
    acceptInvitationWithSignUp(token: $token, name: $name, password: $password) {
      token
      user {
        id
        memberships {
          tenant {
            id
          }
        }
      }
    }
  }
`);
