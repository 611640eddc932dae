import { viewerAs } from "../../../test/viewers";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { CreateDeviceMutationVariables } from "../../../gql/graphql";
import { i18n } from "../../../i18n/i18n";
import { renderWithApollo } from "../../../test/render";
import { CurrentTenantContext, currentTenantFor } from "../../tenants/hooks/use-current-tenant";
import { DevicesPage } from "../components/DevicesPage";
import { CreateDeviceMutation } from "../graphql/create-device.mutation";
import { DevicesQuery } from "../graphql/devices.query";
import { RevokeDeviceMutation } from "../graphql/revoke-device.mutation";
import { shellTenant } from "../../../test/tenants";

const shell = shellTenant({ id: "t-1", name: "Acme Pharmacy", theme: { primaryColor: "#0a7d33", accentColor: "#f5a524", logoUrl: null, fontFamily: null } });

function device(overrides: Record<string, unknown> = {}) {
  return {
    __typename: "Device" as const,
    id: "d-1",
    tenantId: "t-1",
    name: "Entrance kiosk",
    kind: "KIOSK" as const,
    lineIds: [] as string[],
    message: null,
    createdAt: "2026-12-04T09:00:00.000Z",
    pairedAt: "2026-12-04T09:05:00.000Z",
    lastSeenAt: "2026-12-04T10:00:00.000Z",
    pairingExpiresAt: null,
    revokedAt: null,
    ...overrides,
  };
}

const lines = [
  { __typename: "Line" as const, id: "line-1", name: "Pharmacy" },
  { __typename: "Line" as const, id: "line-2", name: "Returns" },
];
const tv = device({ id: "d-2", name: "Waiting room TV", kind: "DISPLAY", lineIds: ["line-2"], pairedAt: null, lastSeenAt: null, pairingExpiresAt: "2099-01-01T00:00:00.000Z" });

const devicesQuery = (list: unknown[]) => ({
  request: { query: DevicesQuery, variables: { tenantId: "t-1" } },
  result: { data: { tenant: { __typename: "Tenant" as const, id: "t-1", devices: list, lines } } },
  maxUsageCount: 5,
});

function renderPage(mocks: unknown[]) {
  return renderWithApollo(
    <CurrentTenantContext.Provider value={currentTenantFor(shell, viewerAs("ADMIN"))}>
      <DevicesPage />
    </CurrentTenantContext.Provider>,
    mocks as never[],
  );
}

describe("DevicesPage", () => {
  it("lists each device with its kind, lines, last seen and pairing status", async () => {
    renderPage([devicesQuery([device(), tv])]);
    const kiosk = await screen.findByRole("row", { name: /Entrance kiosk/ });
    expect(within(kiosk).getByText("Kiosk")).toBeInTheDocument();
    expect(within(kiosk).getByText("All lines")).toBeInTheDocument();
    expect(within(kiosk).getByText("Paired")).toBeInTheDocument();
    const display = screen.getByRole("row", { name: /Waiting room TV/ });
    expect(within(display).getByText("Display")).toBeInTheDocument();
    expect(within(display).getByText("Returns")).toBeInTheDocument();
    expect(within(display).getByText("Never")).toBeInTheDocument();
    expect(within(display).getByText("Waiting for pairing")).toBeInTheDocument();
  });

  it("adds a display for one line with a message strip and shows its one-time pairing link as a QR code", async () => {
    const user = userEvent.setup();
    const sent: CreateDeviceMutationVariables[] = [];
    const url = "http://127.0.0.1:4174/pair/" + "p".repeat(43);
    const create = {
      request: {
        query: CreateDeviceMutation,
        variables: (variables: CreateDeviceMutationVariables) => {
          sent.push(variables);
          return true;
        },
      },
      result: { data: { createDevice: { __typename: "DevicePairing" as const, pairingUrl: url, expiresAt: "2026-12-04T10:15:00.000Z", device: tv } } },
    };
    renderPage([devicesQuery([]), create, devicesQuery([tv])]);
    await user.click(await screen.findByRole("button", { name: "Add device" }));
    const dialog = screen.getByRole("dialog", { name: "Add a device" });
    await user.selectOptions(within(dialog).getByLabelText("Kind"), "DISPLAY");
    await user.type(within(dialog).getByLabelText(/^Name/), "Waiting room TV");
    await user.click(within(dialog).getByLabelText("Returns"));
    await user.type(within(dialog).getByLabelText(/Message strip/), "Open until 18:00");
    await user.click(within(dialog).getByRole("button", { name: "Add and show pairing link" }));

    const pairing = await screen.findByRole("dialog", { name: "Pair “Waiting room TV”" });
    expect(within(pairing).getByTestId("pairing-link")).toHaveAttribute("href", url);
    expect(within(pairing).getByTitle("QR code to pair Waiting room TV")).toBeInTheDocument();
    expect(sent).toEqual([{ tenantId: "t-1", input: { kind: "DISPLAY", name: "Waiting room TV", lineIds: ["line-2"], message: "Open until 18:00" } }]);
  });

  it("revokes a device after confirmation", async () => {
    const user = userEvent.setup();
    let revoked = 0;
    const revoke = {
      request: { query: RevokeDeviceMutation, variables: { id: "d-1" } },
      result: () => {
        revoked += 1;
        return { data: { revokeDevice: device({ revokedAt: "2026-12-04T11:00:00.000Z" }) } };
      },
    };
    renderPage([devicesQuery([device()]), revoke]);
    await user.click(await screen.findByRole("button", { name: "Revoke Entrance kiosk" }));
    const confirm = screen.getByRole("dialog", { name: "Revoke “Entrance kiosk”?" });
    expect(confirm).toHaveTextContent("This device is not paired");
    await user.click(within(confirm).getByRole("button", { name: "Revoke device" }));
    await waitFor(() => expect(revoked).toBe(1));
    expect(await screen.findByText(/^Revoked/)).toBeInTheDocument();
  });

  it("speaks German: the add dialog, the pairing link and the revoke confirmation", async () => {
    const user = userEvent.setup();
    await i18n.changeLanguage("de");
    const url = "https://kiosk.example/pair#t=abc";
    const create = {
      request: { query: CreateDeviceMutation, variables: () => true },
      result: { data: { createDevice: { __typename: "DevicePairing" as const, pairingUrl: url, expiresAt: "2026-12-04T10:15:00.000Z", device: tv } } },
    };
    renderPage([devicesQuery([device()]), create, devicesQuery([device(), tv])]);
    const kiosk = await screen.findByRole("row", { name: /Entrance kiosk/ });
    expect(within(kiosk).getByText("Alle Schlangen")).toBeInTheDocument();
    expect(within(kiosk).getByText("Gekoppelt")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Gerät hinzufügen" }));
    const dialog = screen.getByRole("dialog", { name: "Gerät hinzufügen" });
    expect(within(dialog).getByRole("button", { name: "Schließen" })).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Abbrechen" })).toBeInTheDocument();
    expect(within(within(dialog).getByLabelText("Art")).getByRole("option", { name: "Anzeige — der Bildschirm mit den Aufrufen (keine personenbezogenen Daten)" })).toBeInTheDocument();
    expect(dialog).toHaveTextContent("Die Schlangen, die es anbietet. Keine angehakt: jede Schlange dieses Mandanten.");
    await user.click(within(dialog).getByRole("button", { name: "Hinzufügen und Kopplungslink zeigen" }));
    expect(within(dialog).getByText("Geben Sie dem Gerät einen Namen, z. B. „Kiosk Eingang“")).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByLabelText("Art"), "DISPLAY");
    await user.type(within(dialog).getByLabelText(/^Name/), "Waiting room TV");
    await user.click(within(dialog).getByRole("button", { name: "Hinzufügen und Kopplungslink zeigen" }));

    const pairing = await screen.findByRole("dialog", { name: "„Waiting room TV“ koppeln" });
    expect(pairing).toHaveTextContent("Scannen Sie an der Anzeige diesen Code oder öffnen Sie den Link in ihrem Browser.");
    expect(within(pairing).getByTitle("QR-Code zum Koppeln von Waiting room TV")).toBeInTheDocument();
    expect(within(pairing).getByRole("button", { name: "Link kopieren" })).toBeInTheDocument();
    await user.click(within(pairing).getByRole("button", { name: "Fertig" }));

    await user.click(screen.getByRole("button", { name: "Entrance kiosk sperren" }));
    const confirm = screen.getByRole("dialog", { name: "„Entrance kiosk“ sperren?" });
    expect(confirm).toHaveTextContent("Das Gerät funktioniert sofort nicht mehr und zeigt „Dieses Gerät ist nicht gekoppelt“.");
    expect(within(confirm).getByRole("button", { name: "Gerät sperren" })).toBeInTheDocument();
  });
});
