import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditTestFrame } from '../gbdt/test-frames.js';
import { computeAuc } from '../metrics/index.js';
import { predictEnsembleRaw } from '../tree/index.js';
import { forestModelBody, predictForestLogit, predictForestPd, trainForest } from './index.js';

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
