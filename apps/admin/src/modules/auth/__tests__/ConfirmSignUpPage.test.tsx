import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { authToken } from "../../../lib/auth-token";
import { renderWithApollo } from "../../../test/render";
import { ConfirmSignUpPage } from "../components/ConfirmSignUpPage";
import { ConfirmSignUpMutation } from "../graphql/sign-up.mutation";

const token = "c".repeat(43);
afterEach(() => authToken.set(null));

describe("ConfirmSignUpPage", () => {
  it("confirms once and signs in", async () => {
    const mocks = [
      {
        request: { query: ConfirmSignUpMutation, variables: { token } },
        result: { data: { confirmSignUp: { __typename: "AuthPayload" as const, token: "owner-session", user: { __typename: "User" as const, id: "u1" } } } },
      },
    ];
    renderWithApollo(<ConfirmSignUpPage token={token} />, mocks);
    await expect.poll(() => authToken.get()).toBe("owner-session");
  });

  it("a used or expired link offers to sign up again", async () => {
    const mocks = [
      {
        request: { query: ConfirmSignUpMutation, variables: { token } },
        result: { errors: [{ message: "This confirmation link is not valid", extensions: { code: "BAD_USER_INPUT", fields: [{ path: "token", message: "is not valid or has expired" }] } }] },
      },
    ];
    renderWithApollo(<ConfirmSignUpPage token={token} />, mocks);
    expect(await screen.findByRole("alert")).toHaveTextContent("This link is not valid, was used already or has expired.");
    expect(screen.getByRole("link", { name: "Sign up again" })).toHaveAttribute("href", "#/signup");
    expect(authToken.get()).toBeNull();
  });
});
