import type { ApolloClient, ApolloLink } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { Subject } from "rxjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { socketState } from "../../../lib/connection-status";
import { scriptedClient } from "../../../test/scripted-client";
import type { BoardEvent } from "../board-events";
import { useQueueBoard, type BoardLine, type BoardTicket } from "../hooks/use-queue-board";
import { boardLine, minutesAgo, ticket } from "./fixtures";

// A real Apollo client and cache over a scripted link: what is under test is which requests the board makes
// and what it shows, with the cache doing what it does in the app.

function typedTicket(t: BoardTicket) {
  return {
    __typename: "Ticket",
    ...t,
    ticketType: t.ticketType && { __typename: "TicketType", ...t.ticketType },
    counter: t.counter && { __typename: "Counter", ...t.counter },
    estimate: t.estimate && { __typename: "TicketEstimate", ...t.estimate },
  };
}

/** The QueueBoard answer for the fixture line at `seq` with these waiting tickets. */
function boardAnswer(seq: number, waiting: BoardTicket[] = boardLine().waiting.nodes): ApolloLink.Result {
  const line: BoardLine = boardLine({ seq, waitingCount: waiting.length });
  return {
    data: {
      line: {
        __typename: "Line",
        ...line,
        ttl: { __typename: "LineTtl", ...line.ttl },
        counters: line.counters.map((c) => ({ __typename: "Counter", ...c })),
        waiting: { __typename: "TicketConnection", nodes: waiting.map(typedTicket), pageInfo: { __typename: "PageInfo", hasNextPage: false } },
        active: { __typename: "TicketConnection", nodes: line.active.nodes.map(typedTicket) },
        tenant: { __typename: "Tenant", ...line.tenant, lines: line.tenant.lines.map((l) => ({ __typename: "Line", ...l })) },
      },
    },
  };
}

const nowServing = [
  { __typename: "NowServing", ticketId: "s2", number: "A099", status: "CALLED", counterId: "c-2" },
  { __typename: "NowServing", ticketId: "s1", number: "A000", status: "SERVING", counterId: "c-1" },
];

/** A lineUpdated event; `waiting` names the front of the queue in order. */
function lineEvent(seq: number, kind: string, waiting: string[], changed: BoardTicket | null = null): ApolloLink.Result {
  const event: BoardEvent & { __typename: string } = {
    __typename: "LineEvent",
    kind,
    lineId: "line-1",
    at: "2026-11-22T12:00:00Z",
    seq,
    ticket: changed && { ...typedTicket(changed), lineId: "line-1" },
    stats: { waitingCount: waiting.length, estimatedWaitSeconds: 60 * waiting.length, nowServing },
    waiting: waiting.map((ticketId, i) => ({ __typename: "WaitingPlace", ticketId, position: i + 1, estimate: { __typename: "TicketEstimate", p50Seconds: 60 * (i + 1), p90Seconds: 120 * (i + 1) } })),
  } as BoardEvent & { __typename: string };
  return { data: { lineUpdated: event } };
}

const issued = (id: string, number: string, position: number) => ticket({ id, number, position, joinedAt: minutesAgo(0) });

function setup(answers: (n: number) => ApolloLink.Result | Subject<ApolloLink.Result> = (n) => boardAnswer(10 + n)) {
  const events = new Subject<ApolloLink.Result>();
  let reads = 0;
  const api = scriptedClient((op) => {
    if (op.operationName === "QueueBoard") return answers(reads++);
    if (op.operationName === "LineUpdated") return events;
    throw new Error(`unexpected ${op.operationName}`);
  });
  const wrapper = ({ children }: { children: ReactNode }) => <ApolloProvider client={api.client as ApolloClient}>{children}</ApolloProvider>;
  const hook = renderHook(() => useQueueBoard("line-1"), { wrapper });
  const reads_ = () => api.count("QueueBoard");
  return { ...api, events, hook, reads: reads_ };
}

/** Rendered, subscribed, and the first answer (seq 10) shown. */
async function live(board: ReturnType<typeof setup>) {
  await waitFor(() => expect(board.hook.result.current.line?.seq).toBe(10));
  await waitFor(() => expect(board.count("LineUpdated")).toBe(1));
}

const waitingIds = (board: ReturnType<typeof setup>) => board.hook.result.current.line?.waiting.nodes.map((t) => t.number);

describe("useQueueBoard applies live events instead of re-reading the line", () => {
  beforeEach(() => act(() => socketState.set("online")));
  afterEach(() => act(() => socketState.set("connecting")));

  it("an event in sequence updates the board without a request", async () => {
    const board = setup();
    await live(board);
    act(() => board.events.next(lineEvent(11, "ISSUED", ["t1", "t2", "t3", "t4"], issued("t4", "A004", 4))));
    await waitFor(() => expect(waitingIds(board)).toEqual(["A001", "A002", "A003", "A004"]));
    const line = board.hook.result.current.line!;
    expect(line.seq).toBe(11);
    expect(line.waitingCount).toBe(4);
    expect(line.waiting.nodes[3]?.estimate?.p50Seconds).toBe(240);
    expect(board.hook.result.current.lastEventAt).toBe("2026-11-22T12:00:00Z");
    expect(board.reads()).toBe(1);
  });

  it("a missed event (seq jumps by 2) re-reads the line once", async () => {
    const withT4 = [...boardLine().waiting.nodes, issued("t4", "A004", 4)];
    const board = setup((n) => (n === 0 ? boardAnswer(10) : boardAnswer(12, withT4)));
    await live(board);
    act(() => board.events.next(lineEvent(12, "ISSUED", ["t1", "t2", "t3", "t4"], issued("t4", "A004", 4))));
    await waitFor(() => expect(board.hook.result.current.line?.seq).toBe(12));
    expect(board.reads()).toBe(2);
    expect(waitingIds(board)).toEqual(["A001", "A002", "A003", "A004"]);
    // The next event in order applies without another request.
    act(() => board.events.next(lineEvent(13, "ISSUED", ["t1", "t2", "t3", "t4", "t5"], issued("t5", "A005", 5))));
    await waitFor(() => expect(waitingIds(board)).toContain("A005"));
    expect(board.reads()).toBe(2);
  });

  it("ignores a duplicate or old event", async () => {
    const board = setup();
    await live(board);
    act(() => {
      board.events.next(lineEvent(10, "ISSUED", ["t1", "t2", "t3", "old"], issued("old", "A010", 4)));
      board.events.next(lineEvent(7, "CANCELLED", ["t2", "t3"], ticket({ id: "t1", number: "A001", status: "CANCELLED", position: null })));
      board.events.next(lineEvent(11, "ISSUED", ["t1", "t2", "t3", "t4"], issued("t4", "A004", 4)));
    });
    // Events apply in order: once seq 11 shows, 10 and 7 were processed — and changed nothing.
    await waitFor(() => expect(board.hook.result.current.line?.seq).toBe(11));
    expect(waitingIds(board)).toEqual(["A001", "A002", "A003", "A004"]);
    expect(board.reads()).toBe(1);
  });

  it("RESYNCED re-reads the line", async () => {
    const board = setup();
    await live(board);
    act(() => board.events.next(lineEvent(10, "RESYNCED", ["t1", "t2", "t3"])));
    await waitFor(() => expect(board.reads()).toBe(2));
    await waitFor(() => expect(board.hook.result.current.line?.seq).toBe(11));
  });

  it("LINE_UPDATED and COUNTER_UPDATED re-read the line (settings are not in the event)", async () => {
    const board = setup();
    await live(board);
    act(() => board.events.next(lineEvent(11, "COUNTER_UPDATED", ["t1", "t2", "t3"])));
    await waitFor(() => expect(board.hook.result.current.line?.seq).toBe(11));
    expect(board.reads()).toBe(2);
    act(() => board.events.next(lineEvent(12, "LINE_UPDATED", ["t1", "t2", "t3"])));
    await waitFor(() => expect(board.hook.result.current.line?.seq).toBe(12));
    expect(board.reads()).toBe(3);
  });

  it("holds events that arrive during a re-read and applies those newer than it afterwards", async () => {
    const reread = new Subject<ApolloLink.Result>();
    const board = setup((n) => (n === 0 ? boardAnswer(10) : reread));
    await live(board);
    act(() => board.events.next(lineEvent(12, "ISSUED", ["t1", "t2", "t3", "t4"], issued("t4", "A004", 4))));
    await waitFor(() => expect(board.reads()).toBe(2));
    act(() => {
      board.events.next(lineEvent(13, "ISSUED", ["t1", "t2", "t3", "t4", "t5"], issued("t5", "A005", 5)));
      board.events.next(lineEvent(14, "ISSUED", ["t1", "t2", "t3", "t4", "t5", "t6"], issued("t6", "A006", 6)));
    });
    // The re-read stands at 13 (it already has t4 and t5): only 14 is applied on top, with no further request.
    act(() => {
      reread.next(boardAnswer(13, [...boardLine().waiting.nodes, issued("t4", "A004", 4), issued("t5", "A005", 5)]));
      reread.complete();
    });
    await waitFor(() => expect(board.hook.result.current.line?.seq).toBe(14));
    expect(waitingIds(board)).toEqual(["A001", "A002", "A003", "A004", "A005", "A006"]);
    expect(board.reads()).toBe(2);
  });

  it("re-reads when the front of the queue names a ticket it does not have", async () => {
    const board = setup();
    await live(board);
    act(() => board.events.next(lineEvent(11, "MOVED", ["zz", "t1", "t2", "t3"])));
    await waitFor(() => expect(board.reads()).toBe(2));
  });

  it("re-reads when the page wakes up (visible after hidden), not when it is hidden", async () => {
    const board = setup();
    await live(board);
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    act(() => void document.dispatchEvent(new Event("visibilitychange")));
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    act(() => void document.dispatchEvent(new Event("visibilitychange")));
    await waitFor(() => expect(board.reads()).toBe(2));
    await waitFor(() => expect(board.hook.result.current.line?.seq).toBe(11));
    // The hidden step alone did not read: two visibility changes, one read.
    act(() => board.events.next(lineEvent(12, "ISSUED", ["t1", "t2", "t3", "t4"], issued("t4", "A004", 4))));
    await waitFor(() => expect(board.hook.result.current.line?.seq).toBe(12));
    expect(board.reads()).toBe(2);
  });

  it("re-reads when the browser is back online", async () => {
    const board = setup();
    await live(board);
    act(() => void window.dispatchEvent(new Event("online")));
    await waitFor(() => expect(board.reads()).toBe(2));
  });

  it("polls while the socket is down and re-reads once when it is back", async () => {
    const board = setup();
    await live(board);
    const pollInterval = () => [...board.client.getObservableQueries("active")].map((q) => q.options.pollInterval);
    expect(pollInterval()).toEqual([0]);
    expect(board.hook.result.current.live).toBe(true);

    act(() => socketState.set("offline"));
    expect(pollInterval()).toEqual([15_000]);
    expect(board.hook.result.current.live).toBe(false);

    act(() => socketState.set("online"));
    await waitFor(() => expect(board.reads()).toBe(2));
    expect(pollInterval()).toEqual([0]);
  });
});
