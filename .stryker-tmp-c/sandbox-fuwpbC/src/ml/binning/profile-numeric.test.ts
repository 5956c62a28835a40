// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import { computeAuc } from '../metrics/auc.js';
import { RADIX_MIN_LENGTH } from '../metrics/sort-order.js';
import { assignNumericBins } from './assign-bins.js';
import { quantileSplitsOfSorted, sortedRegularValues } from './equal-bins.js';
import { aucOfSortedOutcomes, binCountsOfSorted, sortWithOutcomes } from './profile-numeric.js';
import { binOutcomeCounts } from './woe.js';

/** A column with ties, missing values and unknown outcomes, and its labels. */
function data(n: number, seed: number): { x: Float64Array; y: Float64Array } {
  const rng = new Rng(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = rng.nextDouble() < 0.05 ? Number.NaN : Math.round(rng.nextNormal() * 40) / 8;
    y[i] = rng.nextDouble() < 0.03 ? Number.NaN : rng.nextDouble() < 1 / (1 + Math.exp(-(Number.isNaN(x[i] as number) ? 0 : (x[i] as number)))) ? 1 : 0;
  }
  return { x, y };
}

for (const n of [50, RADIX_MIN_LENGTH * 3]) {
  test(`one sort with outcomes gives the sorted values, the bin counts and the AUC of the slow paths (${n} rows)`, () => {
    const { x, y } = data(n, n);
    const sorted = sortWithOutcomes(x, y);
    assert.deepEqual(sorted.values, sortedRegularValues(x));
    const splits = quantileSplitsOfSorted(sorted.values, 10);
    assert.ok(splits.length >= 5);
    const fast = binCountsOfSorted(sorted, splits);
    const slow = binOutcomeCounts(assignNumericBins(x, { feature: 'x', type: 'number', splits, specials: [] }), y, splits.length + 2);
    assert.deepEqual(fast, slow);
    const known = [...x.keys()].filter((i) => !Number.isNaN(x[i] as number) && !Number.isNaN(y[i] as number));
    const auc = computeAuc(
      Float64Array.from(known, (i) => x[i] as number),
      Float64Array.from(known, (i) => y[i] as number),
    );
    assert.equal(aucOfSortedOutcomes(sorted), auc);
    assert.ok(auc > 0.6);
  });
}

test('AUC with one class absent is NaN; a split equal to a value sends it right', () => {
  const sorted = sortWithOutcomes(Float64Array.from([1, 2, 2, 3, Number.NaN]), Float64Array.from([0, 0, 0, Number.NaN, 1]));
  assert.ok(Number.isNaN(aucOfSortedOutcomes(sorted)));
  // bins (-inf, 2), [2, inf), missing: goods 1 | 2 | 0, bads 0 | 0 | 1 (the 3 has no outcome)
  assert.deepEqual(binCountsOfSorted(sorted, [2]), { goods: Float64Array.from([1, 2, 0]), bads: Float64Array.from([0, 0, 1]) });
});
