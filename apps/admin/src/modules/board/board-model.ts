/** Pure helpers of the queue board: ageing, ordering, extension labels, shortcuts. */

export type AgeLevel = "fresh" | "aging" | "late";

/**
 * How long a ticket has waited relative to what is acceptable: aging from the line's warn time (else half the
 * waiting TTL, else 15 minutes); late from 80 % of the waiting TTL (else twice the aging time).
 */
export function ageLevel(waitedSeconds: number, waitingTtlSeconds: number | null | undefined, warnSeconds?: number | null): AgeLevel {
  const aging = warnSeconds ?? (waitingTtlSeconds ? waitingTtlSeconds * 0.5 : 15 * 60);
  const late = Math.max(aging, waitingTtlSeconds ? waitingTtlSeconds * 0.8 : aging * 2);
  if (waitedSeconds >= late) return "late";
  if (waitedSeconds >= aging) return "aging";
  return "fresh";
}

export function secondsSince(iso: string | null | undefined, now: number): number {
  if (!iso) return 0;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : Math.max(0, (now - t) / 1000);
}

/** Moves the item with `id` to index `to`; the same order when `id` is unknown. */
export function reorder<T extends { id: string }>(items: readonly T[], id: string, to: number): T[] {
  const from = items.findIndex((i) => i.id === id);
  if (from < 0) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, moved as T);
  return next;
}

/** "Vehicle plate" from the schema's `title`, else the property name made readable. */
export function extensionLabel(schema: Record<string, unknown> | null | undefined, key: string): string {
  const properties = schema?.properties as Record<string, { title?: unknown }> | undefined;
  const title = properties?.[key]?.title;
  if (typeof title === "string" && title.trim()) return title;
  return key.replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`).replace(/[_-]+/g, " ").replace(/^./, (c) => c.toUpperCase());
}

/** An extension value as text; `words` says yes and no in the console's language (English by default). */
export function formatExtensionValue(value: unknown, words: { yes: string; no: string } = { yes: "Yes", no: "No" }): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map((v) => formatExtensionValue(v, words)).join(", ");
  return JSON.stringify(value);
}

/** Board shortcuts are ignored while typing or while a dialog is open. */
export function isShortcutTarget(target: EventTarget | null): boolean {
  if (typeof document !== "undefined" && document.querySelector("[role='dialog']")) return false;
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== "string") return true;
  if (el.isContentEditable) return false;
  return !["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

/** How a ticket was issued: the keys of its badge (`board.channel.*`) and description (`board.channelDescription.*`). */
export const ticketChannels: readonly string[] = ["KIOSK", "REMOTE", "STAFF", "API"];
