import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CredoModel } from '../ml/model.js';
import { isTrainingReference, stabilityReport, stabilityStatus, trainingReference, validationPerformance } from './model-monitoring.js';

/** trainingReference reads only the schema. */
const model = {
  schema: {
    columns: [
      { name: 'x', type: 'number' },
      { name: 'c', type: 'category', categories: ['a', 'b'] },
    ],
  },
} as unknown as CredoModel;

test('PSI status: under 0.1 stable, 0.1 to 0.25 investigate, above 0.25 shifted', () => {
  assert.deepEqual([0.0999, 0.1, 0.25, 0.2501].map(stabilityStatus), ['stable', 'investigate', 'investigate', 'shifted']);
});

test('training reference: decile bins of 1..10 hold one value each; categories counted, missing apart', () => {
  const rows = Array.from({ length: 10 }, (_, i) => ({ x: i + 1, c: i < 7 ? 'a' : i < 9 ? 'b' : null }));
  const ref = trainingReference(
    model,
    rows,
    Float64Array.from(rows, (r) => r.x / 100),
  );
  const x = ref.features[0]!;
  assert.equal(x.type, 'number');
  assert.deepEqual(x.type === 'number' ? x.edges : [], [2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(x.counts, Array(10).fill(1));
  assert.equal(x.missing, 0);
  const c = ref.features[1]!;
  assert.deepEqual([c.counts, c.missing], [[7, 2], 1]);
  assert.deepEqual(ref.pd.counts, Array(10).fill(1));
});

test('a training reference is readable only when well formed: one whole count per bin, ascending edges', () => {
  const rows = Array.from({ length: 10 }, (_, i) => ({ x: i + 1, c: i < 7 ? 'a' : 'b' }));
  const ref = trainingReference(
    model,
    rows,
    Float64Array.from(rows, (r) => r.x / 100),
  );
  assert.equal(isTrainingReference(ref), true);
  assert.equal(isTrainingReference(JSON.parse(JSON.stringify(ref))), true);
  const [x, c] = ref.features as unknown as [Record<string, unknown>, Record<string, unknown>];
  const broken = [
    undefined,
    { version: 1, rows: 10 },
    { ...ref, version: 2 },
    { ...ref, rows: -1 },
    { ...ref, pd: { ...ref.pd, counts: ref.pd.counts.slice(1) } },
    { ...ref, pd: { ...ref.pd, edges: [...ref.pd.edges].reverse() } },
    { ...ref, features: [{ ...x, counts: [...(x.counts as number[]).slice(1), 1.5] }, c] },
    { ...ref, features: [x, { ...c, categories: ['a', 2] }] },
    { ...ref, features: [x, { ...c, type: 'text' }] },
    { ...ref, features: [x, { ...c, missing: null }] },
  ];
  assert.deepEqual(
    broken.map(isTrainingReference),
    broken.map(() => false),
  );
});

test('stability: every recent value in the lowest training decile gives PSI 9·ln 21 / 15.5 (smoothing 0.5)', () => {
  const train = Array.from({ length: 10 }, (_, i) => ({ x: i + 1, c: 'a' }));
  const ref = trainingReference(
    model,
    train,
    Float64Array.from(train, (r) => r.x / 100),
  );
  const recent = Array.from({ length: 10 }, () => ({ x: 1, c: 'a' }));
  const report = stabilityReport(ref, recent, new Float64Array(10).fill(0.01));
  // expected (1.5 ×10, 0.5 missing)/15.5; actual (10.5, 0.5 ×9, 0.5)/15.5: (9/15.5)·ln 7 + 9·(1/15.5)·ln 3
  const psi = (9 * Math.log(21)) / 15.5;
  const x = report.features.find((f) => f.feature === 'x')!;
  assert.ok(Math.abs(x.psi - psi) < 1e-12, `${x.psi} vs ${psi}`);
  assert.equal(x.status, 'shifted');
  assert.ok(Math.abs(report.pd.psi - (9 * Math.log(7) + 9 * Math.log(3)) / 15) < 1e-12);
  assert.equal(report.features.find((f) => f.feature === 'c')!.psi, 0);
});

test('validation performance: perfectly separated PDs give AUC 1 and KS 1 at the lowest bad PD', () => {
  const p = validationPerformance({ pd: [0.1, 0.2, 0.3, 0.4], bad: [0, 0, 1, 1] });
  assert.equal(p.auc, 1);
  assert.equal(p.ks, 1);
  assert.deepEqual(p.roc.at(-1), { threshold: 0.1, fpr: 1, tpr: 1 });
  assert.ok(p.roc.some((r) => r.fpr === 0 && r.tpr === 1));
});
