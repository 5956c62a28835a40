import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Tree, TreeEnsemble } from '../ml/tree/index.js';
import { decisionPath, formatDecisionPath } from './decision-path.js';
import type { Explanation } from './explanation.js';
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
