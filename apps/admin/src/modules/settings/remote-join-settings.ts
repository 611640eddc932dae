/**
 * The remote-join settings under `settings.remoteJoin` (mirrors apps/api/src/modules/tenants/remote-join-settings.ts):
 * the form edits them in the tenant's own settings object and leaves every other key as it is.
 */
import type { TFunction } from "i18next";
import { isPlainObject, type JsonObject } from "./settings-merge";

export const remoteJoinKeys = ["maxActivePerContact", "runningLatePlaces", "defaultCountry"] as const;
export type RemoteJoinKey = (typeof remoteJoinKeys)[number];
export type RemoteJoinValues = Record<RemoteJoinKey, string>;

export const remoteJoinDefaults: Record<RemoteJoinKey, number | string | null> = { maxActivePerContact: 1, runningLatePlaces: 3, defaultCountry: null };
const ranges = { maxActivePerContact: [1, 20], runningLatePlaces: [1, 50] } as const;

const remoteJoinOf = (settings: JsonObject): JsonObject => (isPlainObject(settings.remoteJoin) ? settings.remoteJoin : {});

/** The form's values from the tenant's own settings: empty where the tenant sets nothing (it inherits). */
export function remoteJoinValuesFrom(own: JsonObject): RemoteJoinValues {
  const mine = remoteJoinOf(own);
  const text = (v: unknown) => (typeof v === "number" || typeof v === "string" ? String(v) : "");
  return { maxActivePerContact: text(mine.maxActivePerContact), runningLatePlaces: text(mine.runningLatePlaces), defaultCountry: text(mine.defaultCountry) };
}

/** What the tenant gets when it sets nothing itself: the nearest ancestor's value, else qline's default. */
export function inheritedRemoteJoin(ancestors: readonly { name: string; settings: JsonObject }[], key: RemoteJoinKey): { value: unknown; from: string | null } {
  for (const ancestor of [...ancestors].reverse()) {
    const value = remoteJoinOf(ancestor.settings)[key];
    if (value !== undefined) return { value, from: ancestor.name };
  }
  return { value: remoteJoinDefaults[key], from: null };
}

/** Errors keyed like the API's paths (settings.remoteJoin.<key>) so client and server errors land in one place. */
export function validateRemoteJoin(v: RemoteJoinValues, t: TFunction): Record<string, string> {
  const e: Record<string, string> = {};
  for (const key of ["maxActivePerContact", "runningLatePlaces"] as const) {
    const raw = v[key].trim();
    const [min, max] = ranges[key];
    if (raw && !(/^\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max)) e[`settings.remoteJoin.${key}`] = t("settings.remoteJoin.wholeNumber", { min, max });
  }
  if (v.defaultCountry.trim() && !/^[A-Za-z]{2}$/.test(v.defaultCountry.trim())) e["settings.remoteJoin.defaultCountry"] = t("settings.remoteJoin.countryInvalid");
  return e;
}

/**
 * The tenant's own settings with `remoteJoin` updated from the form: every other key (top-level and inside
 * remoteJoin) kept; an empty field removes its key (the tenant inherits again); an empty remoteJoin is removed.
 */
export function withRemoteJoin(own: JsonObject, v: RemoteJoinValues): JsonObject {
  const next: JsonObject = { ...remoteJoinOf(own) };
  const put = (key: RemoteJoinKey, value: string | number | null) => {
    if (value === null) delete next[key];
    else next[key] = value;
  };
  for (const key of ["maxActivePerContact", "runningLatePlaces"] as const) put(key, v[key].trim() ? Number(v[key].trim()) : null);
  put("defaultCountry", v.defaultCountry.trim() ? v.defaultCountry.trim().toUpperCase() : null);
  const rest = { ...own };
  delete rest.remoteJoin;
  return Object.keys(next).length ? { ...rest, remoteJoin: next } : rest;
}
