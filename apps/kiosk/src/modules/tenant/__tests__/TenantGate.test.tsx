import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { publicTenant } from "../../../test/fixtures";
import { renderWith, scriptedClient } from "../../../test/apollo";
import { TenantGate } from "../components/TenantGate";

function gate(answer: unknown, language: "en" | "de" = "en") {
  const { client } = scriptedClient(() => ({ data: { tenantBySlug: answer } }));
  return renderWith(client, <TenantGate slug="corner-cafe">{(tenant) => <p>Welcome to {tenant.name}</p>}</TenantGate>, language);
}

describe("TenantGate", () => {
  it("says there is no such place for an unknown slug", async () => {
    gate(null);
    expect(await screen.findByRole("heading", { name: "No such place" })).toBeInTheDocument();
    expect(screen.getByText(/could not find “corner-cafe”/)).toBeInTheDocument();
    expect(screen.queryByText(/Welcome to/)).not.toBeInTheDocument();
  });

  it("says a suspended tenant is temporarily unavailable, in German too", async () => {
    gate(publicTenant({ suspended: true }), "de");
    expect(await screen.findByRole("heading", { name: "Vorübergehend nicht verfügbar" })).toBeInTheDocument();
    expect(screen.queryByText(/Welcome to/)).not.toBeInTheDocument();
  });

  it("renders the page with the tenant's branding as CSS variables", async () => {
    gate(publicTenant());
    expect(await screen.findByText("Welcome to Corner Café")).toBeInTheDocument();
    const style = document.documentElement.style;
    expect(style.getPropertyValue("--brand-primary")).toBe("#123456");
    expect(style.getPropertyValue("--brand-accent")).toBe("#ffcc00");
    expect(style.getPropertyValue("--brand-font")).toBe("Georgia, serif");
  });

  it("offers a retry when the server cannot be reached", async () => {
    const { client } = scriptedClient(() => new TypeError("Failed to fetch"));
    renderWith(client, <TenantGate slug="corner-cafe">{() => <p>never</p>}</TenantGate>);
    expect(await screen.findByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
