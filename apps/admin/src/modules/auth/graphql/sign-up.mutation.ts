import { graphql } from "../../../gql";

/** Starts a sign-up: the API emails a confirmation link (the same answer whether or not the address has a login). */
export const StartSignUpMutation = graphql(`
  mutation StartSignUp($input: SignUpInput!) {
    startSignUp(input: $input)
  }
`);

export const ConfirmSignUpMutation = graphql(`
  mutation ConfirmSignUp($token: String!) {
    confirmSignUp(token: $token) {
      token
      user {
        id
      }
    }
  }
`);
