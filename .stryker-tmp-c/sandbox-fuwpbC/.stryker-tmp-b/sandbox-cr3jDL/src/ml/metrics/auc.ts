// @ts-nocheck
// 
import { ascendingOrder } from './sort-order.js';
import { gatherSorted, type SortedScores } from './sorted-scores.js';

/**
 * Area under the ROC curve: the probability that a random bad (label 1) has a higher `score`
 * (riskier) than a random good, tied scores counted ½ — the Mann–Whitney rank formula over
 * groups of tied scores, O(n log n). With `weights`, each pair counts w_bad·w_good.
 * Both classes must have positive weight (evaluateBinary validates; otherwise the result is NaN).
 * Source: Hanley & McNeil (1982); ties as in sklearn `roc_auc_score`.
 */
export function computeAuc(score: Float64Array, labels: Float64Array, weights?: Float64Array, order: Int32Array = ascendingOrder(score)): number {
  return aucOfSorted(gatherSorted(score, labels, weights, order));
}

/** AUC from rows already in ascending score order (see `computeAuc`). */
export function aucOfSorted(sorted: SortedScores): number {
  const { score, label, weight } = sorted;
  const n = score.length;
  let goodsBelow = 0;
  let sum = 0;
  let totalBad = 0;
  let i = 0;
  while (i < n) {
    const s = score[i] as number;
    let groupBad = 0;
    let groupGood = 0;
    while (i < n && score[i] === s) {
      const w = weight === undefined ? 1 : (weight[i] as number);
      if (label[i] === 1) groupBad += w;
      else groupGood += w;
      i++;
    }
    // Every bad in the group beats every good below it and ties (½) with goods in the group.
    sum += groupBad * (goodsBelow + 0.5 * groupGood);
    goodsBelow += groupGood;
    totalBad += groupBad;
  }
  return sum / (totalBad * goodsBelow);
}
