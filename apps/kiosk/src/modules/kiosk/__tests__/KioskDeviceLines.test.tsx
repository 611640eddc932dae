import { cleanup, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWith, scriptedClient } from "../../../test/apollo";
import { publicTenant } from "../../../test/fixtures";
import { KioskScreen } from "../components/KioskScreen";

const tenant = publicTenant();
const coffee = tenant.lines[0]!;
const bakery = { ...coffee, id: "l2", name: "Bakery", prefix: "B" };

function kiosk(currentDevice: { lineIds: string[] } | null) {
  const api = scriptedClient((op) => {
    if (op.operationName === "KioskSetup") {
      return { data: { tenant: { __typename: "Tenant", id: "t1", ticketExtensionSchema: null, ticketExtensionSchemaVersion: 1 }, currentDevice: currentDevice && { __typename: "CurrentDevice", id: "d1", ...currentDevice } } };
    }
    throw new Error(`unexpected ${op.operationName}`);
  });
  renderWith(api.client, <KioskScreen tenant={publicTenant({ lines: [coffee, bakery] })} viaHost={false} origin="http://kiosk.test" />);
}

describe("a kiosk paired for some lines", () => {
  it("offers only its lines", async () => {
    kiosk({ lineIds: ["l2"] });
    expect(await screen.findByRole("button", { name: /Bakery/ })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Coffee bar/ })).not.toBeInTheDocument();
  });

  it("offers every line when paired for the whole tenant, or run on a plain key", async () => {
    for (const device of [{ lineIds: [] }, null]) {
      kiosk(device);
      expect(await screen.findByRole("button", { name: /Bakery/ })).toBeInTheDocument();
      expect(screen.getByRole("button", { name: /Coffee bar/ })).toBeInTheDocument();
      cleanup();
    }
  });
});
