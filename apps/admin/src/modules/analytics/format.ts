import { useTranslation } from "react-i18next";

export interface AnalyticsFormat {
  /** "1 min 49 s" / "1 Min. 49 s"; "—" for no value. */
  duration: (seconds: number | null | undefined) => string;
  /** "16.7 %" / "16,7 %"; "—" for no value. */
  percent: (share: number | null | undefined) => string;
  /** A report day ("2026-02-10"): as is in English (as the CSV export writes it), else the language's date ("10.02.2026"). */
  day: (day: string) => string;
}

/**
 * A measured duration to the second (never rounded to the minute: 109 s is not "2 min"): "1 min 49 s", "45 s",
 * "2 h 5 min", "1 h 0 min 3 s". Zero parts are left out except between hours and seconds. The numbers go through
 * Intl.NumberFormat for the language, the units through `analytics.units` (German "1 Std. 0 Min. 3 s").
 */
export function measuredDuration(seconds: number, unit: (name: "hours" | "minutes" | "seconds", value: string) => string, language: string): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h) parts.push(unit("hours", number.format(h)));
  if (m || (h && s)) parts.push(unit("minutes", number.format(m)));
  if (s || total === 0) parts.push(unit("seconds", number.format(s)));
  return parts.join(" ");
}

/** The analytics pages' numbers, durations and days in the console's language. */
export function useAnalyticsFormat(): AnalyticsFormat {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const share = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" });
  return {
    duration: (seconds) => (seconds == null ? "—" : measuredDuration(seconds, (name, value) => t(`analytics.units.${name}`, { value }), language)),
    percent: (value) => (value == null ? "—" : `${share.format(value * 100)} %`),
    day: (day) => (language === "en" || !/^\d{4}-\d{2}-\d{2}$/.test(day) ? day : date.format(new Date(`${day}T00:00:00Z`))),
  };
}
