/**
 * Unsupervised split points. Both ignore NaN and the given special values and return strictly
 * ascending splits for left-closed intervals (see `spec.ts`); a constant column gets no split.
 */
// @ts-nocheck

import { sortValues } from '../metrics/sort-order.js';

/** Sorted finite values of `values` that are not special (a fresh array). */
export function sortedRegularValues(values: Float64Array, specials: readonly number[] = []): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (Number.isNaN(x) || (specials.length > 0 && specials.includes(x))) continue;
    out[n++] = x;
  }
  // radix sort of the float bits: the order of Float64Array#sort, several times faster on long columns
  return sortValues(out.subarray(0, n));
}

/** `bins` intervals of equal width between the minimum and maximum. */
export function equalWidthSplits(values: Float64Array, bins: number, specials: readonly number[] = []): number[] {
  const sorted = sortedRegularValues(values, specials);
  if (sorted.length === 0) return [];
  const lo = sorted[0] as number;
  const hi = sorted[sorted.length - 1] as number;
  const splits: number[] = [];
  if (!(hi > lo)) return splits;
  for (let j = 1; j < bins; j++) splits.push(lo + ((hi - lo) * j) / bins);
  return splits;
}

/**
 * About `bins` intervals of equal row count: the split before bin q is the value at sorted
 * position ⌊q·n/bins⌋. Tied values never straddle a split, so heavy ties give fewer bins.
 */
export function equalFrequencySplits(values: Float64Array, bins: number, specials: readonly number[] = []): number[] {
  return quantileSplitsOfSorted(sortedRegularValues(values, specials), bins);
}

/** Equal-frequency splits from already sorted values. */
export function quantileSplitsOfSorted(sorted: Float64Array, bins: number): number[] {
  const n = sorted.length;
  const splits: number[] = [];
  if (n === 0) return splits;
  const min = sorted[0] as number;
  for (let q = 1; q < bins; q++) {
    const v = sorted[Math.floor((q * n) / bins)] as number;
    if (v > min && (splits.length === 0 || v > (splits[splits.length - 1] as number))) splits.push(v);
  }
  return splits;
}

/**
 * Split points (from sorted regular values) that put each distinct value in its own bin (a split before every value
 * but the smallest), when there are at most `maxDistinct` of them; otherwise null. Binary flags
 * and small counts (0–9 delinquencies) are binned by value this way: equal-frequency pre-bins
 * would fold a value rarer than one pre-bin into its neighbour and leave a flag a single bin.
 */
export function valueSplitsOfSorted(sorted: Float64Array, maxDistinct: number): number[] | null {
  const splits: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i] as number) === (sorted[i - 1] as number)) continue;
    splits.push(sorted[i] as number);
    if (splits.length + 1 > maxDistinct) return null;
  }
  return splits;
}
