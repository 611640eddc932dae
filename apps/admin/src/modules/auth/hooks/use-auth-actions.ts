import { useMutation } from "@apollo/client/react";
import { authToken } from "../../../lib/auth-token";
import { attempt, type Problem } from "../../../lib/errors";
import type { SignUpInput } from "../../../gql/graphql";
import { LoginMutation } from "../graphql/login.mutation";
import { StartSignUpMutation } from "../graphql/sign-up.mutation";

/** Log in (on success the token is stored, which swaps in a signed-in Apollo client) and start a sign-up (a confirmation email). */
export function useAuthActions() {
  const [loginMutation, loginState] = useMutation(LoginMutation);
  const [signUpMutation, signUpState] = useMutation(StartSignUpMutation);

  const login = async (email: string, password: string): Promise<Problem | null> => {
    const result = await attempt(() => loginMutation({ variables: { email: email.trim(), password } }));
    if (!result.ok) return result.problem;
    const token = result.value.data?.login.token;
    if (token) authToken.set(token);
    return null;
  };

  const signUp = async (input: SignUpInput): Promise<Problem | null> => {
    const result = await attempt(() => signUpMutation({ variables: { input } }));
    return result.ok ? null : result.problem;
  };

  return { login, signUp, loggingIn: loginState.loading, signingUp: signUpState.loading };
}

export function logout(): void {
  authToken.set(null);
}
