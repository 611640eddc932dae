// Random draws for SERVICE_RATE's simulation of the near calls: a seeded generator (so the estimator stays a pure
// function of its snapshot), standard normals, and lognormal durations — unconditional, or given that they have
// already lasted a while (the ticket at a counter). Dependency-free.

import { normalQuantile } from "./gamma.js";

export type Random = () => number;

/** mulberry32: a small, fast 32-bit generator; the same seed gives the same sequence. */
export function seededRandom(seed: number): Random {
  // The state stays a signed 32-bit integer (| 0), which V8 keeps unboxed: drawing allocates nothing.
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of a string (FNV-1a over its UTF-16 code units). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return hash;
}

/** A 32-bit seed from numbers (FNV-1a over their 32-bit halves). */
export function seedFrom(...values: readonly number[]): number {
  let hash = 0x811c9dc5;
  for (const value of values) {
    const finite = Number.isFinite(value) ? value : 0;
    for (const part of [finite % 4294967296, Math.floor(finite / 4294967296)]) {
      hash = Math.imul(hash ^ (part >>> 0), 0x01000193) >>> 0;
    }
  }
  return hash;
}

/** A standard normal draw (Box–Muller; the second value of each pair is kept for the next call). */
export function normalSampler(random: Random): () => number {
  // Numbers only (no null) in the closure: V8 keeps them unboxed, so drawing allocates nothing.
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    hasSpare = true;
    return radius * Math.cos(angle);
  };
}

/** A lognormal duration by the mean and sd of its logarithm. */
export interface LogNormal {
  mu: number;
  sigma: number;
}

/** The lognormal with the given mean and coefficient of variation (mean ≤ 0: always 0). */
export function logNormalOf(mean: number, cv: number): LogNormal {
  if (!(mean > 0)) return { mu: -Infinity, sigma: 0 };
  const sigma2 = Math.log(1 + Math.max(0, cv) ** 2);
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/** Standard normal cumulative distribution (erfc by Numerical Recipes' Chebyshev fit, ~1.2e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * What is left of a lognormal duration that has already lasted `elapsed`: X − elapsed with X drawn from the
 * distribution given X > elapsed (inverse transform from the conditional quantile range).
 */
export function remainingLogNormal(random: Random, distribution: LogNormal, elapsed: number): number {
  if (distribution.mu === -Infinity) return 0;
  if (!(distribution.sigma > 0)) return Math.max(0, Math.exp(distribution.mu) - elapsed);
  const lower = elapsed > 0 ? normalCdf((Math.log(elapsed) - distribution.mu) / distribution.sigma) : 0;
  const u = Math.min(lower + (1 - lower) * random(), 1 - 1e-12);
  const total = Math.exp(distribution.mu + distribution.sigma * normalQuantile(Math.max(u, 1e-12)));
  return Math.max(0, total - Math.max(0, elapsed));
}
