// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import { computeAuc } from '../metrics/index.js';
import { predictEnsembleRaw } from '../tree/index.js';
import { gossSample, kthLargest } from './goss.js';
import { creditTestFrame } from './test-frames.js';
import { trainGbdt } from './train.js';

test('kthLargest agrees with sorting', () => {
  const rng = new Rng(3);
  for (let rep = 0; rep < 20; rep++) {
    const n = 1 + rng.nextInt(300);
    const values = Float64Array.from({ length: n }, () => Math.floor(rng.nextDouble() * 50));
    const sorted = Float64Array.from(values).sort().reverse();
    const k = 1 + rng.nextInt(n);
    assert.equal(kthLargest(Float64Array.from(values), n, k), sorted[k - 1]);
  }
});

test('GOSS keeps the top rows, samples the rest and amplifies them', () => {
  const n = 10_000;
  const rng = new Rng(1);
  const g = Float64Array.from({ length: n }, () => rng.nextNormal());
  const h = new Float64Array(n).fill(1);
  const original = Float64Array.from(g);
  const indices = new Int32Array(n);
  const m = gossSample(g, h, n, 0.2, 0.1, new Rng(2), indices, new Float64Array(n));
  const threshold = Float64Array.from(original, Math.abs).sort()[n - 2000]!;
  let top = 0;
  for (let k = 0; k < m; k++) {
    const i = indices[k]!;
    if (k > 0) assert.ok(i > indices[k - 1]!, 'ascending');
    if (Math.abs(original[i]!) >= threshold) {
      top++;
      assert.equal(g[i], original[i]);
    } else assert.ok(Math.abs(g[i]! - original[i]! * 8) < 1e-12 && h[i] === 8, 'rest amplified by 0.8 / 0.1');
  }
  assert.equal(top, 2000);
  assert.ok(Math.abs(m - 3000) < 150, `kept ${m}`);
});

test('GOSS training is deterministic and about as accurate', () => {
  const train = creditTestFrame(6000, 1);
  const holdout = creditTestFrame(2000, 2);
  const o = { trees: 40, leaves: 15, seed: 4 };
  const full = trainGbdt({ frame: train, target: 'bad' }, o);
  const a = trainGbdt({ frame: train, target: 'bad' }, { ...o, goss: true });
  const b = trainGbdt({ frame: train, target: 'bad' }, { ...o, goss: true });
  const y = holdout.numeric('bad').values;
  const pa = predictEnsembleRaw(a.ensemble, holdout);
  assert.deepEqual(pa, predictEnsembleRaw(b.ensemble, holdout));
  assert.notDeepEqual(pa, predictEnsembleRaw(full.ensemble, holdout));
  assert.ok(computeAuc(pa, y) > computeAuc(predictEnsembleRaw(full.ensemble, holdout), y) - 0.01);
});
