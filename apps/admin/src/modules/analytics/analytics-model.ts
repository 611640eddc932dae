import type { AnalyticsFieldsFragment } from "../../gql/graphql";

export type Figures = AnalyticsFieldsFragment;
export type RangePreset = "today" | "7d" | "30d" | "custom";

/** The API's longest range (BAD_USER_INPUT beyond it); mirrored so the picker can say so first. */
export const maxRangeDays = 92;
const day = 86_400_000;

const localMidnight = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());
const addDays = (date: Date, days: number) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
const parseDay = (value: string): Date | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
};
export const dayInputValue = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

/** Why a range or target is refused: a key under `analytics.errors` (the page says it in the console's language). */
export type InputError = "missingDates" | "endBeforeStart" | "tooLong" | "target";

export type RangeResult = { from: string; to: string; error?: undefined } | { error: InputError; from?: undefined; to?: undefined };

/**
 * Whole local days: today; the last 7 or 30 days including today; or custom days (both inclusive). `to` is the
 * next midnight, exclusive, as the API expects.
 */
export function rangeFor(preset: RangePreset, custom: { from: string; to: string }, now: Date): RangeResult {
  const tomorrow = addDays(localMidnight(now), 1);
  if (preset === "today") return { from: localMidnight(now).toISOString(), to: tomorrow.toISOString() };
  if (preset === "7d") return { from: addDays(tomorrow, -7).toISOString(), to: tomorrow.toISOString() };
  if (preset === "30d") return { from: addDays(tomorrow, -30).toISOString(), to: tomorrow.toISOString() };
  const from = parseDay(custom.from);
  const last = parseDay(custom.to);
  if (!from || !last) return { error: "missingDates" };
  if (last < from) return { error: "endBeforeStart" };
  const to = addDays(last, 1);
  if (to.getTime() - from.getTime() > maxRangeDays * day) return { error: "tooLong" }; // at most maxRangeDays
  return { from: from.toISOString(), to: to.toISOString() };
}

/** The report's service-level target as typed: whole minutes 1–1440 (the API's bounds). */
export function parseServiceLevel(text: string): { minutes: number; error?: undefined } | { minutes?: undefined; error: InputError } {
  const minutes = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(minutes) || minutes < 1 || minutes > 1440) return { error: "target" };
  return { minutes };
}

/** Spreadsheet-safe CSV cell: quoted when needed, and formulas defused (names are user input). */
export function csvCell(value: string | number | null | undefined): string {
  if (value == null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const hourLabel = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

/** The figures shown, then the hourly series: two blocks separated by a blank line. */
export function analyticsCsv(figures: Figures, scope: string): string {
  const accuracy = figures.estimateAccuracy;
  const rows: [string, string | number | null][] = [
    ["Scope", scope],
    ["From", figures.from],
    ["To (exclusive)", figures.to],
    ["Time zone", figures.timeZone ?? "each line's own"],
    ["Tenants", figures.tenantCount],
    ["Issued", figures.issued],
    ["Served", figures.served],
    ["No-shows", figures.noShows],
    ["Cancelled", figures.cancelled],
    ["Expired", figures.expired],
    ["Still open", figures.open],
    ["Average wait (s)", figures.averageWaitSeconds],
    ["P90 wait (s)", figures.p90WaitSeconds],
    ["No-show rate", figures.noShowRate],
    ["Cancellation rate", figures.cancellationRate],
    ["Estimates measured", accuracy?.samples ?? 0],
    ["Estimate mean absolute error (s)", accuracy?.meanAbsoluteErrorSeconds ?? null],
    ["Share waited past p90", accuracy?.pastP90Share ?? null],
  ];
  const lines = ["metric,value", ...rows.map(([k, v]) => `${csvCell(k)},${csvCell(v)}`), "", "hour,issued,served"];
  for (const h of figures.byHour) lines.push(`${hourLabel(h.hour)},${h.issued},${h.served}`);
  return `${lines.join("\r\n")}\r\n`;
}

/** A client-side download (no server round trip). */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export { hourLabel };
