// @ts-nocheck
// 
import type { Rng } from '../random/index.js';

/**
 * Small sampling kernels over the shared `Rng` (no second generator): categorical draws from
 * cumulative weights, Poisson counts, clamping and rounding helpers used by the synthetic world.
 */

/** Cumulative, normalised weights for `pickCategory` (the last entry is exactly 1). */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  for (const w of weights) total += w;
  let running = 0;
  for (let k = 0; k < weights.length; k++) {
    running += (weights[k] as number) / total;
    out[k] = running;
  }
  out[weights.length - 1] = 1;
  return out;
}

/** Index of the category a uniform `u` in [0, 1) falls into under cumulative weights `cumulative`. */
export function pickCategory(cumulative: Float64Array, u: number): number {
  let k = 0;
  const last = cumulative.length - 1;
  while (k < last && u >= (cumulative[k] as number)) k++;
  return k;
}

/** A Poisson(λ) count by Knuth's multiplication method (fine for the small λ used here, < 10). */
export function samplePoisson(rng: Rng, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.nextDouble();
  while (p > limit) {
    k++;
    p *= rng.nextDouble();
  }
  return k;
}

/** `x` limited to [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** `x` rounded to `decimals` places (half away from zero), for tidy published values. */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
}

/** Logistic function 1 / (1 + e^−z). */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
