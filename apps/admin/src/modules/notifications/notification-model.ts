/** Names and small rules the notification pages share (their words are in strings.ts). */
import type { NotificationChannel, NotificationStatus, NotificationTrigger } from "../../gql/graphql";
import { en } from "./strings";

export const triggers = ["JOINED", "ALMOST_THERE", "CALLED", "NO_SHOW", "EXPIRED", "CANCELLED", "ESCALATED"] as const satisfies readonly NotificationTrigger[];
export const channels = ["SMS", "EMAIL", "PUSH"] as const satisfies readonly NotificationChannel[];
export const statuses = ["PENDING", "SENDING", "SENT", "RETRYING", "DEAD", "SKIPPED"] as const satisfies readonly NotificationStatus[];

/** Languages customers' messages are written in (the kiosk's and join page's language switch). */
export const templateLanguages = [
  { code: "en", label: "English" },
  { code: "de", label: "Deutsch" },
] as const;

/**
 * Channel names in English, for callers outside this module that show them without `t()` (the board's ticket
 * dialog); this module's pages say them with `t("notifications.channel.…")`, as do triggers and statuses.
 */
export const channelLabels: Record<NotificationChannel, string> = en.channel;

/** Badge tone per status (the admin's badge classes). */
export const statusBadge: Record<NotificationStatus, string> = {
  PENDING: "badge",
  SENDING: "badge",
  SENT: "badge badge--ok",
  RETRYING: "badge badge--inherited",
  DEAD: "badge badge--danger",
  SKIPPED: "badge badge--inherited",
};

/** Template variables the console describes (`notifications.variable.…`); another one shows without a description. */
export const isDescribedVariable = (name: string): name is keyof typeof en.variable => Object.hasOwn(en.variable, name);

/** A template's key in maps and test ids: CALLED-SMS-en. */
export const templateKey = (t: { trigger: string; channel: string; language: string }) => `${t.trigger}-${t.channel}-${t.language}`;

/** The customer-facing triggers a line switches on and off (ESCALATED goes to staff and follows the TTL). */
export const lineTriggers = ["joined", "almostThere", "called", "noShow", "expired", "cancelled"] as const;
export type LineTriggerKey = (typeof lineTriggers)[number];
