import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capitalPerUnit } from './cutoff-problem.js';
import { buildLimitProblem, type LimitConfig } from './limit-problem.js';
import type { PolicySegments } from './policy-segments.js';

/**
 * Three accounts worked by hand (CCF 0.5, balance elasticity 0.4, LGD 0.5, funding 5%, opex 10,
 * hurdle 10%, capital rate 2%), limit changes −50%, 0, +50%:
 * - account 0 (segment 0): PD 0.1, limit 1000, balance 500, rate 20%: EAD₀ = 750;
 * - account 1 (segment 1): PD 0.02, limit 2000, balance 2000, rate 10%: EAD₀ = 2000;
 * - account 2 (segment 0): PD 0, limit 100, balance 200 (over the limit), rate 10%: EAD₀ = 200.
 */
const accounts = {
  pd: Float64Array.of(0.1, 0.02, 0),
  limit: Float64Array.of(1000, 2000, 100),
  balance: Float64Array.of(500, 2000, 200),
  rate: Float64Array.of(0.2, 0.1, 0.1),
};
const segments = {
  rowSegment: Int32Array.of(0, 1, 0),
  labels: ['low', 'high'],
  band: Int32Array.of(0, 1),
  group: Int32Array.of(0, 0),
} as unknown as PolicySegments;
const economics = { lgd: 0.5, funding_rate: 0.05, opex: 10, hurdle_rate: 0.1, capital_rate: 0.02 };
const config: LimitConfig = {
  changes: [-0.5, 0, 0.5],
  economics,
  behaviour: { ccf: 0.5, balance_elasticity: 0.4 },
  limits: { el_budget: 100, approval_min: 0.5, exposure_increase_max: 500, provision_increase_max: 20 },
  max_step: 0.3,
};
const close = (actual: ArrayLike<number>, expected: number[], what: string) => {
  for (const [k, v] of expected.entries())
    assert.ok(Math.abs((actual[k] as number) - v) < 1e-9 * Math.max(1, Math.abs(v)), `${what}[${k}]: ${actual[k]} vs ${v}`);
};

test('limit problem: new balance, EAD, EL, provision change and profit per account and change (hand-worked)', () => {
  const p = buildLimitProblem(accounts, segments, config);
  const [k0, k1, k2] = [0.1, 0.02, 0].map((pd) => capitalPerUnit(pd, economics)) as [number, number, number];
  // account 0: balances 400, 500, 600 → EAD 450, 750, 1050; account 1: balances 1000 (capped), 2000, 2400 → EAD 1000, 2000, 2700;
  // account 2: balances capped at the new limit 50, 100, 150 → EAD 50, 100, 150
  close(p.metrics.amount, [500, 850, 1200, 1000, 2000, 2700], 'amount');
  close(p.metrics.approved, [2, 2, 2, 1, 1, 1], 'approved');
  close(p.metrics.bads, [0.1, 0.1, 0.1, 0.02, 0.02, 0.02], 'bads');
  close(p.metrics.badAmount, [45, 75, 105, 20, 40, 54], 'bad amount');
  close(p.metrics.el, [22.5, 37.5, 52.5, 10, 20, 27], 'el');
  close(p.metrics.capital, [450 * k0 + 50 * k2, 750 * k0 + 100 * k2, 1050 * k0 + 150 * k2, 1000 * k1, 2000 * k1, 2700 * k1], 'capital');
  // profit = (rate − 5%)·B' − 10 − EL' − ΔECL − 8%·K·EAD'
  close(
    p.metrics.profit,
    [
      60 - 10 - 22.5 + 15 - 0.08 * k0 * 450 + (2.5 - 10 - 0.08 * k2 * 50),
      75 - 10 - 37.5 - 0.08 * k0 * 750 + (5 - 10 - 0.08 * k2 * 100),
      90 - 10 - 52.5 - 15 - 0.08 * k0 * 1050 + (7.5 - 10 - 0.08 * k2 * 150),
      50 - 10 - 10 + 10 - 0.08 * k1 * 1000,
      100 - 10 - 20 - 0.08 * k1 * 2000,
      120 - 10 - 27 - 7 - 0.08 * k1 * 2700,
    ],
    'profit',
  );
  close(p.exposureIncrease, [-300 - 150, 0 - 100, 300 - 50, -1000, 0, 700], 'exposure increase');
  close(p.provisionIncrease, [-15, 0, 15, -10, 0, 7], 'provision increase');
  assert.deepEqual(p.model.actions, ['-50%', 'keep', '+50%']);
  assert.deepEqual(p.model.segments, ['low', 'high']);
  assert.deepEqual([...p.accounts], [2, 1]);
  assert.deepEqual([...p.approves], [1, 1, 1]);
  assert.deepEqual([...(p.current ?? [])], [0, 1, 0, 0, 1, 0]);
  assert.deepEqual(
    p.model.constraints.map((c) => [c.name, c.label, c.sense, c.rhs]),
    [
      ['approval_min', 'approval rate ≥ 50.00%', '>=', 1.5],
      ['el_budget', 'EL ≤ 100', '<=', 100],
      ['exposure_increase_max', 'exposure increase ≤ 500', '<=', 500],
      ['provision_increase_max', 'provision increase ≤ 20', '<=', 20],
    ],
  );
  assert.equal(p.model.constraints[2]?.coefficients, p.exposureIncrease);
  assert.equal(p.model.constraints[3]?.coefficients, p.provisionIncrease);
  // |±50%| > 30%: forbidden; better band 1 ≥ band 0
  assert.deepEqual([...(p.model.forbidden ?? [])], [1, 0, 1, 1, 0, 1]);
  assert.deepEqual(p.model.orderings, [{ better: 1, worse: 0 }]);
});

test('limit problem: a step equal to max_step is allowed; no 0 change means no current policy; names of odd changes; bands by group', () => {
  const p = buildLimitProblem(accounts, segments, { ...config, limits: {}, max_step: 0.5 });
  assert.deepEqual([...(p.model.forbidden ?? [])], [0, 0, 0, 0, 0, 0]);
  assert.deepEqual(p.model.constraints, []);
  const free = buildLimitProblem(accounts, segments, { ...config, changes: [-0.1234, 0.125], limits: {}, max_step: undefined } as LimitConfig);
  assert.deepEqual(free.model.actions, ['-12.3%', '+12.5%']);
  assert.equal(free.current, undefined);
  assert.ok(!('current' in free));
  assert.deepEqual([...(free.model.forbidden ?? [])], [0, 0, 0, 0]);
  const three = {
    rowSegment: Int32Array.of(0, 1, 2),
    labels: ['a', 'b', 'c'],
    band: Int32Array.of(2, -1, 0),
    group: Int32Array.of(0, 0, 0),
  } as unknown as PolicySegments;
  const q = buildLimitProblem(accounts, three, { ...config, limits: {} });
  assert.deepEqual(q.model.orderings, [{ better: 0, worse: 2 }]);
  const split = {
    rowSegment: Int32Array.of(0, 1, 2),
    labels: ['a', 'b', 'c'],
    band: Int32Array.of(0, 1, 1),
    group: Int32Array.of(0, 1, 0),
  } as unknown as PolicySegments;
  assert.deepEqual(buildLimitProblem(accounts, split, { ...config, limits: {} }).model.orderings, [{ better: 2, worse: 0 }]);
});
