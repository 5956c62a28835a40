// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectedLoss, portfolioLoss, unexpectedLoss } from './loss.js';
import { conditionalPd, vasicekCdf, vasicekQuantile } from './vasicek.js';

test('REFERENCE §5: EL 112,500 and UL 806,128.87', () => {
  assert.ok(Math.abs(expectedLoss(0.025, 0.45, 10_000_000) - 112_500) < 1e-8);
  assert.equal(unexpectedLoss(0.025, 0.45, 10_000_000, 0.25).toFixed(2), '806128.87');
});

test('portfolio EL aggregates per loan; independent UL is the root sum of squares', () => {
  const p = portfolioLoss([0.025, 0.1], 0.45, [10_000_000, 1_000], 0.25);
  assert.ok(Math.abs((p.expectedLoss[1] as number) - 45) < 1e-12);
  assert.ok(Math.abs(p.totalExpectedLoss - 112_545) < 1e-8);
  assert.equal(p.totalEad, 10_001_000);
  const ul = Math.hypot(unexpectedLoss(0.025, 0.45, 10_000_000, 0.25), unexpectedLoss(0.1, 0.45, 1_000, 0.25));
  assert.ok(Math.abs(p.independentUnexpectedLoss - ul) < 1e-6);
  const q = portfolioLoss([0.5], [0.2], [100]);
  assert.equal(q.lossRate, 0.1);
  assert.equal(portfolioLoss([], 0.45, []).lossRate, 0);
});

test('REFERENCE §5 Vasicek at PD 1%, ρ 0.04: q_0.999 = 0.040621, q_0.99 = 0.028752, P(L ≤ 2%) = 0.941847', () => {
  assert.equal(vasicekQuantile(0.01, 0.04, 0.999).toFixed(6), '0.040621');
  assert.equal(vasicekQuantile(0.01, 0.04, 0.99).toFixed(6), '0.028752');
  assert.equal(vasicekCdf(0.01, 0.04, 0.02).toFixed(6), '0.941847');
  // The quantile and the CDF are inverse to each other; y = 0 is the median state.
  assert.ok(Math.abs(vasicekCdf(0.01, 0.04, vasicekQuantile(0.01, 0.04, 0.9)) - 0.9) < 1e-12);
  assert.ok(Math.abs(conditionalPd(0.01, 0.04, -3.0902323061678136) - vasicekQuantile(0.01, 0.04, 0.999)) < 1e-15);
  assert.equal(vasicekCdf(0.01, 0.04, 0), 0);
  assert.equal(vasicekCdf(0.01, 0.04, 1), 1);
});

test('portfolio loss with one LGD and one σ per loan (arrays, not a shared value)', () => {
  // EL = [0.1·0.4·100, 0.2·0.6·200] = [4, 24]; variance = 100²(0.1·0.1² + 0.4²·0.1·0.9) + 200²(0.2·0.3² + 0.6²·0.2·0.8) = 154 + 3024.
  const p = portfolioLoss([0.1, 0.2], [0.4, 0.6], [100, 200], [0.1, 0.3]);
  assert.deepEqual(
    Array.from(p.expectedLoss, (v) => Number(v.toFixed(12))),
    [4, 24],
  );
  assert.ok(Math.abs(p.independentUnexpectedLoss - Math.sqrt(3178)) < 1e-9);
  assert.ok(Math.abs(p.lossRate - 28 / 300) < 1e-15);
});

test('Vasicek CDF outside (0, 1): 0 at or below a zero loss rate, 1 at or above a full loss', () => {
  assert.deepEqual(
    [-0.1, 0, 1, 1.5].map((x) => vasicekCdf(0.01, 0.04, x)),
    [0, 0, 1, 1],
  );
});
