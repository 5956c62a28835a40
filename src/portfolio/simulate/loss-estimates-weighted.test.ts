import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimateLosses, MIN_TAIL_SCENARIOS, TARGET_PRECISION, tailWarnings } from './loss-estimates.js';

/**
 * Four weighted scenarios worked by hand: losses L = (10, 0, 40, 20), likelihood ratios
 * w = (1, 2, 0.5, 0.5) (mass w/n = 0.25, 0.5, 0.125, 0.125), two segments.
 */
const Z = 1.959963984540054;
const results = {
  loss: Float64Array.of(10, 0, 40, 20),
  weight: Float64Array.of(1, 2, 0.5, 0.5),
  segmentLoss: Float64Array.of(4, 6, 0, 0, 30, 10, 5, 15),
};
const close = (actual: number | undefined, expected: number, what: string) =>
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);

test('weighted EL, its Euler split, VaR/ES/EC with intervals, the atom at VaR, variance reduction, histogram and budget', () => {
  const e = estimateLosses(results, 2, { alphas: [0.8, 0.5, 0.3], budget: 15, histogramBins: 4, weighted: true });
  assert.equal(e.scenarios, 4);
  // EL = mean of w·L = (10 + 0 + 20 + 10)/4 = 10; E[(wL)²] = 600/4 = 150 → se √((150 − 100)/3)
  close(e.el.value, 10, 'EL');
  close(e.el.se, Math.sqrt(50 / 3), 'EL se');
  close(e.el.ci[0], 10 - Z * Math.sqrt(50 / 3), 'EL low');
  close(e.el.ci[1], 10 + Z * Math.sqrt(50 / 3), 'EL high');
  close(e.elBySegment[0], 21.5 / 4, 'EL segment 0');
  close(e.elBySegment[1], 18.5 / 4, 'EL segment 1');
  const [t80, t50, t30] = e.tails;
  assert.ok(t80 !== undefined && t50 !== undefined && t30 !== undefined);
  // α = 0.8: exceedance mass above 20 is 0.125 ≤ 0.2, above 10 it is 0.25 → VaR 20
  assert.equal(t80.alpha, 0.8);
  assert.equal(t80.var.value, 20);
  // P(L > 20) = 0.125 with se √((0.25/4 − 0.125²)/3) = 0.125; VaR's interval inverts 0.2 ± 1.96·0.125 → [10, 40]
  assert.deepEqual(t80.var.ci, [10, 40]);
  close(t80.var.se, 30 / (2 * Z), 'VaR se');
  // ES = 20 + mean(w·(L − 20)⁺)/0.2 = 20 + 2.5/0.2; the excess (0, 0, 10, 0) has se √((100/4 − 6.25)/3) = 2.5
  close(t80.es.value, 32.5, 'ES');
  close(t80.es.se, 12.5, 'ES se');
  close(t80.es.ci[0], 20, 'ES low (clipped at VaR)');
  close(t80.es.ci[1], 32.5 + Z * 12.5, 'ES high');
  close(t80.ec.value, 10, 'EC');
  assert.deepEqual(t80.ec.ci, [0, 30]);
  close(t80.ec.se, t80.var.se, 'EC se');
  // Euler: scenario 3 (L = 40) whole, the atom at 20 (mass 0.125) for the missing 0.075 → share 0.6
  close(t80.esBySegment[0], 0.625 * 30 + 0.375 * 5, 'ES segment 0');
  close(t80.esBySegment[1], 0.625 * 10 + 0.375 * 15, 'ES segment 1');
  // plain se √(0.8·0.2/4) = 0.2 against 0.125: reduction 2.56
  close(t80.varianceReduction, 2.56, 'variance reduction');
  assert.equal(t80.tailScenarios, 2);
  // 4·(1.96·12.5/32.5/0.05)² = 909.2 → 910 (more than 4·20/2 = 40 for the tail count)
  assert.equal(t80.scenariosForPrecision, Math.ceil(4 * ((Z * 12.5) / 32.5 / 0.05) ** 2));
  assert.equal(t80.scenariosForPrecision, 910);
  // α = 0.5: the mass above 0 is exactly 0.5, so VaR = 0 (the tolerance keeps the tie); ES = 0 + 10/0.5
  assert.equal(t50.var.value, 0);
  assert.deepEqual(t50.var.ci, [0, 40]);
  close(t50.es.value, 20, 'ES50');
  // the atom at 0 gets no share: all of the tail mass lies above it
  close(t50.esBySegment[0], 0.5 * 4 + 0.25 * 30 + 0.25 * 5, 'ES50 segment 0');
  close(t50.esBySegment[1], 0.5 * 6 + 0.25 * 10 + 0.25 * 15, 'ES50 segment 1');
  assert.equal(t50.tailScenarios, 4);
  assert.equal(t50.scenariosForPrecision, Math.max(Math.ceil(4 * ((Z * t50.es.se) / 20 / 0.05) ** 2), 20));
  // α = 0.3: the interval's lower end asks for more mass than there is → the smallest loss
  assert.equal(t30.var.value, 0);
  assert.deepEqual(t30.var.ci, [0, 10]);
  // histogram: width 10, bins [0,10) [10,20) [20,30) [30,40], the maximum in the last bin
  assert.deepEqual([...e.histogram.edges], [0, 10, 20, 30, 40]);
  assert.deepEqual([...e.histogram.probability], [0.5, 0.25, 0.125, 0.125]);
  // P(L > 15) = (0.5 + 0.5)/4 = 0.25, se √((0.5/4 − 0.0625)/3)
  assert.equal(e.exceedBudget?.budget, 15);
  close(e.exceedBudget?.probability.value, 0.25, 'budget');
  close(e.exceedBudget?.probability.se, Math.sqrt(0.0625 / 3), 'budget se');
  close(e.exceedBudget?.probability.ci[1], 0.25 + Z * Math.sqrt(0.0625 / 3), 'budget high');
  // warnings: every tail rests on fewer than 20 scenarios; under importance sampling no IS hint
  assert.equal(MIN_TAIL_SCENARIOS, 20);
  assert.equal(TARGET_PRECISION, 0.05);
  const warnings = tailWarnings(e, true);
  assert.equal(warnings.length, 3);
  assert.equal(
    warnings[0],
    'VaR80 and ES80 rest on 2 of 4 scenarios (fewer than 20): their intervals are unreliable. For a ±5% 95% interval on ES80 use about --scenarios 910',
  );
  assert.ok(tailWarnings(e, false)[0]?.endsWith('--scenarios 910, or importance sampling (e.g. --importance-shift -2.5) with fewer'));
});

test('unweighted: no variance reduction, the plain tail-probability se, the segment split; all-zero losses and one scenario', () => {
  const plain = { loss: Float64Array.of(1, 2, 3, 4), weight: Float64Array.of(1, 1, 1, 1), segmentLoss: Float64Array.of(1, 0, 0, 2, 3, 0, 0, 4) };
  const e = estimateLosses(plain, 2, { alphas: [0.5], histogramBins: 2, weighted: false });
  const t = e.tails[0];
  assert.ok(t !== undefined);
  // VaR50 = the 2nd smallest = 2; ES (Acerbi–Tasche) = (3 + 4)/2 = 3.5
  assert.equal(t.var.value, 2);
  assert.equal(t.es.value, 3.5);
  assert.equal(t.varianceReduction, 1);
  // plain se √(0.25/4) = 0.25: 0.5 ± 0.49 → [1, 4]
  assert.deepEqual(t.var.ci, [1, 4]);
  assert.deepEqual([...t.esBySegment], [1.5, 2]);
  assert.deepEqual([...e.elBySegment], [1, 1.5]);
  assert.equal(e.exceedBudget, undefined);
  assert.deepEqual([...e.histogram.edges], [0, 2, 4]);
  assert.deepEqual([...e.histogram.probability], [0.25, 0.75]);
  const zeros = estimateLosses({ loss: new Float64Array(3), weight: new Float64Array(3).fill(1), segmentLoss: new Float64Array(3) }, 1, {
    alphas: [0.9],
    histogramBins: 2,
    weighted: false,
  });
  assert.deepEqual([...zeros.histogram.edges], [0, 1, 2]);
  assert.deepEqual([...zeros.histogram.probability], [1, 0]);
  assert.equal(zeros.tails[0]?.es.value, 0);
  // ES = 0: no relative precision; 3 tail scenarios → 3·20/3
  assert.equal(zeros.tails[0]?.scenariosForPrecision, 20);
  const one = estimateLosses({ loss: Float64Array.of(5), weight: Float64Array.of(1), segmentLoss: Float64Array.of(5) }, 1, {
    alphas: [0.9],
    histogramBins: 1,
    weighted: true,
  });
  assert.deepEqual([one.el.value, one.el.se], [5, 0]);
});
