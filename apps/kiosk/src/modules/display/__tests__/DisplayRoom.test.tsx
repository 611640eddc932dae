import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { Subject } from "rxjs";
import { describe, expect, it, vi } from "vitest";
import { renderWith, scriptedClient } from "../../../test/apollo";
import { publicTenant } from "../../../test/fixtures";
import { DeviceKeyContext } from "../../device/hooks/device-key";
import { DisplayBoard } from "../components/DisplayBoard";
import { CALLS_VH, HEADER_VH, MESSAGE_VH, MIN_NUMBER_VH, PANEL_CHROME_VH, displayLayout } from "../lib/display-layout";

const counters = (lineId: string, n: number) => Array.from({ length: n }, (_, i) => ({ __typename: "Counter", id: `${lineId}-c${i + 1}`, name: `Desk ${i + 1}`, isOpen: true }));

function line(id: string, name: string, calls: { number: string; counter: number; at: string }[] = [], counterCount = 2) {
  return {
    __typename: "Line",
    id,
    name,
    prefix: name[0],
    acceptingTickets: true,
    waitingCount: 0,
    counters: counters(id, counterCount),
    nowServing: calls.map((c) => ({ __typename: "NowServing", ticketId: `tk-${c.number}`, number: c.number, status: "CALLED", counterId: `${id}-c${c.counter}`, counterName: `Desk ${c.counter}`, calledAt: c.at })),
    tickets: { __typename: "TicketConnection", nodes: [] },
  };
}

function display(lines: unknown[], device: { lineIds: string[]; message: string | null } | null) {
  const api = scriptedClient((op) => {
    if (op.operationName === "DisplayBoard") return { data: { tenant: { __typename: "Tenant", id: "t1", lines } } };
    if (op.operationName === "CurrentDevice") return { data: { currentDevice: device && { __typename: "CurrentDevice", id: "d1", name: "TV", kind: "DISPLAY", ...device } } };
    if (op.operationName === "LineUpdated") return new Subject();
    throw new Error(`unexpected ${op.operationName}`);
  });
  renderWith(api.client, <DisplayBoard tenant={publicTenant()} />);
  return api;
}

const vh = (value: string) => {
  const match = /^([\d.]+)vh$/.exec(value.trim());
  if (!match) throw new Error(`not a vh length: ${value}`);
  return Number(match[1]);
};

describe("display layout: readable at 10 m", () => {
  it("never draws now-serving numbers below 12% of the screen height, and the rows it shows fit the screen", () => {
    for (const lines of [1, 2, 3, 4, 5, 6]) {
      for (const rows of [1, 2, 4, 8, 20]) {
        for (const message of [false, true]) {
          const layout = displayLayout(lines, rows, message);
          expect(layout.numberVh, `${lines} lines × ${rows} rows`).toBeGreaterThanOrEqual(MIN_NUMBER_VH);
          const panelRows = Math.ceil(lines / layout.columns);
          const height = panelRows * (layout.rowsPerPanel * layout.numberVh * 1.15 + PANEL_CHROME_VH) + HEADER_VH + CALLS_VH + (message ? MESSAGE_VH : 0);
          expect(height, `${lines} lines × ${rows} rows fit`).toBeLessThanOrEqual(100);
        }
      }
    }
  });

  it("uses the space: one line with two counters gets numbers of about a fifth of the screen", () => {
    expect(displayLayout(1, 2, false).numberVh).toBeGreaterThanOrEqual(20);
    expect(displayLayout(2, 2, false).columns).toBe(2);
    expect(displayLayout(4, 1, false).columns).toBe(2);
    expect(displayLayout(6, 1, false).columns).toBe(3);
  });
});

describe("room display", () => {
  it("fills the screen and sizes the numbers from --display-number-size (≥ 12vh)", async () => {
    display([line("l1", "Coffee bar", [{ number: "A007", counter: 1, at: "2026-12-04T10:00:00Z" }])], null);
    const root = await screen.findByTestId("display");
    expect(root).toHaveClass("display");
    const size = root.style.getPropertyValue("--display-number-size");
    expect(vh(size)).toBeGreaterThanOrEqual(12);
    const numbers = screen.getAllByTestId("now-serving-number");
    expect(numbers[0]).toHaveTextContent("A007");
    for (const cell of numbers) expect(getComputedStyle(cell).fontSize).toBe("var(--display-number-size)");
  });

  it("shows the device's lines side by side, the last calls newest first, and its message strip", async () => {
    const lines = [
      line("l1", "Coffee bar", [{ number: "A007", counter: 1, at: "2026-12-04T10:00:00Z" }]),
      line("l2", "Bakery", [{ number: "B003", counter: 2, at: "2026-12-04T10:05:00Z" }]),
      line("l3", "Deli", [{ number: "D011", counter: 1, at: "2026-12-04T10:02:00Z" }]),
    ];
    display(lines, { lineIds: ["l1", "l3"], message: "Closing at 18:00 today" });
    const root = await screen.findByTestId("display");
    expect(await screen.findByTestId("board-line-l1")).toBeInTheDocument();
    expect(screen.getByTestId("board-line-l3")).toBeInTheDocument();
    expect(screen.queryByTestId("board-line-l2")).not.toBeInTheDocument();
    expect(root.style.getPropertyValue("--display-columns")).toBe("2");
    expect(vh(root.style.getPropertyValue("--display-number-size"))).toBeGreaterThanOrEqual(12);
    expect(within(screen.getByTestId("board-line-l3")).getByRole("row", { name: /Desk 1/ })).toHaveTextContent("D011");
    const calls = within(screen.getByTestId("last-calls")).getAllByRole("listitem");
    expect(calls.map((li) => li.querySelector("strong")?.textContent)).toEqual(["D011", "A007"]);
    expect(screen.getByTestId("display-message")).toHaveTextContent("Closing at 18:00 today");
  });

  it("shows every line and no strip for a device without a selection", async () => {
    display([line("l1", "Coffee bar"), line("l2", "Bakery"), line("l3", "Deli"), line("l4", "Fish")], { lineIds: [], message: null });
    for (const id of ["l1", "l2", "l3", "l4"]) expect(await screen.findByTestId(`board-line-${id}`)).toBeInTheDocument();
    expect(screen.queryByTestId("display-message")).not.toBeInTheDocument();
    expect(screen.getByText("No numbers called yet")).toBeInTheDocument();
  });

  it("says the device is not paired when its key is refused, and Pair again forgets the key", async () => {
    const user = userEvent.setup();
    const forget = vi.fn();
    const api = scriptedClient((op) => {
      if (op.operationName === "DisplayBoard" || op.operationName === "CurrentDevice") return { data: null, errors: [new GraphQLError("API key revoked", { extensions: { code: "UNAUTHENTICATED" } })] } as never;
      throw new Error(`unexpected ${op.operationName}`);
    });
    renderWith(
      api.client,
      <DeviceKeyContext.Provider value={{ key: "qk_000000000000_revoked", save: vi.fn(), forget }}>
        <DisplayBoard tenant={publicTenant()} />
      </DeviceKeyContext.Provider>,
    );
    expect(await screen.findByRole("heading", { name: "This device is not paired" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent(/not accepted for this place/);
    expect(screen.queryByText(/cannot reach the server/)).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Pair again" }));
    expect(forget).toHaveBeenCalledTimes(1);
  });
});
