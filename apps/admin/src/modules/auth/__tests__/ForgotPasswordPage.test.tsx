import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithApollo } from "../../../test/render";
import { ForgotPasswordPage } from "../components/ForgotPasswordPage";
import { ResetPasswordPage } from "../components/ResetPasswordPage";
import { RequestPasswordResetMutation } from "../graphql/request-password-reset.mutation";
import { ResetPasswordMutation } from "../graphql/reset-password.mutation";

describe("ForgotPasswordPage", () => {
  it("answers 'check your email' without saying whether the address has a login", async () => {
    const mocks = [{ request: { query: RequestPasswordResetMutation, variables: { email: "who@example.com" } }, result: { data: { requestPasswordReset: true } } }];
    renderWithApollo(<ForgotPasswordPage />, mocks);
    await userEvent.type(screen.getByLabelText("Email"), "who@example.com");
    await userEvent.click(screen.getByRole("button", { name: "Email me a link" }));
    expect(await screen.findByText(/Check your email. If who@example.com has a qline login/)).toBeInTheDocument();
  });

  it("asks for an address before sending anything", async () => {
    renderWithApollo(<ForgotPasswordPage />);
    await userEvent.click(screen.getByRole("button", { name: "Email me a link" }));
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Enter an email address");
  });
});

describe("ResetPasswordPage", () => {
  const token = "r".repeat(43);
  it("shows the API's advice next to a weak password", async () => {
    const mocks = [
      {
        request: { query: ResetPasswordMutation, variables: { token, newPassword: "Password12" } },
        result: { errors: [{ message: "Password is too easy to guess", extensions: { code: "BAD_USER_INPUT", fields: [{ path: "newPassword", message: "is too easy to guess" }] } }] },
      },
    ];
    renderWithApollo(<ResetPasswordPage token={token} />, mocks);
    await userEvent.type(screen.getByLabelText("New password"), "Password12");
    await userEvent.click(screen.getByRole("button", { name: "Set new password" }));
    expect(await screen.findByText("is too easy to guess")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("after the change, offers to sign in with the new password", async () => {
    const mocks = [{ request: { query: ResetPasswordMutation, variables: { token, newPassword: "lantern-Quiet-meadow-74" } }, result: { data: { resetPassword: true } } }];
    renderWithApollo(<ResetPasswordPage token={token} />, mocks);
    await userEvent.type(screen.getByLabelText("New password"), "lantern-Quiet-meadow-74");
    await userEvent.click(screen.getByRole("button", { name: "Set new password" }));
    expect(await screen.findByText(/Your password is changed/)).toHaveTextContent("Your password is changed and every session of yours has ended. Sign in with the new one.");
    expect(screen.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "#/login");
  });

  it("a used or expired link offers a new one", async () => {
    const mocks = [
      {
        request: { query: ResetPasswordMutation, variables: { token, newPassword: "lantern-Quiet-meadow-74" } },
        result: { errors: [{ message: "This reset link is not valid or has expired", extensions: { code: "BAD_USER_INPUT", fields: [{ path: "token", message: "is not valid or has expired" }] } }] },
      },
    ];
    renderWithApollo(<ResetPasswordPage token={token} />, mocks);
    await userEvent.type(screen.getByLabelText("New password"), "lantern-Quiet-meadow-74");
    await userEvent.click(screen.getByRole("button", { name: "Set new password" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This link is not valid or has expired.");
    expect(screen.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "#/forgot-password");
  });
});
