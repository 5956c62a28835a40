// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import { Rng } from '../../random/index.js';

/**
 * Fold id (0..k−1) of every row for stratified k-fold cross-validation: within each class
 * (label 1 and everything else) rows are shuffled (Fisher–Yates with `Rng(seed)`) and dealt
 * round-robin, the deal continuing across classes so fold sizes differ by at most one and each
 * fold's bad count differs by at most one. Same seed → same folds.
 */
export function stratifiedKFold(labels: Float64Array, k: number, seed: number): Int32Array {
  const n = labels.length;
  if (!Number.isInteger(k) || k < 2 || k > n)
    throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'folds', problem: `must be a whole number in 2..${n}`, value: k });
  const rng = new Rng(seed);
  const folds = new Int32Array(n);
  const bads: number[] = [];
  const goods: number[] = [];
  for (let i = 0; i < n; i++) (labels[i] === 1 ? bads : goods).push(i);
  let next = 0;
  for (const group of [Int32Array.from(bads), Int32Array.from(goods)]) {
    for (let i = group.length - 1; i > 0; i--) {
      const j = rng.nextInt(i + 1);
      const tmp = group[i] as number;
      group[i] = group[j] as number;
      group[j] = tmp;
    }
    for (let i = 0; i < group.length; i++) {
      folds[group[i] as number] = next;
      next = next + 1 === k ? 0 : next + 1;
    }
  }
  return folds;
}
