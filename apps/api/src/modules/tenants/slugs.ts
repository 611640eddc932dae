import { problemOf, slugSchema } from "@qline/validation";

export { slugPattern } from "@qline/validation";

/** Why `slug` cannot be a tenant's slug (the shared schema's message, as the console shows it), or null. */
export function slugProblem(slug: string): string | null {
  return problemOf(slugSchema, slug);
}
