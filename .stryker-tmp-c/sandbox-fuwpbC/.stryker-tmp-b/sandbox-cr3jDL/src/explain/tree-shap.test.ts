// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leafFor, type TreeEnsemble } from '../ml/tree/index.js';
import { bruteForceShap } from './brute-force-shap.js';
import { compileTreeShap } from './compile-tree-shap.js';
import { randomRows, randomTreeEnsemble } from './random-tree-ensemble.js';
import { createTreeShapScratch, treeShapRows } from './tree-shap.js';

function margin(ensemble: TreeEnsemble, x: Float64Array, row: number): number {
  const p = ensemble.features.length;
  let total = 0;
  for (const tree of ensemble.trees) total += tree.value[leafFor(tree, (f) => x[row * p + f] as number)] as number;
  if (ensemble.averaging) total /= ensemble.trees.length;
  return ensemble.baseScore + total;
}

function shapOf(ensemble: TreeEnsemble, x: Float64Array, rows: number, tableBudget?: number) {
  const model = compileTreeShap(ensemble, tableBudget === undefined ? {} : { tableBudget });
  const out = new Float64Array(x.length);
  treeShapRows(model, x, 0, rows, out, createTreeShapScratch(model));
  return { model, out };
}

function assertClose(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
}

test('TreeSHAP equals brute-force Shapley values on random trees with missing values and categories', () => {
  let checked = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const ensemble = randomTreeEnsemble({
      seed,
      features: 3 + (seed % 6),
      categorical: seed % 3,
      trees: 1 + (seed % 4),
      maxDepth: 2 + (seed % 6),
      averaging: seed % 5 === 0,
    });
    const rows = 12;
    const x = randomRows(ensemble, rows, seed + 1000);
    const p = ensemble.features.length;
    for (const budget of [undefined, 0]) {
      const { model, out } = shapOf(ensemble, x, rows, budget);
      for (let i = 0; i < rows; i++) {
        const reference = bruteForceShap(ensemble, x.subarray(i * p, (i + 1) * p));
        assertClose(model.expectedValue, reference.expectedValue, 1e-12, `seed ${seed} expected value`);
        let sum = model.expectedValue;
        for (let j = 0; j < p; j++) {
          assertClose(out[i * p + j] as number, reference.values[j] as number, 1e-9, `seed ${seed} row ${i} feature ${j}`);
          sum += out[i * p + j] as number;
        }
        assertClose(sum, margin(ensemble, x, i), 1e-9, `seed ${seed} row ${i} local accuracy`);
        checked++;
      }
    }
  }
  assert.equal(checked, 40 * 12 * 2);
});

test('the table path and the per-row path both ran and agree', () => {
  const ensemble = randomTreeEnsemble({ seed: 7, features: 8, categorical: 2, trees: 5, maxDepth: 7 });
  const x = randomRows(ensemble, 50, 3);
  const tabulated = shapOf(ensemble, x, 50);
  const direct = shapOf(ensemble, x, 50, 0);
  assert.ok(tabulated.model.table.length > 0);
  assert.ok(Array.from(tabulated.model.unitTableOffset).every((o) => o >= 0) && tabulated.model.unitSplitCount.some((m) => m >= 2));
  assert.equal(direct.model.table.length, 0);
  for (let k = 0; k < x.length; k++) assertClose(tabulated.out[k] as number, direct.out[k] as number, 1e-12, `entry ${k}`);
});

test('local accuracy on every row of a larger ensemble (deep trees, partial table budget)', () => {
  // 10 trees and 200 rows: the per-row kernel on deep leaves dominates the cost (kept small for mutation runs)
  const ensemble = randomTreeEnsemble({ seed: 99, features: 20, categorical: 4, categoryCount: 6, trees: 10, maxDepth: 11, leafProbability: 0.3 });
  const rows = 200;
  const x = randomRows(ensemble, rows, 5);
  const { model, out } = shapOf(ensemble, x, rows, 50_000);
  assert.ok(Array.from(model.unitTableOffset).some((o) => o < 0) && model.table.length > 0, 'both kernels used');
  const p = ensemble.features.length;
  for (let i = 0; i < rows; i++) {
    let sum = model.expectedValue;
    for (let j = 0; j < p; j++) sum += out[i * p + j] as number;
    assertClose(sum, margin(ensemble, x, i), 1e-9, `row ${i}`);
  }
});

test('a path testing more than 30 distinct features is refused with a clear error', () => {
  // a chain: node 2k tests feature k, its left child is a leaf, its right child the next test
  const tests = 31;
  const size = 2 * tests + 1;
  const feature = new Int32Array(size).fill(-1);
  const left = new Int32Array(size).fill(-1);
  const right = new Int32Array(size).fill(-1);
  for (let k = 0; k < tests; k++) {
    feature[2 * k] = k;
    left[2 * k] = 2 * k + 1;
    right[2 * k] = 2 * k + 2;
  }
  const zeros = () => new Float64Array(size);
  const tree = {
    feature,
    threshold: zeros(),
    left,
    right,
    defaultLeft: new Uint8Array(size),
    categoryStart: new Int32Array(size).fill(-1),
    categoryCount: new Int32Array(size),
    categories: new Int32Array(0),
    value: zeros(),
    cover: zeros().fill(1),
    gain: zeros(),
  };
  const ensemble: TreeEnsemble = {
    trees: [tree],
    features: Array.from({ length: tests }, (_, j) => ({ name: `f${j}`, type: 'number' as const })),
    baseScore: 0,
    objective: 'binary',
    averaging: false,
    inputPrecision: 'float64',
  };
  assert.throws(() => compileTreeShap(ensemble), /tree 0: a root-to-leaf path tests 31 distinct features; TreeSHAP supports at most 30/);
});
