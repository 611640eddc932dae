import { describe, expect, it } from "vitest";
import { stepDisplayEvent, type DisplayEvent } from "../display-events";
import type { BoardLine } from "../hooks/use-display-board";

const sizes = { front: 2, keep: 4 };

function line(seq: number, waiting: string[]): BoardLine {
  return {
    id: "l1",
    name: "Coffee bar",
    prefix: "A",
    seq,
    acceptingTickets: true,
    waitingCount: waiting.length,
    counters: [{ id: "c3", name: "Counter 3", isOpen: true }],
    nowServing: [],
    tickets: { nodes: waiting.map((n) => ({ id: `tk-${n}`, number: n })) },
  };
}

function event(seq: number, kind: string, front: string[], changed: { number: string; status: "WAITING" | "CALLED" | "CANCELLED"; position?: number; lineId?: string } | null = null): DisplayEvent {
  return {
    kind,
    lineId: "l1",
    at: "2026-11-22T11:10:00.000Z",
    seq,
    ticket: changed && { id: `tk-${changed.number}`, lineId: changed.lineId ?? "l1", number: changed.number, status: changed.status, position: changed.position ?? null, counter: null },
    stats: { waitingCount: 7, nowServing: [{ ticketId: "tk-A001", number: "A001", status: "CALLED", counterId: "c3", counterName: "Counter 3", calledAt: null }] },
    waiting: front.map((n) => ({ ticketId: `tk-${n}` })),
  };
}

const numbers = (step: ReturnType<typeof stepDisplayEvent>) => (step.action === "apply" ? step.line.tickets.nodes.map((t) => t.number) : step.action);

describe("applying a lineUpdated event to a display line", () => {
  it("takes the numbers, now serving and the front of the queue from the next event", () => {
    const step = stepDisplayEvent(line(10, ["A001", "A002", "A003", "A004"]), event(11, "CALLED", ["A002", "A003"], { number: "A001", status: "CALLED" }), sizes);
    expect(numbers(step)).toEqual(["A002", "A003", "A004"]);
    expect(step).toMatchObject({ action: "apply", line: { seq: 11, waitingCount: 7, nowServing: [{ number: "A001", counterName: "Counter 3" }] } });
  });

  it("learns the number of an issued or transferred-in ticket; forgets one that left", () => {
    expect(numbers(stepDisplayEvent(line(10, ["A001"]), event(11, "ISSUED", ["A001", "A002"], { number: "A002", status: "WAITING", position: 2 }), sizes))).toEqual(["A001", "A002"]);
    expect(numbers(stepDisplayEvent(line(10, ["A001", "A002"]), event(11, "TRANSFERRED", ["A002"], { number: "A001", status: "WAITING", position: 1, lineId: "l2" }), sizes))).toEqual(["A002"]);
    expect(numbers(stepDisplayEvent(line(10, ["A001", "A002", "A003"]), event(11, "CANCELLED", ["A001", "A003"], { number: "A002", status: "CANCELLED" }), sizes))).toEqual(["A001", "A003"]);
  });

  it("keeps numbers for `keep` tickets only", () => {
    const step = stepDisplayEvent(line(10, ["A001", "A002", "A003", "A004"]), event(11, "ISSUED", ["A001", "A002"], { number: "A005", status: "WAITING", position: 5 }), sizes);
    expect(numbers(step)).toEqual(["A001", "A002", "A003", "A004"]);
  });

  it("ignores what it has; re-reads on a gap, SUBSCRIBED ahead, RESYNCED, settings, or a front it has no number for", () => {
    const at10 = line(10, ["A001", "A002", "A003"]);
    expect(stepDisplayEvent(at10, event(10, "ISSUED", ["A001", "A002"]), sizes)).toEqual({ action: "ignore" });
    expect(stepDisplayEvent(at10, event(10, "SUBSCRIBED", ["A001", "A002"]), sizes)).toEqual({ action: "ignore" });
    expect(stepDisplayEvent(at10, event(12, "CALLED", ["A002", "A003"]), sizes)).toEqual({ action: "reread" });
    expect(stepDisplayEvent(at10, event(11, "SUBSCRIBED", ["A001", "A002"]), sizes)).toEqual({ action: "reread" });
    expect(stepDisplayEvent(at10, event(10, "RESYNCED", ["A001", "A002"]), sizes)).toEqual({ action: "reread" });
    expect(stepDisplayEvent(at10, event(11, "LINE_UPDATED", ["A001", "A002"]), sizes)).toEqual({ action: "reread" });
    expect(stepDisplayEvent(at10, event(11, "COUNTER_UPDATED", ["A001", "A002"]), sizes)).toEqual({ action: "reread" });
    expect(stepDisplayEvent(line(10, ["A001"]), event(11, "CALLED", ["A002", "A003"], { number: "A001", status: "CALLED" }), sizes)).toEqual({ action: "reread" });
  });
});
