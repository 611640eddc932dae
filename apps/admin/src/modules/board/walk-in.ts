/** The walk-in form: its values, the checks that mirror the API, the issueTicket input and where errors go. */
import { emailSchema, phoneSchema, problemOf, z } from "@qline/validation";
import type { TFunction } from "i18next";
import type { IssueTicketInput, NotificationChannel } from "../../gql/graphql";
import { canonicalJson } from "../../lib/json";
import { formValue, type ExtensionProperty, type ExtensionValues } from "../extension-schema/components/ExtensionFields";

export interface WalkInValues {
  name: string;
  phone: string;
  email: string;
  ticketTypeId: string;
  partySize: string;
  extensions: ExtensionValues;
  /** "Notify me by": ticked channels; SMS counts only with a phone, EMAIL only with an email. */
  notify: readonly Extract<NotificationChannel, "SMS" | "EMAIL">[];
  /** The language of the customer's messages (en, de). */
  language: string;
}

/** The contact details (react-hook-form with `walkInContactSchema`) and the rest of the form (plain state). */
export type WalkInContact = Pick<WalkInValues, "phone" | "email">;
export type WalkInDetails = Omit<WalkInValues, "phone" | "email">;

export const emptyContact = (): WalkInContact => ({ phone: "", email: "" });
export const emptyWalkIn = (): WalkInDetails => ({ name: "", ticketTypeId: "", partySize: "1", extensions: {}, notify: [], language: "en" });

/** A field that may stay empty; filled in, `schema` decides, with its own message. The value is sent as typed. */
const blankOr = (schema: z.ZodType, when: (value: string) => boolean = () => true) =>
  z.string().superRefine((value, ctx) => {
    if (!value.trim() || !when(value.trim())) return;
    const problem = problemOf(schema, value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/**
 * Phone and email, checked with the shared schemas before the round trip. Only international numbers ("+49 …")
 * are checked here: a national one needs the tenant's default country, which the board does not read, so the API
 * checks it (and its refusal shows on the Phone field).
 */
export const walkInContactSchema = z.object({
  phone: blankOr(phoneSchema(), (value) => value.startsWith("+")),
  email: blankOr(emailSchema),
});

/** The form's own fields, keyed like the API's field paths without `input.`. */
export const walkInFields = ["customerName", "phone", "email", "ticketTypeId", "partySize", "notify", "language"] as const;

/** The channels to send: the ticked ones whose contact detail is filled in. */
export function walkInNotify(v: Pick<WalkInValues, "notify" | "phone" | "email">): NotificationChannel[] {
  return v.notify.filter((c) => (c === "SMS" ? Boolean(v.phone.trim()) : Boolean(v.email.trim())));
}

/** Errors keyed like the API's paths (customerName, partySize, ticketTypeId), before the round trip (phone and email: walkInContactSchema). */
export function validateWalkIn(v: WalkInDetails, options: { typeRequired: boolean }, t: TFunction): Record<string, string> {
  const e: Record<string, string> = {};
  if (v.name.trim().length > 200) e.customerName = t("board.walkIn.errors.nameTooLong");
  const party = v.partySize.trim();
  if (!/^\d+$/.test(party) || Number(party) < 1 || Number(party) > 1000) e.partySize = t("board.walkIn.errors.partySize");
  if (options.typeRequired && !v.ticketTypeId) e.ticketTypeId = t("board.walkIn.errors.chooseType");
  return e;
}

/** The issueTicket input without its idempotency key; empty fields are left out. */
export function walkInPayload(lineId: string, v: WalkInValues, properties: Record<string, ExtensionProperty>): IssueTicketInput {
  const input: IssueTicketInput = { lineId, channel: "STAFF", partySize: Number(v.partySize.trim()) };
  if (v.name.trim()) input.customerName = v.name.trim();
  if (v.phone.trim()) input.phone = v.phone.trim();
  if (v.email.trim()) input.email = v.email.trim();
  if (v.ticketTypeId) input.ticketTypeId = v.ticketTypeId;
  const notify = walkInNotify(v);
  if (notify.length > 0) {
    input.notify = notify;
    input.language = v.language;
  }
  const extensions = formValue(properties, v.extensions);
  if (Object.keys(extensions).length > 0) input.extensions = extensions;
  return input;
}

/** A random idempotency key (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * One key per payload: a retry of the same walk-in (a double click, a lost answer) sends the same key and gets the
 * same ticket; a corrected form is a new request with a new key (the API refuses a key reused with another payload).
 */
export function keyFor(previous: { payload: string; key: string } | null, input: IssueTicketInput): { payload: string; key: string } {
  const payload = canonicalJson(input);
  return previous?.payload === payload ? previous : { payload, key: newIdempotencyKey() };
}

/** The API's JSON-pointer extension errors ("/orderNumber", "/items/0") by top-level property. */
export function extensionErrors(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    if (!path.startsWith("/")) continue;
    const key = (path.split("/")[1] ?? "").replace(/~1/g, "/").replace(/~0/g, "~");
    if (key && !out[key]) out[key] = message;
  }
  return out;
}

/** What to say when the ticket was not issued and no field is to blame. */
export function walkInFailure(problem: { code: string | null; message: string }, t: TFunction): string {
  if (problem.code === "LIMIT_EXCEEDED") return t("board.walkIn.errors.lineFull");
  if (problem.code === "CONFLICT") return t("board.walkIn.errors.conflict", { message: problem.message });
  return problem.message;
}
