import { describe, expect, it } from "vitest";
import { stepBoardEvent, type BoardEvent, type BoardEventStep } from "../board-events";
import type { BoardLine, BoardTicket } from "../hooks/use-queue-board";
import { boardLine, minutesAgo, ticket } from "./fixtures";

// The fixture line stands at seq 10: waiting t1, t2, t3; s1 SERVING at Desk 1, s2 CALLED at Desk 2.
const serving = [
  { ticketId: "s2", number: "A099", status: "CALLED", counterId: "c-2" },
  { ticketId: "s1", number: "A000", status: "SERVING", counterId: "c-1" },
];

function event(overrides: Partial<BoardEvent> & { seq: number; kind: string }): BoardEvent {
  return {
    lineId: "line-1",
    at: "2026-11-22T12:00:00Z",
    ticket: null,
    stats: { waitingCount: 3, estimatedWaitSeconds: 900, nowServing: serving },
    waiting: ["t1", "t2", "t3"].map((ticketId, i) => ({ ticketId, position: i + 1, estimate: null })),
    ...overrides,
  };
}

/** The event's `ticket`: a board ticket with the line it is on now. */
function changed(t: BoardTicket, lineId = "line-1"): NonNullable<BoardEvent["ticket"]> {
  return { ...t, lineId };
}

function applied(step: BoardEventStep): BoardLine {
  if (step.action !== "apply") throw new Error(`expected apply, got ${JSON.stringify(step)}`);
  return step.line;
}

const ids = (tickets: readonly { id: string }[]) => tickets.map((t) => t.id);

describe("applying a lineUpdated event to the board", () => {
  it("a call moves the ticket from waiting to now serving; numbers, order, positions and estimates come from the event", () => {
    const line = boardLine();
    const called = ticket({ id: "t1", number: "A001", status: "CALLED", position: null, calledAt: minutesAgo(0), counter: { id: "c-1", name: "Desk 1" } });
    const next = applied(
      stepBoardEvent(
        line,
        event({
          seq: 11,
          kind: "CALLED",
          ticket: changed(called),
          stats: { waitingCount: 2, estimatedWaitSeconds: 600, nowServing: [{ ticketId: "t1", number: "A001", status: "CALLED", counterId: "c-1" }, ...serving] },
          waiting: [
            { ticketId: "t2", position: 1, estimate: { p50Seconds: 120, p90Seconds: 300 } },
            { ticketId: "t3", position: 2, estimate: { p50Seconds: 240, p90Seconds: 540 } },
          ],
        }),
      ),
    );
    expect(next.seq).toBe(11);
    expect(next.waitingCount).toBe(2);
    expect(next.estimatedWaitSeconds).toBe(600);
    expect(ids(next.waiting.nodes)).toEqual(["t2", "t3"]);
    expect(next.waiting.nodes.map((t) => [t.position, t.estimate?.p50Seconds])).toEqual([
      [1, 120],
      [2, 240],
    ]);
    expect(next.waiting.nodes[0]?.partySize).toBe(3); // the rest of the row is kept
    expect(ids(next.active.nodes)).toEqual(["s1", "s2", "t1"]);
    expect(next.active.nodes[2]).toMatchObject({ status: "CALLED", counter: { id: "c-1" } });
    expect(next.waiting.pageInfo.hasNextPage).toBe(false);
    expect(line.waiting.nodes).toHaveLength(3); // pure: the input is untouched
  });

  it("an issued ticket joins the waiting list at its place", () => {
    const issued = ticket({ id: "t4", number: "A004", position: 2 });
    const next = applied(
      stepBoardEvent(
        boardLine(),
        event({
          seq: 11,
          kind: "ISSUED",
          ticket: changed(issued),
          stats: { waitingCount: 4, estimatedWaitSeconds: 1200, nowServing: serving },
          waiting: ["t1", "t4", "t2", "t3"].map((ticketId, i) => ({ ticketId, position: i + 1, estimate: null })),
        }),
      ),
    );
    expect(ids(next.waiting.nodes)).toEqual(["t1", "t4", "t2", "t3"]);
    expect(next.waiting.nodes.map((t) => t.position)).toEqual([1, 2, 3, 4]);
    expect(next.waitingCount).toBe(4);
  });

  it("a served ticket leaves the board", () => {
    const done = ticket({ id: "s1", number: "A000", status: "SERVED", position: null });
    const next = applied(stepBoardEvent(boardLine(), event({ seq: 11, kind: "SERVED", ticket: changed(done), stats: { waitingCount: 3, estimatedWaitSeconds: 900, nowServing: serving.slice(0, 1) } })));
    expect(ids(next.active.nodes)).toEqual(["s2"]);
    expect(ids(next.waiting.nodes)).toEqual(["t1", "t2", "t3"]);
  });

  it("a ticket transferred to another line leaves this board; one transferred here joins it", () => {
    const away = ticket({ id: "t2", number: "V001", position: 4 });
    const left = applied(
      stepBoardEvent(
        boardLine(),
        event({
          seq: 11,
          kind: "TRANSFERRED",
          ticket: changed(away, "line-2"),
          stats: { waitingCount: 2, estimatedWaitSeconds: 600, nowServing: serving },
          waiting: [
            { ticketId: "t1", position: 1, estimate: null },
            { ticketId: "t3", position: 2, estimate: null },
          ],
        }),
      ),
    );
    expect(ids(left.waiting.nodes)).toEqual(["t1", "t3"]);

    const arriving = ticket({ id: "x9", number: "A004", position: 4 });
    const joined = applied(
      stepBoardEvent(
        boardLine(),
        event({
          seq: 11,
          kind: "TRANSFERRED",
          ticket: changed(arriving),
          stats: { waitingCount: 4, estimatedWaitSeconds: 1200, nowServing: serving },
          waiting: ["t1", "t2", "t3", "x9"].map((ticketId, i) => ({ ticketId, position: i + 1, estimate: null })),
        }),
      ),
    );
    expect(ids(joined.waiting.nodes)).toEqual(["t1", "t2", "t3", "x9"]);
  });

  it("a requeued ticket goes back from now serving to the queue; a move reorders the queue", () => {
    const requeued = ticket({ id: "s2", number: "A099", status: "WAITING", position: 1, calledAt: null, counter: null });
    const back = applied(
      stepBoardEvent(
        boardLine(),
        event({
          seq: 11,
          kind: "REQUEUED",
          ticket: changed(requeued),
          stats: { waitingCount: 4, estimatedWaitSeconds: 1200, nowServing: serving.slice(1) },
          waiting: ["s2", "t1", "t2", "t3"].map((ticketId, i) => ({ ticketId, position: i + 1, estimate: null })),
        }),
      ),
    );
    expect(ids(back.active.nodes)).toEqual(["s1"]);
    expect(ids(back.waiting.nodes)).toEqual(["s2", "t1", "t2", "t3"]);

    const moved = applied(
      stepBoardEvent(
        back,
        event({
          seq: 12,
          kind: "MOVED",
          ticket: changed(ticket({ id: "t3", number: "A003", position: 1 })),
          stats: { waitingCount: 4, estimatedWaitSeconds: 1200, nowServing: serving.slice(1) },
          waiting: ["t3", "s2", "t1", "t2"].map((ticketId, i) => ({ ticketId, position: i + 1, estimate: null })),
        }),
      ),
    );
    expect(ids(moved.waiting.nodes)).toEqual(["t3", "s2", "t1", "t2"]);
    expect(moved.seq).toBe(12);
  });

  it("a front shorter than the page is the whole queue: a ticket outside it no longer waits", () => {
    const next = applied(
      stepBoardEvent(
        boardLine(),
        event({ seq: 11, kind: "EXPIRED", stats: { waitingCount: 2, estimatedWaitSeconds: 600, nowServing: serving }, waiting: [{ ticketId: "t1", position: 1, estimate: null }, { ticketId: "t3", position: 2, estimate: null }] }),
      ),
    );
    expect(ids(next.waiting.nodes)).toEqual(["t1", "t3"]);
  });
});

describe("when the board ignores an event or must re-read the line", () => {
  const line = boardLine(); // seq 10

  it("ignores an event it already has (seq <= last), also an old SUBSCRIBED", () => {
    expect(stepBoardEvent(line, event({ seq: 10, kind: "ISSUED" }))).toEqual({ action: "ignore" });
    expect(stepBoardEvent(line, event({ seq: 3, kind: "CALLED" }))).toEqual({ action: "ignore" });
    expect(stepBoardEvent(line, event({ seq: 10, kind: "SUBSCRIBED" }))).toEqual({ action: "ignore" });
    expect(stepBoardEvent(line, event({ seq: 9, kind: "LINE_UPDATED" }))).toEqual({ action: "ignore" });
  });

  it("re-reads after a missed event: seq > last + 1, or SUBSCRIBED ahead of the data", () => {
    expect(stepBoardEvent(line, event({ seq: 12, kind: "ISSUED" }))).toEqual({ action: "reread", reason: "gap" });
    expect(stepBoardEvent(line, event({ seq: 11, kind: "SUBSCRIBED" }))).toEqual({ action: "reread", reason: "gap" });
  });

  it("re-reads on RESYNCED whatever its number", () => {
    expect(stepBoardEvent(line, event({ seq: 10, kind: "RESYNCED" }))).toEqual({ action: "reread", reason: "resynced" });
  });

  it("re-reads when line or counter settings changed", () => {
    expect(stepBoardEvent(line, event({ seq: 11, kind: "LINE_UPDATED" }))).toEqual({ action: "reread", reason: "settings" });
    expect(stepBoardEvent(line, event({ seq: 11, kind: "COUNTER_UPDATED" }))).toEqual({ action: "reread", reason: "settings" });
  });

  it("re-reads when the front of the queue or now serving names a ticket the board does not have", () => {
    const front = [...event({ seq: 11, kind: "MOVED" }).waiting, { ticketId: "zz", position: 4, estimate: null }];
    expect(stepBoardEvent(line, event({ seq: 11, kind: "MOVED", waiting: front }))).toEqual({ action: "reread", reason: "unknown-ticket" });
    const nowServing = [...serving, { ticketId: "zz", number: "A100", status: "CALLED", counterId: null }];
    expect(stepBoardEvent(line, event({ seq: 11, kind: "UPDATED", stats: { waitingCount: 3, estimatedWaitSeconds: 900, nowServing } }))).toEqual({ action: "reread", reason: "unknown-ticket" });
  });
});
