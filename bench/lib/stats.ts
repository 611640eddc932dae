/** Small statistics helpers: the machines are noisy, so we report medians and min–max over repeats. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
export const median = (values: readonly number[]) => percentile(values, 50);
export const min = (values: readonly number[]) => (values.length ? Math.min(...values) : NaN);
export const max = (values: readonly number[]) => (values.length ? Math.max(...values) : NaN);

export function fmt(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return "–";
  if (Math.abs(n) >= 100) return n.toFixed(0);
  return n.toFixed(digits);
}

/** "median (min–max)" of repeats. */
export const spread = (values: readonly number[], digits = 1) => `${fmt(median(values), digits)} (${fmt(min(values), digits)}–${fmt(max(values), digits)})`;

export const ratio = (ours: number, baseline: number) => (baseline > 0 ? ours / baseline : NaN);
export const pct = (r: number) => (Number.isFinite(r) ? `${(r * 100).toFixed(0)}%` : "–");
