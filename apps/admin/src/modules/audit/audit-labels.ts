/** How the audit log names targets and actors: by the names the API resolved, never by a bare id (a hash to a reader). */

interface Named {
  actorType: string;
  actorId?: string | null;
  actorName?: string | null;
  targetType: string;
  targetId?: string | null;
  targetName?: string | null;
}

const kinds: Record<string, string> = {
  ticket: "Ticket",
  line: "Line",
  counter: "Counter",
  ticket_type: "Ticket type",
  api_key: "API key",
  device: "Device",
  invitation: "Invitation",
  tenant: "Tenant",
  user: "Member",
};

/** "Ticket A042", "Line Front desk", "Member Ada"; a record no longer found says so instead of showing its id. */
export function targetLabel(entry: Named): string {
  const kind = kinds[entry.targetType] ?? entry.targetType.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
  if (entry.targetName) return `${kind} ${entry.targetName}`;
  if (!entry.targetId) return kind;
  return entry.targetType === "user" ? "A former member" : `${kind} (no longer found)`;
}

/** Who acted: a member's name, "API key Lobby screen", "Customer with ticket A042", "System". */
export function actorLabel(entry: Named, memberNames: ReadonlyMap<string, string> = new Map()): string {
  switch (entry.actorType) {
    case "SYSTEM":
      return "System";
    case "ANONYMOUS":
      return "Someone not signed in";
    case "TICKET_HOLDER":
      return entry.actorName ? `Customer with ticket ${entry.actorName}` : "The customer (their tracking code)";
    case "API_KEY":
      return entry.actorName ? `API key ${entry.actorName}` : "A revoked or removed API key";
    default:
      return entry.actorName ?? (entry.actorId ? (memberNames.get(entry.actorId) ?? "A former member") : "Unknown");
  }
}
