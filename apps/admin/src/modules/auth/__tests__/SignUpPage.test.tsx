import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithApollo } from "../../../test/render";
import { StartSignUpMutation } from "../graphql/sign-up.mutation";
import { SlugAvailableQuery } from "../graphql/slug-available.query";
import { SignUpPage } from "../components/SignUpPage";

const input = {
  name: "Ada",
  email: "ada@example.com",
  password: "correct-horse-1",
  accountName: "Ada Ltd",
  tenantName: "Main Shop",
  tenantSlug: "main-shop",
};

describe("SignUpPage", () => {
  it("shows client-side errors next to each field before any request", async () => {
    renderWithApollo(<SignUpPage />);
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    expect(screen.getByLabelText("Your name")).toHaveAccessibleDescription("Enter your name");
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Enter an email address");
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription(expect.stringContaining("Use at least 10 characters"));
  });

  it("shows the API's error for input.email next to the email field", async () => {
    const mocks = [
      { request: { query: SlugAvailableQuery, variables: { slug: "main-shop" } }, result: { data: { slugAvailable: { __typename: "SlugAvailability" as const, available: true, reason: null } } }, maxUsageCount: 10 },
      {
        request: { query: StartSignUpMutation, variables: { input } },
        result: { errors: [{ message: "Malformed email address", extensions: { code: "BAD_USER_INPUT", fields: [{ path: "input.email", message: "is not an email address" }] } }] },
      },
    ];
    renderWithApollo(<SignUpPage />, mocks);
    await userEvent.type(screen.getByLabelText("Your name"), input.name);
    await userEvent.type(screen.getByLabelText("Email"), input.email);
    await userEvent.type(screen.getByLabelText("Password"), input.password);
    await userEvent.type(screen.getByLabelText("Organisation name"), input.accountName);
    await userEvent.type(screen.getByLabelText("First location"), input.tenantName);
    expect(screen.getByLabelText("Web address (slug)")).toHaveValue("main-shop");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByText("is not an email address")).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("is not an email address");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument(); // the field says it; no second message on top
  });

  it("after a valid sign-up says to check the email, naming the organisation and its first location", async () => {
    const mocks = [
      { request: { query: SlugAvailableQuery, variables: { slug: "main-shop" } }, result: { data: { slugAvailable: { __typename: "SlugAvailability" as const, available: true, reason: null } } }, maxUsageCount: 10 },
      { request: { query: StartSignUpMutation, variables: { input } }, result: { data: { startSignUp: true } } },
    ];
    renderWithApollo(<SignUpPage />, mocks);
    await userEvent.type(screen.getByLabelText("Your name"), input.name);
    await userEvent.type(screen.getByLabelText("Email"), input.email);
    await userEvent.type(screen.getByLabelText("Password"), input.password);
    await userEvent.type(screen.getByLabelText("Organisation name"), input.accountName);
    await userEvent.type(screen.getByLabelText("First location"), input.tenantName);
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByRole("heading", { name: "Check your email" })).toBeInTheDocument();
    expect(screen.getByText(/We sent a link to/)).toHaveTextContent("We sent a link to ada@example.com. Open it within 24 hours to create Ada Ltd and its first location, Main Shop, and you are signed in.");
  });
});
