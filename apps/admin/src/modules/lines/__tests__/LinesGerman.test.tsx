import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { i18n } from "../../../i18n/i18n";
import { renderWithApollo } from "../../../test/render";
import { viewerAs } from "../../../test/viewers";
import { CurrentTenantContext, currentTenantFor } from "../../tenants/hooks/use-current-tenant";
import { LineFormDialog } from "../components/LineFormDialog";
import { LinesPage } from "../components/LinesPage";
import { LinesQuery } from "../graphql/lines.query";
import { emptyLineForm } from "../line-form";
import { shellTenant } from "../../../test/tenants";

const shell = shellTenant({ id: "t-1", name: "Acme Pharmacy" });

function line(id: string, name: string, prefix: string, waitingCount: number, extra: { remoteJoin?: boolean; archivedAt?: string | null } = {}) {
  return {
    __typename: "Line" as const,
    id,
    tenantId: "t-1",
    name,
    prefix,
    acceptingTickets: true,
    remoteJoin: extra.remoteJoin ?? false,
    joinUrl: `http://127.0.0.1:4174/t/acme/join/${id}`,
    openNow: true,
    capacity: null,
    timeZone: "Europe/Berlin",
    showEstimates: true,
    estimator: null,
    estimatorOptions: {},
    estimatorWebhookSecretSet: false,
    archivedAt: extra.archivedAt ?? null,
    allowedTicketTypeIds: [],
    openingHours: null,
    ttl: { __typename: "LineTtl" as const, waitingSeconds: 5400, calledSeconds: null, warnSeconds: null },
    waitingCount,
    counters: [],
    allCounters: [],
  };
}

const lines = [line("line-1", "Pharmacy", "P", 2, { remoteJoin: true }), line("line-2", "Returns", "R", 1), line("line-3", "Old desk", "O", 0, { archivedAt: "2026-01-01T00:00:00Z" })];

function renderPage() {
  return renderWithApollo(
    <CurrentTenantContext.Provider value={currentTenantFor(shell, viewerAs("MANAGER"))}>
      <LinesPage />
    </CurrentTenantContext.Provider>,
    [
      {
        request: { query: LinesQuery, variables: { tenantId: "t-1", includeArchived: true } },
        result: { data: { tenant: { __typename: "Tenant" as const, id: "t-1", lines, ticketTypes: [] } } },
        maxUsageCount: 5,
      },
    ],
  );
}

const facts = (card: HTMLElement) => Object.fromEntries([...card.querySelectorAll(".facts > div")].map((d) => [d.querySelector("dt")?.textContent, d.querySelector("dd")?.textContent]));

describe("lines page in German", () => {
  it("shows the page, a line's card and the ticket types panel in German", async () => {
    await i18n.changeLanguage("de");
    renderPage();
    const card = (await screen.findByRole("article", { name: /Pharmacy/ })) as HTMLElement;
    expect(screen.getByRole("heading", { level: 1, name: "Schlangen & Schalter" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Neue Schlange" })).toBeInTheDocument();
    expect(within(card).getByText("Nimmt an")).toBeInTheDocument();
    expect(within(card).getByText("Jetzt geöffnet")).toBeInTheDocument();
    expect(within(card).getByText("Beitritt per Handy", { selector: ".badge" })).toBeInTheDocument();
    expect(within(card).getByText("warten")).toBeInTheDocument();
    expect(facts(card)).toEqual({
      Tickettypen: "Alle",
      Öffnungszeiten: "Immer geöffnet",
      Schätzungen: "Standard (Bedienrate) · angezeigt",
      Ablauf: "wartend 90 Min.",
      "Beitritt per Handy": "An: Kunden treten per Handy bei",
    });
    expect(within(card).getByRole("heading", { name: "Schalter" })).toBeInTheDocument();
    expect(within(card).getByText("Keine Schalter: Das Personal ruft ohne Schalter auf. Fügen Sie Tische oder Fenster hinzu, um zu zeigen, wohin es geht.")).toBeInTheDocument();
    expect(within(card).getByRole("textbox", { name: "Name des neuen Schalters" })).toHaveAttribute("placeholder", "Tisch 3");
    expect(within(card).getByRole("button", { name: "Schalter hinzufügen" })).toBeInTheDocument();
    expect(within(card).getByRole("link", { name: "Warteschlange öffnen" })).toBeInTheDocument();
    expect(within(card).getByRole("button", { name: /^Archivieren\s*Pharmacy$/ })).toBeInTheDocument();
    expect(screen.getByText("Archivierte Schlangen (1)")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /^Wiederherstellen\s*Old desk$/ })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Tickettypen" })).toBeInTheDocument();
    expect(screen.getByText("Noch keine Tickettypen.")).toBeInTheDocument();
    expect(screen.getByRole("form", { name: "Einen Tickettyp hinzufügen" })).toBeInTheDocument();
  });

  it("asks before stopping a line, counting the people waiting in the right German form", async () => {
    await i18n.changeLanguage("de");
    const user = userEvent.setup();
    renderPage();
    const pharmacy = (await screen.findByRole("article", { name: /Pharmacy/ })) as HTMLElement;
    await user.click(within(pharmacy).getByRole("button", { name: "Annahme stoppen" }));
    const many = screen.getByRole("dialog", { name: "Annahme von Tickets für Pharmacy stoppen?" });
    expect(within(many).getByText("Kioske und Beitrittsseiten weisen Kunden ab, bis Sie die Annahme wieder starten. Die 2 Personen, die bereits warten, behalten ihren Platz.")).toBeInTheDocument();
    await user.click(within(many).getByRole("button", { name: "Beibehalten" }));

    const returns = screen.getByRole("article", { name: /Returns/ });
    await user.click(within(returns).getByRole("button", { name: "Annahme stoppen" }));
    const one = screen.getByRole("dialog", { name: "Annahme von Tickets für Returns stoppen?" });
    expect(within(one).getByText("Kioske und Beitrittsseiten weisen Kunden ab, bis Sie die Annahme wieder starten. Die 1 Person, die bereits wartet, behält ihren Platz.")).toBeInTheDocument();
  });

  it("keeps the English confirmation word for word, whatever the count", () => {
    const english = "Kiosks and join pages will turn customers away until you start accepting again. The 1 people already waiting keep their place.";
    expect(i18n.t("lines.confirmStopBody", { count: 1 })).toBe(english);
    expect(i18n.t("lines.confirmStopBody", { count: 3 })).toBe(english.replace("The 1", "The 3"));
  });
});

describe("line form dialog in German", () => {
  it("labels every field in German and says what is wrong in German", async () => {
    await i18n.changeLanguage("de");
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(null);
    render(
      <LineFormDialog
        title={i18n.t("lines.newLine")}
        submitLabel={i18n.t("lines.createLine")}
        initial={{ ...emptyLineForm(), timeZone: "Europe/Berlin" }}
        ticketTypes={[{ id: "tt1", code: "RX", name: "Rezept" }]}
        busy={false}
        onSubmit={onSubmit}
        onClose={vi.fn()}
      />,
    );
    const dialog = screen.getByRole("dialog", { name: "Neue Schlange" });
    expect(within(dialog).getByRole("group", { name: "Tickettypen, die diese Schlange annimmt" })).toBeInTheDocument();
    expect(within(dialog).getByText("Keiner angekreuzt: jeder Tickettyp des Mandanten.")).toBeInTheDocument();
    expect(within(dialog).getByLabelText("Nummernpräfix")).toHaveAccessibleDescription("Tickets lauten A001, A002…");
    expect(within(dialog).getByRole("switch", { name: "Kunden können per eigenem Handy beitreten (Beitritt per Handy)" })).not.toBeChecked();
    expect(within(dialog).getByRole("option", { name: "Standard (Bedienrate)" })).toBeInTheDocument();
    expect(within(dialog).getByRole("option", { name: "Webhook — Ihr eigenes Modell" })).toBeInTheDocument();
    expect(within(dialog).getByText("Immer geöffnet. Fügen Sie Zeiträume hinzu, um die Ticketannahme zu beschränken.")).toBeInTheDocument();

    await user.click(within(dialog).getByRole("button", { name: "+ Zeitraum hinzufügen" }));
    expect(within(dialog).getByLabelText("Tag")).toHaveDisplayValue("Montag");
    expect(within(dialog).getByRole("button", { name: "Zeitraum am Montag entfernen" })).toBeInTheDocument();

    await user.clear(within(dialog).getByLabelText("Nummernpräfix"));
    await user.type(within(dialog).getByLabelText("Nummernpräfix"), "A-");
    await user.click(within(dialog).getByRole("button", { name: "Schlange anlegen" }));
    await waitFor(() => expect(within(dialog).getByLabelText("Nummernpräfix")).toHaveAccessibleDescription("muss aus 1–4 Großbuchstaben oder Ziffern bestehen Tickets lauten A-001, A-002…"));
    expect(within(dialog).getByLabelText("Name")).toHaveAccessibleDescription("Geben Sie einen Namen ein");
    expect(onSubmit).not.toHaveBeenCalled();
    expect(within(dialog).getByRole("button", { name: "Abbrechen" })).toBeInTheDocument();
  });
});
