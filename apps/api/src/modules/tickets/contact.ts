/**
 * A customer's contact details as joinLine accepts them, checked by the schemas the kiosk checks too
 * (@qline/validation): phone numbers validated and normalised to E.164 by libphonenumber-js (a national number
 * needs the tenant's `remoteJoin.defaultCountry`), emails by zod's email check. Normalising matters beyond
 * display: "at most N active tickets per phone" compares the E.164 form, so "+49 30 1234567" and "030 1234567"
 * are one phone.
 */
import { emailSchema, messages, phoneSchema } from "@qline/validation";
import { badInput } from "../../errors/codes.js";

export function normalizePhone(raw: string | null | undefined, defaultCountry: string | null, path: string): string | null {
  const value = raw?.trim();
  if (!value) return null;
  const checked = phoneSchema(defaultCountry).safeParse(value);
  if (checked.success) return checked.data;
  const hint = defaultCountry ? "" : " with its country code (e.g. +44 20 7946 0000)";
  throw badInput(`Enter a valid phone number${hint}`, [{ path, message: messages.phone }]);
}

export function normalizeEmail(raw: string | null | undefined, path: string): string | null {
  const value = raw?.trim();
  if (!value) return null;
  const checked = emailSchema.safeParse(value);
  if (!checked.success) throw badInput("Enter a valid email address", [{ path, message: messages.email }]);
  return checked.data;
}
