import type { ApolloLink } from "@apollo/client";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Subject } from "rxjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { socketState } from "../../../lib/connection";
import { renderWith, scriptedClient } from "../../../test/apollo";
import { publicTenant } from "../../../test/fixtures";
import { DisplayBoard } from "../components/DisplayBoard";

const counter = { __typename: "Counter", id: "c3", name: "Counter 3", isOpen: true };

const serving = (number: string, at = "2026-11-22T11:10:00.000Z") => [
  { __typename: "NowServing", ticketId: `tk-${number}`, number, status: "CALLED", counterId: "c3", counterName: "Counter 3", calledAt: at },
];

/** The DisplayBoard answer: line l1 at `seq` with these waiting numbers (ticket ids tk-<number>). */
function board(seq: number, waiting: string[], nowServing: unknown[] = []) {
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
            seq,
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

/** A lineUpdated event of line l1; `waiting` is the front of the queue after it (the first five). */
function lineEvent(seq: number, kind: string, waiting: string[], changed: { number: string; status: string; position?: number | null } | null = null, nowServing: unknown[] = []): ApolloLink.Result {
  return {
    data: {
      lineUpdated: {
        __typename: "LineEvent",
        kind,
        lineId: "l1",
        at: "2026-11-22T11:10:00.000Z",
        seq,
        ticket: changed && {
          __typename: "Ticket",
          id: `tk-${changed.number}`,
          lineId: "l1",
          number: changed.number,
          status: changed.status,
          position: changed.position ?? null,
          counter: changed.status === "CALLED" ? { __typename: "Counter", id: "c3", name: "Counter 3" } : null,
        },
        stats: { __typename: "LineStats", waitingCount: waiting.length, nowServing },
        waiting: waiting.slice(0, 5).map((n) => ({ __typename: "WaitingPlace", ticketId: `tk-${n}` })),
      },
    },
  };
}

const called = (seq: number, number: string, waiting: string[]) => lineEvent(seq, "CALLED", waiting, { number, status: "CALLED" }, serving(number));

function setup(answers: (n: number) => ApolloLink.Result | Subject<ApolloLink.Result>) {
  const events = new Subject<ApolloLink.Result>();
  let reads = 0;
  const api = scriptedClient((op) => {
    if (op.operationName === "DisplayBoard") return answers(reads++);
    if (op.operationName === "LineUpdated") return events;
    if (op.operationName === "CurrentDevice") return { data: { currentDevice: null } };
    throw new Error(`unexpected ${op.operationName}`);
  });
  renderWith(api.client, <DisplayBoard tenant={publicTenant()} />);
  return { ...api, events, reads: () => api.seen.filter((o) => o.operationName === "DisplayBoard").length };
}

async function live(display: ReturnType<typeof setup>) {
  const line = await screen.findByTestId("board-line-l1");
  await waitFor(() => expect(display.seen.some((o) => o.operationName === "LineUpdated")).toBe(true));
  return line;
}

const next = (line: HTMLElement) => within(line).queryAllByRole("listitem").map((li) => li.textContent);

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
    act(() => socketState.set("online"));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    speak.mockReset();
    act(() => socketState.set("connecting"));
  });

  it("shows the called number at its counter live and announces it, from the event alone (no request)", async () => {
    const user = userEvent.setup();
    const display = setup(() => board(10, ["A001", "A002"]));
    const line = await live(display);
    expect(next(line)).toEqual(["A001", "A002"]);
    expect(within(line).getByTestId("now-serving-number")).toHaveTextContent("—");

    await user.click(screen.getByRole("button", { name: "Tap to turn on sound" }));
    act(() => display.events.next(called(11, "A001", ["A002"])));

    await waitFor(() => expect(within(line).getByRole("row", { name: /Counter 3/ })).toHaveTextContent("A001"));
    await waitFor(() => expect(next(line)).toEqual(["A002"]));
    await waitFor(() => expect(speak).toHaveBeenCalledTimes(1), { timeout: 2_000 });
    const utterance = speak.mock.calls[0]![0] as { text: string; lang: string };
    expect(utterance.text).toBe("Number A 1, please go to Counter 3.");
    expect(utterance.lang).toBe("en-US");
    expect(display.reads()).toBe(1);
  });

  it("shows five next and moves the next number up after a call with the numbers it read, without a request", async () => {
    const queue = ["A001", "A002", "A003", "A004", "A005", "A006", "A007"];
    const display = setup(() => board(10, queue));
    const line = await live(display);
    expect(next(line)).toEqual(queue.slice(0, 5));
    act(() => display.events.next(called(11, "A001", queue.slice(1))));
    await waitFor(() => expect(next(line)).toEqual(queue.slice(1, 6)));
    act(() => display.events.next(lineEvent(12, "ISSUED", [...queue.slice(1), "A008"], { number: "A008", status: "WAITING", position: 7 })));
    act(() => display.events.next(called(13, "A002", [...queue.slice(2), "A008"])));
    await waitFor(() => expect(next(line)).toEqual(queue.slice(2, 7)));
    expect(display.reads()).toBe(1);
  });

  it("ignores a duplicate event: no second announcement, no request", async () => {
    const user = userEvent.setup();
    const display = setup(() => board(10, ["A001", "A002", "A003"]));
    const line = await live(display);
    await user.click(screen.getByRole("button", { name: "Tap to turn on sound" }));
    act(() => {
      display.events.next(called(11, "A001", ["A002", "A003"]));
      display.events.next(called(11, "A001", ["A002", "A003"]));
      display.events.next(called(12, "A002", ["A003"]));
    });
    // Applied in order: once 12 shows, the duplicate 11 was processed.
    await waitFor(() => expect(next(line)).toEqual(["A003"]));
    await waitFor(() => expect(speak).toHaveBeenCalledTimes(2), { timeout: 2_000 });
    expect(speak.mock.calls.map((c) => (c[0] as { text: string }).text)).toEqual(["Number A 1, please go to Counter 3.", "Number A 2, please go to Counter 3."]);
    expect(display.reads()).toBe(1);
  });

  it("a missed event re-reads the board once, then applies events again", async () => {
    const display = setup((n) => (n === 0 ? board(10, ["A001", "A002", "A003"]) : board(12, ["A003"], serving("A002"))));
    const line = await live(display);
    act(() => display.events.next(called(12, "A002", ["A003"]))); // 11 never came
    await waitFor(() => expect(next(line)).toEqual(["A003"]));
    expect(display.reads()).toBe(2);
    act(() => display.events.next(called(13, "A003", [])));
    await waitFor(() => expect(within(line).getByText("Nobody waiting")).toBeInTheDocument());
    expect(display.reads()).toBe(2);
  });

  it("RESYNCED and a change of counters re-read the board", async () => {
    const display = setup((n) => board(10 + n, ["A001"]));
    await live(display);
    act(() => display.events.next(lineEvent(10, "RESYNCED", ["A001"])));
    await waitFor(() => expect(display.reads()).toBe(2));
    act(() => display.events.next(lineEvent(12, "COUNTER_UPDATED", ["A001"])));
    await waitFor(() => expect(display.reads()).toBe(3));
  });

  it("holds events during the client's refetch (reconnect, wake) and applies those newer than it afterwards", async () => {
    const refetched = new Subject<ApolloLink.Result>();
    const display = setup((n) => (n === 0 ? board(10, ["A001", "A002", "A003"]) : refetched));
    const line = await live(display);
    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = display.client.refetchObservableQueries(); // what lib/apollo.ts does on reconnect and wake
    });
    await waitFor(() => expect(display.reads()).toBe(2));
    act(() => {
      display.events.next(called(11, "A001", ["A002", "A003"]));
      display.events.next(called(12, "A002", ["A003"]));
    });
    // The refetch answers from 11: event 12 applies on top of it, with no further request.
    await act(async () => {
      refetched.next(board(11, ["A002", "A003"], serving("A001")));
      refetched.complete();
      await done;
    });
    await waitFor(() => expect(next(line)).toEqual(["A003"]));
    expect(within(line).getByRole("row", { name: /Counter 3/ })).toHaveTextContent("A002");
    expect(display.reads()).toBe(2);
  });
});
