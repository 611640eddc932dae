/**
 * Form schemas built from the shared ones (@qline/validation): the console refuses exactly what the API refuses,
 * with the API's field message; empty required fields get a prompt of their own. Used through react-hook-form
 * with `zodResolver`.
 */
import { emailSchema, linePrefixSchema, problemOf, slugSchema, z } from "@qline/validation";

/** A required text field: `empty` when blank, otherwise `schema`'s own refusal. */
export const required = <T extends z.ZodType<unknown, string>>(schema: T, empty: string) => z.string().trim().min(1, empty).pipe(schema);

export const requiredEmail = required(emailSchema, "Enter an email address");
export const requiredSlug = required(slugSchema, "Enter a slug");

/** For the hand-rolled validators of larger forms: the shared schema's message, or null. */
export const emailProblem = (value: string) => problemOf(emailSchema, value.trim());
export const slugProblem = (value: string) => problemOf(slugSchema, value);
export const prefixProblem = (value: string) => problemOf(linePrefixSchema, value);
