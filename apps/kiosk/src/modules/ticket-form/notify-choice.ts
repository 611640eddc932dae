/** The channels a customer picks for their messages: SMS needs a phone, EMAIL an email (the API says the same). */
import type { NotificationChannel } from "../../gql/graphql";

export type ContactChannel = Extract<NotificationChannel, "SMS" | "EMAIL">;

/**
 * What is sent as `notify`: the ticked channels whose contact detail is filled in. A box ticked before its field
 * was cleared is dropped rather than refused, the same rule the checkboxes show by disabling themselves.
 */
export function notifyChannels(chosen: ReadonlySet<ContactChannel>, contact: { phone: string | null; email: string | null }): NotificationChannel[] {
  const out: NotificationChannel[] = [];
  if (chosen.has("SMS") && contact.phone) out.push("SMS");
  if (chosen.has("EMAIL") && contact.email) out.push("EMAIL");
  return out;
}
