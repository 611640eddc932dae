/**
 * How long a tenant keeps its customers' contact data after their tickets end: `settings.retentionDays`
 * (inherited like every setting: a chain sets it once at its root). Checked strictly when saved
 * (`checkRetentionSettings`, like remoteJoin's settings), read tolerantly (`retentionDaysOf`, and `retentionDaysSql`
 * for the job's claim): a value out of range falls back to the default.
 */
import type { JsonObject, JsonValue } from "@qline/db";
import { badInput } from "../../errors/codes.js";

export const retentionDefaults = { days: 30, min: 1, max: 3650 } as const;

const isDays = (v: JsonValue | undefined): v is number => typeof v === "number" && Number.isInteger(v) && v >= retentionDefaults.min && v <= retentionDefaults.max;

/** The effective retention from effective (merged) settings. */
export function retentionDaysOf(effective: JsonObject): number {
  return isDays(effective.retentionDays) ? effective.retentionDays : retentionDefaults.days;
}

/** On save: `settings.retentionDays`, when present, is a whole number of days from 1 to 3650 (BAD_USER_INPUT at the key). */
export function checkRetentionSettings(settings: JsonObject, field = "input.settings"): void {
  const value = settings.retentionDays;
  if (value === undefined || isDays(value)) return;
  const { min, max } = retentionDefaults;
  throw badInput(`retentionDays must be a whole number of days from ${min} to ${max}`, [{ path: `${field}.retentionDays`, message: `${min} to ${max}` }]);
}
