import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithApollo } from "../../../test/render";
import { SessionContext, type Session } from "../../auth/hooks/use-session";
import { TenantSwitcher } from "../components/TenantSwitcher";
import { SubtenantsQuery } from "../graphql/subtenants.query";
import { switcherPageSize } from "../hooks/use-subtenants";

const session: Session = {
  user: {
    id: "u",
    name: "Olive Owner",
    email: "olive@example.test",
    memberships: [{ role: "OWNER", suspended: false, tenant: { id: "root", name: "Acme Coffee", slug: "acme", depth: 0, accountId: "acc" } }],
  },
  accounts: [{ id: "acc", name: "Acme", ownerUserId: "u" }],
  refresh: () => undefined,
};

const node = (id: string, name: string, depth: number) => ({ __typename: "Tenant" as const, id, name, depth, suspended: false });
const subtenants = (search: string | null, nodes: ReturnType<typeof node>[], hasNextPage: boolean, totalCount: number, id = "root") => ({
  request: { query: SubtenantsQuery, variables: { id, search, first: switcherPageSize } },
  result: {
    data: {
      tenant: {
        __typename: "Tenant" as const,
        id,
        descendants: { __typename: "TenantConnection" as const, totalCount, nodes, pageInfo: { __typename: "PageInfo" as const, hasNextPage, endCursor: "c" } },
      },
    },
  },
});

function renderSwitcher(mocks: Parameters<typeof renderWithApollo>[1], as: Session = session) {
  return renderWithApollo(
    <SessionContext.Provider value={as}>
      <TenantSwitcher current={{ id: "root", name: "Acme Coffee", accountId: "acc" }} />
    </SessionContext.Provider>,
    mocks,
  );
}

describe("TenantSwitcher", () => {
  it("lists the subtenants nested under the tenant the role is held on", async () => {
    renderSwitcher([subtenants(null, [node("north", "North region", 1), node("airport", "Airport", 2)], false, 2)]);
    const select = screen.getByLabelText("Tenant");
    const airport = await within(select).findByRole("option", { name: /Airport/ });
    const options = within(select).getAllByRole("option").map((o) => o.textContent);
    expect(options).toEqual(["Acme Coffee · Owner", "└ North region", "\u00a0\u00a0└ Airport"]);
    expect(airport).toHaveValue("airport");
    expect(screen.queryByRole("searchbox")).not.toBeInTheDocument();
  });

  it("lists a store where the user also holds a role once, inside the chain's subtree", async () => {
    const storeRole = { role: "MANAGER" as const, suspended: false, tenant: { id: "airport", name: "Airport", slug: "airport", depth: 2, accountId: "acc" } };
    const both: Session = { ...session, user: { ...session.user, memberships: [...session.user.memberships, storeRole] } };
    renderSwitcher(
      [subtenants(null, [node("north", "North region", 1), node("airport", "Airport", 2)], false, 2), subtenants(null, [], false, 0, "airport")],
      both,
    );
    const select = screen.getByLabelText("Tenant");
    await within(select).findByRole("option", { name: /Airport/ });
    await waitFor(() => expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["Acme Coffee · Owner", "└ North region", "\u00a0\u00a0└ Airport"]));
  });

  it("offers a search when the subtree is longer than a page, and asks the server for matches", async () => {
    const many = Array.from({ length: 3 }, (_, i) => node(`s${i}`, `Store ${i}`, 1));
    renderSwitcher([subtenants(null, many, true, 250), subtenants("Store 2", [node("s2", "Store 2", 1)], false, 1)]);
    const search = await screen.findByRole("searchbox");
    await userEvent.type(search, "Store 2");
    const select = screen.getByLabelText("Tenant");
    // After a pause in typing, the server's matches replace the first page.
    await waitFor(() => expect(within(select).queryByRole("option", { name: "└ Store 0" })).not.toBeInTheDocument());
    expect(within(select).getByRole("option", { name: "└ Store 2" })).toBeInTheDocument();
  });
});
