import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SettingsInheritanceView } from "../components/SettingsInheritanceView";
import { explainSettings, mergeSettings } from "../settings-merge";

const root = { id: "r", name: "Acme Retail", settings: { language: "en", kiosk: { idleSeconds: 60, showLogo: true }, hours: ["09-17"] } };
const region = { id: "g", name: "North Region", settings: { kiosk: { idleSeconds: 90 } } };
const own = { language: "de", kiosk: { showLogo: false } };
const effective = mergeSettings([root.settings, region.settings, own]);

describe("settings inheritance", () => {
  it("merges nested objects field by field and replaces scalars and arrays, like the API", () => {
    expect(effective).toEqual({ language: "de", kiosk: { idleSeconds: 90, showLogo: false }, hours: ["09-17"] });
    expect(mergeSettings([{ hours: ["a", "b"] }, { hours: ["c"] }])).toEqual({ hours: ["c"] });
  });

  it("names the source of every effective value", () => {
    const rows = Object.fromEntries(explainSettings(own, effective, [root, region]).map((r) => [r.path, r.source]));
    expect(rows).toEqual({
      hours: { kind: "inherited", from: "Acme Retail" },
      "kiosk.idleSeconds": { kind: "inherited", from: "North Region" },
      "kiosk.showLogo": { kind: "own", overrides: "Acme Retail" },
      language: { kind: "own", overrides: "Acme Retail" },
    });
  });

  it("shows own and effective settings side by side with where each value comes from", () => {
    render(<SettingsInheritanceView tenantName="Berlin Store" own={own} effective={effective} ancestors={[root, region]} />);

    expect(screen.getByText("Own settings (Berlin Store)")).toBeInTheDocument();
    expect(screen.getByLabelText("Own settings JSON")).toHaveTextContent('"language": "de"');
    expect(screen.getByLabelText("Effective settings JSON")).toHaveTextContent('"idleSeconds": 90');

    const table = screen.getByRole("table");
    const row = (path: string) => within(table).getByRole("rowheader", { name: path }).closest("tr") as HTMLElement;
    expect(within(row("language")).getByText("Set here")).toBeInTheDocument();
    expect(row("language")).toHaveTextContent("overrides Acme Retail");
    expect(row("language")).toHaveTextContent('"de"');
    expect(within(row("kiosk.idleSeconds")).getByText("Inherited from North Region")).toBeInTheDocument();
    expect(row("kiosk.idleSeconds")).toHaveTextContent("90");
    expect(within(row("hours")).getByText("Inherited from Acme Retail")).toBeInTheDocument();
  });

  it("says so when nothing is set anywhere", () => {
    render(<SettingsInheritanceView tenantName="Solo" own={{}} effective={{}} ancestors={[]} />);
    expect(screen.getByText(/No settings here or above/)).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });
});
