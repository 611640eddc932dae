import { MockedProvider } from "@apollo/client/testing/react";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { i18n } from "../../i18n/i18n";
import { createCache } from "../../lib/apollo";
import { SessionContext, type Session } from "../../modules/auth/hooks/use-session";
import { TenantShellQuery } from "../../modules/tenants/graphql/tenant-shell.query";
import { TenantLayout } from "../TenantLayout";
import { InviteMemberForm } from "../../modules/members/components/InviteMemberForm";

const tenant = {
  __typename: "Tenant" as const,
  id: "t1",
  name: "Corner Café",
  slug: "corner-cafe",
  depth: 0,
  accountId: "a1",
  suspended: false,
  deletionScheduledAt: null,
  ancestors: [],
  theme: { __typename: "Theme" as const, primaryColor: null, accentColor: null, logoUrl: null, fontFamily: null },
};

const session: Session = {
  user: {
    id: "u1",
    email: "ada@example.test",
    name: "Ada",
    memberships: [{ role: "MANAGER", suspended: false, tenant: { id: "t1", name: "Corner Café", slug: "corner-cafe", depth: 0, accountId: "a1" } }],
  },
  accounts: [],
  refresh: () => undefined,
};

function renderLayout(permissions: string[], section: "audit" | "members" = "audit") {
  const mocks = [
    {
      request: { query: TenantShellQuery, variables: { id: "t1" } },
      result: { data: { tenant, viewerPermissions: { __typename: "ViewerPermissions", tenantId: "t1", role: "MANAGER", permissions, grantableRoles: [], grantableScopes: [] } } },
    },
  ];
  return render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <SessionContext.Provider value={session}>
        <TenantLayout tenantId="t1" section={section} />
      </SessionContext.Provider>
    </MockedProvider>,
  );
}

describe("tenant layout", () => {
  it("shows the sections the API's viewerPermissions allow, and refuses a page they do not", async () => {
    renderLayout(["tenant:read", "lines:read", "members:read"]);
    const nav = await screen.findByRole("navigation", { name: "Corner Café sections" });
    const links = within(nav).getAllByRole("link").map((a) => a.textContent);
    expect(links).toContain("Members");
    expect(links).toContain("Lines & counters");
    expect(links).not.toContain("Audit log");
    expect(links).not.toContain("Queue board");
    expect(screen.getByText("Not available with your role")).toBeInTheDocument();
  });

  it("speaks German after choosing Deutsch, and English stays the default", async () => {
    const user = userEvent.setup();
    renderLayout(["tenant:read", "members:read", "audit:read"], "members");
    await screen.findByRole("navigation", { name: "Corner Café sections" });
    expect(screen.getByRole("button", { name: "Sign out" })).toBeInTheDocument();
    await user.selectOptions(screen.getByTestId("language-switcher"), "de");
    const nav = screen.getByRole("navigation", { name: "Bereiche von Corner Café" });
    expect(within(nav).getByRole("link", { name: "Mitglieder" })).toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: "Protokoll" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Abmelden" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("de");
  });
});

describe("plurals (i18next, Intl.PluralRules per language)", () => {
  it("chooses the German verb by count where English has one form", () => {
    expect(i18n.t("board.waitingCount", { count: 1, lng: "de" })).toBe("1 wartet");
    expect(i18n.t("board.waitingCount", { count: 3, lng: "de" })).toBe("3 warten");
    expect(i18n.t("board.waitingCount", { count: 0, lng: "de" })).toBe("0 warten");
    expect(i18n.t("board.waitingCount", { count: 1, lng: "en" })).toBe("1 waiting");
    expect(i18n.t("board.waitingCount", { count: 2 })).toBe("2 waiting");
  });

  it("counts members in both languages", () => {
    expect(i18n.t("members.count", { count: 1 })).toBe("1 person holds a role directly here.");
    expect(i18n.t("members.count", { count: 4 })).toBe("4 people hold a role directly here.");
    expect(i18n.t("members.count", { count: 1, lng: "de" })).toBe("1 Person hat hier direkt eine Rolle.");
    expect(i18n.t("members.count", { count: 4, lng: "de" })).toBe("4 Personen haben hier direkt eine Rolle.");
  });

  it("renders a form in German: labels, role names and the button", async () => {
    await i18n.changeLanguage("de");
    render(<InviteMemberForm roles={["STAFF", "VIEWER"]} busy={false} onInvite={async () => null} />);
    expect(screen.getByRole("form", { name: "Ein Mitglied einladen" })).toBeInTheDocument();
    expect(screen.getByLabelText("E-Mail")).toBeInTheDocument();
    expect(within(screen.getByLabelText("Rolle")).getByRole("option", { name: "Personal" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Einladung senden" })).toBeInTheDocument();
  });
});
