/**
 * The room display's geometry, in shares of the screen height (vh) so it scales with the TV, not with pixels.
 * Rule of thumb for signage: a character stays legible at ~250× its height, so 10 m wants ~4 cm digits — on a
 * 55" TV (68 cm tall) that is 6%; the now-serving numbers never go below twice that.
 */
export const MIN_NUMBER_VH = 12;
const MAX_NUMBER_VH = 24;
/** A now-serving row's height per unit of its number's font size. */
const ROW_HEIGHT = 1.15;
/** Header (logo, name, sound), the last-calls strip, the message strip. */
export const HEADER_VH = 8;
export const CALLS_VH = 14;
export const MESSAGE_VH = 6;
/** Per line panel: its name, the "next" strip and padding. */
export const PANEL_CHROME_VH = 14;
/** More lines than this share the screen at the minimum size and the rest is cut off (pair another display). */
export const MAX_COLUMNS = 3;

export interface DisplayLayout {
  /** Line panels side by side. */
  columns: number;
  /** Font size of the now-serving numbers, in vh (≥ MIN_NUMBER_VH). */
  numberVh: number;
  /** Now-serving rows that fit in one panel at that size (the most recent calls first). */
  rowsPerPanel: number;
}

/**
 * `lineCount` panels, the busiest needing `rowsNeeded` now-serving rows: as large as fits, never below the minimum.
 * One to three lines sit side by side; four as 2×2; five and six as 3×2.
 */
export function displayLayout(lineCount: number, rowsNeeded: number, hasMessage: boolean): DisplayLayout {
  const lines = Math.max(1, lineCount);
  const columns = lines <= MAX_COLUMNS ? lines : lines === 4 ? 2 : MAX_COLUMNS;
  const panelRows = Math.ceil(lines / columns);
  const available = 100 - HEADER_VH - CALLS_VH - (hasMessage ? MESSAGE_VH : 0);
  const perPanel = available / panelRows - PANEL_CHROME_VH;
  const fitted = perPanel / (Math.max(1, rowsNeeded) * ROW_HEIGHT);
  const numberVh = Math.round(Math.min(MAX_NUMBER_VH, Math.max(MIN_NUMBER_VH, fitted)) * 10) / 10;
  const rowsPerPanel = Math.max(1, Math.floor(perPanel / (numberVh * ROW_HEIGHT)));
  return { columns, numberVh, rowsPerPanel };
}

/** A call shown in the last-calls strip. */
export interface RecentCall {
  ticketId: string;
  number: string;
  counterName: string | null;
  lineName: string;
  calledAt: string;
}

/** The latest `limit` calls, newest first, one per ticket (a recall moves it to the front). */
export function latestCalls(calls: Iterable<RecentCall>, limit: number): RecentCall[] {
  const byTicket = new Map<string, RecentCall>();
  for (const call of calls) {
    const seen = byTicket.get(call.ticketId);
    if (!seen || Date.parse(call.calledAt) > Date.parse(seen.calledAt)) byTicket.set(call.ticketId, call);
  }
  return [...byTicket.values()].sort((a, b) => Date.parse(b.calledAt) - Date.parse(a.calledAt)).slice(0, limit);
}
