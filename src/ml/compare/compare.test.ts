import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditTestFrame } from '../gbdt/test-frames.js';
import { compareModels, comparisonMetrics, summarise } from './index.js';

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
