import { viewerAs } from "../../../test/viewers";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { i18n } from "../../../i18n/i18n";
import { renderWithApollo } from "../../../test/render";
import { MembersQuery } from "../../members/graphql/members.query";
import { CurrentTenantContext, currentTenantFor } from "../../tenants/hooks/use-current-tenant";
import { actorLabel, targetLabel } from "../audit-labels";
import { AuditLogPage } from "../components/AuditLogPage";
import { AuditLogQuery } from "../graphql/audit-log.query";
import { shellTenant } from "../../../test/tenants";

const shell = shellTenant();

const entry = (id: string, o: Record<string, unknown>) => ({
  __typename: "AuditEntry",
  id,
  actorType: "USER",
  actorId: "u-ada",
  actorName: "Ada",
  targetType: "ticket",
  targetId: "72abe296-0000-4000-8000-000000000000",
  targetName: "A042",
  before: null,
  after: null,
  createdAt: "2026-02-10T12:00:00Z",
  action: "ticket.issue",
  ...o,
});

const auditMock = {
  request: { query: AuditLogQuery, variables: { tenantId: "root", filter: {}, first: 50 } },
  result: {
    data: {
      tenant: {
        __typename: "Tenant",
        id: "root",
        auditLog: {
          __typename: "AuditEntryConnection",
          nodes: [
            entry("1", {}),
            entry("2", { action: "line.create", targetType: "line", targetId: "l1", targetName: "Front desk", actorType: "API_KEY", actorId: "k1", actorName: "Lobby screen" }),
            entry("3", { action: "member.remove", targetType: "user", targetId: "u-gone", targetName: null }),
            entry("4", { action: "ticket.cancel", actorType: "TICKET_HOLDER", actorId: "t1", actorName: "A043", targetName: "A043" }),
          ],
          pageInfo: { __typename: "PageInfo", endCursor: null, hasNextPage: false },
        },
      },
    },
  },
};
const membersMock = {
  request: { query: MembersQuery, variables: { tenantId: "root" } },
  result: { data: { tenant: { __typename: "Tenant", id: "root", members: [] } } },
};

function renderPage(mocks: unknown[] = [auditMock, membersMock]) {
  return renderWithApollo(
    <CurrentTenantContext.Provider value={currentTenantFor(shell, viewerAs("ADMIN"))}>
      <AuditLogPage />
    </CurrentTenantContext.Provider>,
    mocks as never[],
  );
}

const emptyAuditMock = {
  request: auditMock.request,
  result: { data: { tenant: { __typename: "Tenant", id: "root", auditLog: { __typename: "AuditEntryConnection", nodes: [], pageInfo: { __typename: "PageInfo", endCursor: null, hasNextPage: false } } } } },
};

describe("AuditLogPage", () => {
  it("shows who acted and on what by name, never by an id's first characters", async () => {
    renderWithApollo(
      <CurrentTenantContext.Provider value={currentTenantFor(shell, viewerAs("ADMIN"))}>
        <AuditLogPage />
      </CurrentTenantContext.Provider>,
      [auditMock, membersMock] as never[],
    );
    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows[0]).toHaveTextContent("Ada");
    expect(rows[0]).toHaveTextContent("Ticket A042");
    expect(rows[1]).toHaveTextContent("API key Lobby screen");
    expect(rows[1]).toHaveTextContent("Line Front desk");
    expect(rows[2]).toHaveTextContent("A former member");
    expect(rows[3]).toHaveTextContent("Customer with ticket A043");
    expect(table).not.toHaveTextContent("72abe296");
  });

  it("speaks German: filters, columns, who acted and on what", async () => {
    await i18n.changeLanguage("de");
    const user = userEvent.setup();
    renderPage();
    const table = await screen.findByRole("table");
    expect(screen.getByRole("heading", { level: 1, name: "Protokoll" })).toBeInTheDocument();
    expect(screen.getByText("Wer was in Acme Coffee und darunter geändert hat, neueste zuerst.")).toBeInTheDocument();
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Wann", "Wer", "Aktion", "Ziel", "Änderung"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(within(rows[0]!).getAllByRole("cell").map((td) => td.textContent).slice(1, 4)).toEqual(["Ada", "ticket.issue", "Ticket A042"]);
    expect(within(rows[1]!).getAllByRole("cell").map((td) => td.textContent).slice(1, 4)).toEqual(["API-Schlüssel Lobby screen", "line.create", "Schlange Front desk"]);
    expect(within(rows[2]!).getAllByRole("cell")[3]).toHaveTextContent(/^Ein ehemaliges Mitglied$/);
    expect(within(rows[3]!).getAllByRole("cell")[1]).toHaveTextContent(/^Kunde mit Ticket A043$/);

    const filters = screen.getByRole("form", { name: "Protokoll filtern" });
    expect(within(filters).getByRole("option", { name: "Alle" })).toBeInTheDocument();
    expect(within(filters).getByLabelText("Aktion")).toHaveAttribute("placeholder", "z. B. member.add");
    await user.type(within(filters).getByLabelText("Von"), "2026-02-10");
    await user.type(within(filters).getByLabelText("Bis"), "2026-02-01");
    await user.click(within(filters).getByRole("button", { name: "Anwenden" }));
    expect(within(filters).getByLabelText("Bis")).toHaveAccessibleDescription("Das Enddatum liegt vor dem Startdatum");
    expect(within(filters).getByRole("button", { name: "Zurücksetzen" })).toBeInTheDocument();
  });

  it("says in German that nothing was recorded", async () => {
    await i18n.changeLanguage("de");
    renderPage([emptyAuditMock, membersMock]);
    expect(await screen.findByText("Nichts aufgezeichnet")).toBeInTheDocument();
    expect(screen.getByText("Keine Einträge passen zu diesen Filtern.")).toBeInTheDocument();
  });
});

describe("audit labels", () => {
  const t = i18n.getFixedT("en");

  it("names targets by kind and name, and says when a record is gone", () => {
    expect(targetLabel({ actorType: "USER", targetType: "ticket_type", targetId: "x", targetName: "VIP" }, t)).toBe("Ticket type VIP");
    expect(targetLabel({ actorType: "USER", targetType: "counter", targetId: "x", targetName: null }, t)).toBe("Counter (no longer found)");
    expect(targetLabel({ actorType: "USER", targetType: "tenant", targetId: null }, t)).toBe("Tenant");
    expect(targetLabel({ actorType: "USER", targetType: "estimator_thing", targetId: null }, t)).toBe("Estimator thing");
  });

  it("names targets and actors in German with the German t", () => {
    const de = i18n.getFixedT("de");
    expect(targetLabel({ actorType: "USER", targetType: "ticket_type", targetId: "x", targetName: "VIP" }, de)).toBe("Tickettyp VIP");
    expect(targetLabel({ actorType: "USER", targetType: "counter", targetId: "x", targetName: null }, de)).toBe("Schalter (nicht mehr vorhanden)");
    expect(actorLabel({ actorType: "SYSTEM", targetType: "ticket" }, de)).toBe("System");
    expect(actorLabel({ actorType: "ANONYMOUS", targetType: "ticket" }, de)).toBe("Jemand ohne Anmeldung");
    expect(actorLabel({ actorType: "API_KEY", actorId: "k1", actorName: null, targetType: "line" }, de)).toBe("Ein widerrufener oder entfernter API-Schlüssel");
    expect(actorLabel({ actorType: "TICKET_HOLDER", actorId: "t1", actorName: null, targetType: "ticket" }, de)).toBe("Der Kunde (über seinen Verfolgungscode)");
    expect(actorLabel({ actorType: "USER", actorId: null, actorName: null, targetType: "line" }, de)).toBe("Unbekannt");
  });

  it("names actors, falling back to the members list, then to a plain description", () => {
    expect(actorLabel({ actorType: "SYSTEM", targetType: "ticket" }, t)).toBe("System");
    expect(actorLabel({ actorType: "USER", actorId: "u1", actorName: null, targetType: "line" }, t, new Map([["u1", "Bea"]]))).toBe("Bea");
    expect(actorLabel({ actorType: "API_KEY", actorId: "k1", actorName: null, targetType: "line" }, t)).toBe("A revoked or removed API key");
    expect(actorLabel({ actorType: "TICKET_HOLDER", actorId: "t1", actorName: null, targetType: "ticket" }, t)).toBe("The customer (their tracking code)");
  });
});
