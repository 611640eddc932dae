import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { TemplatesView, type TemplatesViewProps } from "../components/TemplatesPage";

const root = { id: "root", name: "Acme Coffee" };
const airport = { id: "airport", name: "Airport" };
const value = (field: string, v: unknown, source: typeof root | null, overridden = false) => ({ field, value: v, source, overridden });

const templates: TemplatesViewProps["templates"] = {
  theme: [value("logoUrl", "https://cdn.example/logo.png", root), value("primaryColor", "#aa0000", airport, true), value("accentColor", null, null)],
  linePreset: [value("timeZone", "Europe/Berlin", root), value("showEstimates", false, airport, true), value("ttl", { waitingSeconds: 3600 }, root)],
  extensionSchema: { version: 3, overridden: false, source: root },
  ticketTypes: [
    { id: "t-dep", code: "DEP", name: "Deposit", inherited: true, hidden: false, archivedAt: null, source: root },
    { id: "t-adv", code: "ADV", name: "Advice", inherited: true, hidden: true, archivedAt: null, source: root },
    { id: "t-own", code: "VIP", name: "VIP", inherited: false, hidden: false, archivedAt: null, source: airport },
  ],
};

function renderView(overrides: Partial<TemplatesViewProps> = {}) {
  const props: TemplatesViewProps = {
    tenantName: "Airport",
    templates,
    canUpdate: true,
    canManageLines: true,
    busy: false,
    problem: null,
    onSaveTheme: vi.fn(),
    onSaveLinePreset: vi.fn(),
    onReset: vi.fn(),
    onSetHidden: vi.fn(),
    ...overrides,
  };
  render(<TemplatesView {...props} />);
  return props;
}

const row = (tableName: string, header: string) => within(screen.getByRole("table", { name: tableName })).getByRole("rowheader", { name: header }).closest("tr") as HTMLElement;

describe("TemplatesView", () => {
  it("shows every field's effective value with where it comes from", () => {
    renderView();
    expect(within(row("Branding template", "Logo URL")).getByText("Inherited from Acme Coffee")).toBeInTheDocument();
    expect(row("Branding template", "Logo URL")).toHaveTextContent("https://cdn.example/logo.png");
    expect(within(row("Branding template", "Primary colour")).getByText("Overridden here")).toBeInTheDocument();
    expect(within(row("Branding template", "Accent colour")).getByText("Default")).toBeInTheDocument();
    expect(row("Line preset template", "Ticket time limits")).toHaveTextContent('{"waitingSeconds":3600}');
    expect(screen.getByTestId("schema-source")).toHaveTextContent("Version 3 · Inherited from Acme Coffee");
    expect(within(row("Ticket types", "VIP")).getByText("Defined here")).toBeInTheDocument();
    expect(row("Ticket types", "ADV")).toHaveTextContent("Hidden");
  });

  it("offers reset only where a field is overridden here, and resets that field", async () => {
    const props = renderView();
    expect(within(row("Branding template", "Logo URL")).queryByRole("button", { name: /Reset/ })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Reset Primary colour to inherited" }));
    expect(props.onReset).toHaveBeenCalledWith("THEME", "primaryColor");
    await userEvent.click(screen.getByRole("button", { name: "Reset Show estimates to inherited" }));
    expect(props.onReset).toHaveBeenCalledWith("LINE_PRESET", "showEstimates");
  });

  it("sets a field here: a theme colour, and the preset's time zone", async () => {
    const props = renderView();
    await userEvent.type(within(row("Branding template", "Accent colour")).getByLabelText("New Accent colour"), "#00ff00");
    await userEvent.click(within(row("Branding template", "Accent colour")).getByRole("button", { name: "Set here" }));
    expect(props.onSaveTheme).toHaveBeenCalledWith({ accentColor: "#00ff00" });
    await userEvent.type(within(row("Line preset template", "Time zone")).getByLabelText("New Time zone"), "Asia/Tokyo");
    await userEvent.click(within(row("Line preset template", "Time zone")).getByRole("button", { name: "Set here" }));
    expect(props.onSaveLinePreset).toHaveBeenCalledWith({ timeZone: "Asia/Tokyo" });
  });

  it("hides an inherited ticket type or offers it again; its own types have no such switch", async () => {
    const props = renderView();
    await userEvent.click(screen.getByRole("button", { name: "Hide DEP here" }));
    expect(props.onSetHidden).toHaveBeenCalledWith("t-dep", true);
    await userEvent.click(screen.getByRole("button", { name: "Offer ADV here" }));
    expect(props.onSetHidden).toHaveBeenCalledWith("t-adv", false);
    expect(within(row("Ticket types", "VIP")).queryByRole("button")).not.toBeInTheDocument();
  });

  it("is read-only without the permissions, and shows the API's refusal", () => {
    renderView({ canUpdate: false, canManageLines: false, problem: { message: "You do not have permission to do this.", code: "FORBIDDEN", fields: {} } });
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/^New /)).not.toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("You do not have permission to do this.");
  });
});
