import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { i18n } from "../../../i18n/i18n";
import { renderWithApollo } from "../../../test/render";
import { viewerAs } from "../../../test/viewers";
import { CurrentTenantContext, currentTenantFor } from "../../tenants/hooks/use-current-tenant";
import { TemplatesPage } from "../components/TemplatesPage";
import { TenantTemplatesQuery } from "../graphql/tenant-templates.query";
import { shellTenant } from "../../../test/tenants";

const shell = shellTenant({ id: "airport", name: "Airport", slug: "airport", depth: 1 });

const root = { __typename: "Tenant" as const, id: "root", name: "Acme Coffee" };
const airport = { __typename: "Tenant" as const, id: "airport", name: "Airport" };
const value = (field: string, v: unknown, source: typeof root | null, overridden = false) => ({ __typename: "EffectiveTemplateField" as const, field, value: v, source, overridden });

const templates = {
  __typename: "TenantTemplates" as const,
  theme: [value("primaryColor", "#aa0000", airport, true), value("logoUrl", "https://cdn.example/logo.png", root), value("accentColor", null, null)],
  linePreset: [value("timeZone", "Europe/Berlin", root), value("showEstimates", false, airport, true)],
  extensionSchema: { __typename: "EffectiveExtensionSchema" as const, version: 3, overridden: false, source: root },
  ticketTypes: [
    { __typename: "InheritedTicketType" as const, id: "t-dep", code: "DEP", name: "Deposit", inherited: true, hidden: false, archivedAt: null, source: root },
    { __typename: "InheritedTicketType" as const, id: "t-adv", code: "ADV", name: "Advice", inherited: true, hidden: true, archivedAt: null, source: root },
    { __typename: "InheritedTicketType" as const, id: "t-vip", code: "VIP", name: "VIP", inherited: false, hidden: false, archivedAt: null, source: airport },
  ],
};

function renderPage() {
  return renderWithApollo(
    <CurrentTenantContext.Provider value={currentTenantFor(shell, viewerAs("ADMIN"))}>
      <TemplatesPage />
    </CurrentTenantContext.Provider>,
    [{ request: { query: TenantTemplatesQuery, variables: { id: "airport" } }, result: { data: { tenant: { ...airport, templates } } } }],
  );
}

const cells = (row: HTMLElement) => within(row).getAllByRole("cell").map((c) => c.textContent);
const headers = (table: HTMLElement) => within(table).getAllByRole("columnheader").map((h) => h.textContent);

describe("chain templates page in German", () => {
  it("names the sections, columns, fields, sources and actions in German", async () => {
    await i18n.changeLanguage("de");
    renderPage();
    const branding = await screen.findByRole("table", { name: "Branding-Vorlage" });
    expect(screen.getByRole("heading", { level: 1, name: "Kettenvorlagen" })).toBeInTheDocument();
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual(["Branding", "Schlangenvorgaben", "Ticketfelder", "Tickettypen"]);
    expect(headers(branding)).toEqual(["Feld", "Wirksamer Wert", "Herkunft", "Ändern"]);

    const primary = within(branding).getByRole("rowheader", { name: "Hauptfarbe" }).closest("tr") as HTMLElement;
    expect(within(primary).getByText("Hier überschrieben")).toBeInTheDocument();
    expect(within(primary).getByRole("textbox", { name: "Neuer Wert: Hauptfarbe" })).toBeInTheDocument();
    expect(within(primary).getByRole("button", { name: "Hier festlegen" })).toBeDisabled();
    expect(within(primary).getByRole("button", { name: "Hauptfarbe auf den geerbten Wert zurücksetzen" })).toHaveTextContent("Auf geerbten Wert zurücksetzen");
    const logo = within(branding).getByRole("rowheader", { name: "Logo-URL" }).closest("tr") as HTMLElement;
    expect(within(logo).getByText("Geerbt von Acme Coffee")).toBeInTheDocument();
    const accent = within(branding).getByRole("rowheader", { name: "Akzentfarbe" }).closest("tr") as HTMLElement;
    expect(within(accent).getByText("Standard")).toBeInTheDocument();

    const preset = screen.getByRole("table", { name: "Vorlage für Schlangenvorgaben" });
    expect(screen.getByText("Neue Schlangen in diesem Mandanten und in jedem Mandanten darunter beginnen mit diesen Werten.")).toBeInTheDocument();
    const estimates = within(preset).getByRole("rowheader", { name: "Schätzungen anzeigen" }).closest("tr") as HTMLElement;
    expect(within(within(estimates).getByRole("combobox", { name: "Neuer Wert: Schätzungen anzeigen" })).getByRole("option", { name: "Auswählen…" })).toBeInTheDocument();
    expect(within(preset).getByRole("rowheader", { name: "Zeitzone" })).toBeInTheDocument();

    expect(screen.getByTestId("schema-source")).toHaveTextContent("Version 3 · Geerbt von Acme Coffee");

    const types = screen.getByRole("table", { name: "Tickettypen" });
    expect(headers(types)).toEqual(["Code", "Name", "Herkunft", "Hier angeboten"]);
    expect(cells(within(types).getByRole("rowheader", { name: "DEP" }).closest("tr") as HTMLElement)).toEqual(["Deposit", "Geerbt von Acme Coffee", "Ja DEP hier ausblenden"]);
    expect(cells(within(types).getByRole("rowheader", { name: "ADV" }).closest("tr") as HTMLElement)).toEqual(["Advice", "Geerbt von Acme Coffee", "Ausgeblendet ADV hier anbieten"]);
    expect(cells(within(types).getByRole("rowheader", { name: "VIP" }).closest("tr") as HTMLElement)).toEqual(["VIP", "Hier definiert", "Ja "]);
  });
});
