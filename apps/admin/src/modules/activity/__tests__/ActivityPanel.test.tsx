import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { i18n } from "../../../i18n/i18n";
import { renderWithApollo } from "../../../test/render";
import { ActivityPanel } from "../components/ActivityPanel";
import { ActivityLinesQuery } from "../graphql/activity-lines.query";
import { TenantActivitySubscription } from "../graphql/tenant-activity.subscription";

const linesMock = (lines: { id: string; name: string; prefix: string; waitingCount: number }[]) => ({
  request: { query: ActivityLinesQuery, variables: { tenantId: "t1" } },
  result: { data: { tenant: { __typename: "Tenant" as const, id: "t1", lines: lines.map((l) => ({ __typename: "Line" as const, ...l })) } } },
});

const calledMock = {
  request: { query: TenantActivitySubscription, variables: { tenantId: "t1" } },
  result: {
    data: {
      tenantActivity: {
        __typename: "TenantActivityEvent" as const,
        kind: "CALLED",
        tenantId: "t1",
        lineId: "l1",
        at: "2026-12-04T12:00:00.000Z",
        ticket: { __typename: "Ticket" as const, id: "k1", number: "A001", status: "CALLED" as const },
        stats: { __typename: "LineStats" as const, waitingCount: 1 },
      },
    },
  },
};

/** The feed's subscription, open but silent (no event arrives). */
const silentMock = { ...calledMock, delay: Infinity };

describe("ActivityPanel", () => {
  it("guides a new tenant in English, each step linking to its page", async () => {
    renderActivity([linesMock([]), silentMock]);
    const steps = await screen.findByRole("list");
    expect(within(steps).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Create a line and the ticket types customers choose from.",
      "Add ticket fields if the kiosk should ask anything extra.",
      "Brand the kiosk with your logo and colours.",
      "Create an API key for each kiosk, then invite your staff.",
    ]);
    expect(within(steps).getAllByRole("link").map((a) => a.textContent)).toEqual(["Create a line", "Add ticket fields", "Brand the kiosk", "Create an API key", "invite your staff"]);
  });

  it("speaks German: the steps, the live feed and its waiting count (one: wartet)", async () => {
    await i18n.changeLanguage("de");
    renderActivity([linesMock([]), calledMock]);
    expect(await screen.findByRole("heading", { name: "Erste Schritte" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Legen Sie eine Schlange an" })).toHaveAttribute("href", expect.stringContaining("lines"));
    expect(screen.getByRole("link", { name: "laden Sie dann Ihr Personal ein" })).toHaveAttribute("href", expect.stringContaining("members"));
    expect(screen.getByRole("heading", { name: "Live-Aktivität" })).toBeInTheDocument();
    const feed = await screen.findByRole("list", { name: "Live-Aktivität, neueste zuerst" });
    const item = within(feed).getByRole("listitem");
    expect(item).toHaveTextContent("A001 aufgerufen · eine Schlange eines untergeordneten Mandanten");
    expect(within(item).getByText("1 wartet")).toBeInTheDocument();
  });

  it("tells in German that it waits for activity, and shows each line's waiting count", async () => {
    await i18n.changeLanguage("de");
    renderActivity([linesMock([{ id: "l1", name: "Pharmacy", prefix: "A", waitingCount: 4 }]), silentMock]);
    const tile = await screen.findByRole("link", { name: /Pharmacy/ });
    expect(tile).toHaveTextContent("A Pharmacy4warten");
    expect(screen.getByText("Warten auf Aktivität… Tickets, die irgendwo unterhalb dieses Mandanten ausgegeben, aufgerufen und bedient werden, erscheinen hier.")).toBeInTheDocument();
  });
});

function renderActivity(mocks: unknown[]) {
  return renderWithApollo(<ActivityPanel tenantId="t1" canSetUp />, mocks as never[]);
}
