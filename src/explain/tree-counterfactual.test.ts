import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import type { Tree, TreeEnsemble } from '../ml/tree/index.js';
import { randomRows, randomTreeEnsemble } from './random-tree-ensemble.js';
import { counterfactualSafety, ensembleMargin, featureIntervals, treeCounterfactual } from './tree-counterfactual.js';

test('the MILP counterfactual flips the decision and matches exhaustive search on small trees', async () => {
  let solved = 0;
  let infeasible = 0;
  for (let seed = 1; seed <= 25; seed++) {
    const ensemble = randomTreeEnsemble({ seed, features: 4, trees: 2 + (seed % 3), maxDepth: 3 + (seed % 2) });
    const x = randomRows(ensemble, 1, seed + 50, 0);
    const margin = ensembleMargin(ensemble, x);
    const cutoffMargin = margin - 0.3 - (seed % 4) * 0.2;
    const options = { actionable: [0, 2], cutoffMargin, scale: [1, 1, 0.5, 1], lower: [-1.2, -1.2, -1.2, -1.2], upper: [1.2, 1.2, 1.2, 1.2] };
    const result = await treeCounterfactual(ensemble, x, options);
    // exhaustive: every pair of intervals
    const a = featureIntervals(ensemble, 0, x[0] as number, options, false);
    const b = featureIntervals(ensemble, 2, x[2] as number, options, false);
    let best = Number.POSITIVE_INFINITY;
    for (const ia of a) {
      for (const ib of b) {
        const row = Float64Array.from(x);
        row[0] = ia.target;
        row[2] = ib.target;
        if (ensembleMargin(ensemble, row) < cutoffMargin - counterfactualSafety(cutoffMargin) && ia.cost + ib.cost < best) best = ia.cost + ib.cost;
      }
    }
    if (result === null) {
      assert.equal(best, Number.POSITIVE_INFINITY, `seed ${seed}: exhaustive search found a flip the MILP missed`);
      infeasible++;
      continue;
    }
    assert.ok(result.marginAfter < cutoffMargin, `seed ${seed}: decision flipped`);
    assert.ok(Math.abs(result.cost - best) <= 1e-9 * Math.max(1, best), `seed ${seed}: cost ${result.cost} vs exhaustive ${best}`);
    assert.ok(result.changes.length > 0);
    for (const change of result.changes) assert.ok(change.feature === 'f0' || change.feature === 'f2');
    solved++;
  }
  assert.ok(solved >= 10, `solved ${solved}, infeasible ${infeasible}`);
});

test('an already approved row needs no change', async () => {
  const ensemble = randomTreeEnsemble({ seed: 3, features: 3, trees: 2, maxDepth: 3 });
  const x = randomRows(ensemble, 1, 9, 0);
  const result = await treeCounterfactual(ensemble, x, { actionable: [0], cutoffMargin: ensembleMargin(ensemble, x) + 1 });
  assert.deepEqual(result?.changes, []);
  assert.equal(result?.cost, 0);
});

// two stumps averaged: a < 0.5 ? −1 : 1 and b < 0 ? −2 : 2 (margin = mean of the two)
function stumps(inputPrecision: 'float64' | 'float32' = 'float64'): TreeEnsemble {
  const stump = (feature: number, threshold: number, low: number, high: number): Tree => ({
    feature: Int32Array.from([feature, -1, -1]),
    threshold: Float64Array.from([threshold, 0, 0]),
    left: Int32Array.from([1, -1, -1]),
    right: Int32Array.from([2, -1, -1]),
    defaultLeft: Uint8Array.from([0, 0, 0]),
    categoryStart: Int32Array.from([-1, -1, -1]),
    categoryCount: Int32Array.from([0, 0, 0]),
    categories: new Int32Array(0),
    value: Float64Array.from([0, low, high]),
    cover: Float64Array.from([2, 1, 1]),
    gain: Float64Array.from([1, 0, 0]),
  });
  return {
    trees: [stump(0, 0.5, -1, 1), stump(1, 0, -2, 2)],
    features: [
      { name: 'a', type: 'number' },
      { name: 'b', type: 'number' },
      { name: 'g', type: 'category', categories: ['x'] },
    ],
    baseScore: 0,
    objective: 'binary',
    averaging: true,
    inputPrecision,
  };
}

test('stumps by hand: scale and weight pick the cheaper feature, averaging halves the leaves, float32 targets', async () => {
  const x = Float64Array.of(0.7, 1, 0);
  assert.equal(ensembleMargin(stumps(), x), 1.5);
  // cutoff 0.6: a below 0.5 alone gives 0.5 (cost 0.2 + one ulp), b below 0 alone gives −0.5 (cost 1/scale_b)
  const byA = await treeCounterfactual(stumps(), x, { actionable: [0, 1], cutoffMargin: 0.6, scale: [1, 4, 1] });
  assert.ok(byA !== null);
  assert.deepEqual(byA.changes, [{ feature: 'a', from: 0.7, to: 0.5 - 2 ** -54 }]);
  assert.ok(Math.abs(byA.cost - 0.2) < 1e-12);
  assert.deepEqual([byA.marginBefore, byA.marginAfter, Array.from(byA.row)], [1.5, 0.5, [0.5 - 2 ** -54, 1, 0]]);
  const byB = await treeCounterfactual(stumps(), x, { actionable: [0, 1], cutoffMargin: 0.6, scale: [1, 4, 1], weight: [2, 1, 1] });
  assert.deepEqual(byB?.changes, [{ feature: 'b', from: 1, to: -(2 ** -1074) }]);
  assert.equal(byB?.cost, 0.25);
  assert.equal(byB?.marginAfter, -0.5);
  // cutoff 0.1: a alone is not enough (0.5), so only b; with a alone actionable: no solution
  assert.deepEqual(
    (await treeCounterfactual(stumps(), x, { actionable: [0, 1], cutoffMargin: 0.1 }))?.changes.map((c) => c.feature),
    ['b'],
  );
  assert.equal(await treeCounterfactual(stumps(), x, { actionable: [0], cutoffMargin: 0.1 }), null);
  // both needed: cutoff −0.6 (b alone gives −0.5) → a and b both move (margin −1.5)
  const both = await treeCounterfactual(stumps(), x, { actionable: [0, 1], cutoffMargin: -0.6 });
  assert.deepEqual([both?.changes.map((c) => c.feature), both?.marginAfter], [['a', 'b'], -1.5]);
  // bounds: b may not go below 0.5, so nothing works
  assert.equal(await treeCounterfactual(stumps(), x, { actionable: [0, 1], cutoffMargin: 0.1, lower: [-5, 0.5, 0] }), null);
  // float32 inputs: the target is the largest float32 below the threshold
  const f32 = await treeCounterfactual(stumps('float32'), x, { actionable: [0, 1], cutoffMargin: 0.6, scale: [1, 4, 1] });
  assert.deepEqual(f32?.changes, [{ feature: 'a', from: 0.7, to: 0.5 - 2 ** -25 }]);
});

test('tree counterfactuals without the solver: refusals, approved rows, a missing actionable value, no split to move', async () => {
  const x = Float64Array.of(0.7, 1, 0);
  await assert.rejects(
    treeCounterfactual(stumps(), x, { actionable: [2], cutoffMargin: 0 }),
    (e: unknown) =>
      e instanceof CredoError && e.code === 'E_EXPLAIN_ACTIONABLE' && e.message === 'actionable feature "g": only numeric features can be actionable',
  );
  await assert.rejects(treeCounterfactual(stumps(), x, { actionable: [7], cutoffMargin: 0 }), /actionable feature "7": only numeric features/);
  // the check applies to a missing value too
  await assert.rejects(treeCounterfactual(stumps(), Float64Array.of(0.7, 1, Number.NaN), { actionable: [2], cutoffMargin: 0 }), /only numeric features/);
  const approved = await treeCounterfactual(stumps(), x, { actionable: [0], cutoffMargin: 1.6 });
  assert.deepEqual(approved, { changes: [], cost: 0, marginBefore: 1.5, marginAfter: 1.5, row: x });
  assert.notEqual(approved?.row, x, 'a copy of the row');
  // exactly at the cutoff is not approved: a moves
  assert.equal((await treeCounterfactual(stumps(), x, { actionable: [0, 1], cutoffMargin: 1.5 }))?.changes.length, 1);
  // a missing actionable value stays fixed: only b could move, and b alone reaches −0.5 at most... with a = NaN (right, 1)
  const missingA = await treeCounterfactual(stumps(), Float64Array.of(Number.NaN, 1, 0), { actionable: [0, 1], cutoffMargin: 0.1 });
  assert.deepEqual(
    missingA?.changes.map((c) => c.feature),
    ['b'],
  );
  assert.equal(await treeCounterfactual(stumps(), Float64Array.of(Number.NaN, -1, 0), { actionable: [0], cutoffMargin: -0.6 }), null);
});

test('intervals between thresholds: nearest targets, float32, bounds, scale and weight', () => {
  const e = stumps();
  // a second tree on a with thresholds −0.5 and 0.5 (0.5 repeated): intervals (−∞, −0.5), [−0.5, 0.5), [0.5, ∞)
  const extra = randomTreeEnsemble({ seed: 1, features: 1, trees: 1, maxDepth: 1 }).trees[0] as Tree;
  const more: TreeEnsemble = { ...e, trees: [...e.trees, { ...extra, feature: Int32Array.from([0, -1, -1]), threshold: Float64Array.from([-0.5, 0, 0]) }] };
  const list = featureIntervals(more, 0, 0, { actionable: [], cutoffMargin: 0, ...{} }, false);
  assert.deepEqual(
    list.map((i) => [i.lo, i.hi, i.target, i.cost]),
    [
      [Number.NEGATIVE_INFINITY, -0.5, -0.5 - 2 ** -53, 0.5 + 2 ** -53],
      [-0.5, 0.5, 0, 0],
      [0.5, Number.POSITIVE_INFINITY, 0.5, 0.5],
    ],
  );
  const f32 = featureIntervals(more, 0, 0, { actionable: [], cutoffMargin: 0, ...{ scale: [0.5], weight: [3] } }, true);
  assert.deepEqual(
    f32.map((i) => [i.target, i.cost]),
    [
      [-0.5 - 2 ** -24, 6 * (0.5 + 2 ** -24)],
      [0, 0],
      [0.5, 3],
    ],
  );
  // a float64 value that rounds up onto the threshold in float32 is in the upper interval there
  const nearHalf = 0.5 - 2 ** -30;
  assert.equal(featureIntervals(e, 0, nearHalf, { actionable: [], cutoffMargin: 0, ...{} }, false).find((i) => i.cost === 0)?.lo, Number.NEGATIVE_INFINITY);
  assert.equal(featureIntervals(e, 0, nearHalf, { actionable: [], cutoffMargin: 0, ...{} }, true).find((i) => i.target === nearHalf)?.lo, 0.5);
  // thresholds at 0: the largest value below 0
  assert.equal(featureIntervals(e, 1, 1, { actionable: [], cutoffMargin: 0, ...{} }, false)[0]?.target, -(2 ** -1074));
  assert.equal(featureIntervals(e, 1, 1, { actionable: [], cutoffMargin: 0, ...{} }, true)[0]?.target, -1.401298464324817e-45);
  // bounds drop the other intervals, never the current one; scale 0 counts as 1
  assert.deepEqual(
    featureIntervals(more, 0, 0, { actionable: [], cutoffMargin: 0, ...{ lower: [-0.4], upper: [0.4] } }, false).map((i) => i.lo),
    [-0.5],
  );
  assert.deepEqual(
    featureIntervals(more, 0, 0, { actionable: [], cutoffMargin: 0, ...{ lower: [-0.5 - 2 ** -53], upper: [0.5], scale: [0] } }, false).map((i) => i.cost),
    [0.5 + 2 ** -53, 0, 0.5],
  );
  assert.deepEqual(
    featureIntervals(more, 0, 3, { actionable: [], cutoffMargin: 0, ...{ lower: [0], upper: [1] } }, false).map((i) => [i.lo, i.target]),
    [
      [-0.5, 0.5 - 2 ** -54],
      [0.5, 3],
    ],
  );
  // a categorical split on the feature adds no threshold
  assert.equal(featureIntervals(e, 2, 0, { actionable: [], cutoffMargin: 0, ...{} }, false).length, 1);
});

test('the safety margin below the cutoff scales with |cutoff|; margins add the trees, averaging divides', () => {
  assert.equal(counterfactualSafety(0.3), 1e-5);
  assert.equal(counterfactualSafety(-5), 5e-5);
  const summed = { ...stumps(), averaging: false, baseScore: 0.25 };
  // a = 0.7 → 1, b = −1 → −2: 0.25 + 1 − 2
  assert.equal(ensembleMargin(summed, [0.7, -1, 0]), -0.75);
  assert.equal(ensembleMargin({ ...summed, averaging: true }, [0.7, -1, 0]), 0.25 - 0.5);
});
