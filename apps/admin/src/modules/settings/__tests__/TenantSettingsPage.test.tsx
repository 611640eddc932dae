import { viewerAs } from "../../../test/viewers";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { MemberRole } from "../../../lib/permissions";
import { renderWithApollo } from "../../../test/render";
import { CurrentTenantContext, currentTenantFor } from "../../tenants/hooks/use-current-tenant";
import { TenantSettingsPage } from "../components/TenantSettingsPage";
import { TenantSettingsQuery } from "../graphql/tenant-settings.query";
import { UpdateTenantMutation } from "../graphql/update-tenant.mutation";
import { shellTenant } from "../../../test/tenants";

const shell = shellTenant({ id: "berlin", name: "Berlin Store", slug: "berlin-store", depth: 1, ancestors: [{ id: "root", name: "Acme Retail" }] });

const tenant = {
  __typename: "Tenant" as const,
  id: "berlin",
  name: "Berlin Store",
  slug: "berlin-store",
  location: { __typename: "Location" as const, address: "Alexanderplatz 1", latitude: null, longitude: null, insideTenantId: null },
  theme: { __typename: "Theme" as const, primaryColor: "#1f4fd8", accentColor: null, logoUrl: null, fontFamily: null },
  settings: { language: "de" },
  effectiveSettings: { language: "de", currency: "EUR" },
  retentionDays: 30,
  deletionScheduledAt: null,
  ancestors: [{ __typename: "Tenant" as const, id: "root", name: "Acme Retail", settings: { language: "en", currency: "EUR" } }],
};

const settingsQuery = { request: { query: TenantSettingsQuery, variables: { id: "berlin" } }, result: { data: { tenant } }, maxUsageCount: 5 };

function renderPage(role: MemberRole, mocks: unknown[] = []) {
  return renderWithApollo(
    <CurrentTenantContext.Provider value={currentTenantFor(shell, viewerAs(role))}>
      <TenantSettingsPage />
    </CurrentTenantContext.Provider>,
    [settingsQuery, ...(mocks as never[])],
  );
}

describe("TenantSettingsPage (through Apollo)", () => {
  it("loads the tenant and shows the inheritance view", async () => {
    renderPage("ADMIN");
    expect(screen.getByRole("status")).toHaveTextContent("Loading");
    expect(await screen.findByDisplayValue("Berlin Store")).toBeInTheDocument();
    const table = screen.getByRole("table");
    expect(within(table).getByRole("rowheader", { name: "currency" }).closest("tr")).toHaveTextContent("Inherited from Acme Retail");
    expect(within(table).getByRole("rowheader", { name: "language" }).closest("tr")).toHaveTextContent("overrides Acme Retail");
  });

  it("shows the API's extensions.fields error from updateTenant next to the settings editor", async () => {
    const failing = {
      request: { query: UpdateTenantMutation, variables: { id: "berlin", input: { settings: { language: "fr" } } } },
      result: { errors: [{ message: "settings nests deeper than 10 levels", extensions: { code: "BAD_USER_INPUT", fields: [{ path: "settings", message: "too deep" }] } }] },
    };
    renderPage("ADMIN", [failing]);
    const editor = await screen.findByLabelText("Own settings (JSON)");
    fireEvent.change(editor, { target: { value: '{ "language": "fr" }' } });
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(editor).toHaveAccessibleDescription(expect.stringContaining("too deep")));
    expect(editor).toHaveAttribute("aria-invalid", "true");
  });

  it("gives a viewer the view without any save button", async () => {
    renderPage("VIEWER");
    expect(await screen.findByDisplayValue("Berlin Store")).toBeDisabled();
    expect(screen.queryByRole("button", { name: /Save/ })).not.toBeInTheDocument();
    expect(screen.getByText(/changing them needs an Admin or Owner role/)).toBeInTheDocument();
    expect(screen.getByRole("table")).toBeInTheDocument();
  });
});
