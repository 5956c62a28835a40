// @ts-nocheck
// 
import { aucOfSorted } from '../metrics/auc.js';
import { sortValues } from '../metrics/sort-order.js';

/** Outcome codes carried through the sort: good, bad, unknown. */
const GOOD = 0;
const BAD = 1;
const UNKNOWN = 2;

/**
 * A numeric column sorted once for its profile: the present (non-NaN) values ascending, each row's
 * outcome carried along, and the outcomes of the rows whose value is missing.
 */
export interface SortedOutcomes {
  readonly values: Float64Array;
  /** Per sorted value: 0 good, 1 bad, 2 unknown outcome. */
  readonly outcomes: Uint8Array;
  readonly missingGoods: number;
  readonly missingBads: number;
}

/** Sorts a column's present values with their outcomes (`labels`: 1 bad, 0 good, NaN unknown) in one radix sort. */
export function sortWithOutcomes(column: Float64Array, labels: Float64Array): SortedOutcomes {
  const values = new Float64Array(column.length);
  const outcomes = new Uint8Array(column.length);
  let n = 0;
  let missingGoods = 0;
  let missingBads = 0;
  for (let i = 0; i < column.length; i++) {
    const x = column[i] as number;
    const y = labels[i] as number;
    if (Number.isNaN(x)) {
      if (y === 1) missingBads++;
      else if (y === 0) missingGoods++;
      continue;
    }
    values[n] = x;
    outcomes[n++] = y === 1 ? BAD : y === 0 ? GOOD : UNKNOWN;
  }
  const sortedValues = values.subarray(0, n);
  const sortedOutcomes = outcomes.subarray(0, n);
  sortValues(sortedValues, sortedOutcomes);
  return { values: sortedValues, outcomes: sortedOutcomes, missingGoods, missingBads };
}

/**
 * Goods and bads per bin of left-closed intervals at `splits` (a value equal to a split goes right,
 * as `assignNumericBins`), the missing bin last: one walk along the sorted values, no search per row.
 * The same counts as `binOutcomeCounts(assignNumericBins(…))` for a spec without specials.
 */
export function binCountsOfSorted(sorted: SortedOutcomes, splits: readonly number[]): { goods: Float64Array; bads: Float64Array } {
  const bins = splits.length + 2;
  const goods = new Float64Array(bins);
  const bads = new Float64Array(bins);
  let bin = 0;
  const { values, outcomes } = sorted;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    while (bin < splits.length && (splits[bin] as number) <= x) bin++;
    const y = outcomes[i] as number;
    if (y === BAD) bads[bin] = (bads[bin] as number) + 1;
    else if (y === GOOD) goods[bin] = (goods[bin] as number) + 1;
  }
  goods[bins - 1] = sorted.missingGoods;
  bads[bins - 1] = sorted.missingBads;
  return { goods, bads };
}

/**
 * AUC of the values as a score for the outcome (rows with a value and a known outcome; `computeAuc`'s
 * Mann–Whitney formula with ties as ½, over the same sort), or NaN when one class is absent.
 */
export function aucOfSortedOutcomes(sorted: SortedOutcomes): number {
  const n = sorted.values.length;
  const label = new Float64Array(n);
  // unknown outcomes weigh 0: they join no pair
  const weight = new Float64Array(n);
  let goods = 0;
  let bads = 0;
  for (let i = 0; i < n; i++) {
    const y = sorted.outcomes[i] as number;
    label[i] = y === BAD ? 1 : 0;
    weight[i] = y === UNKNOWN ? 0 : 1;
    if (y === BAD) bads++;
    else if (y === GOOD) goods++;
  }
  if (goods === 0 || bads === 0) return Number.NaN;
  return aucOfSorted({ score: sorted.values, label, weight });
}
