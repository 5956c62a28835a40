// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimateLosses, tailWarnings } from './loss-estimates.js';

function results(loss: Float64Array) {
  return { loss, weight: new Float64Array(loss.length).fill(1), segmentLoss: Float64Array.from(loss) };
}

test('tail estimates on losses 1…1000 (hand-checked): VaR99 990 [984, 997], ES99 995.5 ± 1.96·1.9554', () => {
  const e = estimateLosses(results(Float64Array.from({ length: 1000 }, (_, s) => s + 1)), 1, { alphas: [0.99], histogramBins: 10, weighted: false });
  const t = e.tails[0];
  assert.ok(t !== undefined);
  assert.equal(t.var.value, 990);
  // tail-probability se √(0.99·0.01/1000) = 0.0031464: exceedance ≤ 16.17 → 984, ≤ 3.83 → 997
  assert.deepEqual(t.var.ci, [984, 997]);
  assert.equal(t.es.value, 995.5); // 990 + (1 + … + 10)/10
  // excess (L − 990)⁺: ten values 1…10, mean 0.055, E[x²] 0.385 → se √((0.385 − 0.055²)/999) = 0.0195540, /0.01
  const se = Math.sqrt((0.385 - 0.055 ** 2) / 999) / 0.01;
  assert.ok(Math.abs(t.es.se - se) < 1e-9);
  assert.ok(Math.abs((t.es.ci[0] as number) - (995.5 - 1.959963984540054 * se)) < 1e-9);
  assert.equal(t.tailScenarios, 11);
});

test('an ES interval never reaches below VaR, nor ends below VaR’s upper end; a thin tail warns with a scenario count', () => {
  // 999 losses 1…999 and one of 100,000: VaR99.9 = 999, ES99.9 = 999 + 99,001/1 = 100,000
  const loss = Float64Array.from({ length: 1000 }, (_, s) => (s < 999 ? s + 1 : 100_000));
  const e = estimateLosses(results(loss), 1, { alphas: [0.99, 0.999], histogramBins: 10, weighted: false });
  const t = e.tails[1];
  assert.ok(t !== undefined);
  assert.equal(t.var.value, 999);
  assert.equal(t.es.value, 100_000);
  // the excess has one non-zero value 99,001: se = 99,001·√(0.000999/999) / 0.001 = 99,001, so ES − 1.96·se < 0 < VaR
  assert.ok(Math.abs(t.es.se - 99_001) < 1e-6);
  assert.equal(t.es.ci[0], 999);
  assert.ok((t.es.ci[1] as number) >= (t.var.ci[1] as number));
  for (const tail of e.tails) {
    assert.ok((tail.es.ci[0] as number) >= tail.var.value, `ES lower end ${tail.es.ci[0]} below VaR ${tail.var.value}`);
    assert.ok((tail.es.ci[1] as number) >= (tail.var.ci[1] as number));
  }
  assert.equal(t.tailScenarios, 2);
  // ±5%: 1000·(1.96·99,001/100,000/0.05)² ≈ 1.5 million scenarios (more than 1000·20/2 for 20 tail scenarios)
  assert.equal(t.scenariosForPrecision, Math.ceil(1000 * ((1.959963984540054 * 99_001) / 100_000 / 0.05) ** 2));
  const warnings = tailWarnings(e, false);
  assert.equal(warnings.length, 2); // 99%: 11 scenarios at or above VaR, 99.9%: 2
  assert.match(warnings[1] as string, /^VaR99\.9 and ES99\.9 rest on 2 of 1000 scenarios \(fewer than 20\).*--scenarios 150\d{4}, or importance sampling/);
  assert.deepEqual(
    tailWarnings(estimateLosses(results(Float64Array.from({ length: 10_000 }, (_, s) => s)), 1, { alphas: [0.99], histogramBins: 10, weighted: false }), false),
    [],
  );
});
