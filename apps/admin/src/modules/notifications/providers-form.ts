/** The providers form: values, checks and the update input (only what changed; secrets only when typed). */
import { emailSchema, messages, z } from "@qline/validation";
import type { TFunction } from "i18next";
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

const smsRoutes = ["PLATFORM", "TWILIO", "WEBHOOK"] as const satisfies readonly SmsRoute[];

/**
 * The form's checks for react-hook-form (zodResolver): errors keyed like the API's paths without `input.`; the
 * API checks again (and the webhook URL's SSRF rules). The reply-to address is optional; when given, the shared
 * email schema decides, with its message.
 */
export function providersSchema(current: NotificationProvidersFieldsFragment, t: TFunction) {
  return z
    .object({
      smsRoute: z.enum(smsRoutes),
      twilioAccountSid: z.string(),
      twilioFrom: z.string(),
      twilioAuthToken: z.string(),
      webhookUrl: z.string(),
      webhookSecret: z.string(),
      emailSenderName: z.string(),
      emailReplyTo: z.string(),
    })
    .superRefine((v, ctx) => {
      const refuse = (path: keyof ProvidersValues, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      if (v.smsRoute === "TWILIO") {
        if (!v.twilioAccountSid.trim()) refuse("twilioAccountSid", t("notifications.providers.errors.accountSid"));
        if (!v.twilioFrom.trim()) refuse("twilioFrom", t("notifications.providers.errors.twilioFrom"));
        if (!current.twilioConfigured && !v.twilioAuthToken.trim()) refuse("twilioAuthToken", t("notifications.providers.errors.authToken"));
      }
      if (v.smsRoute === "WEBHOOK") {
        if (!/^https?:\/\/\S+$/.test(v.webhookUrl.trim())) refuse("webhookUrl", t("notifications.providers.errors.webhookUrl"));
        const secret = v.webhookSecret.trim();
        if (!current.webhookConfigured && !secret) refuse("webhookSecret", t("notifications.providers.errors.webhookSecret"));
        else if (secret && (secret.length < 16 || secret.length > 200)) refuse("webhookSecret", t("notifications.providers.errors.webhookSecretLength"));
      }
      const replyTo = v.emailReplyTo.trim() ? emailSchema.safeParse(v.emailReplyTo) : null;
      if (replyTo && !replyTo.success) refuse("emailReplyTo", replyTo.error.issues[0]?.message ?? messages.email);
    });
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
