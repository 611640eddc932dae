import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ticketStatuses, type TicketStatus } from "@qline/db";
import { AppError } from "../../../errors/codes.js";
import { canTransition, terminalStatuses, ticketTransitions, transition, type TicketAction } from "../ticket-state.js";

const actions = Object.keys(ticketTransitions) as TicketAction[];

describe("ticket state machine", () => {
  it("follows the happy path WAITING → CALLED → SERVING → SERVED", () => {
    let s: TicketStatus = "WAITING";
    s = transition(s, "call");
    assert.equal(s, "CALLED");
    s = transition(s, "startServing");
    assert.equal(s, "SERVING");
    s = transition(s, "complete");
    assert.equal(s, "SERVED");
  });

  it("cancels, marks no-show and expires only from WAITING or CALLED", () => {
    for (const [action, to] of [["cancel", "CANCELLED"], ["markNoShow", "NO_SHOW"], ["expire", "EXPIRED"]] as const) {
      assert.equal(transition("WAITING", action), to);
      assert.equal(transition("CALLED", action), to);
      assert.throws(() => transition("SERVING", action), (e: unknown) => e instanceof AppError && e.code === "INVALID_TRANSITION");
    }
  });

  it("requeues only CALLED tickets, moves only WAITING ones, transfers WAITING or CALLED", () => {
    assert.equal(transition("CALLED", "requeue"), "WAITING");
    assert.equal(canTransition("WAITING", "requeue"), false);
    assert.equal(transition("WAITING", "move"), "WAITING");
    assert.equal(canTransition("CALLED", "move"), false);
    assert.equal(transition("CALLED", "transfer"), "WAITING");
    assert.equal(canTransition("SERVING", "transfer"), false);
  });

  it("allows nothing from a terminal status but undoing a no-show, which waits again", () => {
    assert.equal(transition("NO_SHOW", "undoNoShow"), "WAITING");
    for (const from of ["WAITING", "CALLED", "SERVING", "SERVED", "CANCELLED", "EXPIRED"] as const) assert.equal(canTransition(from, "undoNoShow"), false, from);
    for (const status of terminalStatuses) {
      for (const action of actions) {
        if (status === "NO_SHOW" && action === "undoNoShow") continue;
        assert.throws(() => transition(status, action), (e: unknown) => e instanceof AppError && e.code === "INVALID_TRANSITION", `${status} ${action}`);
      }
    }
  });

  it("never leads to a status outside the lifecycle", () => {
    for (const from of ticketStatuses) {
      for (const action of actions) {
        if (canTransition(from, action)) assert.ok(ticketStatuses.includes(transition(from, action)));
      }
    }
  });
});
