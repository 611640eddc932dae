/**
 * `settings.retentionDays` (mirrors apps/api/src/modules/data-lifecycle/retention.ts): days customers' contact data
 * is kept after their ticket ends. The form edits it in the tenant's own settings object and keeps every other key.
 */
import type { TFunction } from "i18next";
import type { JsonObject } from "./settings-merge";

export const retentionDefault = 30;
export const retentionRange = [1, 3650] as const;

const isDays = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= retentionRange[0] && v <= retentionRange[1];

/** The form's value: the tenant's own setting, or empty (it inherits). */
export const retentionValueFrom = (own: JsonObject): string => (typeof own.retentionDays === "number" ? String(own.retentionDays) : "");

/** What the tenant gets when it sets nothing itself: the nearest ancestor's value, else 30. */
export function inheritedRetention(ancestors: readonly { name: string; settings: JsonObject }[]): { days: number; from: string | null } {
  for (const ancestor of [...ancestors].reverse()) if (isDays(ancestor.settings.retentionDays)) return { days: ancestor.settings.retentionDays, from: ancestor.name };
  return { days: retentionDefault, from: null };
}

/** An error keyed like the API's path (settings.retentionDays), or null. */
export function validateRetention(value: string, t: TFunction): string | null {
  const raw = value.trim();
  if (!raw) return null;
  const [min, max] = retentionRange;
  return /^\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max ? null : t("settings.privacy.daysInvalid", { min, max });
}

/** The own settings with retentionDays set (or removed when empty), every other key kept. */
export function withRetention(own: JsonObject, value: string): JsonObject {
  const rest = { ...own };
  delete rest.retentionDays;
  return value.trim() ? { ...rest, retentionDays: Number(value.trim()) } : rest;
}
