/**
 * The ticket lifecycle as one explicit table, pure (no database): every service operation asks `transition`
 * for the next status, and an illegal move is INVALID_TRANSITION.
 *
 *   WAITING ──call──▶ CALLED ──startServing──▶ SERVING ──complete──▶ SERVED
 *   WAITING / CALLED ──cancel / markNoShow / expire──▶ CANCELLED / NO_SHOW / EXPIRED
 *   NO_SHOW ──undoNoShow (staff, within undoNoShowWindowSeconds)──▶ WAITING at its old place (the only way back
 *   from a terminal status: a mistaken click must not cost the customer their turn)
 *   CALLED ──requeue──▶ WAITING;  WAITING / CALLED ──transfer──▶ WAITING (other line);  WAITING ──move / runLate──▶ WAITING
 */
import type { TicketStatus } from "@qline/db";
import { AppError, ErrorCode } from "../../errors/codes.js";

/** Ended: nothing moves a ticket out of these, except undoNoShow out of NO_SHOW for a short while. */
export const terminalStatuses: ReadonlySet<TicketStatus> = new Set(["SERVED", "CANCELLED", "NO_SHOW", "EXPIRED"]);

export type TicketAction = "call" | "startServing" | "complete" | "cancel" | "markNoShow" | "expire" | "requeue" | "transfer" | "move" | "runLate" | "update" | "undoNoShow";

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
  undoNoShow: { from: ["NO_SHOW"], to: "WAITING", stamps: null },
};

/** How long after a no-show staff may undo it (the board's "Undo" lives this long). */
export const undoNoShowWindowSeconds = 300;

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
  undoNoShow: "NO_SHOW_UNDONE",
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
