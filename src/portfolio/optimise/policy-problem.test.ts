import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commonConstraints, concentrationConstraint, currentPolicyKpis, type PolicyMetrics, type PolicyProblem, policyKpis } from './policy-problem.js';

/** Two segments × (decline, approve), figures chosen so every KPI is a hand sum. */
const metrics: PolicyMetrics = {
  approved: Float64Array.of(0, 100, 0, 50),
  bads: Float64Array.of(0, 2, 0, 4),
  amount: Float64Array.of(0, 1000, 0, 800),
  badAmount: Float64Array.of(0, 20, 0, 40),
  el: Float64Array.of(0, 10, 0, 16),
  capital: Float64Array.of(0, 50, 0, 30),
  profit: Float64Array.of(0, 300, 0, -20),
};
const problem: PolicyProblem = {
  model: { segments: ['a', 'b'], actions: ['decline', 'approve'], profit: metrics.profit, constraints: [] },
  accounts: Float64Array.of(100, 50),
  approves: Uint8Array.of(0, 1),
  metrics,
};
const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);

test('policy KPIs are share-weighted sums and their ratios (hand sums)', () => {
  assert.deepEqual(policyKpis(problem, Float64Array.of(0, 1, 1, 0)), {
    accounts: 150,
    approved: 100,
    approval_rate: 100 / 150,
    bads: 2,
    bad_rate: 0.02,
    amount: 1000,
    bad_rate_amount: 0.02,
    el: 10,
    capital: 50,
    profit: 300,
  });
  const half = policyKpis(problem, Float64Array.of(0.5, 0.5, 0, 1));
  assert.deepEqual([half.approved, half.bads, half.amount, half.el, half.capital, half.profit], [100, 5, 1300, 21, 55, 130]);
  close(half.bad_rate, 0.05, 'bad rate');
  close(half.bad_rate_amount, 50 / 1300, 'bad rate amount');
  const none = policyKpis({ ...problem, accounts: new Float64Array(2) }, Float64Array.of(1, 0, 1, 0));
  assert.deepEqual([none.approval_rate, none.bad_rate, none.bad_rate_amount, none.approved], [0, 0, 0, 0]);
});

test('current policy KPIs: none without a current policy, share-weighted without its own figures, else its own accounts', () => {
  assert.equal(currentPolicyKpis(problem), undefined);
  const current = Float64Array.of(0.6, 0.4, 0, 1);
  assert.deepEqual(currentPolicyKpis({ ...problem, current }), policyKpis(problem, current));
  const own: PolicyMetrics = { ...metrics, approved: Float64Array.of(0, 30, 7, 50), bads: Float64Array.of(0, 0.3, 0, 4) };
  const k = currentPolicyKpis({ ...problem, current, currentMetrics: own });
  // shares > 0 count the held figures whole: approved 30 + 50, bads 0.3 + 4; a share of 0 counts nothing (not the 7)
  assert.equal(k?.approved, 80);
  close(k?.bads ?? 0, 4.3, 'bads');
  assert.equal(k?.amount, 1800);
});

test('common constraints: each limit as its row, with labels, coefficients, senses, right-hand sides and parameter derivatives', () => {
  assert.deepEqual(commonConstraints(metrics, problem.accounts, {}), []);
  const rows = commonConstraints(metrics, problem.accounts, {
    bad_rate_max: 0.03,
    bad_rate_amount_max: 0.025,
    approval_min: 0.5,
    approved_min: 10,
    el_budget: 100,
    capital_budget: 200,
    amount_max: 5000,
    amount_min: 100,
  });
  assert.deepEqual(
    rows.map((r) => [r.name, r.label, r.sense, r.rhs]),
    [
      ['bad_rate_max', 'bad rate (count) ≤ 3.00%', '<=', 0],
      ['bad_rate_amount_max', 'bad rate (amount) ≤ 2.50%', '<=', 0],
      ['approval_min', 'approval rate ≥ 50.00%', '>=', 75],
      ['approved_min', 'approved ≥ 10', '>=', 10],
      ['el_budget', 'EL ≤ 100', '<=', 100],
      ['capital_budget', 'capital ≤ 200', '<=', 200],
      ['amount_max', 'amount ≤ 5000', '<=', 5000],
      ['amount_min', 'amount ≥ 100', '>=', 100],
    ],
  );
  const coefficients = rows.map((r) => [...r.coefficients]);
  [
    [0, -1, 0, 2.5], // bads − 3%·approved
    [0, -5, 0, 20], // bad amount − 2.5%·amount
    [0, 100, 0, 50],
    [0, 100, 0, 50],
    [0, 10, 0, 16],
    [0, 50, 0, 30],
    [0, 1000, 0, 800],
    [0, 1000, 0, 800],
  ].forEach((expected, j) => {
    for (const [k, v] of expected.entries()) close(coefficients[j]?.[k] as number, v, `row ${j} column ${k}`);
  });
  const x = Float64Array.of(0, 1, 0.5, 0.5);
  assert.deepEqual(
    rows.map((r) => r.parameter && [r.parameter.name, r.parameter.value, r.parameter.rowDerivative(x)]),
    [['bad_rate_max', 0.03, -125], ['bad_rate_amount_max', 0.025, -1400], ['approval_min', 0.5, -150], undefined, undefined, undefined, undefined, undefined],
  );
  const volume = commonConstraints(metrics, problem.accounts, { approval_min: 1.25 }, { volume: true });
  assert.equal(volume[0]?.label, 'volume ≥ ×1.2500 the current book');
  assert.equal(volume[0]?.rhs, 187.5);
});

test('a concentration cap: Σ_{s∈g} amount·x − share·Σ amount·x ≤ 0', () => {
  const row = concentrationConstraint(metrics, 2, (s) => s === 1, 0.4, 'concentration0', 'share of b ≤ 40%');
  assert.deepEqual([row.name, row.label, row.sense, row.rhs, [...row.coefficients]], ['concentration0', 'share of b ≤ 40%', '<=', 0, [0, -400, 0, 480]]);
});
