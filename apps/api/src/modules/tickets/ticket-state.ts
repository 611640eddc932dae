/**
 * The ticket lifecycle as one explicit table, pure (no database): every service operation asks `transition`
 * for the next status, and an illegal move is INVALID_TRANSITION.
 *
 *   WAITING ──call──▶ CALLED ──startServing──▶ SERVING ──complete──▶ SERVED
 *   WAITING / CALLED ──cancel / markNoShow / expire──▶ CANCELLED / NO_SHOW / EXPIRED
 *   CALLED ──requeue──▶ WAITING;  WAITING / CALLED ──transfer──▶ WAITING (other line);  WAITING ──move / runLate──▶ WAITING
 */
import type { TicketStatus } from "@qline/db";
import { AppError, ErrorCode } from "../../errors/codes.js";

export const terminalStatuses: ReadonlySet<TicketStatus> = new Set(["SERVED", "CANCELLED", "NO_SHOW", "EXPIRED"]);

export type TicketAction = "call" | "startServing" | "complete" | "cancel" | "markNoShow" | "expire" | "requeue" | "transfer" | "move" | "runLate" | "update";

/** What each action does: the statuses it starts from, the status it leads to, and the timestamp it sets. */
export const ticketTransitions: Record<TicketAction, { from: readonly TicketStatus[]; to: TicketStatus | "same"; stamps: TicketStamp | null }> = {
  call: { from: ["WAITING"], to: "CALLED", stamps: "calledAt" },
  startServing: { from: ["CALLED"], to: "SERVING", stamps: "servedAt" },
  complete: { from: ["SERVING"], to: "SERVED", stamps: "completedAt" },
  cancel: { from: ["WAITING", "CALLED"], to: "CANCELLED", stamps: "endedAt" },
  markNoShow: { from: ["WAITING", "CALLED"], to: "NO_SHOW", stamps: "endedAt" },
  expire: { from: ["WAITING", "CALLED"], to: "EXPIRED", stamps: "endedAt" },
  requeue: { from: ["CALLED"], to: "WAITING", stamps: null },
  transfer: { from: ["WAITING", "CALLED"], to: "WAITING", stamps: null },
  move: { from: ["WAITING"], to: "WAITING", stamps: null },
  runLate: { from: ["WAITING"], to: "WAITING", stamps: null },
  update: { from: ["WAITING", "CALLED", "SERVING"], to: "same", stamps: null },
};

export type TicketStamp = "calledAt" | "servedAt" | "completedAt" | "endedAt";

/** The event kind recorded in ticket_events and published to subscribers for each action. */
export const eventKindOf: Record<TicketAction, string> = {
  call: "CALLED",
  startServing: "SERVING",
  complete: "SERVED",
  cancel: "CANCELLED",
  markNoShow: "NO_SHOW",
  expire: "EXPIRED",
  requeue: "REQUEUED",
  transfer: "TRANSFERRED",
  move: "MOVED",
  runLate: "RAN_LATE",
  update: "UPDATED",
};

export function invalidTransition(from: TicketStatus, action: TicketAction): AppError {
  return new AppError(ErrorCode.INVALID_TRANSITION, `Cannot ${action} a ticket that is ${from}`);
}

/** The status after `action`, or INVALID_TRANSITION (terminal statuses allow nothing). */
export function transition(from: TicketStatus, action: TicketAction): TicketStatus {
  const rule = ticketTransitions[action];
  if (!rule.from.includes(from)) throw invalidTransition(from, action);
  return rule.to === "same" ? from : rule.to;
}

export function canTransition(from: TicketStatus, action: TicketAction): boolean {
  return ticketTransitions[action].from.includes(from);
}
