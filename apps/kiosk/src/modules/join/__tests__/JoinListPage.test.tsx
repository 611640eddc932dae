import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWith, scriptedClient } from "../../../test/apollo";
import { joinLine, publicTenant } from "../../../test/fixtures";
import { JoinListPage } from "../components/JoinListPage";

function list(lines: Record<string, unknown>[], viaHost = false) {
  const api = scriptedClient((op) => {
    if (op.operationName === "JoinLines") return { data: { tenantBySlug: { __typename: "PublicTenant", id: "t1", joinLines: lines } } };
    throw new Error(`unexpected ${op.operationName}`);
  });
  renderWith(api.client, <JoinListPage tenant={publicTenant()} viaHost={viaHost} />);
  return api;
}

describe("join list", () => {
  it("links a joinable line to its form, with the waiting count and the wait for joining now", async () => {
    const api = list([joinLine()]);
    const item = await screen.findByTestId("join-line-A");
    const link = within(item).getByRole("link");
    expect(link).toHaveAttribute("href", "/t/corner-cafe/join/l1");
    expect(link).toHaveTextContent("Coffee bar");
    expect(item).toHaveTextContent("4 waiting");
    expect(within(item).getByTestId("wait-band")).toHaveTextContent("Wait if you join now: about 6–9 min");
    expect(api.seen[0]).toEqual({ operationName: "JoinLines", variables: { slug: "corner-cafe" } });
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Join a line at Corner Café");
  });

  it("hides the band when the server sends no estimate", async () => {
    list([joinLine({ estimate: null })]);
    const item = await screen.findByTestId("join-line-A");
    expect(within(item).queryByTestId("wait-band")).not.toBeInTheDocument();
    expect(within(item).getByRole("link")).toBeInTheDocument();
  });

  it("says why a line cannot be joined (closed, not accepting, full), without a link", async () => {
    list([
      joinLine({ id: "l1", prefix: "A", name: "Coffee bar", joinable: false, unavailableReason: "CLOSED" }),
      joinLine({ id: "l2", prefix: "B", name: "Pastry", joinable: false, unavailableReason: "NOT_ACCEPTING" }),
      joinLine({ id: "l3", prefix: "C", name: "Cakes", joinable: false, unavailableReason: "FULL", waitingCount: 40 }),
      joinLine({ id: "l4", prefix: "D", name: "Tea", joinable: true }),
    ]);
    const closed = await screen.findByTestId("join-line-A");
    expect(within(closed).queryByRole("link")).not.toBeInTheDocument();
    expect(within(closed).getByTestId("join-unavailable-reason")).toHaveTextContent("Closed right now");
    expect(within(closed).queryByTestId("wait-band")).not.toBeInTheDocument();
    expect(within(screen.getByTestId("join-line-B")).getByTestId("join-unavailable-reason")).toHaveTextContent("Not taking new tickets right now");
    const full = screen.getByTestId("join-line-C");
    expect(within(full).getByTestId("join-unavailable-reason")).toHaveTextContent("Full right now");
    expect(full).toHaveTextContent("40 waiting");
    expect(within(full).queryByRole("link")).not.toBeInTheDocument();
    expect(within(screen.getByTestId("join-line-D")).getByRole("link")).toHaveAttribute("href", "/t/corner-cafe/join/l4");
  });

  it("says so when no line takes remote joins", async () => {
    list([]);
    expect(await screen.findByText("No line takes online joins right now. Please ask the staff.")).toBeInTheDocument();
  });

  it("links without the prefix on the tenant's host, and switches language", async () => {
    const user = userEvent.setup();
    list([joinLine()], true);
    expect(within(await screen.findByTestId("join-line-A")).getByRole("link")).toHaveAttribute("href", "/join/l1");
    await user.click(screen.getByRole("button", { name: "Deutsch" }));
    expect(screen.getByTestId("join-line-A")).toHaveTextContent("4 warten");
    expect(screen.getByTestId("wait-band")).toHaveTextContent("Wartezeit, wenn Sie sich jetzt einreihen: etwa 6–9 Min.");
    expect(localStorage.getItem("qline.language")).toBe("de");
  });
});
