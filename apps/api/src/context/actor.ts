import type { AuditActorType } from "@qline/db";
import type { Permission } from "./permissions.js";

/** Who is calling, decided once per request (or per WebSocket connection) from its credentials. */
export type Actor =
  | { kind: "anonymous" }
  /** `sessionId`: the session of the Bearer token (absent for a user acting inside the server, e.g. the demo seed). */
  | { kind: "user"; userId: string; platformAdmin: boolean; sessionId?: string }
  | { kind: "apiKey"; keyId: string; tenantId: string; scopes: ReadonlySet<Permission> };

export const anonymous: Actor = { kind: "anonymous" };

/**
 * Who history and audit rows name (ticket_events and audit_log `actor_type`, `actor_id`):
 * - a request's actor: USER (the user's id), API_KEY (the key's id);
 * - `ticketHolder`: the holder of a ticket's tracking code acting on that ticket through a public door (joinLine,
 *   runningLate, cancelMyTicket): TICKET_HOLDER with the ticket's id;
 * - `system`: the server acting on its own, with no caller: background jobs (TTL, data lifecycle, the notification
 *   worker) and after-commit work (an estimator's fallback). SYSTEM is recorded for this actor only;
 * - an anonymous caller with no such capability: ANONYMOUS, no id. Public operations act as the ticket holder, so
 *   this names a code path that forgot to (never the server: that is `system`).
 */
export type AuditSubject = Actor | { kind: "ticketHolder"; ticketId: string } | { kind: "system" };

export const ticketHolder = (ticketId: string): AuditSubject => ({ kind: "ticketHolder", ticketId });

/** The server itself, for jobs and after-commit work (the system door, doors.ts, hands it to its callback). */
export const system = { kind: "system" } as const satisfies AuditSubject;

/** The type and id recorded in the audit log and the ticket history for this actor. */
export function auditActor(actor: AuditSubject): { actorType: AuditActorType; actorId: string | null } {
  switch (actor.kind) {
    case "ticketHolder":
      return { actorType: "TICKET_HOLDER", actorId: actor.ticketId };
    case "user":
      return { actorType: "USER", actorId: actor.userId };
    case "apiKey":
      return { actorType: "API_KEY", actorId: actor.keyId };
    case "system":
      return { actorType: "SYSTEM", actorId: null };
    case "anonymous":
      return { actorType: "ANONYMOUS", actorId: null };
  }
}
