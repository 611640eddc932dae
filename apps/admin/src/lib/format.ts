import { i18n } from "../i18n/i18n";

/** One formatter per (console language, style): Intl formatters are costly to make and these run per table row. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(style: "dateTime" | "time"): Intl.DateTimeFormat {
  const language = i18n.language || "en";
  const key = `${language}:${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, style === "dateTime" ? { dateStyle: "medium", timeStyle: "short" } : { timeStyle: "short" });
    formatters.set(key, format);
  }
  return format;
}

/** "Dec 11, 2026, 10:00 AM" / "11.12.2026, 10:00": a moment in the console's language (the viewer's time zone). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatterFor("dateTime").format(date);
}

/** "3 min", "1 h 05 min" — for waiting times. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/** "2:05 PM" / "14:05" (the console's language) — for times within today's queue. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatterFor("time").format(date);
}
