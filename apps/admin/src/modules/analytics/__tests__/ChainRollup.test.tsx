import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { i18n } from "../../../i18n/i18n";
import { renderWithApollo } from "../../../test/render";
import { ChainRollup } from "../components/ChainRollup";
import { ChainAnalyticsQuery } from "../graphql/chain-analytics.query";
import { chainPageSize } from "../hooks/use-chain-analytics";

const range = { from: "2026-02-10T00:00:00.000Z", to: "2026-02-11T00:00:00.000Z" };

const store = (id: string, name: string, depth: number, issued: number) => ({
  __typename: "ChainStoreAnalytics" as const,
  tenant: { __typename: "ChainStore" as const, id, name, depth },
  analytics: { __typename: "QueueAnalytics" as const, issued, served: issued, noShows: 0, averageWaitSeconds: issued ? 120 : null, noShowRate: issued ? 0 : null },
});

const page = (after: string | null, stores: ReturnType<typeof store>[], endCursor: string, hasNextPage: boolean) => ({
  request: { query: ChainAnalyticsQuery, variables: { tenantId: "root", from: range.from, to: range.to, first: chainPageSize, after } },
  result: {
    data: {
      chainAnalytics: { __typename: "ChainAnalyticsPage" as const, totalStores: 3, stores, pageInfo: { __typename: "PageInfo" as const, hasNextPage, endCursor } },
    },
  },
});

describe("ChainRollup", () => {
  it("lists the chain store by store, nested, and loads the next page with the cursor the last one gave", async () => {
    const first = page(null, [store("root", "Acme Coffee", 0, 4), store("north", "North region", 1, 0)], "cursor-1", true);
    const second = page("cursor-1", [store("airport", "Airport", 2, 9)], "cursor-2", false);
    renderWithApollo(<ChainRollup tenantId="root" rootDepth={0} range={range} />, [first, second]);

    const table = await screen.findByRole("table");
    expect(await within(table).findByRole("rowheader", { name: "Acme Coffee" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Store by store (3 tenants)" })).toBeInTheDocument();
    const north = within(table).getByRole("rowheader", { name: "North region" }).closest("tr")!;
    expect(north).toHaveTextContent("North region00—");
    expect(within(table).queryByRole("rowheader", { name: "Airport" })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Load more stores" }));
    const airport = (await within(table).findByRole("rowheader", { name: "Airport" })).closest("tr")!;
    expect(airport).toHaveTextContent("Airport992 min0%");
    expect(screen.queryByRole("button", { name: "Load more stores" })).not.toBeInTheDocument();
    // Nested: a store two levels down is indented more than the region.
    expect(within(airport).getByRole("rowheader").style.paddingLeft).toBe("3rem");
  });

  it("shows the API's refusal in place of the stores", async () => {
    const refused = {
      request: { query: ChainAnalyticsQuery, variables: { tenantId: "root", from: range.from, to: range.to, first: chainPageSize, after: null } },
      result: { errors: [{ message: "Tenant not found", extensions: { code: "NOT_FOUND" } }] },
    };
    renderWithApollo(<ChainRollup tenantId="root" rootDepth={0} range={range} />, [refused]);
    expect(await screen.findByText("Could not load these stores")).toBeInTheDocument();
  });

  it("speaks German: the heading counts tenants, minutes and percentages read as German", async () => {
    await i18n.changeLanguage("de");
    const only = page(null, [store("root", "Acme Coffee", 0, 4), store("airport", "Airport", 1, 9)], "cursor-1", true);
    renderWithApollo(<ChainRollup tenantId="root" rootDepth={0} range={range} />, [only]);
    const table = await screen.findByRole("table");
    const acme = (await within(table).findByRole("rowheader", { name: "Acme Coffee" })).closest("tr")!;
    expect(acme).toHaveTextContent("Acme Coffee442 Min.0 %");
    expect(screen.getByRole("heading", { name: "Filiale für Filiale (3 Mandanten)" })).toBeInTheDocument();
    expect(within(table).getByRole("columnheader", { name: "Mittlere Wartezeit" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Weitere Filialen laden" })).toBeInTheDocument();
    expect(i18n.t("analytics.chain.headingCount", { count: 1 })).toBe("Filiale für Filiale (1 Mandant)");
  });
});
