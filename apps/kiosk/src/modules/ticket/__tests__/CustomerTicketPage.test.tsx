import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { Subject } from "rxjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ApolloLink } from "@apollo/client";
import { socketState } from "../../../lib/connection";
import { renderWith, scriptedClient } from "../../../test/apollo";
import { publicTicket } from "../../../test/fixtures";
import { CustomerTicketPage } from "../components/CustomerTicketPage";

function rejected(code: string, message = "refused") {
  return { data: null, errors: [new GraphQLError(message, { extensions: { code } })] } as unknown as ApolloLink.Result; // a GraphQL error answer
}

describe("customer live ticket", () => {
  let updates: Subject<ApolloLink.Result>;
  const vibrate = vi.fn();

  beforeEach(() => {
    updates = new Subject();
    Object.defineProperty(navigator, "vibrate", { value: vibrate, configurable: true });
  });
  afterEach(() => vibrate.mockReset());

  /** ticketByCode answers `byCode[i]` on its i-th request (the last one after that). */
  function page(byCode: Record<string, unknown>[] = [publicTicket()], answers: Record<string, ApolloLink.Result> = {}) {
    let fetches = 0;
    const api = scriptedClient((op) => {
      if (op.operationName === "TicketByCode") return { data: { ticketByCode: byCode[Math.min(fetches++, byCode.length - 1)] } };
      if (op.operationName === "TicketUpdated") return updates;
      const answer = op.operationName ? answers[op.operationName] : undefined;
      if (answer) return answer;
      throw new Error(`unexpected ${op.operationName}`);
    });
    const view = renderWith(api.client, <CustomerTicketPage code="trk-abc" slug={null} />);
    return { ...api, view, count: (name: string) => api.seen.filter((o) => o.operationName === name).length };
  }

  it("shows number, place, people ahead, the wait band and its age, then “your turn — counter” live, with vibration", async () => {
    const api = page();
    expect(await screen.findByTestId("customer-number")).toHaveTextContent("A007");
    expect(screen.getByTestId("ticket-status")).toHaveTextContent("Waiting");
    expect(screen.getByTestId("ticket-position")).toHaveTextContent("Position 3 in line");
    expect(screen.getByTestId("ticket-ahead")).toHaveTextContent("2 ahead of you");
    expect(screen.getByTestId("wait-band")).toHaveTextContent("Estimated wait: about 6–9 min");
    expect(screen.getByTestId("wait-band")).not.toHaveTextContent("rough guess");
    expect(screen.getByTestId("last-updated")).toHaveTextContent("Last updated just now");
    // They may walk away: no "keep this page open".
    expect(screen.getByText(/You can close this page and come back any time with this link/)).toBeInTheDocument();
    expect(screen.queryByText(/Keep this page open/)).not.toBeInTheDocument();
    expect(api.seen.map((o) => o.operationName)).toContain("TicketUpdated");

    act(() => updates.next({ data: { ticketUpdated: publicTicket({ position: 1, estimate: { __typename: "TicketEstimate", p50Seconds: 20, p90Seconds: 25, basis: "HISTORY" } }) } }));
    expect(await screen.findByText("You are next")).toBeInTheDocument();
    expect(screen.getByTestId("ticket-ahead")).toHaveTextContent("Nobody ahead of you");
    expect(screen.getByTestId("wait-band")).toHaveTextContent("Estimated wait: under a minute");

    act(() => updates.next({ data: { ticketUpdated: publicTicket({ status: "CALLED", position: null, estimate: null, counterName: "Counter 3", calledAt: "2026-11-22T11:09:00.000Z" }) } }));
    const turn = await screen.findByTestId("your-turn");
    expect(turn).toHaveTextContent("It's your turn — Counter 3");
    expect(turn).toHaveAttribute("role", "alert");
    expect(screen.getByTestId("ticket-status")).toHaveTextContent("Called");
    expect(screen.queryByTestId("wait-band")).not.toBeInTheDocument();
    expect(screen.queryByTestId("running-late")).not.toBeInTheDocument();
    expect(screen.getByTestId("cancel-ticket")).toBeInTheDocument();
    expect(vibrate).toHaveBeenCalledTimes(1);
  });

  it("says it in German", async () => {
    const api = scriptedClient((op) => (op.operationName === "TicketByCode" ? { data: { ticketByCode: publicTicket() } } : updates));
    renderWith(api.client, <CustomerTicketPage code="trk-abc" slug={null} />, "de");
    expect(await screen.findByTestId("wait-band")).toHaveTextContent("Geschätzte Wartezeit: etwa 6–9 Min.");
    act(() => updates.next({ data: { ticketUpdated: publicTicket({ status: "CALLED", position: null, counterName: "Schalter 2" }) } }));
    expect(await screen.findByTestId("your-turn")).toHaveTextContent("Sie sind dran — Schalter 2");
  });

  it("hides the estimate when the server sends none, and says when it is a rough guess", async () => {
    page([publicTicket({ estimate: null })]);
    await screen.findByTestId("ticket-position");
    expect(screen.queryByTestId("wait-band")).not.toBeInTheDocument();
    act(() => updates.next({ data: { ticketUpdated: publicTicket({ estimate: { __typename: "TicketEstimate", p50Seconds: 360, p90Seconds: 380, basis: "COLD_START" } }) } }));
    const band = await screen.findByTestId("wait-band");
    expect(band).toHaveTextContent("Estimated wait: about 6 min");
    expect(band).toHaveTextContent("A rough guess: we have little history yet.");
  });

  it.each([
    ["SERVED", "You have been served"],
    ["CANCELLED", "Your ticket is cancelled"],
    ["NO_SHOW", "Your turn was missed"],
    ["EXPIRED", "Your ticket has expired"],
  ])("ends clearly on %s: no live dot, no cancel, no running late", async (status, title) => {
    const { view } = page([publicTicket({ status, position: null, estimate: null, canRunLate: false, endedAt: "2026-11-22T11:30:00.000Z" })]);
    const ended = await screen.findByTestId("ended-page");
    expect(within(ended).getByRole("heading", { level: 1 })).toHaveTextContent(title);
    expect(within(ended).getByTestId("customer-number")).toHaveTextContent("A007");
    expect(view.container.querySelector(".connection")).toBeNull();
    expect(screen.queryByTestId("cancel-ticket")).not.toBeInTheDocument();
    expect(screen.queryByTestId("running-late")).not.toBeInTheDocument();
    expect(screen.queryByTestId("last-updated")).not.toBeInTheDocument();
    expect(screen.queryByTestId("wait-band")).not.toBeInTheDocument();
    // A remote joiner may take a new ticket from the tenant's join page.
    expect(within(ended).getByRole("link", { name: "Take a new ticket" })).toHaveAttribute("href", "/t/corner-cafe/join");
  });

  it("shows the live dot only while the ticket is active", async () => {
    const { view } = page();
    await screen.findByTestId("ticket-position");
    expect(view.container.querySelector(".connection")).not.toBeNull();
  });

  it("cancels only after confirmation, then shows the end page", async () => {
    const user = userEvent.setup();
    const api = page([publicTicket()], { CancelMyTicket: { data: { cancelMyTicket: publicTicket({ status: "CANCELLED", position: null, estimate: null, canRunLate: false, endedAt: "2026-11-22T11:05:00.000Z" }) } } });
    await user.click(await screen.findByTestId("cancel-ticket"));
    expect(api.count("CancelMyTicket")).toBe(0);
    await user.click(screen.getByRole("button", { name: "Keep my place" }));
    await user.click(screen.getByTestId("cancel-ticket"));
    await user.click(screen.getByRole("button", { name: "Yes, cancel" }));
    expect(await screen.findByTestId("ended-page")).toHaveTextContent("Your ticket is cancelled");
    expect(screen.getByTestId("ticket-status")).toHaveTextContent("Cancelled");
    expect(screen.queryByTestId("cancel-ticket")).not.toBeInTheDocument();
    expect(api.seen.filter((o) => o.operationName === "CancelMyTicket")).toEqual([{ operationName: "CancelMyTicket", variables: { code: "trk-abc" } }]);
  });

  it("running late: confirms how many places it moves back, then says it was used", async () => {
    const user = userEvent.setup();
    const api = page([publicTicket({ runningLatePlaces: 5 })], {
      RunningLate: { data: { runningLate: publicTicket({ position: 8, canRunLate: false, runningLatePlaces: 5, ranLateAt: "2026-11-22T11:04:00.000Z" }) } },
    });
    await user.click(await screen.findByTestId("running-late"));
    const dialog = screen.getByRole("alertdialog");
    expect(dialog).toHaveTextContent("We move you back 5 places so you keep your ticket. You can do this once.");
    await user.click(within(dialog).getByRole("button", { name: "Never mind" }));
    expect(api.count("RunningLate")).toBe(0);

    await user.click(screen.getByTestId("running-late"));
    await user.click(screen.getByRole("button", { name: "Yes, move me back" }));
    expect(await screen.findByTestId("ran-late")).toHaveTextContent("You told us you are running late");
    expect(screen.getByTestId("ticket-position")).toHaveTextContent("Position 8 in line");
    expect(screen.queryByTestId("running-late")).not.toBeInTheDocument();
    expect(api.seen.filter((o) => o.operationName === "RunningLate")).toEqual([{ operationName: "RunningLate", variables: { code: "trk-abc" } }]);
  });

  it("INVALID_TRANSITION: says it is no longer possible and shows the ticket as it is now", async () => {
    const user = userEvent.setup();
    const api = page([publicTicket(), publicTicket({ status: "CALLED", position: null, estimate: null, canRunLate: false, counterName: "Counter 1" })], {
      RunningLate: rejected("INVALID_TRANSITION", "not waiting"),
    });
    await user.click(await screen.findByTestId("running-late"));
    await user.click(screen.getByRole("button", { name: "Yes, move me back" }));
    expect(await screen.findByTestId("action-failed")).toHaveTextContent("That is no longer possible.");
    expect(await screen.findByTestId("your-turn")).toHaveTextContent("It's your turn — Counter 1");
    expect(api.count("TicketByCode")).toBe(2);
    expect(screen.queryByTestId("running-late")).not.toBeInTheDocument();
  });

  it("says so when the ticket moved to another line", async () => {
    page();
    await screen.findByTestId("ticket-position");
    expect(screen.queryByTestId("ticket-moved")).not.toBeInTheDocument();
    act(() => updates.next({ data: { ticketUpdated: publicTicket({ lineId: "l2", lineName: "Pastry", position: 2 }) } }));
    expect(await screen.findByTestId("ticket-moved")).toHaveTextContent("Your ticket was moved to Pastry.");
    expect(screen.getByText("Line: Pastry")).toBeInTheDocument();
  });

  it("fetches the ticket again when the phone wakes up or comes back online", async () => {
    const api = page([publicTicket(), publicTicket({ position: 2 }), publicTicket({ status: "SERVED", position: null, estimate: null, canRunLate: false })]);
    await screen.findByTestId("ticket-position");
    expect(api.count("TicketByCode")).toBe(1);

    // Hidden → nothing; visible → fetch now.
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    act(() => void document.dispatchEvent(new Event("visibilitychange")));
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    act(() => void document.dispatchEvent(new Event("visibilitychange")));
    expect(await screen.findByText("Position 2 in line")).toBeInTheDocument();
    expect(api.count("TicketByCode")).toBe(2);

    act(() => void window.dispatchEvent(new Event("online")));
    expect(await screen.findByTestId("ended-page")).toHaveTextContent("You have been served");
    expect(api.count("TicketByCode")).toBe(3);
  });

  it("fetches the ticket again after the live link reconnects (not on its first connect)", async () => {
    act(() => socketState.set("connecting"));
    const api = page([publicTicket(), publicTicket({ position: 2 })]);
    await screen.findByTestId("ticket-position");
    act(() => socketState.set("online")); // first connect
    act(() => socketState.set("connecting")); // lost…
    act(() => socketState.set("online")); // …and back
    expect(await screen.findByText("Position 2 in line")).toBeInTheDocument();
    expect(api.count("TicketByCode")).toBe(2);
  });

  it("fetches the ticket again when the wall clock jumped (the phone slept with the page open)", async () => {
    // Only the interval and the clock are faked: Apollo and the page's findBy* keep their real timeouts.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"], now: Date.parse("2026-11-22T11:00:00Z") });
    try {
      const api = page([publicTicket(), publicTicket({ position: 2 })]);
      await screen.findByTestId("ticket-position");
      act(() => vi.advanceTimersByTime(30_000)); // on time: nothing to do
      expect(api.count("TicketByCode")).toBe(1);
      vi.setSystemTime(Date.now() + 10 * 60_000);
      act(() => vi.advanceTimersByTime(10_000));
      expect(await screen.findByText("Position 2 in line")).toBeInTheDocument();
      expect(api.count("TicketByCode")).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("tells how old the shown state is, ticking while nothing new arrives", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      page();
      expect(await screen.findByTestId("last-updated")).toHaveTextContent("Last updated just now");
      act(() => vi.advanceTimersByTime(75_000));
      expect(screen.getByTestId("last-updated")).toHaveTextContent("Last updated 1 min ago");
      act(() => updates.next({ data: { ticketUpdated: publicTicket({ position: 2 }) } }));
      await waitFor(() => expect(screen.getByTestId("last-updated")).toHaveTextContent("Last updated just now"));
    } finally {
      vi.useRealTimers();
    }
  });

  it("copies the page's link so the customer can come back", async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    page();
    await user.click(await screen.findByTestId("copy-link"));
    expect(writeText).toHaveBeenCalledWith(window.location.href);
    expect(await screen.findByText("Link copied")).toBeInTheDocument();
  });

  it("says so for an unknown code", async () => {
    const api = scriptedClient(() => ({ data: { ticketByCode: null } }));
    renderWith(api.client, <CustomerTicketPage code="nope" slug={null} />);
    expect(await screen.findByRole("heading", { name: "Ticket not found" })).toBeInTheDocument();
  });
});
