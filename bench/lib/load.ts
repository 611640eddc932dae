/** Closed-loop load: `concurrency` workers each run `op` back to back, bounded in time and in count. */
import { performance } from "node:perf_hooks";

export interface LoadResult {
  ops: number;
  errors: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[];
  firstError?: string;
}

export async function closedLoop(options: { concurrency: number; durationMs: number; maxOps: number; op: (worker: number, i: number) => Promise<unknown> }): Promise<LoadResult> {
  const { concurrency, durationMs, maxOps, op } = options;
  const latenciesMs: number[] = [];
  let started = 0;
  let errors = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  const deadline = t0 + durationMs;
  const worker = async (w: number) => {
    while (performance.now() < deadline && started < maxOps) {
      const i = started++;
      const s = performance.now();
      try {
        await op(w, i);
        latenciesMs.push(performance.now() - s);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const seconds = (performance.now() - t0) / 1000;
  return { ops: latenciesMs.length, errors, seconds, perSecond: latenciesMs.length / seconds, latenciesMs, ...(firstError ? { firstError } : {}) };
}
