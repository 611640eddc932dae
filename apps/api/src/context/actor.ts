import type { Permission } from "./permissions.js";

/** Who is calling, decided once per request (or per WebSocket connection) from its credentials. */
export type Actor =
  | { kind: "anonymous" }
  /** qline itself: background jobs and after-commit work (the TTL job, line refreshes). */
  | { kind: "system" }
  /** `sessionId`: the session of the Bearer token (absent for a user acting inside the server, e.g. the demo seed). */
  | { kind: "user"; userId: string; platformAdmin: boolean; sessionId?: string }
  | { kind: "apiKey"; keyId: string; tenantId: string; scopes: ReadonlySet<Permission> };

export const anonymous: Actor = { kind: "anonymous" };
export const system: Actor = { kind: "system" };

/**
 * Who history and audit rows name: a request's actor, or the holder of a ticket's tracking code acting on that
 * ticket through a public door (joinLine, runningLate, cancelMyTicket): recorded as TICKET_HOLDER with the ticket's id.
 */
export type AuditSubject = Actor | { kind: "ticketHolder"; ticketId: string };

export const ticketHolder = (ticketId: string): AuditSubject => ({ kind: "ticketHolder", ticketId });

/** The id recorded in the audit log for this actor. */
export function auditActor(actor: AuditSubject): { actorType: "USER" | "API_KEY" | "SYSTEM" | "TICKET_HOLDER"; actorId: string | null } {
  switch (actor.kind) {
    case "ticketHolder":
      return { actorType: "TICKET_HOLDER", actorId: actor.ticketId };
    case "user":
      return { actorType: "USER", actorId: actor.userId };
    case "apiKey":
      return { actorType: "API_KEY", actorId: actor.keyId };
    case "system":
    case "anonymous":
      return { actorType: "SYSTEM", actorId: null };
  }
}
