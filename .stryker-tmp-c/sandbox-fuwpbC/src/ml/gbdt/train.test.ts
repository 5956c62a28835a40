// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryFromLabels, Frame, numericColumn } from '../../frame/index.js';
import { Rng } from '../../random/index.js';
import { computeAuc } from '../metrics/index.js';
import { predictEnsembleRaw } from '../tree/index.js';
import { creditTestFrame } from './test-frames.js';
import { trainGbdt } from './train.js';

const train = creditTestFrame(4000, 1);
const holdout = creditTestFrame(2000, 2);
const y = (f: Frame) => f.numeric('bad').values;

test('learns the credit signal: holdout AUC close to the generating model', () => {
  const r = trainGbdt({ frame: train, target: 'bad' }, { trees: 60, leaves: 15, seed: 1 });
  const auc = computeAuc(predictEnsembleRaw(r.ensemble, holdout), y(holdout));
  assert.ok(auc > 0.8, `AUC ${auc}`);
  assert.equal(r.ensemble.trees.length, 60);
});

test('deterministic: same seed gives identical trees, another seed differs (with subsampling)', () => {
  const o = { trees: 10, subsample: 0.7, colsample: 0.6, seed: 5 };
  const a = trainGbdt({ frame: train, target: 'bad' }, o);
  const b = trainGbdt({ frame: train, target: 'bad' }, o);
  const c = trainGbdt({ frame: train, target: 'bad' }, { ...o, seed: 6 });
  assert.deepEqual(predictEnsembleRaw(a.ensemble, holdout), predictEnsembleRaw(b.ensemble, holdout));
  assert.notDeepEqual(predictEnsembleRaw(a.ensemble, holdout), predictEnsembleRaw(c.ensemble, holdout));
});

/** Counts (row, grid step) pairs where the prediction moves against `sign` as the feature rises. */
function monotoneViolations(ensemble: Parameters<typeof predictEnsembleRaw>[0], base: Frame, name: string, grid: readonly number[], sign: number): number {
  let violations = 0;
  let previous: Float64Array | undefined;
  for (const v of grid) {
    const raw = predictEnsembleRaw(ensemble, base.withColumn(numericColumn(name, new Float64Array(base.rowCount).fill(v))));
    if (previous) for (let i = 0; i < raw.length; i++) if (sign * (raw[i]! - previous[i]!) < 0) violations++;
    previous = raw;
  }
  return violations;
}

test('monotone constraints: PD never falls as delinquencies rise, never rises as bureau score rises', () => {
  const base = holdout.slice(0, 150);
  const delinqGrid = [0, 0.5, 1, 2, 3, 4, 5, 6, 9];
  const bureauGrid = Array.from({ length: 30 }, (_, k) => 280 + 20 * k);
  const constrained = trainGbdt({ frame: train, target: 'bad' }, { trees: 40, leaves: 15, monotone: { delinq: 1, bureau: -1 }, seed: 2 });
  assert.equal(monotoneViolations(constrained.ensemble, base, 'delinq', delinqGrid, 1), 0);
  assert.equal(monotoneViolations(constrained.ensemble, base, 'bureau', bureauGrid, -1), 0);
  // The same training without constraints does wiggle (so the check above can fail).
  const free = trainGbdt({ frame: train, target: 'bad' }, { trees: 40, leaves: 15, seed: 2 });
  assert.ok(monotoneViolations(free.ensemble, base, 'delinq', delinqGrid, 1) > 0);
  assert.ok(monotoneViolations(free.ensemble, base, 'bureau', bureauGrid, -1) > 0);
});

test('missing values: a learned default direction sends missing bureau scores to the risky side', () => {
  const r = trainGbdt({ frame: train, target: 'bad' }, { trees: 30, leaves: 7, seed: 3 });
  const base = holdout.slice(0, 300);
  const withValue = (v: number) => predictEnsembleRaw(r.ensemble, base.withColumn(numericColumn('bureau', new Float64Array(base.rowCount).fill(v))));
  const missing = withValue(Number.NaN);
  const good = withValue(800);
  let higher = 0;
  for (let i = 0; i < missing.length; i++) if (missing[i]! > good[i]!) higher++;
  assert.ok(higher / missing.length > 0.95, `missing riskier than 800 for ${higher} of ${missing.length}`);
  // The root split of the first tree is on bureau, and missing goes with the low (risky) scores.
  const root = r.ensemble.trees[0]!;
  assert.equal(r.ensemble.features[root.feature[0]!]!.name, 'bureau');
  assert.equal(root.defaultLeft[0], 1);
});

test('categorical splits: one native split separates risky from safe regions; numeric codes cannot', () => {
  const rng = new Rng(9);
  const n = 3000;
  const labels: string[] = [];
  const codes = new Float64Array(n);
  const bad = new Float64Array(n);
  const risky = new Set(['a', 'c', 'e']);
  const names = ['a', 'b', 'c', 'd', 'e', 'f'];
  for (let i = 0; i < n; i++) {
    const k = rng.nextInt(6);
    labels.push(names[k]!);
    codes[i] = k;
    bad[i] = rng.nextDouble() < (risky.has(names[k]!) ? 0.6 : 0.1) ? 1 : 0;
  }
  const categorical = new Frame([categoryFromLabels('region', labels), numericColumn('bad', bad)]);
  const numeric = new Frame([numericColumn('region', codes), numericColumn('bad', bad)]);
  const o = { trees: 1, leaves: 2, learningRate: 1, seed: 1 };
  const cat = trainGbdt({ frame: categorical, target: 'bad' }, o);
  const num = trainGbdt({ frame: numeric, target: 'bad' }, o);
  const aucCat = computeAuc(predictEnsembleRaw(cat.ensemble, categorical), bad);
  const aucNum = computeAuc(predictEnsembleRaw(num.ensemble, numeric), bad);
  const root = cat.ensemble.trees[0]!;
  const left = Array.from(
    root.categories.subarray(root.categoryStart[0]!, root.categoryStart[0]! + root.categoryCount[0]!),
    (c) => cat.ensemble.features[0]!.categories![c],
  );
  // Sorted by g/h (g = p − y), the risky regions come first and go left together.
  assert.deepEqual(left.sort(), ['a', 'c', 'e']);
  assert.ok(aucCat > aucNum + 0.05, `categorical ${aucCat} vs numeric ${aucNum}`);
  // An unseen category goes right, here with the safe regions.
  const unseen = new Frame([categoryFromLabels('region', ['zzz']), numericColumn('bad', Float64Array.of(0))]);
  const safe = new Frame([categoryFromLabels('region', ['b']), numericColumn('bad', Float64Array.of(0))]);
  assert.equal(predictEnsembleRaw(cat.ensemble, unseen)[0], predictEnsembleRaw(cat.ensemble, safe)[0]);
});

test('early stopping keeps the best validation iteration', () => {
  const r = trainGbdt(
    { frame: train, target: 'bad', valid: holdout },
    { trees: 200, leaves: 31, learningRate: 0.5, minDataInLeaf: 5, earlyStoppingRounds: 5, seed: 4 },
  );
  assert.ok(r.treesTrained < 200, 'stopped early');
  assert.equal(r.treesTrained - r.bestIteration, 5);
  assert.equal(r.ensemble.trees.length, r.bestIteration);
  const best = Math.min(...r.validLoss);
  assert.equal(r.validLoss[r.bestIteration - 1], best);
});

test('validation fraction holds out rows deterministically', () => {
  const a = trainGbdt({ frame: train, target: 'bad', validFraction: 0.25 }, { trees: 5, seed: 1 });
  assert.equal(a.validRows, 1000);
  assert.equal(a.trainRows, 3000);
});

test('regression objective fits a step function', () => {
  const x = Float64Array.from({ length: 500 }, (_, i) => i / 500);
  const target = Float64Array.from(x, (v) => (v < 0.5 ? 1 : 3));
  const frame = new Frame([numericColumn('x', x), numericColumn('y', target)]);
  const r = trainGbdt({ frame, target: 'y' }, { objective: 'regression', trees: 50, leaves: 4, learningRate: 0.3, seed: 1 });
  const p = predictEnsembleRaw(r.ensemble, frame);
  for (let i = 0; i < p.length; i++) assert.ok(Math.abs(p[i]! - target[i]!) < 0.01, `row ${i}: ${p[i]}`);
});

test('scalePosWeight raises predicted risk; bad options are refused naming the option', () => {
  const a = trainGbdt({ frame: train, target: 'bad' }, { trees: 5, seed: 1 });
  const b = trainGbdt({ frame: train, target: 'bad' }, { trees: 5, seed: 1, scalePosWeight: 3 });
  assert.ok(b.ensemble.baseScore > a.ensemble.baseScore);
  assert.throws(() => trainGbdt({ frame: train, target: 'bad' }, { leaves: 1 }), /GBDT option leaves/);
  assert.throws(() => trainGbdt({ frame: train, target: 'bad' }, { monotone: { region: 1 } }), /categorical/);
  const withMissing = train.withColumn(numericColumn('bad', Float64Array.of(Number.NaN, ...y(train).subarray(1))));
  assert.throws(() => trainGbdt({ frame: withMissing, target: 'bad' }), /row 0 has a missing value/);
});
