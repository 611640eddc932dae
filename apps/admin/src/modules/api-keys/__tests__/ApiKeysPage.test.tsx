import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { i18n } from "../../../i18n/i18n";
import { formatDateTime } from "../../../lib/format";
import { renderWithApollo } from "../../../test/render";
import { viewerAs } from "../../../test/viewers";
import { CurrentTenantContext, currentTenantFor } from "../../tenants/hooks/use-current-tenant";
import { ApiKeysPage } from "../components/ApiKeysPage";
import { ApiKeysQuery } from "../graphql/api-keys.query";
import { shellTenant } from "../../../test/tenants";

const shell = shellTenant();

const key = (id: string, name: string, scopes: string[], o: { lastUsedAt?: string; revokedAt?: string } = {}) => ({
  __typename: "ApiKey" as const,
  id,
  tenantId: "root",
  name,
  prefix: id,
  scopes,
  createdAt: "2026-11-02T09:00:00.000Z",
  lastUsedAt: o.lastUsedAt ?? null,
  revokedAt: o.revokedAt ?? null,
});

const keysQuery = {
  request: { query: ApiKeysQuery, variables: { tenantId: "root" } },
  result: {
    data: {
      tenant: {
        __typename: "Tenant" as const,
        id: "root",
        apiKeys: [
          key("k1", "Lobby screen", ["tenant:read", "lines:read", "display:read"]),
          key("k2", "Old kiosk", ["tickets:issue"], { lastUsedAt: "2026-11-20T08:00:00.000Z", revokedAt: "2026-12-01T10:30:00.000Z" }),
        ],
      },
    },
  },
};
const noKeysQuery = { request: keysQuery.request, result: { data: { tenant: { __typename: "Tenant" as const, id: "root", apiKeys: [] } } } };

function renderPage(mocks: unknown[] = [keysQuery]) {
  return renderWithApollo(
    <CurrentTenantContext.Provider value={currentTenantFor(shell, viewerAs("ADMIN"))}>
      <ApiKeysPage />
    </CurrentTenantContext.Provider>,
    mocks as never[],
  );
}

describe("ApiKeysPage", () => {
  it("names each key's scope list by its count, one form for one scope and another for more", async () => {
    renderPage();
    const lobby = await screen.findByRole("row", { name: /Lobby screen/ });
    expect(within(lobby).getByRole("list", { name: "3 scopes" })).toBeInTheDocument();
    const old = screen.getByRole("row", { name: /Old kiosk/ });
    expect(within(old).getByRole("list", { name: "1 scope" })).toBeInTheDocument();
    expect(within(old).getByText(`Revoked ${formatDateTime("2026-12-01T10:30:00.000Z")}`)).toBeInTheDocument();
    expect(within(lobby).getByText("Never")).toBeInTheDocument();
  });

  it("speaks German: the page, its table with counted scopes, the revoke question and the create dialog", async () => {
    await i18n.changeLanguage("de");
    const user = userEvent.setup();
    renderPage();
    const lobby = await screen.findByRole("row", { name: /Lobby screen/ });
    expect(screen.getByRole("heading", { level: 1, name: "API-Schlüssel" })).toBeInTheDocument();
    expect(screen.getByText("Mit Schlüsseln handeln Kiosks, Anzeigen und Partnersysteme in diesem Mandanten und seinen untergeordneten Mandanten.")).toBeInTheDocument();
    const headers = screen.getAllByRole("columnheader").map((th) => th.textContent);
    expect(headers).toEqual(["Name", "Schlüssel", "Berechtigungen", "Erstellt", "Zuletzt verwendet", "Status und Aktionen"]);

    expect(within(lobby).getByRole("list", { name: "3 Berechtigungen" })).toBeInTheDocument();
    expect(within(lobby).getByText("Nie")).toBeInTheDocument();
    const old = screen.getByRole("row", { name: /Old kiosk/ });
    expect(within(old).getByRole("list", { name: "1 Berechtigung" })).toBeInTheDocument();
    expect(within(old).getByText(`Widerrufen ${formatDateTime("2026-12-01T10:30:00.000Z")}`)).toBeInTheDocument();

    await user.click(within(lobby).getByRole("button", { name: "Widerrufen" }));
    const revoke = screen.getByRole("dialog", { name: "„Lobby screen“ widerrufen?" });
    expect(within(revoke).getByText("Alles, was diesen Schlüssel verwendet, funktioniert sofort nicht mehr. Das lässt sich nicht rückgängig machen.")).toBeInTheDocument();
    expect(within(revoke).getByRole("button", { name: "Schlüssel widerrufen" })).toBeInTheDocument();
    await user.click(within(revoke).getByRole("button", { name: "Abbrechen" }));

    await user.click(screen.getByRole("button", { name: "API-Schlüssel erstellen" }));
    const create = screen.getByRole("dialog", { name: "API-Schlüssel erstellen" });
    expect(within(create).getByRole("group", { name: "Vorgaben" })).toHaveTextContent("Vorgaben:AnzeigeKioskKeine personenbezogenen Daten: für Bildschirme und Kiosks, die jeder erreichen kann.");
    expect(within(create).getByRole("checkbox", { name: "tickets:issue Tickets ausgeben (Kiosks)" })).toBeChecked();
    expect(within(create).getByRole("checkbox", { name: "audit:read das Protokoll lesen" })).not.toBeChecked();
    await user.click(within(create).getByRole("button", { name: "Schlüssel erstellen" }));
    expect(within(create).getByLabelText("Name")).toHaveAccessibleDescription(expect.stringContaining("Geben Sie dem Schlüssel einen Namen, z. B. „Kiosk am Eingang“"));
  });

  it("says in German that there are no keys yet", async () => {
    await i18n.changeLanguage("de");
    renderPage([noKeysQuery]);
    expect(await screen.findByText("Noch keine API-Schlüssel")).toBeInTheDocument();
    expect(screen.getByText("Erstellen Sie einen pro Kiosk oder Integration, damit sich jeder einzeln widerrufen lässt.")).toBeInTheDocument();
  });
});
