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

test('lowest levels, the input left untouched, the summary with its default levels', () => {
  // ⌈n·α⌉ is clamped to rank 1: α = 0 and α = 0.001 of 100 losses both give the smallest.
  assert.equal(lossQuantile(hundred, 0), 1);
  assert.equal(lossQuantile(hundred, 0.001), 1);
  assert.equal(lossQuantile(hundred, 0.011), 2);
  assert.equal(sortedExpectedShortfall(Float64Array.of(1, 2, 3), 1.5), 3);
  // α = 0.5 of [2, 4, 6, 8]: the worst half, (6 + 8) / 2; α = 0.6: 6 holds 0.15 of the 0.4 tail, 8 holds 0.25.
  assert.equal(expectedShortfall([8, 2, 6, 4], 0.5), 7);
  assert.ok(Math.abs(expectedShortfall([8, 2, 6, 4], 0.6) - (0.15 * 6 + 0.25 * 8) / 0.4) < 1e-12);
  const input = [3, -1, 2];
  assert.deepEqual(Array.from(sortLosses(input)), [-1, 2, 3]);
  assert.deepEqual(input, [3, -1, 2]);
  // Numeric, not text, order: 10 after 9.
  assert.deepEqual(Array.from(sortLosses([10, 9, 100])), [9, 10, 100]);
  const s = summariseLosses([4, 1, 3, 2]);
  assert.deepEqual(
    s.tails.map((t) => t.alpha),
    [0.99, 0.999],
  );
  assert.equal(s.min, 1);
  assert.equal(s.max, 4);
  assert.ok(Math.abs(s.standardDeviation - Math.sqrt(1.25)) < 1e-15);
  assert.deepEqual(s.tails[0], { alpha: 0.99, var: 4, es: 4, economicCapital: 1.5 });
  assert.deepEqual(summariseLosses([]), {
    count: 0,
    mean: 0,
    standardDeviation: 0,
    min: 0,
    max: 0,
    tails: [
      { alpha: 0.99, var: 0, es: 0, economicCapital: 0 },
      { alpha: 0.999, var: 0, es: 0, economicCapital: 0 },
    ],
  });
  // Standard deviation of two values divides by n = 2: |a − b| / 2.
  assert.equal(lossStandardDeviation([1, 5]), 2);
});
