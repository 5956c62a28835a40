// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import { creditTestFrame } from '../gbdt/test-frames.js';
import { computeAuc } from '../metrics/index.js';
import { encodeDesign, fitDesignEncoder } from '../mlp/index.js';
import { fitLinearSvm, fitPlatt, resolveSvmOptions, svmDecision, trainSvm } from './svm.js';
import { predictLogisticLogit } from './train-logistic-model.js';

const features = ['delinq', 'bureau', 'noise', 'income', 'region'];

test('svm: separates the credit signal and is deterministic per seed', () => {
  const train = creditTestFrame(2000, 21);
  const holdout = creditTestFrame(1000, 22);
  const a = trainSvm(train, train.numeric('bad').values, features, { seed: 1 });
  const b = trainSvm(train, train.numeric('bad').values, features, { seed: 1 });
  const auc = computeAuc(predictLogisticLogit(a.logit, holdout), holdout.numeric('bad').values);
  assert.ok(auc > 0.75, `AUC ${auc}`);
  assert.deepEqual(a, b);
});

test('svm: the composed logit equals Platt of the decision value on the encoded design', () => {
  const train = creditTestFrame(600, 23);
  const body = trainSvm(train, train.numeric('bad').values, features, { seed: 2 });
  const design = encodeDesign(body.encoder, train);
  const f = svmDecision(design, { weights: Float64Array.from(body.weights), bias: body.bias, epochs: 0, converged: true });
  const logit = predictLogisticLogit(body.logit, train);
  for (let i = 0; i < train.rowCount; i++) assert.ok(Math.abs(body.platt.a * f[i]! + body.platt.b - logit[i]!) < 1e-9);
});

test('svm: dual coordinate descent reaches the hinge-loss optimum on a separable toy problem', () => {
  // Points ±(2, 0) and ±(3, 1): the max-margin separator is x₁ with margin 1 at x₁ = ±2 (hard margin as C → ∞).
  const design = { x: Float64Array.from([2, 0, 3, 1, -2, 0, -3, -1]), rows: 4, width: 2 };
  const fit = fitLinearSvm(
    design,
    Float64Array.from([1, 1, 0, 0]),
    resolveSvmOptions({ c: 1000, classWeight: 'none', epochs: 2000, tolerance: 1e-10 }),
    undefined,
  );
  const f = svmDecision(design, fit);
  // Support vectors sit on the margin, the others beyond it.
  assert.ok(Math.abs(f[0]! - 1) < 1e-6 && Math.abs(f[2]! + 1) < 1e-6, `decision ${Array.from(f)}`);
  assert.ok(f[1]! > 1 && f[3]! < -1);
});

test('svm: Platt probabilities are calibrated on a toy problem with a known logistic link', () => {
  // f ~ N(0, 1), P(bad | f) = σ(2f − 1): Platt should recover a ≈ 2, b ≈ −1 and match bad rates by decile.
  const rng = new Rng(5);
  const n = 20000;
  const f = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    f[i] = rng.nextNormal();
    y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-(2 * f[i]! - 1))) ? 1 : 0;
  }
  const { a, b } = fitPlatt(f, y);
  assert.ok(Math.abs(a - 2) < 0.1 && Math.abs(b + 1) < 0.1, `a ${a}, b ${b}`);
  let predicted = 0;
  let observed = 0;
  for (let i = 0; i < n; i++) {
    predicted += 1 / (1 + Math.exp(-(a * f[i]! + b)));
    observed += y[i]!;
  }
  assert.ok(Math.abs(predicted - observed) / n < 0.005);
});

test('design encoder: standardises, marks missing values, one-hots categories by label', () => {
  const train = creditTestFrame(200, 24);
  const enc = fitDesignEncoder(train, ['bureau', 'region']);
  const bureau = enc.features[0]!;
  assert.ok(bureau.type === 'number' && bureau.missingIndicator);
  const d = encodeDesign(enc, train);
  assert.equal(d.width, 2 + (enc.features[1]!.type === 'category' ? enc.features[1]!.levels.length : 0));
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < d.rows; i++) {
    sum += d.x[i * d.width]!;
    sq += d.x[i * d.width]! ** 2;
    const v = train.numeric('bureau').values[i]!;
    assert.equal(d.x[i * d.width + 1], Number.isNaN(v) ? 1 : 0);
    let ones = 0;
    for (let j = 2; j < d.width; j++) ones += d.x[i * d.width + j]!;
    assert.equal(ones, 1);
  }
  const known = Array.from(train.numeric('bureau').values).filter((v) => !Number.isNaN(v)).length;
  assert.ok(Math.abs(sum) < 1e-9 && Math.abs(sq - known) < 1e-6);
});
