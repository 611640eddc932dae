import { IsOptional, MaxLength } from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { notificationChannels, notificationProviders, notificationStatuses, notificationTriggers } from "@qline/db";
import { DateTime, PageInfo } from "../common/scalars.js";
import { smsRoutes } from "./settings.js";

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const NotificationChannel = enumOf(notificationChannels);
registerEnumType(NotificationChannel, { name: "NotificationChannel", description: "PUSH (web push to the customer's browser), SMS, EMAIL." });
export const NotificationTrigger = enumOf(notificationTriggers);
registerEnumType(NotificationTrigger, {
  name: "NotificationTrigger",
  description: "JOINED (with the tracking link), ALMOST_THERE (position ≤ N or wait ≤ M min, once), CALLED (with the counter), NO_SHOW, EXPIRED, CANCELLED (by staff), ESCALATED (TTL warning, to staff).",
});
export const NotificationStatus = enumOf(notificationStatuses);
registerEnumType(NotificationStatus, {
  name: "NotificationStatus",
  description: "PENDING → SENDING → SENT | RETRYING (backoff) | DEAD (gave up: lastError) | SKIPPED (nothing to send to, or the provider is not configured).",
});
export const NotificationProvider = enumOf(notificationProviders);
registerEnumType(NotificationProvider, { name: "NotificationProvider" });
export const SmsRoute = enumOf(smsRoutes);
registerEnumType(SmsRoute, { name: "SmsRoute", description: "PLATFORM (the server's Twilio account), TWILIO (the tenant's own account), WEBHOOK (the tenant's signed webhook)." });

@ObjectType({ description: "One message of the outbox: what was (or will be) sent, when, by which channel, and how it went." })
export class Notification {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  ticketId: string | null;

  @Field(() => ID, { nullable: true })
  lineId: string | null;

  @Field(() => NotificationTrigger)
  trigger: string;

  @Field(() => NotificationChannel)
  channel: string;

  @Field(() => NotificationProvider, { nullable: true })
  provider: string | null;

  @Field(() => NotificationStatus)
  status: string;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true, description: "Phone, email or push endpoint (personal data; null once erased or before the first attempt)." })
  recipient: string | null;

  @Field(() => String, { nullable: true })
  subject: string | null;

  @Field(() => String, { nullable: true, description: "The rendered text (set at the first attempt)." })
  body: string | null;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => DateTime)
  createdAt: Date;

  @Field(() => DateTime, { nullable: true })
  sentAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  nextAttemptAt: Date | null;
}

@ObjectType()
export class NotificationEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Notification)
  node: Notification;
}

@ObjectType()
export class NotificationCounts {
  @Field(() => Int)
  pending: number;
  @Field(() => Int)
  sending: number;
  @Field(() => Int)
  sent: number;
  @Field(() => Int)
  retrying: number;
  @Field(() => Int)
  dead: number;
  @Field(() => Int)
  skipped: number;
}

@ObjectType()
export class NotificationConnection {
  @Field(() => [NotificationEdge])
  edges: NotificationEdge[];

  @Field(() => [Notification])
  nodes: Notification[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => NotificationCounts, { description: "Messages by status under the filter's other conditions (channel, trigger, line)." })
  counts: NotificationCounts;
}

@InputType()
export class NotificationFilter {
  @Field(() => NotificationStatus, { nullable: true })
  @IsOptional()
  status?: string | null;

  @Field(() => NotificationChannel, { nullable: true })
  @IsOptional()
  channel?: string | null;

  @Field(() => NotificationTrigger, { nullable: true })
  @IsOptional()
  trigger?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  lineId?: string | null;
}

@ObjectType({ description: "Which messages a line sends. Defaults: all on; almost your turn at position 3 or 5 minutes, whichever comes first." })
export class LineNotificationSettings {
  @Field(() => ID)
  lineId: string;
  @Field(() => Boolean)
  joined: boolean;
  @Field(() => Boolean)
  almostThere: boolean;
  @Field(() => Int, { description: "Almost your turn at this position or better (1 to 100)." })
  almostTherePosition: number;
  @Field(() => Int, { description: "…or when the estimated wait is at most this many minutes (0 to 240; 0: position only)." })
  almostThereMinutes: number;
  @Field(() => Boolean)
  called: boolean;
  @Field(() => Boolean)
  noShow: boolean;
  @Field(() => Boolean)
  expired: boolean;
  @Field(() => Boolean)
  cancelled: boolean;
}

@InputType({ description: "Only the fields given change." })
export class NotificationSettingsInput {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  joined?: boolean | null;
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  almostThere?: boolean | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  almostTherePosition?: number | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  almostThereMinutes?: number | null;
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  called?: boolean | null;
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  noShow?: boolean | null;
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  expired?: boolean | null;
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  cancelled?: boolean | null;
}

@ObjectType()
export class NotificationTemplate {
  @Field(() => NotificationTrigger)
  trigger: string;
  @Field(() => NotificationChannel)
  channel: string;
  @Field(() => String)
  language: string;
  @Field(() => String, { nullable: true, description: "EMAIL only." })
  subject: string | null;
  @Field(() => String)
  body: string;
  @Field(() => Boolean, { description: "The built-in wording (the tenant has not changed it)." })
  isDefault: boolean;
  @Field(() => [String], { description: "Variables a template may use, without braces." })
  variables: string[];
}

@InputType()
export class NotificationTemplateInput {
  @Field(() => NotificationTrigger)
  trigger: string;
  @Field(() => NotificationChannel)
  channel: string;
  @Field(() => String, { description: "en or de." })
  @MaxLength(10)
  language: string;
  @Field(() => String, { nullable: true, description: "EMAIL only." })
  @IsOptional()
  @MaxLength(1000)
  subject?: string | null;
  @Field(() => String, { description: "Text with {number} {line} {counter} {position} {waitRange} {link} {tenant}; an unknown variable is BAD_USER_INPUT at input.body." })
  @MaxLength(10_000)
  body: string;
}

@ObjectType()
export class NotificationPreview {
  @Field(() => String, { nullable: true })
  subject: string | null;
  @Field(() => String)
  body: string;
}

@ObjectType({ description: "How a tenant's messages leave. Never contains a secret: only whether one is set." })
export class NotificationProviders {
  @Field(() => SmsRoute)
  smsRoute: string;
  @Field(() => Boolean)
  twilioConfigured: boolean;
  @Field(() => String, { nullable: true })
  twilioAccountSid: string | null;
  @Field(() => String, { nullable: true })
  twilioFrom: string | null;
  @Field(() => String, { nullable: true })
  webhookUrl: string | null;
  @Field(() => Boolean)
  webhookConfigured: boolean;
  @Field(() => String, { nullable: true })
  emailSenderName: string | null;
  @Field(() => String, { nullable: true })
  emailReplyTo: string | null;
  @Field(() => Boolean, { description: "The server has a platform SMS account (PLATFORM route works)." })
  platformSms: boolean;
  @Field(() => Boolean, { description: "The server can send email." })
  platformEmail: boolean;
}

@InputType({ description: "Only the fields given change; an empty string clears a value (and a secret)." })
export class NotificationProvidersInput {
  @Field(() => SmsRoute, { nullable: true })
  @IsOptional()
  smsRoute?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  twilioAccountSid?: string | null;
  @Field(() => String, { nullable: true, description: "Write-only: stored encrypted, never returned." })
  @IsOptional()
  @MaxLength(200)
  twilioAuthToken?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  twilioFrom?: string | null;
  @Field(() => String, { nullable: true, description: "Follows the estimator webhook's address rule (BAD_USER_INPUT at input.webhookUrl)." })
  @IsOptional()
  @MaxLength(2048)
  webhookUrl?: string | null;
  @Field(() => String, { nullable: true, description: "Write-only HMAC key (16 to 200 characters): stored encrypted, never returned." })
  @IsOptional()
  @MaxLength(200)
  webhookSecret?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  emailSenderName?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(320)
  emailReplyTo?: string | null;
}

@ObjectType({ description: "A message the embedded dev sinks received (QLINE_DEV_SINKS)." })
export class DevMessage {
  @Field(() => ID)
  id: string;
  @Field(() => String, { description: "EMAIL or SMS." })
  kind: string;
  @Field(() => String)
  to: string;
  @Field(() => String, { nullable: true })
  subject: string | null;
  @Field(() => String)
  body: string;
  @Field(() => DateTime)
  receivedAt: Date;
}
