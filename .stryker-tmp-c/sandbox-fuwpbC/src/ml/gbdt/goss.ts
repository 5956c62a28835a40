// @ts-nocheck
import type { Rng } from '../../random/index.js';

/**
 * Gradient-based one-side sampling (GOSS): keeps every row whose |g·h| is among the top
 * `topRate` share, samples `otherRate` of all rows from the rest, and multiplies the sampled
 * rest's gradients and hessians by (1 − topRate) / otherRate so the histograms stay unbiased.
 * Writes the kept rows ascending into `indices` and returns how many. Deterministic for a seeded
 * `rng`. Source: Ke et al., "LightGBM" (NIPS 2017) Alg. 2; LightGBM goss.hpp (|g·h| as the score).
 */
export function gossSample(
  g: Float64Array,
  h: Float64Array,
  n: number,
  topRate: number,
  otherRate: number,
  rng: Rng,
  indices: Int32Array,
  scratch: Float64Array,
): number {
  const topCount = Math.max(1, Math.floor(n * topRate));
  for (let i = 0; i < n; i++) scratch[i] = Math.abs(g[i]! * h[i]!);
  const threshold = kthLargest(scratch, n, topCount);
  const keepRest = otherRate / (1 - topRate);
  const amplify = (1 - topRate) / otherRate;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (Math.abs(g[i]! * h[i]!) >= threshold) indices[m++] = i;
    else if (rng.nextDouble() < keepRest) {
      g[i]! *= amplify;
      h[i]! *= amplify;
      indices[m++] = i;
    }
  }
  return m;
}

/** The k-th largest of `values[0..n)` (1-based k), by in-place quickselect (Hoare, middle pivot). */
export function kthLargest(values: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target]!;
  }
  return values[target]!;
}
