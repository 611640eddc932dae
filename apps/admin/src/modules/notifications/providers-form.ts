/** The providers form: values, checks and the update input (only what changed; secrets only when typed). */
import type { NotificationProvidersFieldsFragment, NotificationProvidersInput, SmsRoute } from "../../gql/graphql";

export interface ProvidersValues {
  smsRoute: SmsRoute;
  twilioAccountSid: string;
  twilioFrom: string;
  /** Write-only: empty keeps the stored token. */
  twilioAuthToken: string;
  webhookUrl: string;
  /** Write-only: empty keeps the stored secret. */
  webhookSecret: string;
  emailSenderName: string;
  emailReplyTo: string;
}

export const providersValuesFrom = (p: NotificationProvidersFieldsFragment): ProvidersValues => ({
  smsRoute: p.smsRoute,
  twilioAccountSid: p.twilioAccountSid ?? "",
  twilioFrom: p.twilioFrom ?? "",
  twilioAuthToken: "",
  webhookUrl: p.webhookUrl ?? "",
  webhookSecret: "",
  emailSenderName: p.emailSenderName ?? "",
  emailReplyTo: p.emailReplyTo ?? "",
});

/** Errors keyed like the API's paths without `input.`; the API checks again (and the webhook URL's SSRF rules). */
export function validateProviders(v: ProvidersValues, current: NotificationProvidersFieldsFragment): Record<string, string> {
  const e: Record<string, string> = {};
  if (v.smsRoute === "TWILIO") {
    if (!v.twilioAccountSid.trim()) e.twilioAccountSid = "Enter the account SID (starts with AC)";
    if (!v.twilioFrom.trim()) e.twilioFrom = "Enter the sender number or name";
    if (!current.twilioConfigured && !v.twilioAuthToken.trim()) e.twilioAuthToken = "Enter the auth token";
  }
  if (v.smsRoute === "WEBHOOK") {
    if (!/^https?:\/\/\S+$/.test(v.webhookUrl.trim())) e.webhookUrl = "Enter the gateway's https:// address";
    const secret = v.webhookSecret.trim();
    if (!current.webhookConfigured && !secret) e.webhookSecret = "Enter a signing secret";
    else if (secret && (secret.length < 16 || secret.length > 200)) e.webhookSecret = "16 to 200 characters";
  }
  if (v.emailReplyTo.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.emailReplyTo.trim())) e.emailReplyTo = "Enter an email address such as help@example.com";
  return e;
}

const plain = ["twilioAccountSid", "twilioFrom", "webhookUrl", "emailSenderName", "emailReplyTo"] as const;

/** Only the changed fields (an emptied field is sent as "" to clear it); a secret only when one was typed. */
export function toProvidersInput(v: ProvidersValues, initial: ProvidersValues): NotificationProvidersInput {
  const input: NotificationProvidersInput = {};
  if (v.smsRoute !== initial.smsRoute) input.smsRoute = v.smsRoute;
  for (const key of plain) if (v[key].trim() !== initial[key].trim()) input[key] = v[key].trim();
  if (v.twilioAuthToken.trim()) input.twilioAuthToken = v.twilioAuthToken.trim();
  if (v.webhookSecret.trim()) input.webhookSecret = v.webhookSecret.trim();
  return input;
}
