import { messages } from "@qline/validation";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { InviteMemberForm } from "../../modules/members/components/InviteMemberForm";
import { CreateSubtenantDialog } from "../../modules/tenants/components/CreateSubtenantDialog";
import { renderWithApollo } from "../../test/render";
import { SlugAvailableQuery } from "../../modules/auth/graphql/slug-available.query";
import { emailProblem, prefixProblem, slugProblem } from "../forms";

// The API refuses these inputs with exactly these field messages: apps/api/src/modules/**/__tests__ pin its side,
// both through the schemas of @qline/validation.
const refused = {
  email: [["ana", messages.email], ["ana@example", messages.email], ["a b@example.test", messages.email]],
  slug: [["ab", messages.slugShape], ["Shop", messages.slugShape], ["a--b", messages.slugHyphens], ["admin", messages.slugReserved]],
  prefix: [["ab", messages.prefix], ["ABCDE", messages.prefix]],
} as const;

describe("the console's forms refuse what the API refuses, with the API's message", () => {
  it("checks email, slug and prefix with the shared schemas", () => {
    for (const [value, message] of refused.email) expect(emailProblem(value)).toBe(message);
    for (const [value, message] of refused.slug) expect(slugProblem(value)).toBe(message);
    for (const [value, message] of refused.prefix) expect(prefixProblem(value)).toBe(message);
    expect([emailProblem(" ana@example.test "), slugProblem("main-shop"), prefixProblem("A1")]).toEqual([null, null, null]);
  });

  it("invite form (react-hook-form): a blank or malformed address is refused before any request", async () => {
    const onInvite = vi.fn(async () => null);
    renderWithApollo(<InviteMemberForm roles={["STAFF", "VIEWER"]} busy={false} onInvite={onInvite} />);
    await userEvent.click(screen.getByRole("button", { name: "Send invitation" }));
    expect(await screen.findByText("Enter an email address")).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Email"), "ana@example");
    await userEvent.click(screen.getByRole("button", { name: "Send invitation" }));
    expect(await screen.findByText(messages.email)).toBeInTheDocument();
    expect(onInvite).not.toHaveBeenCalled();
    await userEvent.clear(screen.getByLabelText("Email"));
    await userEvent.type(screen.getByLabelText("Email"), " ana@example.test ");
    await userEvent.click(screen.getByRole("button", { name: "Send invitation" }));
    expect(await screen.findByText(/Invitation sent to ana@example.test/)).toBeInTheDocument();
    expect(onInvite).toHaveBeenCalledWith("ana@example.test", "STAFF");
  });

  it("new tenant dialog (react-hook-form): a reserved slug is refused with the API's message", async () => {
    const onCreate = vi.fn(async () => null);
    const slugMock = (slug: string) => ({
      request: { query: SlugAvailableQuery, variables: { slug } },
      result: { data: { slugAvailable: { __typename: "SlugAvailability" as const, available: false, reason: messages.slugReserved } } },
      maxUsageCount: 10,
    });
    renderWithApollo(<CreateSubtenantDialog parent={{ id: "t1", name: "Root" }} busy={false} onCreate={onCreate} onClose={vi.fn()} />, [slugMock("admin")]);
    await userEvent.type(screen.getByLabelText("Name"), "Admin desk");
    await userEvent.type(screen.getByLabelText("Slug"), "admin");
    await userEvent.click(screen.getByRole("button", { name: "Create subtenant" }));
    expect(await screen.findAllByText(messages.slugReserved)).not.toHaveLength(0);
    expect(onCreate).not.toHaveBeenCalled();
  });
});
