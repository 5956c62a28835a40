// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditTestFrame } from '../gbdt/test-frames.js';
import { computeAuc } from '../metrics/index.js';
import { predictPd, predictRaw } from '../predict-model.js';
import { fitModel, trainEnsemble } from './index.js';

const train = creditTestFrame(1500, 41);
const holdout = creditTestFrame(800, 42);
const features = ['delinq', 'bureau', 'noise', 'income', 'region'];
const members = [{ kind: 'gbdt' as const, params: { trees: 30, leaves: 7 } }, { kind: 'logistic' as const }];

test('stacking: the meta-model sees only out-of-fold member predictions', async () => {
  const r = await trainEnsemble(train, 'bad', features, { method: 'stacking', members, folds: 3, seed: 1 });
  assert.ok(r.foldIds !== undefined && r.oofLogits !== undefined);
  const foldIds = r.foldIds;
  // Refit member k on the rows outside fold 0 with the seed stacking used: its predictions on fold 0 are the OOF logits.
  const rows = Array.from(foldIds.keys()).filter((i) => foldIds[i] !== 0);
  const test0 = Array.from(foldIds.keys()).filter((i) => foldIds[i] === 0);
  const { deriveSeed } = await import('../../random/index.js');
  const refit = await fitModel(
    { kind: 'gbdt', params: { seed: deriveSeed(1, 1000 + 0 * 100 + 1), trees: 30, leaves: 7 } },
    train.take(Int32Array.from(rows)),
    'bad',
    features,
  );
  const raw = predictRaw(refit, train.take(Int32Array.from(test0)));
  test0.forEach((i, t) => {
    assert.equal(r.oofLogits![0]![i], raw[t]);
  });
  // A model that trained on fold 0 itself would fit it better: in-sample logits differ from the OOF ones.
  const inSample = predictRaw(r.body.members[0]!, train.take(Int32Array.from(test0)));
  assert.notDeepEqual(
    Array.from(inSample),
    test0.map((i) => r.oofLogits![0]![i]),
  );
  // Every fold is held out once and folds are balanced.
  const sizes = [0, 0, 0];
  for (const f of foldIds) sizes[f]!++;
  assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1);
});

test('ensemble: stacking and averaging beat a trivial baseline and predict through predictPd', async () => {
  for (const method of ['stacking', 'average'] as const) {
    const model = await fitModel({ kind: 'ensemble', params: { method, members, folds: 3 } }, train, 'bad', features);
    assert.equal(model.kind, 'ensemble');
    const pd = predictPd(model, holdout);
    const auc = computeAuc(pd, holdout.numeric('bad').values);
    assert.ok(auc > 0.78, `${method} AUC ${auc}`);
  }
});

test('averaging: PD is the weighted mean of member PDs; deterministic per seed', async () => {
  const model = await fitModel({ kind: 'ensemble', params: { method: 'average', members, weights: [3, 1] } }, train, 'bad', features);
  const again = await fitModel({ kind: 'ensemble', params: { method: 'average', members, weights: [3, 1] } }, train, 'bad', features);
  assert.deepEqual(predictPd(again, holdout), predictPd(model, holdout));
  if (model.kind !== 'ensemble') throw new Error('kind');
  const pd = predictPd(model, holdout);
  const a = predictPd(model.body.members[0]!, holdout);
  const b = predictPd(model.body.members[1]!, holdout);
  for (let i = 0; i < 50; i++) assert.ok(Math.abs(pd[i]! - (0.75 * a[i]! + 0.25 * b[i]!)) < 1e-12);
});
