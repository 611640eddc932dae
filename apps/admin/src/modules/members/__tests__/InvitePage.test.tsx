import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { i18n } from "../../../i18n/i18n";
import { authToken } from "../../../lib/auth-token";
import { renderWithApollo } from "../../../test/render";
import { InvitePage } from "../components/InvitePage";
import { AcceptInvitationWithSignUpMutation } from "../graphql/accept-invitation-with-sign-up.mutation";
import { InvitationPreviewQuery } from "../graphql/invitation.query";

const token = "t".repeat(43);
const preview = (status: "PENDING" | "EXPIRED" | "ACCEPTED" | "REVOKED") => ({
  request: { query: InvitationPreviewQuery, variables: { token } },
  result: { data: { invitation: { __typename: "InvitationPreview" as const, tenantName: "Harbour Cafe", role: "MANAGER" as const, email: "maya@example.com", status, expiresAt: "2026-12-11T10:00:00.000Z" } } },
});

afterEach(() => authToken.set(null));

describe("InvitePage", () => {
  it("signed out: says where, as what and for which address; a new login for that address joins in one step", async () => {
    const join = {
      request: { query: AcceptInvitationWithSignUpMutation, variables: { token, name: "Maya", password: "harbour-Violet-lantern-58" } },
      result: {
        data: {
          acceptInvitationWithSignUp: {
            __typename: "AuthPayload" as const,
            token: "new-session-token",
            user: { __typename: "User" as const, id: "u1", memberships: [{ __typename: "Membership" as const, tenant: { __typename: "Tenant" as const, id: "tenant-1" } }] },
          },
        },
      },
    };
    renderWithApollo(<InvitePage token={token} signedIn={false} />, [preview("PENDING"), join]);
    expect(await screen.findByRole("heading", { name: "Join Harbour Cafe" })).toBeInTheDocument();
    expect(screen.getByText(/invited to Harbour Cafe as manager/)).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toHaveValue("maya@example.com");
    await userEvent.type(screen.getByLabelText("Your name"), "Maya");
    await userEvent.type(screen.getByLabelText("Password"), "harbour-Violet-lantern-58");
    await userEvent.click(screen.getByRole("button", { name: "Create login and join" }));
    await expect.poll(() => authToken.get()).toBe("new-session-token");
    expect(location.hash).toBe("#/t/tenant-1/overview");
  });

  it("signed out with a login: the sign-in form, prefilled with the invited address", async () => {
    renderWithApollo(<InvitePage token={token} signedIn={false} />, [preview("PENDING")]);
    await userEvent.click(await screen.findByRole("button", { name: "I have a login" }));
    expect(screen.getByLabelText("Email")).toHaveValue("maya@example.com");
    expect(screen.getByRole("button", { name: "Sign in" })).toBeInTheDocument();
  });

  it("an expired invitation says so and offers no way to accept", async () => {
    renderWithApollo(<InvitePage token={token} signedIn={false} />, [preview("EXPIRED")]);
    expect(await screen.findByText(/This invitation has expired/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Create login and join" })).not.toBeInTheDocument();
  });

  it("an unknown or replaced link says it is not valid", async () => {
    const notFound = { request: { query: InvitationPreviewQuery, variables: { token } }, result: { errors: [{ message: "Invitation not found", extensions: { code: "NOT_FOUND" } }] } };
    renderWithApollo(<InvitePage token={token} signedIn={false} />, [notFound]);
    expect(await screen.findByText(/This invitation link is not valid/)).toBeInTheDocument();
  });

  it("speaks German: where, as what, for which address, and the form to join", async () => {
    await i18n.changeLanguage("de");
    renderWithApollo(<InvitePage token={token} signedIn={false} />, [preview("PENDING")]);
    expect(screen.getByRole("status")).toHaveTextContent("Die Einladung wird geöffnet…");
    expect(await screen.findByRole("heading", { name: "Harbour Cafe beitreten" })).toBeInTheDocument();
    const invited = screen.getByText(/als Manager eingeladen/);
    expect(invited).toHaveTextContent("Sie sind zu Harbour Cafe als Manager eingeladen. Die Einladung gilt für maya@example.com.");
    expect(invited.querySelector("strong")).toHaveTextContent("maya@example.com");
    expect(screen.getByRole("group", { name: "Haben Sie ein qline-Login?" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Ich bin neu bei qline" })).toHaveAttribute("aria-pressed", "true");
    const form = screen.getByRole("form", { name: "Login anlegen und beitreten" });
    expect(form).toBeInTheDocument();
    expect(screen.getByLabelText("E-Mail")).toHaveValue("maya@example.com");
    expect(screen.getByText("Ihr Login wird für die eingeladene Adresse angelegt.")).toBeInTheDocument();
    expect(screen.getByLabelText("Ihr Name")).toBeInTheDocument();
    expect(screen.getByText("Mindestens 10 Zeichen und schwer zu erraten.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Login anlegen und beitreten" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Zu qline" })).toBeInTheDocument();
  });

  it("speaks German when the invitation has expired", async () => {
    await i18n.changeLanguage("de");
    renderWithApollo(<InvitePage token={token} signedIn={false} />, [preview("EXPIRED")]);
    expect(await screen.findByText("Diese Einladung ist abgelaufen. Bitten Sie die Person, die Sie eingeladen hat, sie erneut zu senden.")).toBeInTheDocument();
  });
});
