import { screen, waitFor } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { readDeviceKey } from "../../../lib/device-key";
import { renderWith, scriptedClient } from "../../../test/apollo";
import { PairPage } from "../components/PairPage";

const key = "qk_0123456789ab_" + "k".repeat(43);

function pair(token: string, answer: () => unknown) {
  const api = scriptedClient((op) => {
    if (op.operationName === "PairDevice") return answer() as never;
    throw new Error(`unexpected ${op.operationName}`);
  });
  renderWith(api.client, <PairPage token={token} viaHost={false} />);
  return api;
}

describe("pairing by link", () => {
  afterEach(() => {
    localStorage.clear();
    window.history.replaceState(null, "", "/");
  });

  it("exchanges the token once, stores the key for the tenant and opens the display", async () => {
    window.history.replaceState(null, "", "/pair/tok-1");
    const api = pair("tok-1", () => ({ data: { pairDevice: { __typename: "PairedDevice", deviceId: "d1", kind: "DISPLAY", tenantSlug: "corner-cafe", apiKey: key } } }));
    await waitFor(() => expect(window.location.pathname).toBe("/t/corner-cafe/display"));
    expect(readDeviceKey("corner-cafe")).toBe(key);
    expect(api.seen.filter((o) => o.operationName === "PairDevice")).toEqual([{ operationName: "PairDevice", variables: { token: "tok-1" } }]);
  });

  it("opens the kiosk for a kiosk device", async () => {
    pair("tok-2", () => ({ data: { pairDevice: { __typename: "PairedDevice", deviceId: "d2", kind: "KIOSK", tenantSlug: "corner-cafe", apiKey: key } } }));
    await waitFor(() => expect(window.location.pathname).toBe("/t/corner-cafe/kiosk"));
  });

  it("says an expired or used link can no longer be used, and asks for a new one", async () => {
    pair("tok-3", () => ({ data: null, errors: [new GraphQLError("This pairing link has expired: ask for a new one in the admin console", { extensions: { code: "LINK_EXPIRED" } })] }));
    expect(await screen.findByRole("heading", { name: "This pairing link can no longer be used" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent(/expired/);
    expect(screen.getByText(/Ask for a new pairing link/)).toBeInTheDocument();
    expect(readDeviceKey("corner-cafe")).toBeNull();
  });

  it("says an unknown link is not valid", async () => {
    pair("tok-4", () => ({ data: null, errors: [new GraphQLError("Pairing link not found", { extensions: { code: "NOT_FOUND" } })] }));
    expect(await screen.findByRole("heading", { name: "This pairing link is not valid" })).toBeInTheDocument();
  });
});
