// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeAuc, computeKs } from './index.js';
import { rocCurve, thinCurve } from './roc-curve.js';

test('ROC curve by hand: points, trapezoid area = rank AUC, KS = max(TPR − FPR)', () => {
  // PD descending: 0.9 bad, 0.8 good, 0.7 bad, 0.7 good (tie), 0.2 good.
  const pd = Float64Array.from([0.2, 0.7, 0.9, 0.7, 0.8]);
  const labels = Float64Array.from([0, 1, 1, 0, 0]);
  const roc = rocCurve(pd, labels);
  assert.deepEqual(
    roc.points.map((p) => [p.threshold, p.fpr, p.tpr]),
    [
      [Number.POSITIVE_INFINITY, 0, 0],
      [0.9, 0, 0.5],
      [0.8, 1 / 3, 0.5],
      [0.7, 2 / 3, 1],
      [0.2, 1, 1],
    ],
  );
  // Pairs (bad, good) ranked right: 0.9 beats all 3 goods; 0.7 beats 0.2, ties 0.7 (½), loses to 0.8 → (3 + 1.5)/6.
  assert.ok(Math.abs(roc.auc - 4.5 / 6) < 1e-15);
  assert.ok(Math.abs(roc.auc - computeAuc(pd, labels)) < 1e-15);
  assert.equal(roc.ks, 0.5);
  assert.equal(roc.ksThreshold, 0.9);
  assert.ok(Math.abs(roc.ks - computeKs(pd, labels).ks) < 1e-15);
});

test('thinning keeps the ends, the KS point and at most limit + 1 points', () => {
  const points = Array.from({ length: 1001 }, (_, k) => ({ threshold: 1 - k / 1000, fpr: k / 1000, tpr: Math.sqrt(k / 1000) }));
  const thin = thinCurve(points, 11, points[333]?.threshold);
  assert.equal(thin[0], points[0]);
  assert.equal(thin[thin.length - 1], points[1000]);
  assert.ok(thin.includes(points[333] as (typeof points)[number]));
  assert.equal(thin.length, 12);
});
