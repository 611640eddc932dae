// The gamma distribution's quantiles (the strong baseline of bench/eta draws its Erlang band with them) and the
// standard normal quantile (SERVICE_RATE's lognormal draws). Dependency-free numerics (Lanczos, series/continued
// fraction, Acklam).

const LANCZOS_COEFFICIENTS = [
  676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905,
  -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
] as const;

/** ln Γ(x) for x > 0 (Lanczos, g = 7; about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let series = 0.9999999999998099;
  for (let index = 0; index < LANCZOS_COEFFICIENTS.length; index++) series += LANCZOS_COEFFICIENTS[index]! / (shifted + index + 1);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(series);
}

const EPSILON = 1e-14;
const TINY = 1e-300;
const MAX_ITERATIONS = 500;

/**
 * ln Q(a, x), the log of the regularized upper incomplete gamma function, stable when Q is tiny.
 * Series for x < a + 1, Lentz's continued fraction otherwise (Numerical Recipes §6.2).
 */
export function logUpperRegularizedGamma(a: number, x: number, logGammaA: number = logGamma(a)): number {
  if (x <= 0) return 0;
  const logPrefactor = -x + a * Math.log(x) - logGammaA;
  if (x < a + 1) return Math.log(Math.max(1 - lowerBySeries(a, x, logPrefactor), TINY));
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let fraction = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return logPrefactor + Math.log(fraction);
}

/** P(a, x) by its series, for x < a + 1 (`logPrefactor` = −x + a·ln x − ln Γ(a)). */
function lowerBySeries(a: number, x: number, logPrefactor: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return Math.exp(logPrefactor) * sum;
}

/** P(a, x) = the gamma(shape a, scale 1) cumulative distribution at x (`logGammaA`: ln Γ(a), when known). */
export function lowerRegularizedGamma(a: number, x: number, logGammaA: number = logGamma(a)): number {
  if (x <= 0) return 0;
  if (x < a + 1) return Math.min(lowerBySeries(a, x, -x + a * Math.log(x) - logGammaA), 1);
  return 1 - Math.exp(logUpperRegularizedGamma(a, x, logGammaA));
}

/** Inverse of the standard normal cumulative distribution (Acklam's rational approximation, ~1e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const polynomial = (coefficients: number[], x: number): number => coefficients.reduce((acc, k) => acc * x + k, 0);
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return polynomial(c, q) / (polynomial(d, q) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -polynomial(c, q) / (polynomial(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (polynomial(a, r) * q) / (polynomial(b, r) * r + 1);
}

/**
 * The p-quantile of a gamma distribution with the given shape and scale: Wilson–Hilferty (or the small-shape
 * power law) as the first guess, then safeguarded Halley steps on the cumulative distribution. Halley
 * converges cubically, so from Wilson–Hilferty's guess (about 1e-3 off) two evaluations of the distribution
 * reach full precision: a step below 1e-7 of x leaves an error near (1e-7)³ once taken.
 */
export function gammaQuantile(p: number, shape: number, scale: number): number {
  if (!(p > 0) || !(shape > 0) || !(scale > 0)) return 0;
  if (p >= 1) return Infinity;
  const logGammaShape = logGamma(shape);
  const z = normalQuantile(p);
  const wilsonHilferty = shape * (1 - 1 / (9 * shape) + z * Math.sqrt(1 / (9 * shape))) ** 3;
  let x =
    shape >= 1 && wilsonHilferty > 0 ? wilsonHilferty : Math.exp((Math.log(p) + logGamma(shape + 1)) / shape);
  let low = 0;
  let high = Infinity;
  for (let iteration = 0; iteration < 100; iteration++) {
    const error = lowerRegularizedGamma(shape, x, logGammaShape) - p;
    if (Math.abs(error) < 1e-12) break;
    if (error > 0) high = x;
    else low = x;
    const density = Math.exp((shape - 1) * Math.log(x) - x - logGammaShape);
    const newton = error / density;
    // Halley: the density's slope over the density is (shape − 1)/x − 1.
    const halley = newton / (1 - (newton * ((shape - 1) / x - 1)) / 2);
    let next = x - (Number.isFinite(halley) ? halley : newton);
    if (!Number.isFinite(next) || next <= low || next >= high) {
      next = Number.isFinite(high) ? (low + high) / 2 : x * 2;
    }
    const converged = Math.abs(next - x) <= 1e-7 * x;
    x = next;
    if (converged) break;
  }
  return x * scale;
}
