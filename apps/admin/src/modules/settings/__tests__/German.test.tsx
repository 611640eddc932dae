import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { i18n } from "../../../i18n/i18n";
import { renderWithApollo } from "../../../test/render";
import { viewerAs } from "../../../test/viewers";
import { CurrentTenantContext, currentTenantFor } from "../../tenants/hooks/use-current-tenant";
import { TenantSettingsPage } from "../components/TenantSettingsPage";
import { TenantSettingsQuery } from "../graphql/tenant-settings.query";
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
  ancestors: [{ __typename: "Tenant" as const, id: "root", name: "Acme Retail", settings: { language: "en", currency: "EUR", retentionDays: 60 } }],
};

describe("TenantSettingsPage in German", () => {
  it("shows every section's headings, labels, hints and buttons in German", async () => {
    await i18n.changeLanguage("de");
    renderWithApollo(
      <CurrentTenantContext.Provider value={currentTenantFor(shell, viewerAs("OWNER"))}>
        <TenantSettingsPage />
      </CurrentTenantContext.Provider>,
      [{ request: { query: TenantSettingsQuery, variables: { id: "berlin" } }, result: { data: { tenant } } }],
    );
    expect(await screen.findByDisplayValue("Berlin Store")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Einstellungen" })).toBeInTheDocument();
    expect(screen.getByText("Identität, Standort, Branding und die Einstellungen, die dieser Mandant weitergibt.")).toBeInTheDocument();
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual(["Beitritt aus der Ferne", "Daten & Datenschutz", "Vererbung der Einstellungen"]);

    const general = screen.getByRole("form", { name: "Allgemeine Einstellungen" });
    expect(within(general).getByRole("group", { name: "Identität" })).toBeInTheDocument();
    expect(within(general).getByLabelText("Slug")).toHaveAccessibleDescription("Eine Änderung ändert die Kiosk- und Kundenlinks.");
    expect(within(general).getByLabelText("Adresse")).toHaveValue("Alexanderplatz 1");
    expect(within(general).getByLabelText("Breitengrad")).toBeInTheDocument();
    expect(within(general).getByLabelText("Längengrad")).toBeInTheDocument();

    const branding = screen.getByRole("form", { name: "Branding" });
    expect(within(branding).getByLabelText("Hauptfarbe")).toHaveAccessibleDescription("Wählen Sie eine Farbe oder geben Sie einen Hex-Wert ein.");
    expect(within(branding).getByLabelText("Farbauswahl Akzentfarbe")).toBeInTheDocument();
    expect(within(branding).getByRole("button", { name: "Branding speichern" })).toBeInTheDocument();
    expect(screen.getByLabelText("Kiosk-Vorschau")).toHaveTextContent("Willkommen! Wobei können wir Ihnen helfen?");

    const remoteJoin = screen.getByRole("form", { name: "Beitritt per Telefon" });
    expect(within(remoteJoin).getByLabelText("Aktive Tickets pro Telefonnummer oder E-Mail, pro Schlange")).toHaveAccessibleDescription("1 bis 20. Leer: der Standardwert, 1.");
    expect(within(remoteJoin).getByLabelText("Land für Telefonnummern ohne Ländervorwahl")).toHaveAccessibleDescription(
      "Zwei Buchstaben, z. B. DE. Leer: der Standardwert, keins (Nummern brauchen die +Ländervorwahl).",
    );

    const retention = screen.getByRole("form", { name: "Aufbewahrung von Kundendaten" });
    expect(within(retention).getByLabelText("Tage, die Kontaktdaten der Kundschaft nach dem Ende ihres Tickets aufbewahrt werden")).toHaveAccessibleDescription(
      "1 bis 3650. Danach werden Name, Telefonnummer, E-Mail, Push-Abonnement und eigene Felder gelöscht; die Statistik bleibt. Leer: erbt 60 von Acme Retail.",
    );
    expect(screen.getByRole("button", { name: "Alle Daten exportieren" })).toBeInTheDocument();
    expect(screen.getByLabelText("Geben Sie zur Bestätigung berlin-store ein")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Mandant löschen" })).toBeDisabled();

    expect(screen.getByLabelText("Eigene Einstellungen (JSON)")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Einstellungen speichern" })).toBeDisabled();
    const table = screen.getByRole("table", { name: "Woher jede wirksame Einstellung kommt" });
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Einstellung", "Wirksamer Wert", "Kommt von"]);
    expect(within(table).getByRole("rowheader", { name: "currency" }).closest("tr")).toHaveTextContent("Geerbt von Acme Retail");
    expect(within(table).getByRole("rowheader", { name: "language" }).closest("tr")).toHaveTextContent("Hier gesetzt überschreibt Acme Retail");
  });

  it("refuses mistakes in German before the round trip", async () => {
    await i18n.changeLanguage("de");
    renderWithApollo(
      <CurrentTenantContext.Provider value={currentTenantFor(shell, viewerAs("ADMIN"))}>
        <TenantSettingsPage />
      </CurrentTenantContext.Provider>,
      [{ request: { query: TenantSettingsQuery, variables: { id: "berlin" } }, result: { data: { tenant } } }],
    );
    const general = await screen.findByRole("form", { name: "Allgemeine Einstellungen" });
    await userEvent.clear(within(general).getByLabelText("Name"));
    await userEvent.type(within(general).getByLabelText("Breitengrad"), "91");
    await userEvent.click(within(general).getByRole("button", { name: "Änderungen speichern" }));
    expect(within(general).getByLabelText("Name")).toHaveAccessibleDescription("Geben Sie einen Namen ein");
    expect(within(general).getByLabelText("Breitengrad")).toHaveAccessibleDescription("Zwischen -90 und 90");

    const remoteJoin = screen.getByRole("form", { name: "Beitritt per Telefon" });
    await userEvent.type(within(remoteJoin).getByLabelText("Aktive Tickets pro Telefonnummer oder E-Mail, pro Schlange"), "99");
    await userEvent.click(within(remoteJoin).getByRole("button", { name: "Beitritt aus der Ferne speichern" }));
    expect(within(remoteJoin).getByLabelText("Aktive Tickets pro Telefonnummer oder E-Mail, pro Schlange")).toHaveAccessibleDescription(
      "Eine ganze Zahl von 1 bis 20, oder leer zum Erben 1 bis 20. Leer: der Standardwert, 1.",
    );
  });
});
