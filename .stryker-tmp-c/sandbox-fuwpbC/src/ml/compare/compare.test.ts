// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Frame, numericColumn } from '../../frame/index.js';
import { creditTestFrame } from '../gbdt/test-frames.js';
import { compareModels, comparisonMetrics, outOfFoldPd, summarise } from './index.js';

test('compare: every model gets every metric per fold, mean and sd; times come from the injected clock', async () => {
  const frame = creditTestFrame(900, 61);
  let now = 0;
  const clock = () => (now += 0.5);
  const result = await compareModels(
    frame,
    'bad',
    ['delinq', 'bureau', 'noise', 'income', 'region'],
    [{ kind: 'logistic' }, { kind: 'forest', params: { trees: 10 } }, { kind: 'svm' }],
    { folds: 3, seed: 1, clock },
  );
  assert.deepEqual(
    result.models.map((m) => m.model),
    ['logistic', 'forest', 'svm'],
  );
  for (const m of result.models) {
    assert.equal(m.folds.length, 3);
    assert.deepEqual(Object.keys(m.mean).sort(), [...comparisonMetrics].sort());
    assert.deepEqual(Object.keys(m.sd).sort(), [...comparisonMetrics].sort());
    // Each fit reads the clock twice, 0.5 s apart.
    for (const f of m.folds) assert.equal(f.train_seconds, 0.5);
    assert.ok(m.mean.auc > 0.7, `${m.model} AUC ${m.mean.auc}`);
    assert.ok(Math.abs(m.mean.gini - (2 * m.mean.auc - 1)) < 1e-12);
  }
  assert.equal(result.rows, 900);
});

test('summarise: mean and sample standard deviation', () => {
  const row = (auc: number) =>
    Object.fromEntries(comparisonMetrics.map((m) => [m, m === 'auc' ? auc : 1])) as Record<(typeof comparisonMetrics)[number], number>;
  const { mean, sd } = summarise([row(0.7), row(0.8), row(0.9)]);
  assert.ok(Math.abs(mean.auc - 0.8) < 1e-12);
  assert.ok(Math.abs(sd.auc - 0.1) < 1e-12);
  assert.equal(sd.brier, 0);
});

test('outOfFoldPd: every row is scored by a model that never saw it; pooled predictions by hand', async () => {
  // 10 rows, 4 bad: 2 stratified folds of 2 bad + 3 good each.
  const labels = Float64Array.from([1, 0, 0, 1, 0, 1, 0, 0, 1, 0]);
  const frame = new Frame([
    numericColumn(
      'id',
      Float64Array.from(labels, (_, i) => i),
    ),
    numericColumn('bad', labels),
  ]);
  const seen: number[][] = [];
  const pd = await outOfFoldPd(frame, labels, 2, 7, async (train) => {
    const ids = Array.from(train.numeric('id').values);
    seen.push(ids);
    const rate = train.numeric('bad').values.reduce((s, v) => s + v, 0) / train.rowCount;
    // 1 would mark a row the model trained on; the rest get the training bad rate
    return (test) => Float64Array.from(test.numeric('id').values, (id) => (ids.includes(id) ? 1 : rate));
  });
  assert.equal(seen.length, 2);
  assert.deepEqual(
    [...seen[0]!, ...seen[1]!].sort((a, b) => a - b),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  // each fold's training half has 2 bads in 5 rows
  assert.deepEqual(Array.from(pd), Array(10).fill(0.4));
});
