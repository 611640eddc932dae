import { useMutation } from "@apollo/client/react";
import { authToken } from "../../../lib/auth-token";
import { attempt, type Problem } from "../../../lib/errors";
import { createStore } from "../../../lib/store";
import { ChangePasswordMutation } from "../graphql/change-password.mutation";
import { LogoutEverywhereMutation } from "../graphql/logout-everywhere.mutation";
import { LogoutMutation } from "../graphql/logout.mutation";

/**
 * A message for the account page that outlives the token swap: a new token starts a new Apollo client and
 * remounts the page, so "your password was changed" is kept here rather than in the page's state.
 */
export const accountNotice = createStore<string | null>(null); // an i18n key (auth.account.…)

/** Signing out ends the session on the server, so the token stops working everywhere it was copied to. */
export function useSignOut() {
  const [logoutMutation, logoutState] = useMutation(LogoutMutation);
  const [everywhereMutation, everywhereState] = useMutation(LogoutEverywhereMutation);

  /** Ends this session; the local token is dropped even if the server cannot be reached. */
  const signOut = async (): Promise<void> => {
    await attempt(() => logoutMutation());
    authToken.set(null);
  };

  /** Ends every session of this user. On failure nothing ended: the problem is returned and you stay signed in. */
  const signOutEverywhere = async (): Promise<Problem | null> => {
    const result = await attempt(() => everywhereMutation());
    if (!result.ok) return result.problem;
    authToken.set(null);
    return null;
  };

  return { signOut, signOutEverywhere, signingOut: logoutState.loading || everywhereState.loading };
}

/** Changes the password; on success the new session's token replaces the old one (every other session ended). */
export function useChangePassword() {
  const [mutate, state] = useMutation(ChangePasswordMutation);
  const changePassword = async (currentPassword: string, newPassword: string): Promise<Problem | null> => {
    const result = await attempt(() => mutate({ variables: { currentPassword, newPassword } }));
    if (!result.ok) return result.problem;
    const token = result.value.data?.changePassword.token;
    if (token) {
      accountNotice.set("auth.account.passwordChanged"); // an i18n key: the page shows it in the language of the moment
      authToken.set(token);
    }
    return null;
  };
  return { changePassword, changing: state.loading };
}
