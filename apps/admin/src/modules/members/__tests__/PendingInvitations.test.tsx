import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithApollo } from "../../../test/render";
import { PendingInvitations } from "../components/PendingInvitations";
import { InvitationsQuery } from "../graphql/invitations.query";
import { ResendInvitationMutation } from "../graphql/resend-invitation.mutation";
import { RevokeInvitationMutation } from "../graphql/revoke-invitation.mutation";

const tenantId = "tenant-1";
const invitation = (id: string, email: string, status: "PENDING" | "EXPIRED") => ({
  __typename: "Invitation" as const,
  id,
  email,
  role: "STAFF" as const,
  status,
  sentAt: "2026-12-04T10:00:00.000Z",
  expiresAt: "2026-12-11T10:00:00.000Z",
});
const listed = (items: ReturnType<typeof invitation>[]) => ({
  request: { query: InvitationsQuery, variables: { tenantId } },
  result: { data: { tenant: { __typename: "Tenant" as const, id: tenantId, invitations: items } } },
});

describe("PendingInvitations", () => {
  it("lists open invitations; revoke withdraws one and the list follows", async () => {
    const revoke = { request: { query: RevokeInvitationMutation, variables: { tenantId, id: "i1" } }, result: { data: { revokeInvitation: true } } };
    renderWithApollo(<PendingInvitations tenantId={tenantId} canManage />, [
      listed([invitation("i1", "sam@example.com", "PENDING"), invitation("i2", "old@example.com", "EXPIRED")]),
      revoke,
      listed([invitation("i2", "old@example.com", "EXPIRED")]),
    ]);
    const table = await screen.findByRole("table", { name: "Pending invitations" });
    expect(within(table).getByRole("row", { name: /old@example.com/ })).toHaveTextContent("Expired");
    await userEvent.click(screen.getByRole("button", { name: "Revoke the invitation to sam@example.com" }));
    expect(await screen.findByText("The invitation to sam@example.com is withdrawn.")).toBeInTheDocument();
    await expect.poll(() => screen.queryByRole("row", { name: /sam@example.com/ })).toBeNull();
  });

  it("resend says the old link no longer works", async () => {
    const resend = {
      request: { query: ResendInvitationMutation, variables: { tenantId, id: "i1" } },
      result: { data: { resendInvitation: { __typename: "Invitation" as const, id: "i1", status: "PENDING" as const, sentAt: "2026-12-04T11:00:00.000Z", expiresAt: "2026-12-11T11:00:00.000Z" } } },
    };
    renderWithApollo(<PendingInvitations tenantId={tenantId} canManage />, [listed([invitation("i1", "sam@example.com", "PENDING")]), resend]);
    await userEvent.click(await screen.findByRole("button", { name: "Resend the invitation to sam@example.com" }));
    expect(await screen.findByText("Sent a new link to sam@example.com; the previous one no longer works.")).toBeInTheDocument();
  });

  it("without members:manage: the list, no actions", async () => {
    renderWithApollo(<PendingInvitations tenantId={tenantId} canManage={false} />, [listed([invitation("i1", "sam@example.com", "PENDING")])]);
    expect(await screen.findByRole("row", { name: /sam@example.com/ })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Revoke/ })).not.toBeInTheDocument();
  });
});
