// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryColumn, numericColumn } from '../../frame/index.js';
import { fitBinning } from '../binning/index.js';
import { entropyBits, informationGain, levelCounts } from './information-gain.js';

const close = (actual: number, expected: number, tol = 1e-12) => assert.ok(Math.abs(actual - expected) <= tol, `expected ${expected}, got ${actual}`);

test('information gain, gain ratio, symmetric uncertainty and G-test of a hand-worked table', () => {
  // Levels A (4 goods, 0 bads), B (2, 2), missing (0, 0: empty, ignored), C (0, 2); n = 10, 6 goods, 4 bads.
  const r = informationGain('x', [4, 2, 0, 0], [0, 2, 0, 2]);
  // H(Y) = −0.6·log2 0.6 − 0.4·log2 0.4; H(Y|X) = 0.4·0 + 0.4·1 + 0.2·0 = 0.4 bits.
  const hy = -(0.6 * Math.log2(0.6) + 0.4 * Math.log2(0.4));
  close(hy, 0.9709505944546686);
  close(r.ig, hy - 0.4);
  close(r.ig, 0.5709505944546686);
  // H(X) over sizes 4, 4, 2: −2·0.4·log2 0.4 − 0.2·log2 0.2 = 1.5219280948873621.
  close(r.gainRatio, 0.5709505944546686 / 1.5219280948873621);
  close(r.symmetricUncertainty, (2 * 0.5709505944546686) / (1.5219280948873621 + 0.9709505944546686));
  // G = 2·Σ O·ln(O/E), E = row total × column share, counted cell by cell.
  const g = 2 * (4 * Math.log(4 / 2.4) + 2 * Math.log(2 / 2.4) + 2 * Math.log(2 / 1.6) + 2 * Math.log(2 / 0.8));
  close(r.g, g, 1e-12);
  assert.equal(r.levels, 3);
  // χ² with 2 degrees of freedom: P(X > g) = e^(−g/2).
  close(r.pValue, Math.exp(-g / 2), 1e-12);
});

test('entropy edge cases; an uninformative or constant feature has zero gain and p-value 1', () => {
  close(entropyBits([1, 1]), 1);
  close(entropyBits([5, 0]), 0);
  close(entropyBits([]), 0);
  close(entropyBits([1, 1, 1, 1]), 2);
  const independent = informationGain('x', [3, 6], [1, 2]);
  close(independent.ig, 0);
  close(independent.pValue, 1, 1e-12);
  const constant = informationGain('c', [7], [3]);
  assert.deepEqual([constant.ig, constant.gainRatio, constant.symmetricUncertainty, constant.pValue, constant.levels], [0, 0, 0, 1, 1]);
  // A perfect predictor: IG = H(Y), SU = 1 when H(X) = H(Y).
  const perfect = informationGain('p', [5, 0], [0, 5]);
  close(perfect.ig, 1);
  close(perfect.symmetricUncertainty, 1);
});

test('level counts: a category column counts each category and missing as its own level; a numeric one uses its IV bins', async () => {
  // Codes −1 (missing), 0 (a), 1 (b); label NaN rows are ignored.
  const column = categoryColumn('c', Int32Array.from([-1, -1, 0, 0, 0, 1, 1, 1]), ['a', 'b']);
  const labels = Float64Array.from([1, 0, 0, 0, 1, 1, 1, Number.NaN]);
  const counts = levelCounts(column, labels);
  assert.deepEqual([...counts.goods], [1, 2, 0]);
  assert.deepEqual([...counts.bads], [1, 1, 2]);
  const x = numericColumn(
    'x',
    Float64Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? Number.NaN : i)),
  );
  const y = Float64Array.from({ length: 200 }, (_, i) => (i < 100 ? (i % 7 === 0 ? 1 : 0) : i % 3 === 0 ? 1 : 0));
  const binning = await fitBinning(x, y, { solver: 'dp' });
  const numeric = levelCounts(x, y, binning);
  assert.deepEqual(
    [...numeric.goods],
    binning.rows.map((r) => r.goods),
  );
  assert.deepEqual(
    [...numeric.bads],
    binning.rows.map((r) => r.bads),
  );
  // The missing bin is one of the levels: every row is counted once.
  assert.equal(
    [...numeric.goods, ...numeric.bads].reduce((s, v) => s + v, 0),
    200,
  );
});
