// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import { buildCutoffProblem, type CutoffConfig, type CutoffSegmentData } from './cutoff-problem.js';
import { computeFrontier, optimisePolicy, type PolicyOptimum } from './optimise-policy.js';
import { commonConstraints, type PolicyMetrics, type PolicyProblem } from './policy-problem.js';
import { solveAssignment } from './solve-assignment.js';

/** REFERENCE §8: 5 bands, shares 20/30/25/15/10%, default rates 0.5/1.5/3/5.5/12%, profit per approved 400 − 1800·rate. */
function fiveBands(): CutoffSegmentData {
  const count = Float64Array.of(100, 150, 250, 300, 200); // band 0 = worst (12%) … band 4 = best (0.5%)
  const rate = [0.12, 0.055, 0.03, 0.015, 0.005];
  return {
    labels: ['band 5 (12%)', 'band 4 (5.5%)', 'band 3 (3%)', 'band 2 (1.5%)', 'band 1 (0.5%)'],
    band: Int32Array.of(0, 1, 2, 3, 4),
    group: new Int32Array(5),
    values: {},
    count,
    pdSum: count.map((n, s) => n * (rate[s] as number)),
    amountSum: count.map((n) => n * 1800),
    pdAmountSum: count.map((n, s) => n * 1800 * (rate[s] as number)),
    rateAmountSum: count.map((n) => n * 400),
    capitalSum: count.map((n) => n * 100),
    currentApproved: Float64Array.of(0, 150, 250, 300, 200),
  };
}

const economics = { lgd: 1, funding_rate: 0, opex: 0, hurdle_rate: 0 };
const config = (cap: number): CutoffConfig => ({ actions: [{ name: 'decline' }, { name: 'approve' }], economics, limits: { bad_rate_max: cap } });

function solved(result: Awaited<ReturnType<typeof optimisePolicy>>): PolicyOptimum {
  if (result.status === 'infeasible') assert.fail(`infeasible: ${JSON.stringify(result.conflict)}`);
  if (result.status === 'unsolved') assert.fail(`unsolved: ${result.message}`);
  return result;
}

test('REFERENCE §8 five-band check: cap 3% approves the four best bands (2.3611%), cap 1.65% the two best (1.10%)', async () => {
  const data = fiveBands();
  const at3 = solved(await optimisePolicy(buildCutoffProblem(data, config(0.03))));
  assert.deepEqual(
    at3.assignment.map((a) => a.action),
    ['decline', 'approve', 'approve', 'approve', 'approve'],
  );
  assert.equal(at3.kpis.bad_rate.toFixed(6), '0.023611');
  // profit = Σ n·(400 − 1800·rate) over the approved bands
  assert.ok(Math.abs(at3.profit - (150 * 301 + 250 * 346 + 300 * 373 + 200 * 391)) < 1e-6);
  const at165 = solved(await optimisePolicy(buildCutoffProblem(data, config(0.0165))));
  // The three best bands would run at 1.7333% > 1.65%, so the optimum is the two best at 1.10%
  assert.deepEqual(
    at165.assignment.map((a) => a.action),
    ['decline', 'decline', 'decline', 'approve', 'approve'],
  );
  assert.equal(at165.kpis.bad_rate.toFixed(4), '0.0110');
  // against the current policy (approve the four best): swap-out of band 3 (3%) and band 4 (5.5%)
  assert.equal(at165.swap_set?.cells.swap_out.count, 400);
  assert.equal(at165.swap_set?.cells.all_in.count, 500);
  assert.ok(Math.abs((at165.delta?.approved ?? 0) + 400) < 1e-9);
});

test('the shadow price of the bad-rate cap matches a finite difference of the LP relaxation', async () => {
  const data = fiveBands();
  const lp = async (cap: number) => {
    const r = await solveAssignment(buildCutoffProblem(data, config(cap)).model, { integer: false });
    assert.ok(r.status !== 'infeasible' && r.status !== 'unsolved');
    return r;
  };
  const base = await lp(0.02);
  const bumped = await lp(0.0201);
  const price = base.relaxation?.shadowPrices.find((p) => p.name === 'bad_rate_max')?.parameter?.shadowPrice ?? Number.NaN;
  const finite = (bumped.objective - base.objective) / 0.0001;
  assert.ok(price > 0 && Math.abs(price - finite) < 0.01 * finite, `shadow price ${price} vs finite difference ${finite}`);
});

test('an infeasible problem names its conflicting constraints (irreducible), not an empty answer', async () => {
  const data = fiveBands();
  const problem = buildCutoffProblem(data, {
    ...config(0.004),
    limits: { el_budget: 1e9, bad_rate_max: 0.004, approval_min: 0.3, bad_rate_amount_max: 0.5 },
  });
  const result = await optimisePolicy(problem);
  assert.equal(result.status, 'infeasible');
  assert.deepEqual(result.status === 'infeasible' && result.conflict.map((c) => c.name).sort(), ['approval_min', 'bad_rate_max']);
});

test('brute-force enumeration of small random problems matches the solver’s optimum', async () => {
  const rng = new Rng(2024);
  let feasibleCount = 0;
  for (let trial = 0; trial < 25; trial++) {
    const S = 3 + rng.nextInt(3);
    const A = 3;
    const size = S * A;
    const accounts = Float64Array.from({ length: S }, () => 50 + rng.nextInt(200));
    const metrics: PolicyMetrics = {
      approved: new Float64Array(size),
      bads: new Float64Array(size),
      amount: new Float64Array(size),
      badAmount: new Float64Array(size),
      el: new Float64Array(size),
      capital: new Float64Array(size),
      profit: new Float64Array(size),
    };
    for (let s = 0; s < S; s++) {
      const pd = 0.005 + 0.15 * rng.nextDouble();
      for (let a = 1; a < A; a++) {
        const k = s * A + a;
        const n = accounts[s] as number;
        metrics.approved[k] = n;
        metrics.bads[k] = n * pd * (a === 2 ? 1.2 : 1);
        metrics.amount[k] = n * 1000 * a;
        metrics.badAmount[k] = (metrics.amount[k] as number) * pd;
        metrics.el[k] = 0.5 * (metrics.badAmount[k] as number);
        metrics.profit[k] = n * (rng.nextDouble() * 200 - 60) * a;
      }
    }
    const limits = { bad_rate_max: 0.02 + 0.08 * rng.nextDouble(), approval_min: 0.5 * rng.nextDouble(), el_budget: 20_000 + 200_000 * rng.nextDouble() };
    const problem: PolicyProblem = {
      model: {
        segments: Array.from({ length: S }, (_, s) => `s${s}`),
        actions: ['decline', 'tier1', 'tier2'],
        profit: metrics.profit,
        constraints: commonConstraints(metrics, accounts, limits),
      },
      accounts,
      approves: Uint8Array.of(0, 1, 1),
      metrics,
    };
    // enumerate A^S assignments
    let best = Number.NEGATIVE_INFINITY;
    const total = accounts.reduce((s, v) => s + v, 0);
    for (let code = 0; code < A ** S; code++) {
      let c = code;
      let profit = 0;
      let approved = 0;
      let bads = 0;
      let el = 0;
      for (let s = 0; s < S; s++) {
        const k = s * A + (c % A);
        c = Math.floor(c / A);
        profit += metrics.profit[k] as number;
        approved += metrics.approved[k] as number;
        bads += metrics.bads[k] as number;
        el += metrics.el[k] as number;
      }
      const ok = bads <= limits.bad_rate_max * approved + 1e-9 && approved >= limits.approval_min * total - 1e-9 && el <= limits.el_budget + 1e-9;
      if (ok && profit > best) best = profit;
    }
    const result = await solveAssignment(problem.model, { skipShadowPrices: true });
    if (best === Number.NEGATIVE_INFINITY) {
      assert.equal(result.status, 'infeasible', `trial ${trial}`);
    } else {
      feasibleCount++;
      assert.notEqual(result.status, 'infeasible', `trial ${trial}`);
      if (result.status !== 'infeasible' && result.status !== 'unsolved')
        assert.ok(Math.abs(result.objective - best) <= 1e-4 * Math.max(1, Math.abs(best)) + 1e-6, `trial ${trial}: ${result.objective} vs ${best}`);
    }
  }
  assert.ok(feasibleCount >= 12, `only ${feasibleCount} feasible trials`);
});

test('the frontier re-solves over a sweep of the cap: profit rises with the cap', async () => {
  const data = fiveBands();
  const points = await computeFrontier((cap) => buildCutoffProblem(data, config(cap)), [0.005, 0.0165, 0.03, 0.04]);
  assert.deepEqual(
    points.map((p) => p.kpis?.approved),
    [200, 500, 900, 1000],
  );
  for (let j = 1; j < points.length; j++) assert.ok((points[j]?.profit ?? 0) >= (points[j - 1]?.profit ?? 0));
});

test('REFERENCE §8 bad-rate cap binds to the last basis point: 13/750 admits the three best bands, a hundredth of a basis point less does not', async () => {
  const data = fiveBands();
  // The three best bands: (250·3% + 300·1.5% + 200·0.5%) / 750 = 13/750 = 1.73333…%.
  const three = ['decline', 'decline', 'approve', 'approve', 'approve'];
  const two = ['decline', 'decline', 'decline', 'approve', 'approve'];
  for (const [cap, expected] of [
    [13 / 750, three],
    [0.017334, three],
    [13 / 750 - 1e-6, two],
    [0.0173, two],
  ] as const) {
    const r = solved(await optimisePolicy(buildCutoffProblem(data, config(cap))));
    assert.deepEqual(
      r.assignment.map((a) => a.action),
      expected,
      `cap ${cap}`,
    );
    assert.ok(r.kpis.bad_rate <= cap + 1e-12, `cap ${cap}: bad rate ${r.kpis.bad_rate}`);
  }
});

/** A solver that answers each solve with the next scripted outcome (a HiGHS status with or without values, or a throw). */
function scriptedSolver(outcomes: readonly (string | { status: string; values: boolean; message?: string })[]) {
  let k = 0;
  return async (lp: string, options: Parameters<typeof solveAssignment>[1] & object) => {
    void options;
    const outcome = outcomes[Math.min(k++, outcomes.length - 1)]!;
    const o = typeof outcome === 'string' ? { status: outcome, values: false } : outcome;
    const values: Record<string, number> = {};
    // A feasible answer: approve every segment (x_s_1 = 1).
    if (o.values) for (const m of lp.matchAll(/\bx(\d+)_1\b/g)) values[`x${m[1]}_1`] = 1;
    return {
      status: o.status,
      optimal: o.status === 'Optimal',
      objective: o.values ? 1 : 0,
      values,
      rows: [],
      ...(o.message === undefined ? {} : { message: o.message }),
    };
  };
}

test('every HiGHS status is a reported outcome: unsolved statuses carry a message, limit statuses with an answer are time_limit', async () => {
  const model = buildCutoffProblem(fiveBands(), config(0.03)).model;
  const cases: [string | { status: string; values: boolean; message?: string }, string, RegExp | null][] = [
    [{ status: 'Solver error', values: false, message: 'Unable to solve the problem. HiGHS error -1; with presolve off: same' }, 'unsolved', /HiGHS error -1/],
    ['Unbounded', 'unsolved', /"Unbounded".*solver failure/],
    ['Primal infeasible or unbounded', 'infeasible', null],
    ['Model error', 'unsolved', /could not solve the problem \(status "Model error"\)/],
    ['Time limit reached', 'unsolved', /before finding any feasible assignment; raise solver.time_limit/],
    [{ status: 'Iteration limit reached', values: true }, 'time_limit', null],
    [{ status: 'Optimal', values: true }, 'optimal', null],
  ];
  for (const [outcome, status, message] of cases) {
    const r = await solveAssignment(model, { solver: scriptedSolver([outcome]), skipShadowPrices: true });
    assert.equal(r.status, status, JSON.stringify(outcome));
    if (r.status === 'unsolved') {
      assert.match(r.message, message!);
      assert.equal(r.solver_status, typeof outcome === 'string' ? outcome : outcome.status);
    } else if (r.status !== 'infeasible') assert.equal(r.solver_status, typeof outcome === 'string' ? outcome : outcome.status);
  }
});

test('a frontier marks the value the solver failed on and solves the others', async () => {
  const data = fiveBands();
  const failing = scriptedSolver([
    { status: 'Optimal', values: true },
    { status: 'Solver error', values: false, message: 'HiGHS error -1' },
    { status: 'Optimal', values: true },
  ]);
  const points = await computeFrontier((cap) => buildCutoffProblem(data, config(cap)), [0.03, 0.04, 0.05], { solver: failing });
  assert.deepEqual(
    points.map((p) => [p.value, p.status, p.solver_status]),
    [
      [0.03, 'optimal', 'Optimal'],
      [0.04, 'unsolved', 'Solver error'],
      [0.05, 'optimal', 'Optimal'],
    ],
  );
  assert.equal(points[1]!.profit, null);
  assert.match(points[1]!.message ?? '', /HiGHS error -1/);
});
