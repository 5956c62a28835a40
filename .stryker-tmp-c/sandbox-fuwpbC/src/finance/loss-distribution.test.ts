// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  expectedShortfall,
  lossMean,
  lossQuantile,
  lossStandardDeviation,
  sortedExpectedShortfall,
  sortedQuantile,
  sortLosses,
  summariseLosses,
} from './loss-distribution.js';

const hundred = Float64Array.from({ length: 100 }, (_, i) => 100 - i); // 100, 99, …, 1 (unsorted)

test('quantile is the ⌈nα⌉-th smallest loss (type 1)', () => {
  assert.equal(lossQuantile(hundred, 0.99), 99);
  assert.equal(lossQuantile(hundred, 0.995), 100);
  assert.equal(lossQuantile(hundred, 0.5), 50);
  assert.equal(lossQuantile(hundred, 0.501), 51);
  assert.equal(lossQuantile(hundred, 1), 100);
  assert.equal(lossQuantile([7], 0.999), 7);
});

test('expected shortfall: hand-worked values', () => {
  // α = 0.99: worst 1% of 100 outcomes is the single value 100.
  assert.equal(expectedShortfall(hundred, 0.99), 100);
  // α = 0.98: mean of {99, 100}.
  assert.equal(expectedShortfall(hundred, 0.98), 99.5);
  // α = 0.985: levels (0.985, 0.99] take 99 (weight 0.005), (0.99, 1] take 100 (weight 0.01) → (0.495 + 1)/0.015.
  assert.ok(Math.abs(expectedShortfall(hundred, 0.985) - (0.005 * 99 + 0.01 * 100) / 0.015) < 1e-12);
  assert.equal(expectedShortfall(hundred, 1), 100);
  // α = 0 gives the mean.
  assert.ok(Math.abs(expectedShortfall(hundred, 0) - 50.5) < 1e-12);
});

test('mean and standard deviation', () => {
  assert.equal(lossMean([1, 2, 3, 4]), 2.5);
  assert.ok(Math.abs(lossStandardDeviation([1, 2, 3, 4]) - Math.sqrt(1.25)) < 1e-15);
  assert.equal(lossMean([]), 0);
  assert.equal(lossStandardDeviation([5]), 0);
});

test('summary reports VaR, ES and EC per level', () => {
  const s = summariseLosses(hundred, [0.99, 0.98]);
  assert.equal(s.count, 100);
  assert.equal(s.mean, 50.5);
  assert.equal(s.min, 1);
  assert.equal(s.max, 100);
  assert.deepEqual(s.tails[0], { alpha: 0.99, var: 99, es: 100, economicCapital: 48.5 });
  assert.deepEqual(s.tails[1], { alpha: 0.98, var: 98, es: 99.5, economicCapital: 47.5 });
  assert.deepEqual(summariseLosses([]).tails[1], { alpha: 0.999, var: 0, es: 0, economicCapital: 0 });
});

test('ES ≥ VaR ≥ mean-free lower bound, ES matches a brute-force integral (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 999 }), (values, a) => {
      const alpha = a / 1000;
      const sorted = sortLosses(values);
      const varValue = sortedQuantile(sorted, Math.max(alpha, 1e-9));
      const es = sortedExpectedShortfall(sorted, alpha);
      assert.ok(es >= varValue - 1e-9 || alpha === 0);
      // Brute force: midpoint rule over a fine grid of levels in (α, 1].
      const steps = 20000;
      let integral = 0;
      for (let s = 0; s < steps; s++) {
        const u = alpha + ((s + 0.5) * (1 - alpha)) / steps;
        integral += sortedQuantile(sorted, u);
      }
      const brute = integral / steps;
      assert.ok(Math.abs(es - brute) <= (1000 * (2 * values.length)) / steps + 1e-9, `es ${es} brute ${brute}`);
    }),
    { seed: 11, numRuns: 150 },
  );
});
