/**
 * Values checked on both sides of the wire, defined once. The API refuses with these messages as the field
 * message of its BAD_USER_INPUT (`extensions.fields[].message`); the admin console's forms check the same schemas
 * before sending (react-hook-form + @hookform/resolvers/zod) and show the same message; the kiosk checks them and
 * shows its own translation of the refusal.
 */
import { parsePhoneNumberWithError, type CountryCode } from "libphonenumber-js";
import { z } from "zod";

export const messages = {
  slugShape: "must be 3-40 lowercase letters, digits or hyphens, starting and ending with a letter or digit",
  slugHyphens: "must not contain consecutive hyphens",
  slugReserved: "is reserved",
  prefix: "must be 1-4 capital letters or digits",
  email: "is not an email address",
  phone: "not a valid phone number",
} as const;

/** Slugs become host names (`<slug>.<base domain>`) and paths (`/t/<slug>`): DNS-label safe, lowercase. */
export const slugPattern = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;

/** Names the platform uses itself (host names, the kiosk's paths). */
export const reservedSlugs: ReadonlySet<string> = new Set(["api", "www", "admin", "app", "kiosk", "display", "graphql", "static", "assets", "t", "status", "help"]);

/** A tenant's slug: one message per refusal, the first that applies. */
export const slugSchema = z
  .string()
  .regex(slugPattern, messages.slugShape)
  .refine((slug) => !slug.includes("--"), { message: messages.slugHyphens, abort: true })
  .refine((slug) => !reservedSlugs.has(slug), messages.slugReserved);

/** A line's number prefix (A042): 1-4 capital letters or digits. */
export const linePrefixSchema = z.string().regex(/^[A-Z0-9]{1,4}$/, messages.prefix);

/** An email address (accounts, invitations, customers' contact, reply-to): trimmed; at most 254 characters. */
export const emailSchema = z.string().trim().max(254, messages.email).pipe(z.email(messages.email));

/**
 * A phone number, normalised to E.164 by libphonenumber-js. A national number ("030 1234567") needs
 * `defaultCountry` (two upper-case letters, the tenant's `remoteJoin.defaultCountry`); without it only
 * international numbers ("+49 30 1234567") pass.
 */
export function phoneSchema(defaultCountry: string | null = null) {
  return z
    .string()
    .trim()
    .transform((value, ctx) => {
      try {
        // The country comes from validated tenant settings (two upper-case letters); libphonenumber refuses others.
        const parsed = parsePhoneNumberWithError(value, (defaultCountry ?? undefined) as CountryCode | undefined);
        if (parsed.isValid()) return parsed.number;
      } catch {
        // not a phone number at all: the same refusal as an invalid one
      }
      ctx.addIssue({ code: "custom", message: messages.phone });
      return z.NEVER;
    });
}

/** The message of the first refusal, or null when `value` passes (for code that reports one message per field). */
export function problemOf(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? "is not valid");
}

export { z };
