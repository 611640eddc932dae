// Seeded randomness for the simulator: the same seed replays the same day, on every machine.

export type Random = () => number;

/** mulberry32: a small, fast 32-bit PRNG with a full period; returns floats in [0, 1). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed derived from a base seed and a label (FNV-1a), so each line of a scenario has its own stream. */
export function deriveSeed(seed: number, label: string): number {
  let hash = (2166136261 ^ seed) >>> 0;
  for (const character of label) {
    hash ^= character.charCodeAt(0);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash;
}

/** (0, 1]: never 0, so logarithms stay finite. */
function openUnit(random: Random): number {
  return 1 - random();
}

export function exponential(random: Random, mean: number): number {
  return -Math.log(openUnit(random)) * mean;
}

export function standardNormal(random: Random): number {
  return Math.sqrt(-2 * Math.log(openUnit(random))) * Math.cos(2 * Math.PI * random());
}

/** Lognormal with the given mean and coefficient of variation. */
export function lognormal(random: Random, mean: number, cv: number): number {
  const sigmaSquared = Math.log(1 + cv * cv);
  const mu = Math.log(mean) - sigmaSquared / 2;
  return Math.exp(mu + Math.sqrt(sigmaSquared) * standardNormal(random));
}

/** Gamma with the given mean and coefficient of variation (Marsaglia–Tsang; boosted for shape < 1). */
export function gamma(random: Random, mean: number, cv: number): number {
  const shape = 1 / (cv * cv);
  const scale = mean / shape;
  return standardGamma(random, shape) * scale;
}

function standardGamma(random: Random, shape: number): number {
  if (shape < 1) return standardGamma(random, shape + 1) * openUnit(random) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = standardNormal(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = openUnit(random);
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Picks an index with probability proportional to its weight. */
export function pickWeighted(random: Random, weights: readonly number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let threshold = random() * total;
  for (let index = 0; index < weights.length; index++) {
    threshold -= weights[index] ?? 0;
    if (threshold < 0) return index;
  }
  return weights.length - 1;
}
