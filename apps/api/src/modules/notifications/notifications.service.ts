/**
 * The notification API: line settings, templates and previews, provider settings (secrets write-only), the
 * delivery log (per tenant, per ticket), staff escalation opt-in and the dev mailbox. Every operation goes
 * through the tenant doors (staffDoor / recordDoor) with its permission; another tenant's ids are NOT_FOUND.
 */
import { and, asc, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import {
  lines,
  memberships,
  notificationChannels,
  notifications,
  notificationTemplates,
  notificationTriggers,
  col,
  decodeRows,
  notificationStatuses,
  z,
  tenants,
  type JsonObject,
  type LineNotificationSettingsJson,
  type NotificationChannel,
  type NotificationStatus,
  type NotificationTrigger,
  type Tx,
} from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { isUuid } from "../../context/access.js";
import { recordDoor, staffDoor } from "../../context/doors.js";
import { badInput, notFound, unauthenticated } from "../../errors/codes.js";
import { recordAudit } from "../audit/audit.service.js";
import { webhookUrlProblem } from "../estimates/estimates.webhook.js";
import { normalizeEmail } from "../tickets/contact.js";
import { devSinksOf } from "./runtime.js";
import { readSecrets, writeSecret } from "./secrets.js";
import { lineNotificationSettingsOf, readTenantNotificationSettings, smsRoutes, thresholdRanges, type LineNotificationSettings } from "./settings.js";
import {
  checkTemplateText,
  defaultTemplate,
  effectiveTemplate,
  isLanguage,
  languages,
  maxBodyLength,
  maxSubjectLength,
  render,
  sampleValues,
  templateVariables,
  type EffectiveTemplate,
  type Language,
} from "./templates.js";

// ---- line settings ----------------------------------------------------------------------------------------

export function lineSettings(ctx: RequestContext, lineId: string): Promise<LineNotificationSettings & { lineId: string }> {
  return recordDoor(ctx, { kind: "line", id: lineId }, "lines:read", async (tx, { tenantId }) => {
    const [line] = await tx.select({ s: lines.notificationSettings }).from(lines).where(and(eq(lines.tenantId, tenantId), eq(lines.id, lineId)));
    if (!line) throw notFound("Line");
    return { lineId, ...lineNotificationSettingsOf(line.s) };
  });
}

export interface SettingsInput {
  joined?: boolean | null | undefined;
  almostThere?: boolean | null | undefined;
  almostTherePosition?: number | null | undefined;
  almostThereMinutes?: number | null | undefined;
  called?: boolean | null | undefined;
  noShow?: boolean | null | undefined;
  expired?: boolean | null | undefined;
  cancelled?: boolean | null | undefined;
}

export function updateLineSettings(ctx: RequestContext, lineId: string, input: SettingsInput): Promise<LineNotificationSettings & { lineId: string }> {
  for (const key of ["almostTherePosition", "almostThereMinutes"] as const) {
    const v = input[key];
    const [min, max] = thresholdRanges[key];
    if (v != null && (!Number.isInteger(v) || v < min || v > max)) throw badInput(`${key} must be a whole number from ${min} to ${max}`, [{ path: `input.${key}`, message: `${min} to ${max}` }]);
  }
  return recordDoor(ctx, { kind: "line", id: lineId }, "lines:manage", async (tx, { tenantId }) => {
    const [line] = await tx.select({ s: lines.notificationSettings }).from(lines).where(and(eq(lines.tenantId, tenantId), eq(lines.id, lineId))).for("update");
    if (!line) throw notFound("Line");
    const next: LineNotificationSettingsJson = { ...lineNotificationSettingsOf(line.s) };
    for (const [key, value] of Object.entries(input) as [keyof SettingsInput, unknown][]) {
      if (value !== null && value !== undefined) (next as Record<string, unknown>)[key] = value;
    }
    await tx.update(lines).set({ notificationSettings: next }).where(and(eq(lines.tenantId, tenantId), eq(lines.id, lineId)));
    await recordAudit(tx, ctx.actor, { tenantId, action: "line.notifications", targetType: "line", targetId: lineId, before: { ...line.s }, after: { ...next } });
    return { lineId, ...lineNotificationSettingsOf(next) };
  });
}

// ---- templates --------------------------------------------------------------------------------------------

const StatusCount = z.object({ status: z.enum(notificationStatuses), n: col.int });
const IdRow = z.object({ id: col.uuid });

/** Channels a trigger is sent on: ESCALATED goes to staff by email only. */
const channelsOf = (trigger: NotificationTrigger): readonly NotificationChannel[] => (trigger === "ESCALATED" ? ["EMAIL"] : notificationChannels);

const withVariables = (t: EffectiveTemplate) => ({ ...t, variables: [...templateVariables] });

export function listTemplates(ctx: RequestContext, tenantId: string) {
  return staffDoor(ctx, tenantId, "tenant:read", async (tx) => {
    const own = await tx.select().from(notificationTemplates).where(eq(notificationTemplates.tenantId, tenantId));
    const byKey = new Map(own.map((r) => [`${r.trigger}/${r.channel}/${r.language}`, r]));
    return notificationTriggers.flatMap((trigger) =>
      channelsOf(trigger).flatMap((channel) =>
        languages.map((language) => {
          const row = byKey.get(`${trigger}/${channel}/${language}`);
          const base = defaultTemplate(trigger, channel, language);
          return withVariables(row ? { ...base, subject: channel === "EMAIL" ? (row.subject ?? base.subject) : null, body: row.body, isDefault: false } : base);
        }),
      ),
    );
  });
}

export interface TemplateInput {
  trigger: string;
  channel: string;
  language: string;
  subject?: string | null | undefined;
  body: string;
}

interface CheckedTemplate {
  trigger: NotificationTrigger;
  channel: NotificationChannel;
  language: Language;
  subject: string | null;
  body: string;
}

function checkTemplateKey(trigger: string, channel: string, language: string): { trigger: NotificationTrigger; channel: NotificationChannel; language: Language } {
  const t = notificationTriggers.find((x) => x === trigger);
  if (!t) throw badInput("Unknown trigger", [{ path: "input.trigger", message: "unknown" }]);
  const c = channelsOf(t).find((x) => x === channel);
  if (!c) throw badInput(`${t} messages are sent by ${channelsOf(t).join(", ")}`, [{ path: "input.channel", message: "not a channel of this trigger" }]);
  if (!isLanguage(language)) throw badInput("Templates exist for en and de", [{ path: "input.language", message: "en or de" }]);
  return { trigger: t, channel: c, language };
}

function checkTemplate(input: TemplateInput): CheckedTemplate {
  const key = checkTemplateKey(input.trigger, input.channel, input.language);
  checkTemplateText(input.body, "input.body", maxBodyLength[key.channel]);
  let subject: string | null = null;
  if (key.channel === "EMAIL" && input.subject != null && input.subject !== "") {
    checkTemplateText(input.subject, "input.subject", maxSubjectLength);
    subject = input.subject;
  } else if (key.channel !== "EMAIL" && input.subject) {
    throw badInput("Only EMAIL templates have a subject", [{ path: "input.subject", message: "EMAIL only" }]);
  }
  return { ...key, subject, body: input.body };
}

export function setTemplate(ctx: RequestContext, tenantId: string, input: TemplateInput) {
  const t = checkTemplate(input);
  return staffDoor(ctx, tenantId, "tenant:update", async (tx) => {
    await tx
      .insert(notificationTemplates)
      .values({ tenantId, trigger: t.trigger, channel: t.channel, language: t.language, subject: t.subject, body: t.body })
      .onConflictDoUpdate({
        target: [notificationTemplates.tenantId, notificationTemplates.trigger, notificationTemplates.channel, notificationTemplates.language],
        set: { subject: t.subject, body: t.body, updatedAt: new Date() },
      });
    await recordAudit(tx, ctx.actor, { tenantId, action: "notification.template.set", targetType: "tenant", targetId: tenantId, after: { ...t } });
    return withVariables(await effectiveTemplate(tx, tenantId, t.trigger, t.channel, t.language));
  });
}

export function resetTemplate(ctx: RequestContext, tenantId: string, trigger: string, channel: string, language: string) {
  const key = checkTemplateKey(trigger, channel, language);
  return staffDoor(ctx, tenantId, "tenant:update", async (tx) => {
    await tx
      .delete(notificationTemplates)
      .where(
        and(
          eq(notificationTemplates.tenantId, tenantId),
          eq(notificationTemplates.trigger, key.trigger),
          eq(notificationTemplates.channel, key.channel),
          eq(notificationTemplates.language, key.language),
        ),
      );
    await recordAudit(tx, ctx.actor, { tenantId, action: "notification.template.reset", targetType: "tenant", targetId: tenantId, after: { ...key } });
    return withVariables(defaultTemplate(key.trigger, key.channel, key.language));
  });
}

export function previewTemplate(ctx: RequestContext, tenantId: string, input: TemplateInput): Promise<{ subject: string | null; body: string }> {
  const t = checkTemplate(input);
  return staffDoor(ctx, tenantId, "tenant:read", async (tx) => {
    const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
    const values = sampleValues(t.language, tenant?.name ?? "");
    const subject = t.channel === "EMAIL" ? (t.subject ?? defaultTemplate(t.trigger, t.channel, t.language).subject) : null;
    return { subject: subject != null ? render(subject, values) : null, body: render(t.body, values) };
  });
}

// ---- providers --------------------------------------------------------------------------------------------

async function providersView(tx: Tx, ctx: RequestContext, tenantId: string) {
  const { notifications: n } = await readTenantNotificationSettings(tx, tenantId);
  const secrets = await readSecrets(tx, ctx.config.notifications.secretsKey, tenantId);
  const runtime = devSinksOf(ctx.db);
  return {
    smsRoute: n.smsRoute,
    twilioConfigured: Boolean(n.twilioAccountSid && n.twilioFrom && secrets.TWILIO_AUTH_TOKEN),
    twilioAccountSid: n.twilioAccountSid,
    twilioFrom: n.twilioFrom,
    webhookUrl: n.webhookUrl,
    webhookConfigured: Boolean(n.webhookUrl && secrets.WEBHOOK_SECRET),
    emailSenderName: n.emailSenderName,
    emailReplyTo: n.emailReplyTo,
    platformSms: Boolean(ctx.config.notifications.twilio) || Boolean(runtime),
    platformEmail: Boolean(ctx.config.notifications.smtp) || Boolean(runtime),
  };
}

export function getProviders(ctx: RequestContext, tenantId: string) {
  return staffDoor(ctx, tenantId, "tenant:update", (tx) => providersView(tx, ctx, tenantId));
}

export interface ProvidersInput {
  smsRoute?: string | null | undefined;
  twilioAccountSid?: string | null | undefined;
  twilioAuthToken?: string | null | undefined;
  twilioFrom?: string | null | undefined;
  webhookUrl?: string | null | undefined;
  webhookSecret?: string | null | undefined;
  emailSenderName?: string | null | undefined;
  emailReplyTo?: string | null | undefined;
}

export function setProviders(ctx: RequestContext, tenantId: string, input: ProvidersInput) {
  if (input.smsRoute != null && !(smsRoutes as readonly string[]).includes(input.smsRoute)) throw badInput("Unknown SMS route", [{ path: "input.smsRoute", message: "PLATFORM, TWILIO or WEBHOOK" }]);
  if (input.twilioAccountSid && !/^AC[0-9a-fA-F]{32}$/.test(input.twilioAccountSid)) throw badInput("A Twilio account SID is AC followed by 32 hex digits", [{ path: "input.twilioAccountSid", message: "AC + 32 hex digits" }]);
  if (input.twilioFrom && !/^(\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32}|[A-Za-z0-9 ]{1,11})$/.test(input.twilioFrom)) throw badInput("The sender is an E.164 number or an alphanumeric sender id", [{ path: "input.twilioFrom", message: "E.164 or up to 11 letters/digits" }]);
  if (input.webhookUrl) {
    const problem = webhookUrlProblem(input.webhookUrl);
    if (problem) throw badInput(`The webhook URL ${problem}`, [{ path: "input.webhookUrl", message: problem }]);
  }
  if (input.webhookSecret && (input.webhookSecret.length < 16 || input.webhookSecret.length > 200)) throw badInput("The webhook secret is 16 to 200 characters", [{ path: "input.webhookSecret", message: "16 to 200 characters" }]);
  const replyTo = input.emailReplyTo ? normalizeEmail(input.emailReplyTo, "input.emailReplyTo") : input.emailReplyTo;
  const senderName = input.emailSenderName?.trim();
  if (senderName && /[\r\n<>"]/.test(senderName)) throw badInput("The sender name cannot contain line breaks, quotes or angle brackets", [{ path: "input.emailSenderName", message: "plain text" }]);
  return staffDoor(ctx, tenantId, "tenant:update", async (tx) => {
    const [row] = await tx.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId)).for("update");
    const settings: JsonObject = row?.settings ?? {};
    const before = typeof settings.notifications === "object" && settings.notifications !== null && !Array.isArray(settings.notifications) ? settings.notifications : {};
    const next: JsonObject = { ...before };
    const put = (key: string, value: string | null | undefined) => {
      if (value === undefined || value === null) return;
      if (value === "") delete next[key];
      else next[key] = value;
    };
    put("smsRoute", input.smsRoute);
    put("twilioAccountSid", input.twilioAccountSid);
    put("twilioFrom", input.twilioFrom);
    put("webhookUrl", input.webhookUrl);
    put("emailSenderName", senderName === undefined ? undefined : senderName);
    put("emailReplyTo", replyTo === undefined ? undefined : (replyTo ?? ""));
    await tx.update(tenants).set({ settings: { ...settings, notifications: next } }).where(eq(tenants.id, tenantId));
    const key = ctx.config.notifications.secretsKey;
    if (input.twilioAuthToken != null) await writeSecret(tx, key, tenantId, "TWILIO_AUTH_TOKEN", input.twilioAuthToken);
    if (input.webhookSecret != null) await writeSecret(tx, key, tenantId, "WEBHOOK_SECRET", input.webhookSecret);
    await recordAudit(tx, ctx.actor, {
      tenantId,
      action: "notification.providers",
      targetType: "tenant",
      targetId: tenantId,
      before: { ...before },
      after: { ...next, ...(input.twilioAuthToken != null ? { twilioAuthToken: input.twilioAuthToken ? "(set)" : "(cleared)" } : {}), ...(input.webhookSecret != null ? { webhookSecret: input.webhookSecret ? "(set)" : "(cleared)" } : {}) },
    });
    return providersView(tx, ctx, tenantId);
  });
}

// ---- delivery log -----------------------------------------------------------------------------------------

type NotificationRow = typeof notifications.$inferSelect;
const toNode = (r: NotificationRow) => ({
  id: r.id,
  ticketId: r.ticketId,
  lineId: r.lineId,
  trigger: r.trigger,
  channel: r.channel,
  provider: r.provider,
  status: r.status,
  attempts: r.attempts,
  recipient: r.recipient,
  subject: r.subject,
  body: r.body,
  lastError: r.lastError,
  createdAt: r.createdAt,
  sentAt: r.sentAt,
  nextAttemptAt: r.status === "PENDING" || r.status === "RETRYING" ? r.nextAttemptAt : null,
});

export function ticketNotifications(ctx: RequestContext, tenantId: string, ticketId: string) {
  return staffDoor(ctx, tenantId, "tickets:read", async (tx) =>
    (await tx.select().from(notifications).where(and(eq(notifications.tenantId, tenantId), eq(notifications.ticketId, ticketId))).orderBy(asc(notifications.seq))).map(toNode),
  );
}

export interface NotificationFilterInput {
  status?: string | null | undefined;
  channel?: string | null | undefined;
  trigger?: string | null | undefined;
  lineId?: string | null | undefined;
}

const encodeCursor = (r: { createdAt: Date; id: string }) => Buffer.from(JSON.stringify([r.createdAt.toISOString(), r.id])).toString("base64url");
function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof at === "string" && typeof id === "string" && isUuid(id) && !Number.isNaN(Date.parse(at))) return { at: new Date(at), id };
  } catch {
    // the typed error below
  }
  throw badInput("Malformed cursor", [{ path: "after", message: "is not a cursor from this connection" }]);
}

export function tenantNotifications(ctx: RequestContext, tenantId: string, filter: NotificationFilterInput | null | undefined, first: number, after: string | null | undefined) {
  if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput("first must be between 1 and 200", [{ path: "first", message: "out of range" }]);
  const cursor = after ? decodeCursor(after) : null;
  if (filter?.lineId && !isUuid(filter.lineId)) throw badInput("Unknown line", [{ path: "filter.lineId", message: "not a line id" }]);
  return staffDoor(ctx, tenantId, "tickets:read", async (tx) => {
    const common: SQL[] = [eq(notifications.tenantId, tenantId)];
    if (filter?.channel) common.push(eq(notifications.channel, filter.channel as NotificationChannel));
    if (filter?.trigger) common.push(eq(notifications.trigger, filter.trigger as NotificationTrigger));
    if (filter?.lineId) common.push(eq(notifications.lineId, filter.lineId));
    const page = [...common];
    if (filter?.status) page.push(eq(notifications.status, filter.status as NotificationStatus));
    if (cursor) {
      const older = or(lt(notifications.createdAt, cursor.at), and(eq(notifications.createdAt, cursor.at), lt(notifications.id, cursor.id)));
      if (older) page.push(older);
    }
    const rows = await tx
      .select()
      .from(notifications)
      .where(and(...page))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(first + 1);
    const counted = decodeRows(
      StatusCount,
      await tx.execute(sql`select status, count(*)::int as n from notifications where ${and(...common)} group by status`),
    );
    const count = (s: NotificationStatus) => counted.find((c) => c.status === s)?.n ?? 0;
    const shown = rows.slice(0, first);
    const nodes = shown.map(toNode);
    const last = shown[shown.length - 1];
    return {
      nodes,
      edges: shown.map((r, i) => ({ cursor: encodeCursor(r), node: nodes[i]! })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last) : null },
      counts: { pending: count("PENDING"), sending: count("SENDING"), sent: count("SENT"), retrying: count("RETRYING"), dead: count("DEAD"), skipped: count("SKIPPED") },
    };
  });
}

// ---- staff escalation opt-in ------------------------------------------------------------------------------

/** MANAGER and up opt in (or out) of TTL escalation emails for a tenant where they hold their role directly. */
export function setMyEscalationEmails(ctx: RequestContext, tenantId: string, enabled: boolean): Promise<boolean> {
  if (ctx.actor.kind !== "user") throw unauthenticated("Sign in as a user");
  const userId = ctx.actor.userId;
  return staffDoor(ctx, tenantId, "lines:manage", async (tx) => {
    const updated = await tx
      .update(memberships)
      .set({ escalationEmails: enabled })
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
      .returning({ role: memberships.role });
    if (updated.length === 0) {
      throw badInput("Escalation emails are set where you are a member; your role here comes from a parent tenant", [{ path: "tenantId", message: "no direct membership" }]);
    }
    await recordAudit(tx, ctx.actor, { tenantId, action: "member.escalation_emails", targetType: "user", targetId: userId, after: { enabled } });
    return enabled;
  });
}

// ---- dev mailbox ------------------------------------------------------------------------------------------

export function devMailbox(ctx: RequestContext, tenantId: string) {
  return staffDoor(ctx, tenantId, "tickets:read", async (tx) => {
    const sinks = devSinksOf(ctx.db);
    if (!sinks) return [];
    const received = sinks.messages().filter((m) => m.notificationId && isUuid(m.notificationId));
    if (received.length === 0) return [];
    const ids = received.map((m) => m.notificationId!);
    const mine = new Set(
      decodeRows(
        IdRow,
        await tx.execute(sql`select id from notifications where tenant_id = ${tenantId} and id = any(${`{${ids.join(",")}}`}::uuid[])`), // ids checked as uuids above
      ).map((r) => r.id),
    );
    return received
      .filter((m) => mine.has(m.notificationId!))
      .reverse()
      .map((m) => ({ id: m.id, kind: m.kind, to: m.to, subject: m.subject, body: m.body, receivedAt: m.receivedAt }));
  });
}
