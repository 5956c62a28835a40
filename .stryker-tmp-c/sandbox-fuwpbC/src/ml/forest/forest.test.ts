// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numericColumn } from '../../frame/index.js';
import { Rng } from '../../random/index.js';
import { creditTestFrame } from '../gbdt/test-frames.js';
import { computeAuc } from '../metrics/index.js';
import { predictEnsembleRaw } from '../tree/index.js';
import { featuresPerDraw, forestModelBody, predictForestLogit, predictForestPd, trainForest } from './index.js';

const train = creditTestFrame(3000, 11);
const holdout = creditTestFrame(1500, 12);
const features = ['delinq', 'bureau', 'noise', 'income', 'region'];
const y = (f: typeof train) => f.numeric('bad').values;

test('forest: beats a trivial baseline on holdout and reports a sensible out-of-bag AUC', () => {
  const r = trainForest(train, y(train), features, { trees: 30, seed: 3 });
  const pd = predictForestPd(forestModelBody(r), holdout);
  const auc = computeAuc(pd, y(holdout));
  assert.ok(auc > 0.75, `holdout AUC ${auc}`);
  assert.ok(r.oobAuc !== null && r.oobAuc > 0.7 && Math.abs(r.oobAuc - auc) < 0.08, `oob AUC ${r.oobAuc}`);
  for (const p of pd) assert.ok(p >= 0 && p <= 1);
});

test('forest: leaves are bootstrap bad rates, covers are bootstrap row counts', () => {
  const r = trainForest(train, y(train), features, { trees: 3, seed: 4 });
  for (const tree of r.ensemble.trees) {
    // Root cover = n bootstrap draws; every leaf value is a rate in [0, 1].
    assert.equal(tree.cover[0], train.rowCount);
    for (let n = 0; n < tree.feature.length; n++) if (tree.feature[n]! < 0) assert.ok(tree.value[n]! >= 0 && tree.value[n]! <= 1);
  }
  // Mean of tree outputs equals the ensemble margin (averaging), and the logit is its log-odds.
  const body = forestModelBody(r);
  const pd = predictForestPd(body, holdout.slice(0, 20));
  const logit = predictForestLogit(body, holdout.slice(0, 20));
  for (let i = 0; i < 20; i++) assert.ok(Math.abs(1 / (1 + Math.exp(-logit[i]!)) - pd[i]!) < 1e-12);
  assert.deepEqual(predictEnsembleRaw(r.ensemble, holdout.slice(0, 20)), pd);
});

test('forest: deterministic per seed, different across seeds', () => {
  const a = predictForestPd(forestModelBody(trainForest(train, y(train), features, { trees: 5, seed: 7 })), holdout);
  const b = predictForestPd(forestModelBody(trainForest(train, y(train), features, { trees: 5, seed: 7 })), holdout);
  const c = predictForestPd(forestModelBody(trainForest(train, y(train), features, { trees: 5, seed: 8 })), holdout);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('forest: invalid options name the option', () => {
  assert.throws(() => trainForest(train, y(train), features, { trees: 0 }), /forest option trees/);
});

test('forest featuresPerDraw: sklearn max_features rounding (floor, at least 1) and the colsample rule', () => {
  assert.equal(featuresPerDraw({ maxFeatures: 'sqrt', colsample: 0.6 }, 30), 5); // ⌊√30⌋
  assert.equal(featuresPerDraw({ maxFeatures: 'log2', colsample: 0.6 }, 30), 4); // ⌊log₂30⌋
  assert.equal(featuresPerDraw({ maxFeatures: 'all', colsample: 0.6 }, 30), 30);
  assert.equal(featuresPerDraw({ maxFeatures: 7, colsample: 0.6 }, 30), 7);
  assert.equal(featuresPerDraw({ maxFeatures: 50, colsample: 0.6 }, 30), 30);
  assert.equal(featuresPerDraw({ maxFeatures: 0.25, colsample: 0.6 }, 30), 7); // ⌊7.5⌋
  assert.equal(featuresPerDraw({ maxFeatures: 0.01, colsample: 0.6 }, 30), 1);
  assert.equal(featuresPerDraw({ maxFeatures: 'log2', colsample: 0.6 }, 1), 1);
  assert.equal(featuresPerDraw({ maxFeatures: null, colsample: 0.6 }, 5), 3); // ⌈3⌉
  assert.equal(featuresPerDraw({ maxFeatures: null, colsample: 0 }, 5), 2); // round(√5)
  assert.throws(() => trainForest(train, y(train), features, { maxFeatures: 1.5 }), /forest option maxFeatures/);
  assert.throws(() => trainForest(train, y(train), features, { maxFeatures: 'half' as 'sqrt' }), /forest option maxFeatures/);
  assert.throws(() => trainForest(train, y(train), features, { featureSampling: 'node' as 'split' }), /forest option featureSampling/);
});

test('forest per-split sampling: with every feature drawn it is the per-tree all-features forest, tree for tree', () => {
  const perTree = trainForest(train, y(train), features, { trees: 4, seed: 5, colsample: 1 });
  const perSplit = trainForest(train, y(train), features, { trees: 4, seed: 5, maxFeatures: 'all', featureSampling: 'split' });
  assert.deepEqual(perSplit.ensemble.trees, perTree.ensemble.trees);
  assert.deepEqual(perSplit.oobPd, perTree.oobPd);
});

test('forest per-split sampling: deterministic per seed, and one tree splits on more features than one draw holds', () => {
  const options = { trees: 6, seed: 9, maxFeatures: 1, featureSampling: 'split' as const, leaves: 16 };
  const a = trainForest(train, y(train), features, options);
  const b = trainForest(train, y(train), features, options);
  assert.deepEqual(a.ensemble.trees, b.ensemble.trees);
  const c = trainForest(train, y(train), features, { ...options, seed: 10 });
  assert.notDeepEqual(c.ensemble.trees, a.ensemble.trees);
  // Per tree, one feature drawn per tree could only ever split on that one feature; drawn per
  // split, a single tree uses several (5 features, 15 splits each on a fresh draw of one).
  const used = (tree: { feature: Int32Array }) => new Set([...tree.feature].filter((f) => f >= 0)).size;
  const perTreeOne = trainForest(train, y(train), features, { ...options, featureSampling: 'tree' });
  for (const tree of perTreeOne.ensemble.trees) assert.equal(used(tree), 1);
  assert.ok(
    a.ensemble.trees.every((tree) => used(tree) >= 2),
    `features per tree: ${a.ensemble.trees.map(used)}`,
  );
  // Each split's feature is the single one drawn for that leaf: with one feature per draw the
  // root's feature equals the first draw of the feature stream, which differs between trees.
  assert.ok(new Set(a.ensemble.trees.map((t) => t.feature[0])).size >= 2, 'root features vary across trees');
});

test('forest monotone constraints: PD never moves against the constraint on random grids; without them it does', () => {
  const rng = new Rng(21);
  const base = holdout.slice(0, 120);
  /** (row, step) pairs where the PD moves against `sign` as `name` rises along a random sorted grid. */
  const violations = (body: ReturnType<typeof forestModelBody>, name: string, low: number, high: number, sign: number) => {
    const grid = Array.from({ length: 25 }, () => low + (high - low) * rng.nextDouble()).sort((a, b) => a - b);
    let count = 0;
    let previous: Float64Array | undefined;
    for (const v of grid) {
      const pd = predictForestPd(body, base.withColumn(numericColumn(name, new Float64Array(base.rowCount).fill(v))));
      if (previous) for (let i = 0; i < pd.length; i++) if (sign * (pd[i]! - previous[i]!) < 0) count++;
      previous = pd;
    }
    return count;
  };
  const options = { trees: 25, seed: 5, featureSampling: 'split' as const, maxFeatures: 'sqrt' as const };
  const constrained = forestModelBody(trainForest(train, y(train), features, { ...options, monotone: { delinq: 1, bureau: -1, income: -1 } }));
  const free = forestModelBody(trainForest(train, y(train), features, options));
  for (let round = 0; round < 4; round++) {
    assert.equal(violations(constrained, 'delinq', -1, 8, 1), 0);
    assert.equal(violations(constrained, 'bureau', 250, 900, -1), 0);
    assert.equal(violations(constrained, 'income', 5_000, 100_000, -1), 0);
  }
  assert.ok(violations(free, 'bureau', 250, 900, -1) > 0, 'the unconstrained forest wiggles, so the check can fail');
  assert.ok(violations(free, 'income', 5_000, 100_000, -1) > 0);
  assert.throws(() => trainForest(train, y(train), features, { trees: 2, monotone: { region: 1 } }), /forest option monotone: "region" is categorical/);
  assert.throws(() => trainForest(train, y(train), features, { trees: 2, monotone: { nope: 1 } }), /"nope" is not a feature/);
});
