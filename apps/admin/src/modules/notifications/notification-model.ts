/** Names, labels and small rules the notification pages share (the API's enums in words). */
import type { NotificationChannel, NotificationStatus, NotificationTrigger } from "../../gql/graphql";

export const triggers = ["JOINED", "ALMOST_THERE", "CALLED", "NO_SHOW", "EXPIRED", "CANCELLED", "ESCALATED"] as const satisfies readonly NotificationTrigger[];
export const channels = ["SMS", "EMAIL", "PUSH"] as const satisfies readonly NotificationChannel[];
export const statuses = ["PENDING", "SENDING", "SENT", "RETRYING", "DEAD", "SKIPPED"] as const satisfies readonly NotificationStatus[];

/** Languages customers' messages are written in (the kiosk's and join page's language switch). */
export const templateLanguages = [
  { code: "en", label: "English" },
  { code: "de", label: "Deutsch" },
] as const;

export const triggerLabels: Record<NotificationTrigger, string> = {
  JOINED: "Joined",
  ALMOST_THERE: "Almost your turn",
  CALLED: "Called",
  NO_SHOW: "No-show",
  EXPIRED: "Expired",
  CANCELLED: "Cancelled by staff",
  ESCALATED: "Waiting too long (staff)",
};

export const channelLabels: Record<NotificationChannel, string> = { SMS: "SMS", EMAIL: "Email", PUSH: "Push" };

export const statusLabels: Record<NotificationStatus, string> = {
  PENDING: "Pending",
  SENDING: "Sending",
  SENT: "Sent",
  RETRYING: "Retrying",
  DEAD: "Failed",
  SKIPPED: "Skipped",
};

/** Badge tone per status (the admin's badge classes). */
export const statusBadge: Record<NotificationStatus, string> = {
  PENDING: "badge",
  SENDING: "badge",
  SENT: "badge badge--ok",
  RETRYING: "badge badge--inherited",
  DEAD: "badge badge--danger",
  SKIPPED: "badge badge--inherited",
};

/** What each template variable stands for, shown next to the editor. */
export const variableDescriptions: Record<string, string> = {
  number: "the ticket number, e.g. A042",
  line: "the line's name",
  counter: "the counter to go to (when called)",
  position: "places ahead in the line",
  waitRange: "the estimated wait, e.g. 10–15 min",
  link: "the customer's tracking link",
  tenant: "your organisation's name",
};

/** A template's key in maps and test ids: CALLED-SMS-en. */
export const templateKey = (t: { trigger: string; channel: string; language: string }) => `${t.trigger}-${t.channel}-${t.language}`;

/** The customer-facing triggers a line switches on and off (ESCALATED goes to staff and follows the TTL). */
export const lineTriggers = [
  { key: "joined", label: "Joined (with the tracking link)" },
  { key: "almostThere", label: "Almost your turn" },
  { key: "called", label: "Called (with the counter)" },
  { key: "noShow", label: "No-show" },
  { key: "expired", label: "Expired" },
  { key: "cancelled", label: "Cancelled by staff" },
] as const;
export type LineTriggerKey = (typeof lineTriggers)[number]["key"];
