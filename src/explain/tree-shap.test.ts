import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
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

/** Checks TreeSHAP against brute force on the random ensembles of seeds `first..last` (12 rows each, with and without tables). */
function checkAgainstBruteForce(first: number, last: number): void {
  let checked = 0;
  for (let seed = first; seed <= last; seed++) {
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
  assert.equal(checked, (last - first + 1) * 12 * 2);
}

// seeds 1–10 already cover every feature count, categorical count, tree count, depth and averaging
test('TreeSHAP equals brute-force Shapley values on random trees with missing values and categories (seeds 1–10)', () => {
  checkAgainstBruteForce(1, 10);
});

test('TreeSHAP equals brute-force Shapley values on more random trees (seeds 11–40)', () => {
  checkAgainstBruteForce(11, 40);
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

/** A chain tree over `tests` features: node 2k tests feature k, its left child is a leaf, its right child the next test. */
function chain(tests: number): TreeEnsemble {
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
  // the left leaf of node 2k has value k + 1, the last leaf −1; covers 1 everywhere
  const value = zeros();
  for (let k = 0; k < tests; k++) value[2 * k + 1] = k + 1;
  value[2 * tests] = -1;
  const tree = {
    feature,
    threshold: zeros(),
    left,
    right,
    defaultLeft: new Uint8Array(size),
    categoryStart: new Int32Array(size).fill(-1),
    categoryCount: new Int32Array(size),
    categories: new Int32Array(0),
    value,
    cover: zeros().fill(1),
    gain: zeros(),
  };
  return {
    trees: [tree],
    features: Array.from({ length: tests }, (_, j) => ({ name: `f${j}`, type: 'number' as const })),
    baseScore: 0,
    objective: 'binary',
    averaging: false,
    inputPrecision: 'float64',
  };
}

test('a path testing more than 30 distinct features is refused with a clear error; 30 are explained', () => {
  assert.throws(
    () => compileTreeShap(chain(31)),
    (e: unknown) =>
      e instanceof CredoError &&
      e.code === 'E_EXPLAIN_PATH_TOO_DEEP' &&
      /tree 0: a root-to-leaf path tests 31 distinct features; TreeSHAP supports at most 30/.test(e.message) &&
      JSON.stringify(e.details) === JSON.stringify({ tree: 0, count: 31, limit: 30 }),
  );
  const ensemble = chain(30);
  // no tables (a 30-deep unit would not be tabulated anyway; this keeps the test fast)
  const model = compileTreeShap(ensemble, { tableBudget: 0 });
  assert.equal(model.maxDepth, 30);
  // a row at 1 everywhere goes right at every node (x ≥ threshold 0) to the last leaf; local accuracy
  const x = new Float64Array(30).fill(1);
  const out = new Float64Array(30);
  treeShapRows(model, x, 0, 1, out, createTreeShapScratch(model));
  let sum = model.expectedValue;
  for (const v of out) sum += v;
  assertClose(sum, margin(ensemble, x, 0), 1e-9, 'local accuracy on a 30-feature path');
});

test('nodes without cover split their mass evenly, as the brute force does', () => {
  for (let seed = 1; seed <= 6; seed++) {
    const ensemble = randomTreeEnsemble({ seed, features: 5, categorical: 1, trees: 2, maxDepth: 4, leafProbability: 0 });
    // zero the cover of the root's left subtree in every tree
    for (const tree of ensemble.trees) {
      const stack = [tree.left[0] as number];
      while (stack.length > 0) {
        const n = stack.pop() as number;
        (tree.cover as Float64Array)[n] = 0;
        if ((tree.feature[n] as number) >= 0) stack.push(tree.left[n] as number, tree.right[n] as number);
      }
    }
    const x = randomRows(ensemble, 6, seed);
    for (const budget of [undefined, 0]) {
      const { model, out } = shapOf(ensemble, x, 6, budget);
      for (let i = 0; i < 6; i++) {
        const reference = bruteForceShap(ensemble, x.subarray(i * 5, (i + 1) * 5));
        assertClose(model.expectedValue, reference.expectedValue, 1e-12, `seed ${seed} expected value`);
        for (let j = 0; j < 5; j++) assertClose(out[i * 5 + j] as number, reference.values[j] as number, 1e-9, `seed ${seed} row ${i} feature ${j}`);
      }
    }
  }
});

test('rows rowStart..rowEnd only: the rows before and after keep their contents, stale output is overwritten, −1 codes are missing', () => {
  const ensemble = randomTreeEnsemble({ seed: 12, features: 5, categorical: 2, trees: 4, maxDepth: 5 });
  const p = 5;
  const x = randomRows(ensemble, 30, 77, 0.3);
  for (const budget of [undefined, 0]) {
    const model = compileTreeShap(ensemble, budget === undefined ? {} : { tableBudget: budget });
    const out = new Float64Array(x.length).fill(7);
    treeShapRows(model, x, 10, 20, out, createTreeShapScratch(model));
    for (let k = 0; k < 10 * p; k++) assert.equal(out[k], 7, `row ${Math.floor(k / p)} before the range`);
    for (let k = 20 * p; k < 30 * p; k++) assert.equal(out[k], 7, `row ${Math.floor(k / p)} after the range`);
    for (let i = 10; i < 20; i++) {
      const reference = bruteForceShap(ensemble, x.subarray(i * p, (i + 1) * p));
      for (let j = 0; j < p; j++) assertClose(out[i * p + j] as number, reference.values[j] as number, 1e-9, `row ${i} feature ${j}`);
    }
    // a missing category given as −1 instead of NaN routes the same way
    const negative = Float64Array.from(x, (v, k) => (k % p >= 3 && Number.isNaN(v) ? -1 : v));
    assert.ok(negative.some((v) => v === -1));
    const both = new Float64Array(x.length);
    treeShapRows(model, negative, 0, 30, both, createTreeShapScratch(model));
    const plain = new Float64Array(x.length);
    treeShapRows(model, x, 0, 30, plain, createTreeShapScratch(model));
    assert.deepEqual(both, plain);
  }
});

/** Per unit: is it tabulated, and its table depth (root path features + splits). */
function unitDepths(model: ReturnType<typeof compileTreeShap>): { tabulated: boolean; depth: number; size: number }[] {
  return Array.from(model.unitRoot, (root, u) => {
    const depth = (model.nodePathDepth[root] as number) + (model.unitSplitCount[u] as number);
    return { tabulated: (model.unitTableOffset[u] as number) >= 0, depth, size: 2 ** depth * (model.unitWidth[u] as number) };
  });
}

test('table budget and depth limit: shallow units first, the budget is never exceeded, deeper than the limit never tabulated', () => {
  const ensemble = randomTreeEnsemble({ seed: 7, features: 8, categorical: 2, trees: 5, maxDepth: 7 });
  const full = compileTreeShap(ensemble);
  const units = unitDepths(full);
  assert.ok(units.every((u) => u.tabulated));
  const total = units.reduce((s, u) => s + u.size, 0);
  assert.equal(full.table.length, total);
  // one double short: the deepest units (last in depth order) drop out, the table stays within budget
  const short = compileTreeShap(ensemble, { tableBudget: total - 1 });
  const shortUnits = unitDepths(short);
  assert.ok(short.table.length <= total - 1 && shortUnits.some((u) => !u.tabulated));
  const deepestKept = Math.max(...shortUnits.filter((u) => u.tabulated).map((u) => u.depth));
  assert.ok(shortUnits.every((u) => u.tabulated || u.depth >= deepestKept));
  assert.equal(compileTreeShap(ensemble, { tableBudget: total }).table.length, total);
  // depth limit 3: exactly the units of depth ≤ 3 are tabulated
  const shallow = unitDepths(compileTreeShap(ensemble, { maxTableDepth: 3 }));
  assert.ok(shallow.some((u) => u.tabulated) && shallow.some((u) => !u.tabulated));
  for (const u of shallow) assert.equal(u.tabulated, u.depth <= 3);
  // the default limit is 16: a 17-feature chain's bottom unit (12 path features + 5 splits) is not tabulated, the leaves above are
  const chainUnits = unitDepths(compileTreeShap(chain(17)));
  assert.deepEqual(
    chainUnits.map((u) => [u.depth, u.tabulated]),
    [...Array.from({ length: 12 }, (_, k) => [k + 1, true]), [17, false]],
  );
  // every variant gives the same values
  const x = randomRows(ensemble, 20, 4);
  const values = (options: { tableBudget?: number; maxTableDepth?: number }) => {
    const model = compileTreeShap(ensemble, options);
    const out = new Float64Array(x.length);
    treeShapRows(model, x, 0, 20, out, createTreeShapScratch(model));
    return out;
  };
  const reference = values({ tableBudget: 0 });
  for (const options of [{}, { tableBudget: total - 1 }, { maxTableDepth: 3 }]) {
    const out = values(options);
    for (let k = 0; k < x.length; k++) assertClose(out[k] as number, reference[k] as number, 1e-12, `entry ${k}`);
  }
});
