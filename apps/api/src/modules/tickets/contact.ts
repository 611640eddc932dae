/**
 * A customer's contact details as joinLine accepts them: phone numbers validated and normalised to E.164 by
 * libphonenumber-js (a national number needs the tenant's `remoteJoin.defaultCountry`), emails validated by
 * validator.js (through class-validator). Normalising matters beyond display: "at most N active tickets per phone"
 * compares the E.164 form, so "+49 30 1234567" and "030 1234567" are one phone.
 */
import { isEmail } from "class-validator";
import { parsePhoneNumberWithError, type CountryCode } from "libphonenumber-js";
import { badInput } from "../../errors/codes.js";

export function normalizePhone(raw: string | null | undefined, defaultCountry: string | null, path: string): string | null {
  const value = raw?.trim();
  if (!value) return null;
  try {
    // The default country comes from validated tenant settings (two upper-case letters).
    const parsed = parsePhoneNumberWithError(value, (defaultCountry ?? undefined) as CountryCode | undefined);
    if (parsed.isValid()) return parsed.number;
  } catch {
    // fall through to the typed error
  }
  const hint = defaultCountry ? "" : " with its country code (e.g. +44 20 7946 0000)";
  throw badInput(`Enter a valid phone number${hint}`, [{ path, message: "not a valid phone number" }]);
}

export function normalizeEmail(raw: string | null | undefined, path: string): string | null {
  const value = raw?.trim();
  if (!value) return null;
  if (value.length > 254 || !isEmail(value, { allow_display_name: false, require_tld: true, allow_ip_domain: false })) {
    throw badInput("Enter a valid email address", [{ path, message: "not a valid email address" }]);
  }
  return value;
}
