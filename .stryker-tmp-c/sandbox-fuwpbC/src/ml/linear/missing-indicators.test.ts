// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryFromLabels, Frame, numericColumn } from '../../frame/index.js';
import { encodeDesign } from '../mlp/index.js';
import { svmDecision, trainSvm } from './svm.js';
import { predictLogisticLogit, trainLogisticModel } from './train-logistic-model.js';

// 30 rows where missingness is the only signal: x = 1 (10 rows, 1 bad), x = 2 (10 rows, 1 bad),
// x missing (10 rows, 5 bads). The same layout for a category: A, B, missing.
const x: number[] = [];
const c: (string | null)[] = [];
const bad: number[] = [];
for (const [value, label, bads] of [
  [1, 'A', 1],
  [2, 'B', 1],
  [Number.NaN, null, 5],
] as const) {
  for (let k = 0; k < 10; k++) {
    x.push(value);
    c.push(label);
    bad.push(k < bads ? 1 : 0);
  }
}
const frame = new Frame([numericColumn('x', Float64Array.from(x)), categoryFromLabels('c', c), numericColumn('bad', Float64Array.from(bad))]);
const labels = frame.numeric('bad').values;
const pd = (logit: number) => 1 / (1 + Math.exp(-logit));
const logit = (p: number) => Math.log(p / (1 - p));

test('logistic with a missing indicator: three groups, three parameters, so the MLE reproduces each group bad rate', () => {
  const body = trainLogisticModel(frame, labels, ['x']);
  const term = body.terms[0]!;
  assert.equal(term.type, 'number');
  assert.deepEqual(body.design, ['(intercept)', 'x', 'x:missing']);
  // Saturated: PD 0.1 at x = 1 and x = 2 (so the slope is 0), 0.5 when missing.
  const out = predictLogisticLogit(body, frame);
  for (let i = 0; i < 30; i++) assert.ok(Math.abs(pd(out[i]!) - (i < 20 ? 0.1 : 0.5)) < 1e-8, `row ${i}: ${pd(out[i]!)}`);
  if (term.type !== 'number') throw new Error('type');
  assert.ok(Math.abs(term.coefficient) < 1e-8);
  assert.ok(Math.abs((term.missing ?? 0) - (logit(0.5) - logit(0.1))) < 1e-8);
});

test('logistic without indicators: missing x takes the mean 1.5, the symmetric fit has slope 0 and one PD 7/30', () => {
  const body = trainLogisticModel(frame, labels, ['x'], { missingIndicators: false });
  assert.deepEqual(body.design, ['(intercept)', 'x']);
  assert.equal((body.terms[0] as { missing?: number }).missing, undefined);
  const out = predictLogisticLogit(body, frame);
  for (let i = 0; i < 30; i++) assert.ok(Math.abs(pd(out[i]!) - 7 / 30) < 1e-8);
});

test('logistic, categorical: a missing category gets its own indicator instead of joining the reference', () => {
  const withIndicator = predictLogisticLogit(trainLogisticModel(frame, labels, ['c']), frame);
  for (let i = 0; i < 30; i++) assert.ok(Math.abs(pd(withIndicator[i]!) - (i < 20 ? 0.1 : 0.5)) < 1e-8);
  // Without: missing adds 0 like the reference A (the first of the tied most frequent levels): A ∪ missing = 6/20.
  const without = predictLogisticLogit(trainLogisticModel(frame, labels, ['c'], { missingIndicators: false }), frame);
  for (let i = 0; i < 30; i++) assert.ok(Math.abs(pd(without[i]!) - (i >= 10 && i < 20 ? 0.1 : 0.3)) < 1e-8, `row ${i}`);
});

test('svm with a missing indicator ranks missing rows riskier; its composed logit matches the encoded design', () => {
  const body = trainSvm(frame, labels, ['x'], { seed: 1 });
  assert.equal(body.encoder.width, 2);
  const out = predictLogisticLogit(body.logit, frame);
  const design = encodeDesign(body.encoder, frame);
  const f = svmDecision(design, { weights: Float64Array.from(body.weights), bias: body.bias, epochs: 0, converged: true });
  for (let i = 0; i < 30; i++) assert.ok(Math.abs(body.platt.a * f[i]! + body.platt.b - out[i]!) < 1e-9);
  for (let i = 0; i < 20; i++) assert.ok(out[20]! > out[i]! + 1, `missing ${out[20]} vs row ${i} ${out[i]}`);
  // Without the indicator a missing row is scored exactly as x = 1.5 (the mean fill).
  const plain = trainSvm(frame, labels, ['x'], { seed: 1, missingIndicators: false });
  assert.equal(plain.encoder.width, 1);
  const mid = new Frame([numericColumn('x', Float64Array.from([1.5]))]);
  assert.ok(Math.abs(predictLogisticLogit(plain.logit, frame)[25]! - predictLogisticLogit(plain.logit, mid)[0]!) < 1e-12);
});
