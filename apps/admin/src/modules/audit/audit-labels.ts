/** How the audit log names targets and actors: by the names the API resolved, never by a bare id (a hash to a reader). */
import type { TFunction } from "i18next";
import { en } from "./strings";

interface Named {
  actorType: string;
  actorId?: string | null;
  actorName?: string | null;
  targetType: string;
  targetId?: string | null;
  targetName?: string | null;
}

const isKnownKind = (type: string): type is keyof typeof en.kinds => Object.hasOwn(en.kinds, type);

/** "Ticket A042", "Line Front desk", "Member Ada"; a record no longer found says so instead of showing its id. */
export function targetLabel(entry: Named, t: TFunction): string {
  const kind = isKnownKind(entry.targetType) ? t(`audit.kinds.${entry.targetType}`) : entry.targetType.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
  if (entry.targetName) return t("audit.targetNamed", { kind, name: entry.targetName });
  if (!entry.targetId) return kind;
  return entry.targetType === "user" ? t("audit.formerMember") : t("audit.targetGone", { kind });
}

/** Who acted: a member's name, "API key Lobby screen", "Customer with ticket A042", "System". */
export function actorLabel(entry: Named, t: TFunction, memberNames: ReadonlyMap<string, string> = new Map()): string {
  switch (entry.actorType) {
    case "SYSTEM":
      return t("audit.system");
    case "ANONYMOUS":
      return t("audit.anonymous");
    case "TICKET_HOLDER":
      return entry.actorName ? t("audit.customerWithTicket", { number: entry.actorName }) : t("audit.customer");
    case "API_KEY":
      return entry.actorName ? t("audit.apiKeyNamed", { name: entry.actorName }) : t("audit.apiKeyGone");
    default:
      return entry.actorName ?? (entry.actorId ? (memberNames.get(entry.actorId) ?? t("audit.formerMember")) : t("audit.unknown"));
  }
}
