/**
 * Message templates: built-in defaults for every trigger × channel in English and German, tenant overrides
 * (`notification_templates`), `{variable}` substitution, and validation (an unknown variable is refused on save
 * with BAD_USER_INPUT at input.body / input.subject). A literal brace is written `{{` or `}}`.
 */
import { and, eq } from "drizzle-orm";
import { notificationTemplates, type NotificationChannel, type NotificationTrigger, type Tx } from "@qline/db";
import { badInput } from "../../errors/codes.js";

export const templateVariables = ["number", "line", "counter", "position", "waitRange", "link", "tenant"] as const;
export type TemplateVariable = (typeof templateVariables)[number];
export type TemplateValues = Record<TemplateVariable, string>;

export const languages = ["en", "de"] as const;
export type Language = (typeof languages)[number];
export const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value);

export const maxBodyLength = { SMS: 640, PUSH: 1000, EMAIL: 5000 } as const satisfies Record<NotificationChannel, number>;
export const maxSubjectLength = 200;

interface Wording {
  subject: string;
  body: string;
}

const en: Record<NotificationTrigger, Wording> = {
  JOINED: { subject: "{tenant}: you are {number} in line {line}", body: "You are {number} in line {line} at {tenant}. Estimated wait: {waitRange}. Follow your place: {link}" },
  ALMOST_THERE: { subject: "{tenant}: almost your turn ({number})", body: "Almost your turn: {number} is number {position} in line {line}. Please make your way back to {tenant}. {link}" },
  CALLED: { subject: "{tenant}: {number}, it is your turn", body: "It is your turn: {number}, please go to {counter}. {link}" },
  NO_SHOW: { subject: "{tenant}: we missed you ({number})", body: "We called {number} in line {line} but missed you, so the ticket was closed. Join again if you still need us: {link}" },
  EXPIRED: { subject: "{tenant}: your ticket {number} expired", body: "Your ticket {number} in line {line} at {tenant} expired. {link}" },
  CANCELLED: { subject: "{tenant}: your ticket {number} was cancelled", body: "Your ticket {number} in line {line} at {tenant} was cancelled by staff. {link}" },
  ESCALATED: { subject: "{tenant}: {number} has waited too long in {line}", body: "Ticket {number} in line {line} has waited longer than the line's warning time. Position: {position}. {link}" },
};

const de: Record<NotificationTrigger, Wording> = {
  JOINED: { subject: "{tenant}: Sie sind {number} in der Schlange {line}", body: "Sie sind {number} in der Schlange {line} bei {tenant}. Geschätzte Wartezeit: {waitRange}. Ihr Platz: {link}" },
  ALMOST_THERE: { subject: "{tenant}: Gleich sind Sie dran ({number})", body: "Gleich sind Sie dran: {number} ist auf Platz {position} in der Schlange {line}. Bitte kommen Sie zurück zu {tenant}. {link}" },
  CALLED: { subject: "{tenant}: {number}, Sie sind dran", body: "Sie sind dran: {number}, bitte gehen Sie zu {counter}. {link}" },
  NO_SHOW: { subject: "{tenant}: Wir haben Sie verpasst ({number})", body: "Wir haben {number} in der Schlange {line} aufgerufen, Sie aber nicht angetroffen; das Ticket wurde geschlossen. Neu anstellen: {link}" },
  EXPIRED: { subject: "{tenant}: Ihr Ticket {number} ist abgelaufen", body: "Ihr Ticket {number} in der Schlange {line} bei {tenant} ist abgelaufen. {link}" },
  CANCELLED: { subject: "{tenant}: Ihr Ticket {number} wurde storniert", body: "Ihr Ticket {number} in der Schlange {line} bei {tenant} wurde vom Personal storniert. {link}" },
  ESCALATED: { subject: "{tenant}: {number} wartet zu lange in {line}", body: "Ticket {number} in der Schlange {line} wartet länger als die Warnzeit der Schlange. Platz: {position}. {link}" },
};

const defaults: Record<Language, Record<NotificationTrigger, Wording>> = { en, de };

export interface EffectiveTemplate {
  trigger: NotificationTrigger;
  channel: NotificationChannel;
  language: Language;
  /** EMAIL only. */
  subject: string | null;
  body: string;
  isDefault: boolean;
}

export function defaultTemplate(trigger: NotificationTrigger, channel: NotificationChannel, language: Language): EffectiveTemplate {
  const wording = defaults[language][trigger];
  return { trigger, channel, language, subject: channel === "EMAIL" ? wording.subject : null, body: wording.body, isDefault: true };
}

/** The tenant's template for this trigger, channel and language, or the default. */
export async function effectiveTemplate(tx: Tx, tenantId: string, trigger: NotificationTrigger, channel: NotificationChannel, language: Language): Promise<EffectiveTemplate> {
  const [row] = await tx
    .select()
    .from(notificationTemplates)
    .where(
      and(
        eq(notificationTemplates.tenantId, tenantId),
        eq(notificationTemplates.trigger, trigger),
        eq(notificationTemplates.channel, channel),
        eq(notificationTemplates.language, language),
      ),
    );
  if (!row) return defaultTemplate(trigger, channel, language);
  return { trigger, channel, language, subject: channel === "EMAIL" ? (row.subject ?? defaults[language][trigger].subject) : null, body: row.body, isDefault: false };
}

const token = /\{\{|\}\}|\{([^{}]*)\}|[{}]/g;

/** The names of unknown or malformed `{...}` in a template (empty when it is valid). */
export function templateProblems(text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(token)) {
    const [whole, name] = match;
    if (whole === "{{" || whole === "}}") continue;
    if (name === undefined) problems.push(`a lone "${whole}" (write {{ or }} for a brace)`);
    else if (!(templateVariables as readonly string[]).includes(name)) problems.push(`unknown variable {${name}}`);
  }
  return problems;
}

/** Throws BAD_USER_INPUT at `path` when the text uses an unknown variable or is too long/empty. */
export function checkTemplateText(text: string, path: string, maxLength: number): void {
  if (text.trim().length === 0) throw badInput("A template cannot be empty", [{ path, message: "empty" }]);
  if (text.length > maxLength) throw badInput(`A template is at most ${maxLength} characters here`, [{ path, message: "too long" }]);
  const problems = templateProblems(text);
  if (problems.length > 0) {
    throw badInput(`The template has ${problems.join(", ")}; variables are ${templateVariables.map((v) => `{${v}}`).join(" ")}`, [{ path, message: problems.join("; ") }]);
  }
}

/** Substitutes the variables (a template is validated on save; anything unknown left over is dropped). */
export function render(text: string, values: TemplateValues): string {
  return text.replace(token, (whole, name: string | undefined) => {
    if (whole === "{{") return "{";
    if (whole === "}}") return "}";
    if (name !== undefined && Object.prototype.hasOwnProperty.call(values, name)) return values[name as TemplateVariable];
    return "";
  });
}

/** "10–15 min" from an estimate band (seconds); the language's "unknown" without one. */
export function waitRange(p50Seconds: number | null | undefined, p90Seconds: number | null | undefined, language: Language): string {
  if (p50Seconds == null || p90Seconds == null) return language === "de" ? "unbekannt" : "unknown";
  const low = Math.max(0, Math.round(p50Seconds / 60));
  const high = Math.max(low, Math.round(p90Seconds / 60));
  return low === high ? `${low} min` : `${low}–${high} min`;
}

/** Values shown by previews (the admin's editor). */
export function sampleValues(language: Language, tenant: string): TemplateValues {
  return {
    number: "A042",
    line: language === "de" ? "Beratung" : "Advice",
    counter: language === "de" ? "Schalter 3" : "Desk 3",
    position: "3",
    waitRange: waitRange(600, 900, language),
    link: "https://example.test/t/demo/ticket/abc",
    tenant,
  };
}
