// @ts-nocheck
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
