import { viewerAs } from "../../../test/viewers";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApollo } from "../../../test/render";
import { CurrentTenantContext, currentTenantFor } from "../../tenants/hooks/use-current-tenant";
import { analyticsCsv, rangeFor, type Figures } from "../analytics-model";
import { AnalyticsPage } from "../components/AnalyticsPage";
import { authToken } from "../../../lib/auth-token";
import { i18n } from "../../../i18n/i18n";
import { AnalyticsLinesQuery } from "../graphql/analytics-lines.query";
import { AnalyticsReportQuery } from "../graphql/analytics-report.query";
import { LineAnalyticsQuery } from "../graphql/line-analytics.query";
import { TenantAnalyticsQuery } from "../graphql/tenant-analytics.query";
import { shellTenant } from "../../../test/tenants";

const shell = shellTenant();

const now = new Date(2026, 1, 10, 12, 0, 0);
const week = rangeFor("7d", { from: "", to: "" }, now) as { from: string; to: string };

function figures(overrides: Partial<Figures> = {}): Figures & { __typename: "QueueAnalytics" } {
  const byHour = Array.from({ length: 24 }, (_, hour) => ({
    __typename: "AnalyticsHour" as const,
    hour,
    issued: hour === 9 ? 2 : hour === 10 ? 2 : hour === 11 ? 3 : 0,
    served: hour === 9 ? 2 : hour === 10 ? 1 : 0,
  }));
  return {
    __typename: "QueueAnalytics",
    from: week.from,
    to: week.to,
    timeZone: null,
    tenantCount: 1,
    issued: 7,
    served: 3,
    noShows: 1,
    cancelled: 1,
    expired: 1,
    open: 1,
    waitSamples: 4,
    averageWaitSeconds: 127.5,
    p90WaitSeconds: 246,
    noShowRate: 0.1667,
    cancellationRate: 0.1667,
    byHour,
    estimateAccuracy: { __typename: "EstimateAccuracy", samples: 3, meanAbsoluteErrorSeconds: 50, pastP90Share: 0.3333 } as Figures["estimateAccuracy"],
    ...overrides,
  };
}

const linesMock = {
  request: { query: AnalyticsLinesQuery, variables: { tenantId: "root" } },
  result: {
    data: {
      tenant: {
        __typename: "Tenant",
        id: "root",
        lines: [
          { __typename: "Line", id: "line-1", name: "Front", timeZone: "America/New_York", archivedAt: null },
          { __typename: "Line", id: "line-0", name: "Old annex", timeZone: "America/New_York", archivedAt: "2026-11-01T00:00:00Z" },
        ],
      },
    },
  },
  maxUsageCount: 5,
};
const group = (typename: string, o: Record<string, unknown> = {}) => ({
  __typename: typename,
  issued: 6,
  served: 4,
  noShows: 1,
  cancelled: 1,
  waitSamples: 5,
  meanWaitSeconds: 398,
  medianWaitSeconds: 300,
  calledWithinTarget: 3,
  serviceLevelShare: 0.6,
  serviceSamples: 4,
  meanServiceSeconds: 127.5,
  medianServiceSeconds: 109,
  ...o,
});
const report = (serviceLevelMinutes = 10) => ({
  __typename: "AnalyticsReport",
  tenantId: "root",
  lineId: null,
  timeZone: "Europe/Berlin",
  serviceLevelMinutes,
  total: group("AnalyticsTotal"),
  daily: [group("AnalyticsDay", { day: "2026-02-09", issued: 2 }), group("AnalyticsDay", { day: "2026-02-10", issued: 0, waitSamples: 0, meanWaitSeconds: null, medianWaitSeconds: null, serviceLevelShare: null, meanServiceSeconds: null, medianServiceSeconds: null })],
  byCounter: [group("AnalyticsCounter", { counterId: "c1", name: "Desk A", meanWaitSeconds: 130 }), group("AnalyticsCounter", { counterId: "c2", name: null })],
  byStaff: [group("AnalyticsStaff", { userId: "u1", name: "Ada", medianServiceSeconds: 3603 }), group("AnalyticsStaff", { userId: "u2", name: null })],
});
const reportMock = (serviceLevelMinutes = 10, lineId: string | null = null) => ({
  request: { query: AnalyticsReportQuery, variables: { tenantId: lineId ? null : "root", lineId, from: week.from, to: week.to, serviceLevelMinutes } },
  result: { data: { analyticsReport: report(serviceLevelMinutes) } },
});

const tenantMock = (data: Figures, includeSubtree = false) => ({
  request: { query: TenantAnalyticsQuery, variables: { tenantId: "root", from: week.from, to: week.to, includeSubtree } },
  result: { data: { tenantAnalytics: data } },
});

function renderPage(mocks: unknown[]) {
  return renderWithApollo(
    <CurrentTenantContext.Provider value={currentTenantFor(shell, viewerAs("VIEWER"))}>
      <AnalyticsPage now={now} />
    </CurrentTenantContext.Provider>,
    [linesMock, ...(mocks as never[])],
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("AnalyticsPage", () => {
  it("shows the figures, the hourly chart and the estimate accuracy for the last 7 days", async () => {
    renderPage([tenantMock(figures()), reportMock()]);
    expect(screen.getByRole("status")).toHaveTextContent("Loading");
    const served = await screen.findByRole("group", { name: "Served" });
    expect(served).toHaveTextContent("3");
    expect(served).toHaveTextContent("of 7 issued, 1 still open");
    expect(screen.getByRole("group", { name: "Average wait" })).toHaveTextContent("2 min 8 s");
    expect(screen.getByRole("group", { name: "P90 wait" })).toHaveTextContent("4 min 6 s");
    expect(screen.getByRole("group", { name: "No-show rate" })).toHaveTextContent("16.7 %");
    expect(screen.getByRole("group", { name: "Cancellation rate" })).toHaveTextContent("16.7 %");
    expect(screen.getByRole("group", { name: "Mean absolute error" })).toHaveTextContent("50 s");
    expect(screen.getByRole("group", { name: "Waited past p90" })).toHaveTextContent("33.3 %");
    // The chart is labelled, and its figures are in a table for screen readers.
    expect(screen.getByRole("img", { name: /Tickets by hour of the day/ })).toBeInTheDocument();
    const table = screen.getByRole("table", { name: /Tickets by hour/ });
    expect(within(table).getByRole("rowheader", { name: "11:00" }).closest("tr")).toHaveTextContent("11:0030");
    expect(screen.getByText("Busiest hour 11:00 with 3 tickets issued.")).toBeInTheDocument();
    // A viewer reads everything; the only control acts on the browser (export).
    expect(screen.getByRole("button", { name: "Export CSV" })).toBeEnabled();
  });

  it("exports the shown figures and the hourly series as CSV", async () => {
    const blobs: Blob[] = [];
    Object.assign(URL, { createObjectURL: vi.fn((blob: Blob) => (blobs.push(blob), "blob:analytics")), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    renderPage([tenantMock(figures()), reportMock()]);
    // The button is there (disabled) while the figures load: export once they are shown.
    await screen.findByRole("group", { name: "Served" });
    await userEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    expect(click).toHaveBeenCalledOnce();
    expect(blobs).toHaveLength(1);
    const text = await blobs[0]!.text();
    expect(text).toBe(analyticsCsv(figures(), "All lines of Acme Coffee"));
    const lines = text.split("\r\n");
    expect(lines.slice(0, 2)).toEqual(["metric,value", "Scope,All lines of Acme Coffee"]);
    expect(lines).toContain("Served,3");
    expect(lines).toContain("Average wait (s),127.5");
    expect(lines).toContain("P90 wait (s),246");
    expect(lines).toContain("No-show rate,0.1667");
    expect(lines).toContain("Estimate mean absolute error (s),50");
    expect(lines).toContain("Share waited past p90,0.3333");
    const hourly = lines.slice(lines.indexOf("hour,issued,served") + 1).filter(Boolean);
    expect(hourly).toHaveLength(24);
    expect(hourly[9]).toBe("09:00,2,2");
    expect(hourly[11]).toBe("11:00,3,0");
  });

  it("switches to one line and to the subtree roll-up; shows empty and error states", async () => {
    const lineFigures = figures({ timeZone: "America/New_York", issued: 0, served: 0, open: 0, estimateAccuracy: null });
    const lineMock = {
      request: { query: LineAnalyticsQuery, variables: { lineId: "line-1", from: week.from, to: week.to } },
      result: { data: { lineAnalytics: lineFigures } },
    };
    const subtreeFailure = {
      request: { query: TenantAnalyticsQuery, variables: { tenantId: "root", from: week.from, to: week.to, includeSubtree: true } },
      result: { errors: [{ message: "A roll-up covers at most 50 tenants; choose a smaller subtree", extensions: { code: "LIMIT_EXCEEDED" } }] },
    };
    renderPage([tenantMock(figures()), reportMock(), lineMock, reportMock(10, "line-1"), subtreeFailure]);
    await screen.findByRole("group", { name: "Served" });
    const show = screen.getByLabelText("Show");
    await waitFor(() => expect(within(show).getByRole("option", { name: "Line: Front" })).toBeInTheDocument());
    expect(within(show).getByRole("option", { name: "Line: Old annex (archived)" })).toBeInTheDocument(); // history of an archived line stays reachable
    await userEvent.selectOptions(show, "line:line-1");
    expect(await screen.findByText("No tickets in this range")).toBeInTheDocument();
    await userEvent.selectOptions(show, "subtree");
    expect(await screen.findByText("Could not load the figures")).toBeInTheDocument(); // the store-by-store roll-up below has its own (ChainRollup.test.tsx)
  });

  it("checks custom dates before asking the API", async () => {
    renderPage([tenantMock(figures()), reportMock()]);
    await screen.findByRole("group", { name: "Served" });
    await userEvent.click(screen.getByRole("radio", { name: "Custom" }));
    const to = screen.getByLabelText("To");
    await userEvent.clear(to);
    await userEvent.type(to, "2026-01-01");
    expect(await screen.findByText("The end date is before the start date")).toBeInTheDocument();
  });

  it("shows service times, the service level, and the figures per counter, per staff member and per day, to the second", async () => {
    renderPage([tenantMock(figures()), reportMock()]);
    expect(await screen.findByRole("group", { name: "Mean service time" })).toHaveTextContent("2 min 8 s");
    expect(screen.getByRole("group", { name: "Median service time" })).toHaveTextContent("1 min 49 s");
    expect(screen.getByRole("group", { name: "Median wait" })).toHaveTextContent("5 min");
    expect(screen.getByRole("group", { name: "Median wait" })).toHaveTextContent("mean 6 min 38 s");
    const level = screen.getByRole("group", { name: "Called within 10 min" });
    expect(level).toHaveTextContent("60.0 %");
    expect(level).toHaveTextContent("3 of 5 called");
    const counters = screen.getByRole("table", { name: "By counter" });
    expect(within(counters).getByRole("rowheader", { name: "Desk A" }).closest("tr")).toHaveTextContent("Desk A641" + "2 min 10 s");
    expect(within(counters).getByRole("rowheader", { name: "Removed counter" })).toBeInTheDocument();
    const staff = screen.getByRole("table", { name: /By staff member/ });
    expect(within(staff).getByRole("rowheader", { name: "Ada" }).closest("tr")).toHaveTextContent("1 h 0 min 3 s");
    expect(within(staff).getByRole("rowheader", { name: "Name not shown" })).toBeInTheDocument();
    const days = screen.getByRole("table", { name: "By day (Europe/Berlin)" });
    expect(within(days).getByRole("rowheader", { name: "2026-02-10" }).closest("tr")).toHaveTextContent("—");
    // No hash or rounded minute anywhere.
    expect(screen.queryByText(/^2 min$/)).toBeNull();
  });

  it("asks again with another service-level target, and refuses one outside 1–1440 minutes", async () => {
    renderPage([tenantMock(figures()), reportMock(), reportMock(5)]);
    await screen.findByRole("group", { name: "Called within 10 min" });
    const target = screen.getByLabelText("Service-level target (minutes)");
    await userEvent.clear(target);
    await userEvent.type(target, "0");
    expect(await screen.findByText("Enter whole minutes from 1 to 1440")).toBeInTheDocument();
    await userEvent.clear(target);
    await userEvent.type(target, "5");
    expect(await screen.findByRole("group", { name: "Called within 5 min" })).toBeInTheDocument();
  });

  it("exports the tickets in the chosen format with the session's token", async () => {
    authToken.set("session-token");
    Object.assign(URL, { createObjectURL: vi.fn(() => "blob:tickets"), revokeObjectURL: vi.fn() });
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const fetchImpl = vi.fn(
      async () =>
        new Response("[]", { status: 200, headers: { "content-type": "application/json", "content-disposition": 'attachment; filename="qline-tickets-a-b.json"' } }),
    );
    renderWithApollo(
      <CurrentTenantContext.Provider value={currentTenantFor(shell, viewerAs("VIEWER"))}>
        <AnalyticsPage now={now} fetchImpl={fetchImpl as unknown as typeof fetch} />
      </CurrentTenantContext.Provider>,
      [linesMock, tenantMock(figures()), reportMock()] as never[],
    );
    await screen.findByRole("group", { name: "Served" });
    await userEvent.selectOptions(screen.getByLabelText("Export format"), "json");
    await userEvent.click(screen.getByRole("button", { name: "Export tickets" }));
    await waitFor(() => expect(downloads).toEqual(["qline-tickets-a-b.json"]));
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    const params = new URL(url).searchParams;
    expect(url).toMatch(/\/analytics\/tickets\?/);
    expect(Object.fromEntries(params)).toEqual({ tenantId: "root", from: week.from, to: week.to, format: "json" });
    expect(init.headers).toEqual({ authorization: "Bearer session-token" });
    authToken.set(null);
  });

  it("says why an export was refused", async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ error: { code: "LIMIT_EXCEEDED", message: "Rate limit exceeded, retry later" } }), { status: 429 }));
    renderWithApollo(
      <CurrentTenantContext.Provider value={currentTenantFor(shell, viewerAs("VIEWER"))}>
        <AnalyticsPage now={now} fetchImpl={fetchImpl as unknown as typeof fetch} />
      </CurrentTenantContext.Provider>,
      [linesMock, tenantMock(figures()), reportMock()] as never[],
    );
    await screen.findByRole("group", { name: "Served" });
    await userEvent.click(screen.getByRole("button", { name: "Export tickets" }));
    expect(await screen.findByText(/Could not export the tickets: Rate limit exceeded, retry later/)).toBeInTheDocument();
  });

  it("speaks German: labels, durations to the second, decimal commas, plurals and dates", async () => {
    await i18n.changeLanguage("de");
    renderPage([tenantMock(figures()), reportMock()]);
    expect(screen.getByRole("status")).toHaveTextContent("Die Zahlen werden geladen…");
    const served = await screen.findByRole("group", { name: "Bedient" });
    expect(served).toHaveTextContent("von 7 ausgegebenen, 1 noch offen");
    expect(screen.getByRole("heading", { name: "Auswertungen", level: 1 })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "CSV exportieren" })).toBeEnabled();
    expect(screen.getByRole("radio", { name: "7 Tage" })).toBeChecked();
    expect(within(screen.getByLabelText("Anzeigen")).getByRole("option", { name: "Alle Schlangen von Acme Coffee" })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Mittlere Wartezeit" })).toHaveTextContent("2 Min. 8 s");
    expect(screen.getByRole("group", { name: "Mittlere Wartezeit" })).toHaveTextContent("Beitritt → Aufruf, 4 aufgerufen");
    expect(screen.getByRole("group", { name: "Nichterscheinen" })).toHaveTextContent("16,7 %");
    expect(screen.getByRole("group", { name: "Stornoquote" })).toHaveTextContent("1 storniert, 1 abgelaufen");
    expect(screen.getByText("Stärkste Stunde 11:00 mit 3 ausgegebenen Tickets.")).toBeInTheDocument();
    expect(screen.getByRole("img", { name: /^Tickets nach Tageszeit \(in der Zeitzone jeder Schlange\)/ })).toBeInTheDocument();
    // The report: the service figures, the tables, the days.
    expect(await screen.findByRole("group", { name: "Median der Bedienzeit" })).toHaveTextContent("1 Min. 49 s");
    expect(screen.getByRole("group", { name: "Median der Wartezeit" })).toHaveTextContent("Mittel 6 Min. 38 s");
    const level = screen.getByRole("group", { name: "Aufgerufen innerhalb von 10 Min." });
    expect(level).toHaveTextContent("60,0 %");
    expect(level).toHaveTextContent("3 von 5 aufgerufen");
    const counters = screen.getByRole("table", { name: "Nach Schalter" });
    expect(within(counters).getByRole("columnheader", { name: "Im Ziel" })).toBeInTheDocument();
    expect(within(counters).getByRole("rowheader", { name: "Entfernter Schalter" })).toBeInTheDocument();
    const staff = screen.getByRole("table", { name: "Nach Person (wer das Ticket aufgerufen hat)" });
    expect(within(staff).getByRole("rowheader", { name: "Ada" }).closest("tr")).toHaveTextContent("1 Std. 0 Min. 3 s");
    const days = screen.getByRole("table", { name: "Nach Tag (Europe/Berlin)" });
    expect(within(days).getByRole("rowheader", { name: "10.02.2026" })).toBeInTheDocument();
    // The page's own checks are German too.
    await userEvent.click(screen.getByRole("radio", { name: "Benutzerdefiniert" }));
    const to = screen.getByLabelText("Bis");
    await userEvent.clear(to);
    await userEvent.type(to, "2026-01-01");
    expect(await screen.findByText("Das Enddatum liegt vor dem Startdatum")).toBeInTheDocument();
  });

  it("counts in the plural each language needs", () => {
    expect(i18n.t("analytics.chart.busiest", { hour: "09:00", count: 1 })).toBe("Busiest hour 09:00 with 1 ticket issued.");
    expect(i18n.t("analytics.chart.busiest", { hour: "09:00", count: 1, lng: "de" })).toBe("Stärkste Stunde 09:00 mit 1 ausgegebenen Ticket.");
    expect(i18n.t("analytics.figures.noShowsDetail", { count: 1 })).toBe("1 no-show");
    expect(i18n.t("analytics.figures.noShowsDetail", { count: 2 })).toBe("2 no-shows");
    expect(i18n.t("analytics.errors.tooLong", { count: 92, lng: "de" })).toBe("Wählen Sie höchstens 92 Tage");
  });
});
