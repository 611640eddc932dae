import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Subject } from "rxjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ApolloLink } from "@apollo/client";
import { renderWith, scriptedClient } from "../../../test/apollo";
import { CustomerTicketPage } from "../components/CustomerTicketPage";

function publicTicket(overrides: Record<string, unknown> = {}) {
  return {
    __typename: "PublicTicket",
    trackingCode: "trk-abc",
    number: "A007",
    status: "WAITING",
    position: 3,
    lineId: "l1",
    lineName: "Coffee bar",
    counterName: null,
    createdAt: "2026-11-22T11:00:00.000Z",
    calledAt: null,
    servedAt: null,
    completedAt: null,
    endedAt: null,
    ...overrides,
  };
}

describe("customer live ticket", () => {
  let updates: Subject<ApolloLink.Result>;
  const vibrate = vi.fn();

  beforeEach(() => {
    updates = new Subject();
    Object.defineProperty(navigator, "vibrate", { value: vibrate, configurable: true });
  });
  afterEach(() => vibrate.mockReset());

  function page() {
    return scriptedClient((op) => {
      if (op.operationName === "TicketByCode") return { data: { ticketByCode: publicTicket() } };
      if (op.operationName === "TicketUpdated") return updates;
      if (op.operationName === "CancelMyTicket") return { data: { cancelMyTicket: publicTicket({ status: "CANCELLED", position: null, endedAt: "2026-11-22T11:05:00.000Z" }) } };
      throw new Error(`unexpected ${op.operationName}`);
    });
  }

  it("shows number, status and position, then “your turn — counter” live, with vibration", async () => {
    const api = page();
    renderWith(api.client, <CustomerTicketPage code="trk-abc" slug={null} />);
    expect(await screen.findByTestId("customer-number")).toHaveTextContent("A007");
    expect(screen.getByTestId("ticket-status")).toHaveTextContent("Waiting");
    expect(screen.getByTestId("ticket-position")).toHaveTextContent("Position 3 in line");
    expect(screen.getByText("2 people ahead of you")).toBeInTheDocument();
    expect(api.seen.map((o) => o.operationName)).toContain("TicketUpdated");

    act(() => updates.next({ data: { ticketUpdated: publicTicket({ position: 1 }) } }));
    expect(await screen.findByText("You are next")).toBeInTheDocument();

    act(() => updates.next({ data: { ticketUpdated: publicTicket({ status: "CALLED", position: null, counterName: "Counter 3", calledAt: "2026-11-22T11:09:00.000Z" }) } }));
    expect(await screen.findByTestId("your-turn")).toHaveTextContent("It's your turn — Counter 3");
    expect(screen.getByTestId("ticket-status")).toHaveTextContent("Called");
    expect(vibrate).toHaveBeenCalledTimes(1);
  });

  it("says it in German", async () => {
    const api = page();
    renderWith(api.client, <CustomerTicketPage code="trk-abc" slug={null} />, "de");
    await screen.findByTestId("customer-number");
    act(() => updates.next({ data: { ticketUpdated: publicTicket({ status: "CALLED", position: null, counterName: "Schalter 2" }) } }));
    expect(await screen.findByTestId("your-turn")).toHaveTextContent("Sie sind dran — Schalter 2");
  });

  it("cancels only after confirmation", async () => {
    const user = userEvent.setup();
    const api = page();
    renderWith(api.client, <CustomerTicketPage code="trk-abc" slug={null} />);
    await user.click(await screen.findByRole("button", { name: "Cancel my ticket" }));
    expect(api.seen.some((o) => o.operationName === "CancelMyTicket")).toBe(false);
    await user.click(screen.getByRole("button", { name: "Keep my place" }));
    await user.click(screen.getByRole("button", { name: "Cancel my ticket" }));
    await user.click(screen.getByRole("button", { name: "Yes, cancel" }));
    expect(await screen.findByText("Your ticket is cancelled.")).toBeInTheDocument();
    expect(screen.getByTestId("ticket-status")).toHaveTextContent("Cancelled");
    expect(api.seen.filter((o) => o.operationName === "CancelMyTicket")).toEqual([{ operationName: "CancelMyTicket", variables: { code: "trk-abc" } }]);
  });

  it("says so for an unknown code", async () => {
    const api = scriptedClient(() => ({ data: { ticketByCode: null } }));
    renderWith(api.client, <CustomerTicketPage code="nope" slug={null} />);
    expect(await screen.findByRole("heading", { name: "Ticket not found" })).toBeInTheDocument();
  });
});
