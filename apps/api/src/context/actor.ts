import type { Permission } from "./permissions.js";

/** Who is calling, decided once per request (or per WebSocket connection) from its credentials. */
export type Actor =
  | { kind: "anonymous" }
  | { kind: "user"; userId: string; platformAdmin: boolean; sessionId?: string }
  | { kind: "apiKey"; keyId: string; tenantId: string; scopes: ReadonlySet<Permission> };

export const anonymous: Actor = { kind: "anonymous" };

/** The id recorded in the audit log for this actor. */
export function auditActor(actor: Actor): { actorType: "USER" | "API_KEY" | "SYSTEM"; actorId: string | null } {
  switch (actor.kind) {
    case "user":
      return { actorType: "USER", actorId: actor.userId };
    case "apiKey":
      return { actorType: "API_KEY", actorId: actor.keyId };
    case "anonymous":
      return { actorType: "SYSTEM", actorId: null };
  }
}
