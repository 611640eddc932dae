import { messages, type Language } from "../i18n/messages";

/**
 * The honest wait band from the server's p50 / p90, in whole minutes: "about 6–9 min", "about 6 min" when both
 * round to the same minute, "up to 3 min" when the shorter end rounds to nothing, "under a minute" when both do.
 * Kiosk ticket, join list and customer page all use this one function, so they never disagree.
 */
export function waitBand(p50Seconds: number, p90Seconds: number, language: Language): string {
  const t = messages[language].wait;
  const low = Math.max(0, Math.round(p50Seconds / 60));
  const high = Math.max(low, Math.round(p90Seconds / 60));
  if (high < 1) return t.underAMinute;
  if (low < 1) return t.upTo(high);
  if (low === high) return t.about(low);
  return t.between(low, high);
}

/** "just now", "3 min ago", then the clock time: how old the data on screen is, in the page's language. */
export function updatedAgo(receivedAt: number, now: number, language: Language): string {
  const t = messages[language].wait;
  const seconds = Math.max(0, Math.round((now - receivedAt) / 1000));
  if (seconds < 60) return t.justNow;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t.minutesAgo(minutes);
  return t.at(clockTime(receivedAt, language));
}

/** 14:05 / 2:05 PM, in the page's language. */
export function clockTime(at: number | string, language: Language): string {
  return new Intl.DateTimeFormat(language, { hour: "numeric", minute: "2-digit" }).format(new Date(at));
}
