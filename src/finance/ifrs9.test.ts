import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import {
  assignStage,
  assignStages,
  ceclAllowance,
  computeEcl,
  lifetimeEcl,
  marginalPd,
  stageEcl,
  survivalFromCumulativePd,
  survivalFromHazard,
  twelveMonthEcl,
} from './ifrs9.js';

const ead = [10_000, 6_700, 3_400];

test('REFERENCE §5 IFRS 9, discrete hazard: stage 1 = 72.7273, lifetime = 135.7653', () => {
  const input = { survival: survivalFromHazard(0.02, 3, 'discrete'), lgd: 0.4, ead, eir: 0.1 };
  assert.equal(twelveMonthEcl(input).ecl.toFixed(4), '72.7273');
  assert.equal(lifetimeEcl(input).ecl.toFixed(4), '135.7653');
  assert.equal(stageEcl(1, input).ecl.toFixed(4), '72.7273');
  assert.equal(stageEcl(2, input).ecl.toFixed(4), '135.7653');
});

test('REFERENCE §5 IFRS 9, continuous hazard: 72.0048 and 134.4333', () => {
  const input = { survival: survivalFromHazard(0.02, 3, 'continuous'), lgd: 0.4, ead, eir: 0.1 };
  assert.equal(twelveMonthEcl(input).ecl.toFixed(4), '72.0048');
  assert.equal(lifetimeEcl(input).ecl.toFixed(4), '134.4333');
});

test('marginal PDs, cumulative PD input, discount timing and CECL', () => {
  const s = survivalFromHazard(0.02, 3);
  const m = marginalPd(s);
  assert.ok(Math.abs((m[0] as number) - 0.02) < 1e-15 && Math.abs((m[1] as number) - 0.0196) < 1e-15 && Math.abs((m[2] as number) - 0.019208) < 1e-15);
  const fromCum = survivalFromCumulativePd([0.02, 0.0396, 0.058808]);
  assert.ok(Math.abs(lifetimeEcl({ survival: fromCum, lgd: 0.4, ead, eir: 0.1 }).ecl - 135.7653) < 1e-4);
  // Undiscounted: 0.02·4000 + 0.0196·2680 + 0.019208·1360 = 80 + 52.528 + 26.12288.
  assert.ok(Math.abs(ceclAllowance({ survival: s, lgd: 0.4, ead, eir: 0.1 }, false).ecl - 158.65088) < 1e-9);
  assert.equal(ceclAllowance({ survival: s, lgd: 0.4, ead, eir: 0.1 }).ecl.toFixed(4), '135.7653');
  // Mid-period discounting of the first period: 80 / 1.1^0.5.
  assert.ok(Math.abs(twelveMonthEcl({ survival: s, lgd: 0.4, ead, eir: 0.1, discounting: 'mid' }).ecl - 80 / Math.sqrt(1.1)) < 1e-9);
  // Monthly periods: the 12-month ECL sums 12 periods.
  const monthly = survivalFromHazard(0.002, 24);
  const e = twelveMonthEcl({ survival: monthly, lgd: 1, ead: new Float64Array(24).fill(100), eir: 0, periodsPerYear: 12 });
  assert.equal(e.periods, 12);
  assert.ok(Math.abs(e.ecl - 100 * (1 - 0.998 ** 12)) < 1e-9);
  // Stage 3: already in default.
  assert.ok(Math.abs(stageEcl(3, { survival: s, lgd: 0.4, ead, eir: 0.1 }).ecl - 4000 / 1.1) < 1e-9);
  assert.throws(() => computeEcl({ survival: [0.9, 0.95], lgd: 0.4, ead: [1, 1], eir: 0 }), CredoError);
  assert.throws(() => computeEcl({ survival: [0.9], lgd: 0.4, ead: [1, 1], eir: 0 }), /EAD curve/);
});

test('staging by dpd and relative/absolute PD increase, thresholds as parameters', () => {
  assert.equal(assignStage(0, 0.02, 0.02), 1);
  assert.equal(assignStage(30, 0.02, 0.02), 1);
  assert.equal(assignStage(31, 0.02, 0.02), 2);
  assert.equal(assignStage(90, 0.02, 0.02), 2);
  assert.equal(assignStage(91, 0.02, 0.02), 3);
  assert.equal(assignStage(0, 0.02, 0.04), 2);
  assert.equal(assignStage(0, 0.02, 0.039), 1);
  assert.equal(assignStage(0, 0.02, 0.05, { relativePdIncrease: 3 }), 1);
  assert.equal(assignStage(0, 0.001, 0.003, { absolutePdIncrease: 0.005 }), 1);
  assert.equal(assignStage(0, 0.001, 0.003, { lowCreditRiskPd: 0.003 }), 1);
  assert.equal(assignStage(45, 0.001, 0.003, { lowCreditRiskPd: 0.003 }), 2);
  assert.equal(assignStage(45, 0.02, 0.02, { stage2Dpd: 60 }), 1);
  assert.deepEqual(Array.from(assignStages([0, 40, 100, Number.NaN], [0.01, 0.01, 0.01, 0.01], [0.01, 0.01, 0.01, Number.NaN])), [1, 2, 3, 1]);
});

test('discounting with two periods a year: DF(t) = (1+EIR)^−(t/2), end and mid of the period', () => {
  // EIR 44%: 1.44^−½ = 1/1.2 and 1.44^−1 = 1/1.44 (hand-worked), so each contribution is 0.1·EAD/DF = 10.
  const input = { survival: [0.9, 0.8], lgd: 1, ead: [120, 144], eir: 0.44, periodsPerYear: 2 };
  const end = lifetimeEcl(input);
  assert.ok(Math.abs((end.contributions[0] as number) - 10) < 1e-12 && Math.abs((end.contributions[1] as number) - 10) < 1e-12);
  assert.ok(Math.abs(end.ecl - 20) < 1e-12);
  // Mid-period: t = ¼ and ¾ years, DF = 1.2^−½ and 1.2^−3/2.
  const mid = lifetimeEcl({ ...input, discounting: 'mid' });
  assert.ok(Math.abs(mid.ecl - (12 / Math.sqrt(1.2) + 14.4 / 1.2 ** 1.5)) < 1e-12);
  // The 12-month ECL of a half-yearly curve is both periods; a horizon cuts the sum and never exceeds the curve.
  assert.equal(twelveMonthEcl(input).periods, 2);
  assert.equal(computeEcl(input, 1).periods, 1);
  assert.ok(Math.abs(computeEcl(input, 1).ecl - 10) < 1e-12);
  assert.equal(computeEcl(input, 5).periods, 2);
  assert.equal(computeEcl(input).contributions.length, 2);
});

test('hazard and LGD given per period, and the curve checks', () => {
  // S = (1 − 0.1), (1 − 0.1)(1 − 0.2) = 0.9, 0.72; continuous: e^−0.1, e^−0.3.
  const s = survivalFromHazard([0.1, 0.2], 2);
  assert.ok(Math.abs((s[0] as number) - 0.9) < 1e-15 && Math.abs((s[1] as number) - 0.72) < 1e-15);
  const c = survivalFromHazard([0.1, 0.2], 2, 'continuous');
  assert.ok(Math.abs((c[0] as number) - Math.exp(-0.1)) < 1e-15 && Math.abs((c[1] as number) - Math.exp(-0.3)) < 1e-15);
  // PD_marg = 0.1, 0.18; LGD 0.5 then 0.25; EAD 100 each; undiscounted: 5 + 4.5.
  const e = lifetimeEcl({ survival: s, lgd: [0.5, 0.25], ead: [100, 100], eir: 0, discounting: 'none' });
  assert.ok(Math.abs(e.ecl - 9.5) < 1e-12);
  assert.throws(() => computeEcl({ survival: s, lgd: [0.5], ead: [100, 100], eir: 0 }), /LGD curve has 1 periods, survival has 2/);
  assert.throws(() => computeEcl({ survival: [0.9, 0.95], lgd: 0.4, ead: [1, 1], eir: 0 }), /period 2 has 0.95/);
  assert.throws(() => computeEcl({ survival: [1.1], lgd: 0.4, ead: [1], eir: 0 }), /period 1 has 1.1/);
  assert.throws(() => computeEcl({ survival: [0.5, -0.1], lgd: 0.4, ead: [1, 1], eir: 0 }), /period 2 has -0.1/);
  assert.throws(() => computeEcl({ survival: [Number.NaN], lgd: 0.4, ead: [1], eir: 0 }), /period 1 has NaN/);
  // A rise within the 1e-12 tolerance is accepted (rounding in a curve built from cumulative PDs).
  assert.equal(computeEcl({ survival: [0.5, 0.5 + 1e-13, 0], lgd: 1, ead: [1, 1, 1], eir: 0 }).periods, 3);
  // Stage 3 with its curve is the stage-2 (lifetime) ECL.
  const input = { survival: s, lgd: 1, ead: [100, 100], eir: 0 };
  assert.ok(Math.abs(stageEcl(3, input, true).ecl - 28) < 1e-12);
  assert.ok(Math.abs(stageEcl(3, input).ecl - 100) < 1e-12);
});

test('staging: low credit risk only below its PD, absolute increase met, missing origination PD', () => {
  assert.equal(assignStage(0, 0.001, 0.004, { lowCreditRiskPd: 0.003 }), 2);
  assert.equal(assignStage(0, 0.001, 0.01, { absolutePdIncrease: 0.005 }), 2);
  // Exactly at both thresholds (binary-exact values): 0.5 = 2·0.25 and 0.5 − 0.25 = 0.25.
  assert.equal(assignStage(0, 0.25, 0.5, { absolutePdIncrease: 0.25 }), 2);
  assert.equal(assignStage(0, 0.25, 0.5, { absolutePdIncrease: 0.375 }), 1);
  assert.equal(assignStage(0, 0.1, 0.25, { relativePdIncrease: 2.5 }), 2);
  assert.equal(assignStage(60, 0.02, 0.02, { stage3Dpd: 59 }), 3);
  assert.equal(assignStage(59, 0.02, 0.02, { stage3Dpd: 59 }), 2);
  // Missing origination PD counts as 1 (no increase possible): stage 1 even at a current PD of 0.5.
  assert.deepEqual(Array.from(assignStages([Number.NaN, 0], [Number.NaN, 0.1], [0.5, 0.5])), [1, 2]);
});

test('ECL refusals carry the whole message: what and problem', () => {
  assert.throws(() => computeEcl({ survival: [0.9, 0.8], lgd: 0.4, ead: [1], eir: 0 }), { message: 'ECL: EAD curve has 1 periods, survival has 2' });
  assert.throws(() => computeEcl({ survival: [0.9], lgd: [0.4, 0.4], ead: [1], eir: 0 }), { message: 'ECL: LGD curve has 2 periods, survival has 1' });
  assert.throws(() => computeEcl({ survival: [0.9, 0.95], lgd: 0.4, ead: [1, 1], eir: 0 }), {
    message: 'ECL: survival must be non-increasing in [0, 1]; period 2 has 0.95',
  });
});
