// @ts-nocheck
// 
import { goesLeft, type Tree, type TreeEnsemble } from '../ml/tree/index.js';

/**
 * Reference Shapley values by enumerating every feature subset: v(S) = E[f(x) | x_S] with the
 * path-dependent expectation (known features route by the node's rule including missing routing;
 * unknown features take the cover-weighted average of both children), then
 * φ_j = Σ_{S ∌ j} |S|!(M−|S|−1)!/M!·(v(S ∪ j) − v(S)). Exponential in the feature count M: for
 * tests of the fast kernel only (M ≤ ~12). `row[j]` is feature j's value (category code, NaN/−1 missing).
 */
export function bruteForceShap(ensemble: TreeEnsemble, row: ArrayLike<number>): { values: Float64Array; expectedValue: number } {
  const m = ensemble.features.length;
  const subsets = 2 ** m;
  const v = new Float64Array(subsets);
  for (let s = 0; s < subsets; s++) v[s] = conditionalMargin(ensemble, row, s);
  const weight = new Float64Array(m);
  for (let size = 0; size < m; size++) weight[size] = (factorial(size) * factorial(m - size - 1)) / factorial(m);
  const values = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const bit = 2 ** j;
    let sum = 0;
    for (let s = 0; s < subsets; s++) {
      if ((s & bit) !== 0) continue;
      sum += (weight[popCount(s)] as number) * ((v[s | bit] as number) - (v[s] as number));
    }
    values[j] = sum;
  }
  return { values, expectedValue: v[0] as number };
}

/** E[f(x) | x_S] on the margin scale, S given as a bit mask over features. */
export function conditionalMargin(ensemble: TreeEnsemble, row: ArrayLike<number>, known: number): number {
  let total = 0;
  for (const tree of ensemble.trees) total += conditionalTree(tree, row, known, 0);
  if (ensemble.averaging && ensemble.trees.length > 0) total /= ensemble.trees.length;
  return ensemble.baseScore + total;
}

function conditionalTree(tree: Tree, row: ArrayLike<number>, known: number, n: number): number {
  const f = tree.feature[n] as number;
  if (f < 0) return tree.value[n] as number;
  const left = tree.left[n] as number;
  const right = tree.right[n] as number;
  if ((known & (2 ** f)) !== 0) return conditionalTree(tree, row, known, goesLeft(tree, n, row[f] as number) ? left : right);
  const cover = tree.cover[n] as number;
  const wl = cover > 0 ? (tree.cover[left] as number) / cover : 0.5;
  const wr = cover > 0 ? (tree.cover[right] as number) / cover : 0.5;
  return wl * conditionalTree(tree, row, known, left) + wr * conditionalTree(tree, row, known, right);
}

function factorial(n: number): number {
  let r = 1;
  for (let k = 2; k <= n; k++) r *= k;
  return r;
}

function popCount(s: number): number {
  let c = 0;
  for (let x = s; x > 0; x >>>= 1) c += x & 1;
  return c;
}
