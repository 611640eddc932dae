import type { ApolloLink } from "@apollo/client";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Subject } from "rxjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderWith, scriptedClient } from "../../../test/apollo";
import { publicTenant } from "../../../test/fixtures";
import { DisplayBoard } from "../components/DisplayBoard";

const counter = { __typename: "Counter", id: "c3", name: "Counter 3", isOpen: true };

function board(waiting: string[], nowServing: unknown[] = []) {
  return {
    data: {
      tenant: {
        __typename: "Tenant",
        id: "t1",
        lines: [
          {
            __typename: "Line",
            id: "l1",
            name: "Coffee bar",
            prefix: "A",
            acceptingTickets: true,
            waitingCount: waiting.length,
            counters: [counter],
            nowServing,
            tickets: { __typename: "TicketConnection", nodes: waiting.map((n) => ({ __typename: "Ticket", id: `tk-${n}`, number: n })) },
          },
        ],
      },
    },
  };
}

const calledEvent = {
  data: {
    lineUpdated: {
      __typename: "LineEvent",
      kind: "CALLED",
      lineId: "l1",
      at: "2026-11-22T11:10:00.000Z",
      ticket: { __typename: "Ticket", id: "tk-A001", number: "A001", status: "CALLED", counter: { __typename: "Counter", id: "c3", name: "Counter 3" } },
      stats: {
        __typename: "LineStats",
        waitingCount: 1,
        nowServing: [{ __typename: "NowServing", ticketId: "tk-A001", number: "A001", status: "CALLED", counterId: "c3", counterName: "Counter 3", calledAt: "2026-11-22T11:10:00.000Z" }],
      },
    },
  },
};

describe("now-serving display", () => {
  const speak = vi.fn();
  beforeEach(() => {
    vi.stubGlobal("speechSynthesis", { speak });
    vi.stubGlobal(
      "SpeechSynthesisUtterance",
      class {
        lang = "";
        rate = 1;
        constructor(readonly text: string) {}
      },
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    speak.mockReset();
  });

  it("shows the called number at its counter live and announces it", async () => {
    const user = userEvent.setup();
    const events = new Subject<ApolloLink.Result>();
    let boardCalls = 0;
    const api = scriptedClient((op) => {
      if (op.operationName === "DisplayBoard") return boardCalls++ === 0 ? board(["A001", "A002"]) : board(["A002"], calledEvent.data.lineUpdated.stats.nowServing);
      if (op.operationName === "LineUpdated") return events;
      if (op.operationName === "CurrentDevice") return { data: { currentDevice: null } };
      throw new Error(`unexpected ${op.operationName}`);
    });
    renderWith(api.client, <DisplayBoard tenant={publicTenant()} />);
    const line = await screen.findByTestId("board-line-l1");
    expect(within(line).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["A001", "A002"]);
    expect(within(line).getByTestId("now-serving-number")).toHaveTextContent("—");

    await user.click(screen.getByRole("button", { name: "Tap to turn on sound" }));
    await waitFor(() => expect(api.seen.some((o) => o.operationName === "LineUpdated")).toBe(true));
    act(() => events.next(calledEvent));

    await waitFor(() => expect(within(line).getByRole("row", { name: /Counter 3/ })).toHaveTextContent("A001"));
    await waitFor(() => expect(within(line).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["A002"]));
    await waitFor(() => expect(speak).toHaveBeenCalledTimes(1), { timeout: 2_000 });
    const utterance = speak.mock.calls[0]![0] as { text: string; lang: string };
    expect(utterance.text).toBe("Number A 1, please go to Counter 3.");
    expect(utterance.lang).toBe("en-US");
  });
});
