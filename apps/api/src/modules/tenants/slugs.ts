/** Slugs become host names (`<slug>.<base domain>`) and paths (`/t/<slug>`): DNS-label safe, lowercase. */
export const slugPattern = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;

const reserved = new Set(["api", "www", "admin", "app", "kiosk", "display", "graphql", "static", "assets", "t", "status", "help"]);

export function slugProblem(slug: string): string | null {
  if (!slugPattern.test(slug)) return "must be 3-40 lowercase letters, digits or hyphens, starting and ending with a letter or digit";
  if (slug.includes("--")) return "must not contain consecutive hyphens";
  if (reserved.has(slug)) return "is reserved";
  return null;
}
