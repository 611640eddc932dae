import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { i18n } from "../../../i18n/i18n";
import type { MemberRole } from "../../../lib/permissions";
import { renderWithApollo } from "../../../test/render";
import { viewerAs } from "../../../test/viewers";
import { CurrentTenantContext, currentTenantFor } from "../../tenants/hooks/use-current-tenant";
import { JoinLinksPage } from "../components/JoinLinksPage";
import { JoinLinksQuery } from "../graphql/join-links.query";
import { shellTenant } from "../../../test/tenants";

const shell = shellTenant({ id: "t1", name: "Corner Café", slug: "corner-cafe", accountId: "a1" });

const line = (id: string, name: string, prefix: string, remoteJoin: boolean) => ({ __typename: "Line" as const, id, name, prefix, remoteJoin, joinUrl: `https://q.example.test/t/corner-cafe/join/${id}` });

function renderPage(lines: ReturnType<typeof line>[], role: MemberRole = "MANAGER") {
  const mock = {
    request: { query: JoinLinksQuery, variables: { tenantId: "t1" } },
    result: {
      data: {
        tenant: {
          __typename: "Tenant" as const,
          id: "t1",
          publicLinks: { __typename: "PublicLinks" as const, join: "https://q.example.test/t/corner-cafe/join", kiosk: "https://q.example.test/t/corner-cafe/kiosk", display: "https://q.example.test/t/corner-cafe/display" },
          lines,
        },
      },
    },
  };
  return renderWithApollo(
    <CurrentTenantContext.Provider value={currentTenantFor(shell, viewerAs(role))}>
      <JoinLinksPage />
    </CurrentTenantContext.Provider>,
    [mock],
  );
}

const paragraph = (start: string) => screen.getByText((_, el) => el?.tagName === "P" && (el.textContent ?? "").startsWith(start));

describe("JoinLinksPage", () => {
  it("says in English where to turn on remote join and how devices are paired, with links to those pages", async () => {
    renderPage([line("l2", "Returns", "R", false)], "STAFF");
    expect(await screen.findByRole("heading", { name: "Join from your own phone" })).toBeInTheDocument();
    expect(paragraph("No line takes")).toHaveTextContent(
      "No line takes remote joins yet, so the page has nothing to join: turn on “Customers can join from their own phone” in a line’s settings on Lines & counters.",
    );
    expect(within(paragraph("No line takes")).getByRole("link", { name: "Lines & counters" })).toHaveAttribute("href", expect.stringContaining("lines"));
    expect(paragraph("Each device")).toHaveTextContent("Each device is paired once by a link: an Admin or Owner adds it on the Devices page and opens its pairing link on the device.");
    expect(screen.getByRole("button", { name: "Poster for Corner Café: all lines" })).toHaveTextContent("Poster");
  });

  it("speaks German: headings, device texts, per-line links and the poster", async () => {
    await i18n.changeLanguage("de");
    renderPage([line("l1", "Pharmacy", "A", true), line("l2", "Returns", "R", false)]);
    expect(await screen.findByRole("heading", { name: "Vom eigenen Handy einreihen" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Beitritts-Links & Geräte" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Je eine Schlange" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Kioske und Anzeigen" })).toBeInTheDocument();
    expect(screen.getByText("Ohne Einreihen aus der Ferne (nur Kiosk und Personal): Returns.")).toBeInTheDocument();
    expect(screen.getByText("Anzeige")).toBeInTheDocument();
    expect(screen.getByText("Auf dem Bildschirm im Wartebereich öffnen: Er zeigt die aufgerufenen Nummern und wohin man gehen soll.")).toBeInTheDocument();
    expect(paragraph("Jedes Gerät")).toHaveTextContent(
      "Jedes Gerät wird einmal über einen Link gekoppelt: Fügen Sie es auf der Seite Geräte hinzu und öffnen Sie seinen Kopplungslink (oder scannen Sie seinen QR-Code) auf dem Gerät. Kein Schlüssel zum Eintippen.",
    );
    expect(within(paragraph("Jedes Gerät")).getByRole("link", { name: "Geräte" })).toHaveAttribute("href", expect.stringContaining("devices"));
    expect(screen.getAllByRole("button", { name: "Link kopieren" })).toHaveLength(4);
    expect(screen.getByTitle("QR-Code zum Einreihen bei Pharmacy")).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Plakat für Pharmacy" }));
    const dialog = screen.getByRole("dialog", { name: "Plakat: Pharmacy" });
    expect(within(dialog).getByText("Wird auf eine A4-Seite gedruckt.")).toBeInTheDocument();
    expect(within(dialog).getByText("Scannen und einreihen")).toBeInTheDocument();
    expect(within(dialog).getByText("Warten Sie, wo Sie möchten: Ihr Handy zeigt Ihren Platz und sagt Ihnen, wann Sie an der Reihe sind.")).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Plakat drucken" })).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole("button", { name: "Fertig" }));

    await userEvent.click(screen.getByRole("button", { name: "Plakat für Corner Café: alle Schlangen" }));
    const all = screen.getByRole("dialog", { name: "Plakat: alle Schlangen" });
    expect(within(all).getByRole("heading", { name: "Reihen Sie sich ein" })).toBeInTheDocument();
  });
});
