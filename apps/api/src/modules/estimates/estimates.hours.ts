/**
 * The line's opening hours as the estimator sees them: the closed periods of the next 24 hours (gaps between
 * opening periods, and closing time). Pure; one time-zone lookup per estimate, the rest is arithmetic in the
 * line's local minutes (a daylight-saving change inside the horizon shifts the answer by its hour; rare and
 * harmless for an estimate).
 */
import type { OpeningPeriod } from "@qline/db";
import type { PlannedClosure } from "@qline/estimates";
import { localTime } from "../lines/opening-hours.js";

const HORIZON_MINUTES = 24 * 60;
const WEEK_MINUTES = 7 * 24 * 60;
const minutesOf = (value: string): number => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

/** Closed periods from `now` on (ms epoch), soonest first; none when the line has no opening hours (always open). */
export function plannedClosuresOf(periods: readonly OpeningPeriod[] | null | undefined, timeZone: string, now: number): PlannedClosure[] {
  if (!periods || periods.length === 0) return [];
  const local = localTime(new Date(now), timeZone);
  const nowInWeek = (local.day - 1) * 24 * 60 + local.minutes;
  // Open intervals relative to now (minutes), over this week and the next, merged.
  const open: [number, number][] = [];
  for (const shift of [-WEEK_MINUTES, 0, WEEK_MINUTES]) {
    for (const period of periods) {
      const start = (period.day - 1) * 24 * 60 + minutesOf(period.opens) + shift - nowInWeek;
      const end = (period.day - 1) * 24 * 60 + minutesOf(period.closes) + shift - nowInWeek;
      if (end > 0 && start < HORIZON_MINUTES) open.push([start, end]);
    }
  }
  open.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const interval of open) {
    const last = merged[merged.length - 1];
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else merged.push([interval[0], interval[1]]);
  }
  const at = (minutes: number): number => now + Math.max(0, minutes) * 60_000;
  const closures: PlannedClosure[] = [];
  let closedFrom = 0; // closed from now until the first opening, if that is later
  for (const [start, end] of merged) {
    if (start > closedFrom) closures.push({ from: at(closedFrom), until: at(start) });
    closedFrom = end;
  }
  if (closedFrom < HORIZON_MINUTES) closures.push({ from: at(closedFrom), until: null });
  return closures;
}
