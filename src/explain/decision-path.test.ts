import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Tree, TreeEnsemble } from '../ml/tree/index.js';
import { decisionPath, formatDecisionPath } from './decision-path.js';
import { type Explanation, rowContributions } from './explanation.js';
import { featureImportance, shapDependence } from './importance.js';
import { linearContributions, linearCounterfactual, scorecardContributions } from './linear-contributions.js';

// node 0: util < 0.5 ? node 1 : node 2 (missing → right); node 1: region in {b} ? leaf 3 : leaf 4 (missing → left)
const tree: Tree = {
  feature: Int32Array.from([0, 1, -1, -1, -1]),
  threshold: Float64Array.from([0.5, 0, 0, 0, 0]),
  left: Int32Array.from([1, 3, -1, -1, -1]),
  right: Int32Array.from([2, 4, -1, -1, -1]),
  defaultLeft: Uint8Array.from([0, 1, 0, 0, 0]),
  categoryStart: Int32Array.from([-1, 0, -1, -1, -1]),
  categoryCount: Int32Array.from([0, 1, 0, 0, 0]),
  categories: Int32Array.from([1]),
  value: Float64Array.from([0, 0, 0.8, -0.5, 0.1]),
  cover: Float64Array.from([10, 6, 4, 2, 4]),
  gain: Float64Array.from([3, 1.5, 0, 0, 0]),
};
const ensemble: TreeEnsemble = {
  trees: [tree, tree],
  features: [
    { name: 'util', type: 'number' },
    { name: 'region', type: 'category', categories: ['a', 'b', 'c'] },
  ],
  baseScore: 0,
  objective: 'binary',
  averaging: false,
  inputPrecision: 'float64',
};

test('decision paths name nodes, rules, directions and missing routing', () => {
  const path = decisionPath(ensemble, 0, [0.2, Number.NaN]);
  assert.deepEqual(
    path.steps.map((s) => [s.node, s.feature, s.direction, s.missingRouted, s.next]),
    [
      [0, 'util', 'left', false, 1],
      [1, 'region', 'left', true, 3],
    ],
  );
  assert.equal(path.leafValue, -0.5);
  assert.equal(
    formatDecisionPath(decisionPath(ensemble, 1, [Number.NaN, 2])),
    'tree 1:\n  node 0: util: missing → default right → right (node 2)\n  leaf 2: value 0.8\n',
  );
  assert.match(formatDecisionPath(decisionPath(ensemble, 0, [0.1, 2])), /node 1: region: "c" not in \{b\} → right \(node 4\)/);
});

test('importance: gain and split counts per feature, mean |SHAP| ranking', () => {
  const explanation: Explanation = {
    features: ['util', 'region'],
    rowCount: 2,
    values: Float64Array.from([0.1, -0.5, -0.3, 0.1]),
    expectedValue: 0,
    method: 'tree-shap-path-dependent',
  };
  assert.deepEqual(featureImportance(ensemble, ['util', 'region']), [
    { feature: 'util', gain: 6, splits: 2, meanAbsShap: null },
    { feature: 'region', gain: 3, splits: 2, meanAbsShap: null },
  ]);
  const ranked = featureImportance(ensemble, ['util', 'region'], explanation);
  assert.deepEqual(
    ranked.map((r) => [r.feature, r.meanAbsShap]),
    [
      ['region', 0.3],
      ['util', 0.2],
    ],
  );
  const dep = shapDependence(explanation, Float64Array.from([0.4, 1, 0.9, 2]), 1);
  assert.deepEqual(
    [Array.from(dep.value), Array.from(dep.shap)],
    [
      [1, 2],
      [-0.5, 0.1],
    ],
  );
});

test('linear contributions are β·(x − mean) and add up to the margin; scorecard points relative to a reference', () => {
  const e = linearContributions(['a', 'b'], -1, [2, -0.5], [1, 4], Float64Array.from([2, 0, 1, 6]), 2);
  assert.deepEqual(Array.from(e.values), [2, 2, 0, -1]);
  assert.equal(e.expectedValue, -1 + 2 - 2);
  assert.equal(e.expectedValue + 2 + 2, -1 + 2 * 2 - 0.5 * 0);
  const s = scorecardContributions(['a', 'b'], Float64Array.from([30, 50]), 1, [40, 45]);
  assert.deepEqual(Array.from(s.values), [10, -5]);
});

test('linear counterfactual moves the cheapest feature per unit of margin first, within bounds', () => {
  // margin = 2·a − 0.5·b = 3 at a = 2, b = 2; cutoff 0 → need 3 (+ε) of margin
  const result = linearCounterfactual([2, -0.5], [2, 2], 3, 0, [0, 1], [1, 1], [1, 1], [1.5, 0], [10, 10]);
  assert.ok(result !== null);
  // a: cost 0.5 per margin unit, room 0.5 → 1 margin; b: cost 2 per unit, needs 2 more → +4
  assert.equal(result.values.get(0), 1.5);
  assert.ok(Math.abs((result.values.get(1) as number) - 6) < 1e-6);
  assert.ok(Math.abs(result.cost - 4.5) < 1e-6);
  assert.equal(linearCounterfactual([2], [2], 3, 0, [0], [1], [1], [1.5], [10]), null);
});

test('decision path steps in full: thresholds, category labels, unseen and negative codes, numeric rules', () => {
  // row: util 0.7 (≥ 0.5 → right, leaf 2)
  assert.deepEqual(decisionPath(ensemble, 0, [0.7, 1]), {
    tree: 0,
    steps: [{ node: 0, feature: 'util', threshold: 0.5, leftCategories: null, value: 0.7, direction: 'right', missingRouted: false, next: 2 }],
    leaf: 2,
    leafValue: 0.8,
  });
  // util 0.5 is not < 0.5; util 0.49 goes left, then region code 1 = "b" is in {b}
  assert.equal(decisionPath(ensemble, 0, [0.5, 1]).steps[0]?.direction, 'right');
  assert.deepEqual(decisionPath(ensemble, 1, [0.49, 1]).steps[1], {
    node: 1,
    feature: 'region',
    threshold: null,
    leftCategories: ['b'],
    value: 'b',
    direction: 'left',
    missingRouted: false,
    next: 3,
  });
  // a negative category code is missing (default left); code 3 has no label
  const negative = decisionPath(ensemble, 0, [0, -1]).steps[1];
  assert.deepEqual([negative?.value, negative?.missingRouted, negative?.direction], [null, true, 'left']);
  const unseen = decisionPath(ensemble, 0, [0, 3]);
  assert.deepEqual([unseen.steps[1]?.value, unseen.steps[1]?.direction, unseen.leaf, unseen.leafValue], ['(unseen 3)', 'right', 4, 0.1]);
  assert.equal(
    formatDecisionPath(decisionPath(ensemble, 0, [0.25, 1])),
    'tree 0:\n  node 0: util: 0.25 < 0.5 → left (node 1)\n  node 1: region: "b" in {b} → left (node 3)\n  leaf 3: value -0.5\n',
  );
  assert.equal(formatDecisionPath(decisionPath(ensemble, 0, [0.75, 1])), 'tree 0:\n  node 0: util: 0.75 ≥ 0.5 → right (node 2)\n  leaf 2: value 0.8\n');
  assert.match(formatDecisionPath(decisionPath(ensemble, 0, [0, Number.NaN])), /node 1: region: missing → default left → left \(node 3\)/);
  assert.throws(
    () => decisionPath(ensemble, 2, [0, 0]),
    (e: unknown) => e instanceof RangeError && e.message === 'tree 2 is outside 0..1',
  );
  assert.throws(() => decisionPath(ensemble, -1, [0, 0]), /tree -1 is outside 0\.\.1/);
});

test('decision path without feature metadata: f<index> names, category codes as strings, values as unseen codes', () => {
  const bare: TreeEnsemble = { ...ensemble, features: [] };
  const path = decisionPath(bare, 0, [0.2, 1]);
  assert.deepEqual(
    path.steps.map((s) => [s.feature, s.leftCategories, s.value]),
    [
      ['f0', null, 0.2],
      ['f1', ['1'], '(unseen 1)'],
    ],
  );
  // a category feature split by a numeric threshold still reports its label
  const numericOnCategory: TreeEnsemble = { ...ensemble, features: [{ name: 'grade', type: 'category', categories: ['A', 'B'] }] };
  const single: Tree = { ...tree, feature: Int32Array.from([0, -1, -1, -1, -1]), categoryStart: Int32Array.from([-1, -1, -1, -1, -1]) };
  const step = decisionPath({ ...numericOnCategory, trees: [single] }, 0, [1]).steps[0];
  assert.deepEqual([step?.value, step?.threshold, step?.direction], ['B', 0.5, 'right']);
});

test('importance without trees or rows: zeros, null mean |SHAP|, ties kept in feature order', () => {
  assert.deepEqual(featureImportance(undefined, ['a', 'b']), [
    { feature: 'a', gain: 0, splits: 0, meanAbsShap: null },
    { feature: 'b', gain: 0, splits: 0, meanAbsShap: null },
  ]);
  const empty: Explanation = { features: ['a', 'b'], rowCount: 0, values: new Float64Array(0), expectedValue: 0, method: 'linear' };
  assert.deepEqual(
    featureImportance(undefined, ['a', 'b'], empty).map((r) => r.meanAbsShap),
    [null, null],
  );
  // equal mean |SHAP| (0.25 each): feature order; then by gain when no explanation is given
  const tied: Explanation = { features: ['util', 'region'], rowCount: 2, values: Float64Array.from([0.5, -0.25, 0, 0.25]), expectedValue: 0, method: 'linear' };
  assert.deepEqual(
    featureImportance(ensemble, ['util', 'region'], tied).map((r) => [r.feature, r.meanAbsShap, r.gain]),
    [
      ['util', 0.25, 6],
      ['region', 0.25, 3],
    ],
  );
  assert.deepEqual(
    featureImportance({ ...ensemble, trees: [tree] }, ['util', 'region']).map((r) => [r.feature, r.gain, r.splits]),
    [
      ['util', 3, 1],
      ['region', 1.5, 1],
    ],
  );
});

test('linear counterfactual: nothing to do below the cutoff, a feature at its bound or with β = 0 is skipped, ends just below the cutoff', () => {
  assert.deepEqual(linearCounterfactual([1], [1], -1, 0, [0], [1], [1], [0], [2]), { values: new Map(), cost: 0 });
  // margin 1·a + 3·b = 4 at a = 1, b = 1; cutoff 1 → need 3. b is cheaper per margin unit (1/3 vs 1) but at its lower bound.
  const r = linearCounterfactual([1, 3, 0], [1, 1, 5], 4, 1, [0, 1, 2], [1, 1, 1], [1, 1, 0], [-5, 1, 0], [5, 5, 10]);
  assert.ok(r !== null);
  assert.deepEqual([...r.values.keys()], [0]);
  const a = r.values.get(0) as number;
  // new margin a + 3 must be below the cutoff 1 by the 1e-9 margin of safety, not more
  assert.ok(a + 3 < 1 && a + 3 > 1 - 2e-9, `a = ${a}`);
  assert.ok(Math.abs(r.cost - 3) < 1e-8);
  // scale and weight: cost is weight·|Δ|/scale; with b free, b (unit cost 2/(4·3) = 1/6) goes first
  const s = linearCounterfactual([1, 3], [1, 1], 4, 1, [0, 1], [1, 4], [1, 2], [-5, -5], [5, 5]);
  assert.ok(s !== null && s.values.size === 1);
  assert.ok(Math.abs((s.values.get(1) as number) - 0) < 1e-8);
  assert.ok(Math.abs(s.cost - 0.5) < 1e-8, `cost ${s.cost}`);
  // a negative β is raised toward its upper bound; not enough room anywhere → null
  const up = linearCounterfactual([-2], [1], 2, 0, [0], [1], [1], [0], [3]);
  assert.ok(up !== null && Math.abs((up.values.get(0) as number) - 2) < 1e-8);
  assert.equal(linearCounterfactual([-2], [1], 2, 0, [0], [1], [1], [0], [1.5]), null);
  assert.equal(linearCounterfactual([1, 3], [1, 1], 4, 1, [1], [1, 1], [1, 1], [-5, 1], [5, 5]), null, 'only the blocked feature is actionable');
});

test('a row view of the explanation and scorecard φ₀ is the sum of the reference points', () => {
  const e = linearContributions(['a', 'b'], 0.5, [1, 1], [0, 0], Float64Array.from([1, 2, 3, 4, 5, 6]), 3);
  const row = rowContributions(e, 1);
  assert.deepEqual(Array.from(row), [3, 4]);
  row[0] = 9;
  assert.equal(e.values[2], 9, 'a view, not a copy');
  assert.equal(e.expectedValue, 0.5);
  assert.deepEqual([e.rowCount, e.method, e.features], [3, 'linear', ['a', 'b']]);
  const s = scorecardContributions(['a', 'b'], Float64Array.from([30, 50, 10, 5]), 2, [40, 45]);
  assert.deepEqual([s.expectedValue, s.rowCount, s.method, Array.from(s.values)], [85, 2, 'scorecard-points', [10, -5, 30, 40]]);
});

test('category code 0 is a value, not missing; importance ranks by gain when no rows are explained; φ₀ of a linear model', () => {
  const step = decisionPath(ensemble, 0, [0.1, 0]).steps[1];
  assert.deepEqual([step?.value, step?.missingRouted, step?.direction], ['a', false, 'right']);
  // a tree whose only split is on region (feature 1) with gain 5: region first although util comes first in feature order
  const onRegion: Tree = { ...tree, feature: Int32Array.from([1, -1, -1, -1, -1]), gain: Float64Array.from([5, 0, 0, 0, 0]) };
  assert.deepEqual(
    featureImportance({ ...ensemble, trees: [onRegion] }, ['util', 'region']).map((r) => [r.feature, r.gain, r.splits]),
    [
      ['region', 5, 1],
      ['util', 0, 0],
    ],
  );
  // φ₀ = β₀ + Σ β_j·mean_j = 0.5 + 2·1 + 3·2 = 8.5
  assert.equal(linearContributions(['a', 'b'], 0.5, [2, 3], [1, 2], Float64Array.from([1, 2]), 1).expectedValue, 8.5);
});

test('linear counterfactual: the 1e-9 margin scales with |cutoff|, equal unit costs go by feature order, a zero-β feature never moves', () => {
  // margin a + 3b = 4 at a = 1, b = 1; cutoff −5 → need 9 + 5e-9: b is cheaper per unit of margin
  const r = linearCounterfactual([1, 3], [1, 1], 4, -5, [0, 1], [1, 1], [1, 1], [-10, -10], [10, 10]);
  assert.ok(r !== null);
  const b = r.values.get(1) as number;
  const margin = 1 + 3 * b;
  assert.ok(margin < -5 - 4e-9 && margin > -5 - 6e-9, `margin ${margin}`);
  // equal unit costs (β = 1, w = 1, s = 1): feature 0 first, and it has room enough
  const tie = linearCounterfactual([1, 1], [0, 0], 0, -1, [0, 1], [1, 1], [1, 1], [-10, -10], [10, 10]);
  assert.deepEqual([...(tie?.values.keys() ?? [])], [0]);
  // β = 0 with weight 0 (unit cost 0/0) is left out rather than moved for nothing
  const zero = linearCounterfactual([0, 1], [0, 0], 0, -1, [0, 1], [1, 1], [0, 1], [-10, -10], [10, 10]);
  assert.deepEqual([...(zero?.values.keys() ?? [])], [1]);
});

test('a split sending several categories left lists them comma-separated', () => {
  const twoLeft: Tree = { ...tree, categoryCount: Int32Array.from([0, 2, 0, 0, 0]), categories: Int32Array.from([0, 2]) };
  const e: TreeEnsemble = { ...ensemble, trees: [twoLeft] };
  assert.match(formatDecisionPath(decisionPath(e, 0, [0.1, 2])), /node 1: region: "c" in \{a, c\} → left \(node 3\)/);
});
