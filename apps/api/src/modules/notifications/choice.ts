/** The customer's channel choice on joinLine / issueTicket, checked before the issue transaction. */
import { notificationChannels, type NotificationChannel } from "@qline/db";
import { badInput } from "../../errors/codes.js";
import { isLanguage } from "./templates.js";

export function checkNotifyChoice(
  notify: readonly string[] | null | undefined,
  language: string | null | undefined,
  contact: { phone: string | null; email: string | null },
): { notifyChannels: NotificationChannel[]; language: string } {
  const lang = language?.trim().toLowerCase() || "en";
  if (!isLanguage(lang)) throw badInput("Messages are sent in en or de", [{ path: "input.language", message: "en or de" }]);
  const chosen = [...new Set(notify ?? [])];
  for (const channel of chosen) {
    if (!(notificationChannels as readonly string[]).includes(channel)) throw badInput(`Unknown channel ${channel}`, [{ path: "input.notify", message: "PUSH, SMS or EMAIL" }]);
  }
  if (chosen.includes("SMS") && !contact.phone) throw badInput("SMS messages need a phone number", [{ path: "input.notify", message: "SMS needs input.phone" }]);
  if (chosen.includes("EMAIL") && !contact.email) throw badInput("Email messages need an email address", [{ path: "input.notify", message: "EMAIL needs input.email" }]);
  return { notifyChannels: notificationChannels.filter((c) => chosen.includes(c)), language: lang };
}
