import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppFrame } from "../../../app/AppFrame";
import { authToken } from "../../../lib/auth-token";
import { renderWithApollo } from "../../../test/render";
import { AccountPage } from "../components/AccountPage";
import { ChangePasswordMutation } from "../graphql/change-password.mutation";
import { LogoutEverywhereMutation } from "../graphql/logout-everywhere.mutation";
import { LogoutMutation } from "../graphql/logout.mutation";
import { accountNotice } from "../hooks/use-account-actions";
import { SessionContext, type Session } from "../hooks/use-session";

const session: Session = {
  user: { id: "u1", name: "Ada", email: "ada@example.com", memberships: [] },
  accounts: [],
  refresh: () => undefined,
};

const signedIn = (ui: React.ReactElement) => <SessionContext.Provider value={session}>{ui}</SessionContext.Provider>;

const current = "old-password-77";
const next = "violet-harbour-lantern-58";

async function fillPasswords(newPassword = next, confirmation = newPassword) {
  await userEvent.type(screen.getByLabelText("Current password"), current);
  await userEvent.type(screen.getByLabelText("New password"), newPassword);
  await userEvent.type(screen.getByLabelText("Repeat the new password"), confirmation);
  await userEvent.click(screen.getByRole("button", { name: "Change password" }));
}

describe("AccountPage", () => {
  beforeEach(() => authToken.set("old-token"));
  afterEach(() => {
    authToken.set(null);
    accountNotice.set(null);
  });

  it("changes the password and swaps in the new session's token", async () => {
    const mocks = [
      {
        request: { query: ChangePasswordMutation, variables: { currentPassword: current, newPassword: next } },
        result: { data: { changePassword: { __typename: "AuthPayload" as const, token: "new-token" } } },
      },
    ];
    renderWithApollo(signedIn(<AccountPage />), mocks);
    await fillPasswords();
    await expect.poll(() => authToken.get()).toBe("new-token");
    expect(await screen.findByText(/Password changed/)).toBeInTheDocument();
  });

  it("shows the API's advice for a weak new password next to the field and keeps the old token", async () => {
    const weak = "Password12";
    const mocks = [
      {
        request: { query: ChangePasswordMutation, variables: { currentPassword: current, newPassword: weak } },
        result: {
          errors: [
            {
              message: "Password is too easy to guess: This is a commonly used password.",
              path: ["changePassword"],
              extensions: { code: "BAD_USER_INPUT", fields: [{ path: "newPassword", message: "is too easy to guess: This is a commonly used password." }] },
            },
          ],
        },
      },
    ];
    renderWithApollo(signedIn(<AccountPage />), mocks);
    await fillPasswords(weak);
    expect(await screen.findByText("is too easy to guess: This is a commonly used password.")).toBeInTheDocument();
    expect(screen.getByLabelText("New password")).toHaveAccessibleDescription(expect.stringContaining("commonly used password"));
    expect(authToken.get()).toBe("old-token");
  });

  it("refuses a confirmation that does not match before any request", async () => {
    renderWithApollo(signedIn(<AccountPage />), []); // no mock: a request would end in an error alert
    await fillPasswords(next, `${next}x`);
    expect(screen.getByLabelText("Repeat the new password")).toHaveAccessibleDescription("Does not match the new password");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(authToken.get()).toBe("old-token");
  });

  it("signs out everywhere through logoutEverywhere", async () => {
    const mocks = [{ request: { query: LogoutEverywhereMutation }, result: { data: { logoutEverywhere: true } } }];
    renderWithApollo(signedIn(<AccountPage />), mocks);
    await userEvent.click(screen.getByRole("button", { name: "Sign out everywhere" }));
    await expect.poll(() => authToken.get()).toBe(null);
  });

  it("stays signed in and says so when sign-out everywhere fails", async () => {
    const mocks = [{ request: { query: LogoutEverywhereMutation }, error: new TypeError("Failed to fetch") }];
    renderWithApollo(signedIn(<AccountPage />), mocks);
    await userEvent.click(screen.getByRole("button", { name: "Sign out everywhere" }));
    expect(await screen.findByText("Cannot reach the server. Check your connection.")).toBeInTheDocument();
    expect(authToken.get()).toBe("old-token");
  });
});

describe("AppFrame's Sign out", () => {
  afterEach(() => authToken.set(null));

  it("ends the session on the server (logout), then drops the token", async () => {
    authToken.set("old-token");
    let called = false;
    const mocks = [
      {
        request: { query: LogoutMutation },
        result: () => {
          called = true;
          return { data: { logout: true } };
        },
      },
    ];
    renderWithApollo(signedIn(<AppFrame current={null}>page</AppFrame>), mocks);
    await userEvent.click(screen.getByRole("button", { name: "Sign out" }));
    await expect.poll(() => authToken.get()).toBe(null);
    expect(called).toBe(true);
  });
});
