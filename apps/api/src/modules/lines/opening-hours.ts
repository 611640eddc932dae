/** Opening hours and time zones of a line, pure (tested without a database). */
import type { OpeningPeriod } from "@qline/db";
import { badInput, type FieldError } from "../../errors/codes.js";

const hhmm = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const minutesOf = (value: string): number => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

/** Throws BAD_USER_INPUT listing every malformed period (`path` is the GraphQL input path). */
export function checkOpeningHours(periods: readonly OpeningPeriod[], path: string): OpeningPeriod[] {
  const fields: FieldError[] = [];
  periods.forEach((p, i) => {
    if (!Number.isInteger(p.day) || p.day < 1 || p.day > 7) fields.push({ path: `${path}.${i}.day`, message: "must be 1 (Monday) to 7 (Sunday)" });
    if (!hhmm.test(p.opens)) fields.push({ path: `${path}.${i}.opens`, message: "must be HH:MM" });
    if (!hhmm.test(p.closes)) fields.push({ path: `${path}.${i}.closes`, message: "must be HH:MM (24:00 for midnight)" });
    else if (hhmm.test(p.opens) && minutesOf(p.closes) <= minutesOf(p.opens)) fields.push({ path: `${path}.${i}.closes`, message: "must be after opens" });
  });
  if (fields.length) throw badInput("Invalid opening hours", fields);
  return periods.map((p) => ({ day: p.day, opens: p.opens, closes: p.closes }));
}

/** ISO weekday (1 = Monday) and minutes since midnight of `at` in `timeZone`. */
export function localTime(at: Date, timeZone: string): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const day = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday")) + 1;
  return { day, minutes: Number(get("hour")) * 60 + Number(get("minute")) };
}

/** No opening hours means always open. */
export function isOpenAt(periods: readonly OpeningPeriod[] | null | undefined, timeZone: string, at: Date): boolean {
  if (!periods || periods.length === 0) return true;
  const { day, minutes } = localTime(at, timeZone);
  return periods.some((p) => p.day === day && minutes >= minutesOf(p.opens) && minutes < minutesOf(p.closes));
}
