/**
 * Which messages a line sends (`lines.notification_settings`) and how a tenant's messages leave
 * (`tenants.settings.notifications`: SMS route, sender name, reply-to, Twilio account SID and sender, webhook URL;
 * the Twilio auth token and the webhook secret live encrypted in `tenant_secrets`). Read tolerantly (anything
 * missing or invalid takes its default), checked strictly on save.
 */
import { eq } from "drizzle-orm";
import { tenants, type JsonObject, type JsonValue, type LineNotificationSettingsJson, type NotificationTrigger, type Tx } from "@qline/db";

export interface LineNotificationSettings {
  joined: boolean;
  almostThere: boolean;
  almostTherePosition: number;
  almostThereMinutes: number;
  called: boolean;
  noShow: boolean;
  expired: boolean;
  cancelled: boolean;
}

export const lineNotificationDefaults: LineNotificationSettings = {
  joined: true,
  almostThere: true,
  almostTherePosition: 3,
  almostThereMinutes: 5,
  called: true,
  noShow: true,
  expired: true,
  cancelled: true,
};

export const thresholdRanges = { almostTherePosition: [1, 100], almostThereMinutes: [0, 240] } as const;

const flag = (v: unknown, fallback: boolean) => (typeof v === "boolean" ? v : fallback);
const within = (v: unknown, [min, max]: readonly [number, number], fallback: number) => (typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? v : fallback);

export function lineNotificationSettingsOf(stored: LineNotificationSettingsJson | null | undefined): LineNotificationSettings {
  const s = stored ?? {};
  const d = lineNotificationDefaults;
  return {
    joined: flag(s.joined, d.joined),
    almostThere: flag(s.almostThere, d.almostThere),
    almostTherePosition: within(s.almostTherePosition, thresholdRanges.almostTherePosition, d.almostTherePosition),
    almostThereMinutes: within(s.almostThereMinutes, thresholdRanges.almostThereMinutes, d.almostThereMinutes),
    called: flag(s.called, d.called),
    noShow: flag(s.noShow, d.noShow),
    expired: flag(s.expired, d.expired),
    cancelled: flag(s.cancelled, d.cancelled),
  };
}

/** Whether a customer trigger is on for a line with these settings (ESCALATED is the TTL's, always on). */
export function triggerOn(settings: LineNotificationSettings, trigger: NotificationTrigger): boolean {
  switch (trigger) {
    case "JOINED":
      return settings.joined;
    case "ALMOST_THERE":
      return settings.almostThere;
    case "CALLED":
      return settings.called;
    case "NO_SHOW":
      return settings.noShow;
    case "EXPIRED":
      return settings.expired;
    case "CANCELLED":
      return settings.cancelled;
    case "ESCALATED":
      return true;
  }
}

export const smsRoutes = ["PLATFORM", "TWILIO", "WEBHOOK"] as const;
export type SmsRoute = (typeof smsRoutes)[number];

/** The tenant's delivery settings (no secrets). */
export interface TenantNotificationSettings {
  smsRoute: SmsRoute;
  emailSenderName: string | null;
  emailReplyTo: string | null;
  twilioAccountSid: string | null;
  twilioFrom: string | null;
  webhookUrl: string | null;
}

const isObject = (v: JsonValue | undefined): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: JsonValue | undefined): string | null => (typeof v === "string" && v.length > 0 ? v : null);

export function tenantNotificationSettingsOf(settings: JsonObject): TenantNotificationSettings {
  const own = isObject(settings.notifications) ? settings.notifications : {};
  const route = own.smsRoute;
  return {
    smsRoute: typeof route === "string" && (smsRoutes as readonly string[]).includes(route) ? (route as SmsRoute) : "PLATFORM",
    emailSenderName: str(own.emailSenderName),
    emailReplyTo: str(own.emailReplyTo),
    twilioAccountSid: str(own.twilioAccountSid),
    twilioFrom: str(own.twilioFrom),
    webhookUrl: str(own.webhookUrl),
  };
}

/** The tenant's own delivery settings (not inherited: its credentials are its own) and its name. */
export async function readTenantNotificationSettings(tx: Tx, tenantId: string): Promise<{ name: string; slug: string; settings: JsonObject; notifications: TenantNotificationSettings }> {
  const [row] = await tx.select({ name: tenants.name, slug: tenants.slug, settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId));
  const settings = row?.settings ?? {};
  return { name: row?.name ?? "", slug: row?.slug ?? "", settings, notifications: tenantNotificationSettingsOf(settings) };
}
