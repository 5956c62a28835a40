// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryColumn, Frame, numericColumn } from '../../frame/index.js';
import { Rng } from '../../random/index.js';
import { computeAuc } from '../metrics/index.js';
import { permutationImportance, permutationSeed, permuteColumn, permutedOrder } from './permutation-importance.js';

function frame(n: number, seed: number) {
  const rng = new Rng(seed);
  const y = Float64Array.from({ length: n }, () => (rng.nextDouble() < 0.3 ? 1 : 0));
  // `perfect` separates the classes completely; `ignored` is noise; `kind` is categorical.
  const perfect = Float64Array.from(y, (v) => v * 10 + rng.nextDouble());
  const ignored = Float64Array.from({ length: n }, () => rng.nextNormal());
  const kind = categoryColumn(
    'kind',
    Int32Array.from({ length: n }, (_, i) => (i % 5 === 0 ? -1 : i % 3)),
    ['a', 'b', 'c'],
  );
  return { y, frame: new Frame([numericColumn('perfect', perfect), numericColumn('ignored', ignored), kind]) };
}

test('a model that never reads a feature gets importance exactly 0; the perfect feature loses its AUC difference exactly', () => {
  const { y, frame: f } = frame(400, 5);
  const predict = (x: Frame) => x.numeric('perfect').values;
  const r = permutationImportance(predict, f, y, ['perfect', 'ignored', 'kind'], { repeats: 4, seed: 11 });
  assert.equal(r.baseline, 1);
  for (const name of ['ignored', 'kind']) {
    const row = r.features.find((x) => x.feature === name);
    assert.deepEqual(row?.drops, [0, 0, 0, 0]);
    assert.deepEqual([row?.mean, row?.sd, row?.se], [0, 0, 0]);
  }
  // Replay each permutation and compute the AUC of the shuffled column directly.
  const perfect = f.numeric('perfect').values;
  const expected = [0, 1, 2, 3].map((rep) => {
    const order = permutedOrder(400, permutationSeed(11, 0, rep));
    return (
      1 -
      computeAuc(
        Float64Array.from(order, (i) => perfect[i] as number),
        y,
      )
    );
  });
  const row = r.features[0];
  assert.deepEqual(row?.drops, expected);
  const mean = expected.reduce((s, v) => s + v, 0) / 4;
  const sd = Math.sqrt(expected.reduce((s, v) => s + (v - mean) ** 2, 0) / 3);
  assert.ok(Math.abs((row?.mean as number) - mean) < 1e-15);
  assert.ok(Math.abs((row?.se as number) - sd / 2) < 1e-15);
  // A shuffled perfect score is no better than chance: its AUC is near ½, the drop near ½.
  assert.ok(Math.abs(mean - 0.5) < 0.1, `mean drop ${mean}`);
});

test('permutation is seeded and keeps the column distribution; categories keep their dictionary', () => {
  const a = permutedOrder(50, 3);
  assert.deepEqual(a, permutedOrder(50, 3));
  assert.notDeepEqual(a, permutedOrder(50, 4));
  assert.deepEqual(
    [...a].sort((x, z) => x - z),
    Array.from({ length: 50 }, (_, i) => i),
  );
  const c = categoryColumn('k', Int32Array.from([0, 1, -1, 2]), ['x', 'y', 'z']);
  const p = permuteColumn(c, Int32Array.from([3, 2, 1, 0]));
  assert.deepEqual(p.type === 'category' ? [...p.codes] : [], [2, -1, 1, 0]);
  assert.deepEqual(p.type === 'category' ? p.dictionary : [], ['x', 'y', 'z']);
});
