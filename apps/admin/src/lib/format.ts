const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** "3 min", "1 h 05 min" — for waiting times. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

const time = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });

/** "14:05" (the viewer's locale) — for times within today's queue. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : time.format(date);
}

const wholeNumber = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/**
 * "1 min 49 s", "45 s", "2 h 5 min", "1 h 0 min 3 s" — a measured duration to the second, for analytics (never
 * rounded to the minute: 109 s is not "2 min"). The numbers go through Intl.NumberFormat; the unit abbreviations
 * are fixed because Intl.DurationFormat is not in every browser we support (nor in Node 20) and its short style
 * reads "1 min, 49 sec". Zero parts are left out except between hours and seconds.
 */
export function formatMeasuredDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h) parts.push(`${wholeNumber.format(h)} h`);
  if (m || (h && s)) parts.push(`${wholeNumber.format(m)} min`);
  if (s || total === 0) parts.push(`${wholeNumber.format(s)} s`);
  return parts.join(" ");
}
