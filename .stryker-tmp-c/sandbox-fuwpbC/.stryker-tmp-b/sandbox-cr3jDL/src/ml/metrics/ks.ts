// @ts-nocheck
// 
import { ascendingOrder } from './sort-order.js';
import { gatherSorted, type SortedScores } from './sorted-scores.js';

/** The Kolmogorov–Smirnov separation of bads and goods and the score where it is reached. */
export interface KsResult {
  /** max over thresholds s of |F_bad(s) − F_good(s)|, in [0, 1]. */
  readonly ks: number;
  /** The score s (a value of the score column) where the maximum is first reached: rows with score ≤ s vs > s. */
  readonly threshold: number;
}

/**
 * Two-sample KS statistic between the score distributions of bads (label 1) and goods. Tied
 * scores form one group (the cumulative shares are compared only after a whole group), so no
 * random tie-splitting; equals scipy `ks_2samp(...).statistic`. Weighted when `weights` given.
 * Source: REFERENCE §1; Siddiqi (2006) ch. 6.
 */
export function computeKs(score: Float64Array, labels: Float64Array, weights?: Float64Array, order: Int32Array = ascendingOrder(score)): KsResult {
  return ksOfSorted(gatherSorted(score, labels, weights, order));
}

/** KS from rows already in ascending score order (see `computeKs`). */
export function ksOfSorted(sorted: SortedScores): KsResult {
  const { score, label, weight } = sorted;
  const n = score.length;
  let totalBad = 0;
  let totalGood = 0;
  for (let i = 0; i < n; i++) {
    const w = weight === undefined ? 1 : (weight[i] as number);
    if (label[i] === 1) totalBad += w;
    else totalGood += w;
  }
  let cumBad = 0;
  let cumGood = 0;
  let best = 0;
  let threshold = n > 0 ? (score[0] as number) : 0;
  let i = 0;
  while (i < n) {
    const s = score[i] as number;
    while (i < n && score[i] === s) {
      const w = weight === undefined ? 1 : (weight[i] as number);
      if (label[i] === 1) cumBad += w;
      else cumGood += w;
      i++;
    }
    const gap = Math.abs(cumBad / totalBad - cumGood / totalGood);
    if (gap > best + 1e-15) {
      best = gap;
      threshold = s;
    }
  }
  return { ks: best, threshold };
}
