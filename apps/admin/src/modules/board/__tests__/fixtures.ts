import { vi } from "vitest";
import type { BoardLine, BoardTicket } from "../hooks/use-queue-board";
import type { TicketActions } from "../hooks/use-ticket-actions";

export const now = Date.parse("2026-11-22T12:00:00Z");
export const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();

export function ticket(overrides: Partial<BoardTicket> & { id: string; number: string }): BoardTicket {
  return {
    status: "WAITING",
    position: 1,
    customerName: null,
    phone: null,
    partySize: 1,
    extensions: {},
    channel: "KIOSK",
    ranLateAt: null,
    joinedAt: minutesAgo(2),
    calledAt: null,
    servedAt: null,
    ticketType: null,
    counter: null,
    estimate: null,
    ...overrides,
  } as BoardTicket;
}

export function boardLine(overrides: Partial<BoardLine> = {}): BoardLine {
  return {
    id: "line-1",
    tenantId: "t-1",
    name: "Pharmacy",
    prefix: "A",
    seq: 10,
    acceptingTickets: true,
    openNow: true,
    showEstimates: true,
    waitingCount: 3,
    estimatedWaitSeconds: null,
    ttl: { waitingSeconds: null, calledSeconds: null, warnSeconds: null },
    counters: [
      { id: "c-1", name: "Desk 1", isOpen: true },
      { id: "c-2", name: "Desk 2", isOpen: true },
    ],
    waiting: {
      nodes: [
        ticket({
          id: "t1",
          number: "A001",
          joinedAt: minutesAgo(40),
          customerName: "Maria",
          ticketType: { id: "tt1", code: "RX", name: "Prescription" },
          extensions: { insuranceId: "K-123", urgent: true },
        }),
        ticket({ id: "t2", number: "A002", joinedAt: minutesAgo(20), partySize: 3 }),
        ticket({ id: "t3", number: "A003", joinedAt: minutesAgo(1) }),
      ],
      pageInfo: { hasNextPage: false },
    },
    active: {
      nodes: [
        ticket({ id: "s1", number: "A000", status: "SERVING", calledAt: minutesAgo(5), servedAt: minutesAgo(4), counter: { id: "c-1", name: "Desk 1" } }),
        ticket({ id: "s2", number: "A099", status: "CALLED", calledAt: minutesAgo(1), counter: { id: "c-2", name: "Desk 2" } }),
      ],
    },
    tenant: {
      id: "t-1",
      ticketExtensionSchema: { type: "object", properties: { insuranceId: { type: "string", title: "Insurance number" } } },
      lines: [
        { id: "line-1", name: "Pharmacy", prefix: "A" },
        { id: "line-2", name: "Vaccinations", prefix: "V" },
      ],
    },
    ...overrides,
  } as BoardLine;
}

export function fakeActions(overrides: Partial<TicketActions> = {}): TicketActions {
  return {
    callNext: vi.fn().mockResolvedValue({ number: "A001" }),
    call: vi.fn().mockResolvedValue(undefined),
    startServing: vi.fn().mockResolvedValue(undefined),
    complete: vi.fn().mockResolvedValue(undefined),
    noShow: vi.fn().mockResolvedValue(true),
    undoNoShow: vi.fn().mockResolvedValue(true),
    requeue: vi.fn().mockResolvedValue(undefined),
    cancel: vi.fn().mockResolvedValue(undefined),
    transfer: vi.fn().mockResolvedValue(undefined),
    move: vi.fn().mockResolvedValue(undefined),
    setCounterOpen: vi.fn().mockResolvedValue(undefined),
    pending: null,
    problem: null,
    clearProblem: vi.fn(),
    ...overrides,
  };
}
