import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LpSolution, SolveLpOptions } from '../../ml/solver/index.js';
import type { AssignmentModel } from './assignment-model.js';
import { computeFrontier, optimisePolicy, segmentSwapSet } from './optimise-policy.js';
import type { PolicyMetrics, PolicyProblem } from './policy-problem.js';
import { type LpSolver, solveAssignment } from './solve-assignment.js';

/** A solver that records each call and answers with the next scripted solution. */
function recorder(answers: readonly Partial<LpSolution & { retry: string; message: string }>[]) {
  const calls: { lp: string; options: SolveLpOptions }[] = [];
  const solver: LpSolver = async (lp, options) => {
    calls.push({ lp, options });
    const a = answers[Math.min(calls.length - 1, answers.length - 1)] ?? {};
    return { status: 'Optimal', optimal: true, objective: 0, values: {}, rows: [], ...a };
  };
  return { solver, calls };
}

const model: AssignmentModel = {
  segments: ['s0', 's1'],
  actions: ['decline', 'approve', 'big'],
  profit: Float64Array.of(0, 1, 2, 0, 3, 4),
  constraints: [
    {
      name: 'a',
      label: 'A',
      coefficients: Float64Array.of(0, 1, 1, 0, 1, 1),
      sense: '<=',
      rhs: 1,
      parameter: { name: 'theta', value: 0.5, rowDerivative: (x) => -10 * (x[1] as number) - (x[5] as number) },
    },
    { name: 'b', label: 'B', coefficients: Float64Array.of(0, 1, 0, 0, 1, 0), sense: '>=', rhs: 1 },
    { name: 'c', label: 'C', coefficients: Float64Array.of(0, 0, 1, 0, 0, 1), sense: '<=', rhs: 2 },
  ],
};

test('solveAssignment reads x (tiny values to 0), the largest share per segment, the binary then the relaxed solve with shadow prices', async () => {
  const { solver, calls } = recorder([
    { status: 'Optimal', objective: 7, values: { x0_0: 1e-10, x0_1: 0.7, x0_2: 0.3, x1_0: 0.5, x1_1: 0.5 + 1e-10, x1_2: 0 } },
    { status: 'Optimal', objective: 8, values: { x0_1: 0.25, x1_2: 2 }, rows: [{ name: 'a', activity: 5, dual: 2 } as LpSolution['rows'][0]] },
  ]);
  const r = await solveAssignment(model, { solver });
  assert.ok(r.status === 'optimal');
  assert.deepEqual([...r.x], [0, 0.7, 0.3, 0.5, 0.5 + 1e-10, 0]);
  // segment 1: 0.5 + 1e-10 is not more than 1e-9 above 0.5, so the first stays
  assert.deepEqual([...r.choice], [1, 0]);
  assert.deepEqual([r.objective, r.solver_status, 'retry' in r], [7, 'Optimal', false]);
  assert.equal(calls.length, 2);
  assert.ok(calls[0]?.lp.includes('\nBinary\n') && !calls[1]?.lp.includes('Binary'));
  assert.deepEqual(calls[0]?.options, { timeLimit: 30, mipRelGap: 1e-4 });
  // ∂profit/∂θ = −dual·∂row/∂θ at the relaxed x (x0_1 = 0.25, x1_2 = 2): −2·(−2.5 − 2) = 9
  assert.deepEqual(r.relaxation, {
    objective: 8,
    shadowPrices: [
      { name: 'a', label: 'A', activity: 5, dual: 2, parameter: { name: 'theta', value: 0.5, shadowPrice: 9 } },
      { name: 'b', label: 'B', activity: 0, dual: 0 },
      { name: 'c', label: 'C', activity: 0, dual: 0 },
    ],
  });
  // a zero dual gives a shadow price of +0, never −0
  const zero = await solveAssignment(model, { solver: recorder([{ values: { x0_1: 1, x1_1: 1 } }, { values: { x0_1: 1 } }]).solver });
  assert.ok(zero.status === 'optimal' && Object.is(zero.relaxation?.shadowPrices[0]?.parameter?.shadowPrice, 0));
  // also when the row derivative is positive (x0_1 = −0.1: −10·(−0.1) − 0 = 1), where −0·1 would be −0
  const positive = await solveAssignment(model, { solver: recorder([{ values: { x0_1: 1, x1_1: 1 } }, { values: { x0_1: -0.1 } }]).solver });
  assert.ok(positive.status === 'optimal' && Object.is(positive.relaxation?.shadowPrices[0]?.parameter?.shadowPrice, 0));
});

test('solveAssignment: options passed on, a retry and a limit status reported, no relaxation when skipped, relaxed-only, or the relaxation failed', async () => {
  const limited = recorder([{ status: 'Time limit reached', objective: 3, retry: 'presolve off', values: { x0_2: 1, x1_1: 1 } }]);
  const r = await solveAssignment(model, { solver: limited.solver, timeLimit: 5, gap: 0.01, skipShadowPrices: true });
  assert.deepEqual(r, {
    status: 'time_limit',
    solver_status: 'Time limit reached',
    retry: 'presolve off',
    objective: 3,
    x: Float64Array.of(0, 0, 1, 0, 1, 0),
    choice: Int32Array.of(2, 1),
  });
  assert.deepEqual(limited.calls[0]?.options, { timeLimit: 5, mipRelGap: 0.01 });
  const relaxedOnly = recorder([
    { objective: 2, values: { x0_1: 0.5, x0_2: 0.5, x1_1: 1 }, rows: [{ name: 'b', activity: 1, dual: -3 } as LpSolution['rows'][0]] },
  ]);
  const lp = await solveAssignment(model, { solver: relaxedOnly.solver, integer: false });
  assert.equal(relaxedOnly.calls.length, 1);
  assert.ok(!relaxedOnly.calls[0]?.lp.includes('Binary'));
  assert.ok(lp.status === 'optimal');
  assert.deepEqual(lp.relaxation?.shadowPrices[1], { name: 'b', label: 'B', activity: 1, dual: -3 });
  assert.equal(lp.relaxation?.objective, 2);
  const failed = await solveAssignment(model, { solver: recorder([{ values: { x0_1: 1, x1_1: 1 } }, { status: 'Solver error' }]).solver });
  assert.ok(failed.status === 'optimal' && !('relaxation' in failed));
});

test('unsolved outcomes carry HiGHS’s status and words; infeasible ones the irreducible conflicting rows (deletion filter)', async () => {
  const solve = (answer: Partial<LpSolution & { message: string }>) => solveAssignment(model, { solver: recorder([answer]).solver });
  assert.deepEqual(await solve({ status: 'Optimal' }), {
    status: 'unsolved',
    solver_status: 'Optimal',
    message: 'HiGHS stopped ("Optimal") before finding any feasible assignment; raise solver.time_limit',
  });
  assert.deepEqual(await solve({ status: 'Solver error', message: 'boom' }), {
    status: 'unsolved',
    solver_status: 'Solver error',
    message: 'HiGHS could not solve the problem (status "Solver error"): boom',
  });
  assert.deepEqual(await solve({ status: 'Model error' }), {
    status: 'unsolved',
    solver_status: 'Model error',
    message: 'HiGHS could not solve the problem (status "Model error")',
  });
  assert.deepEqual(await solve({ status: 'Unbounded', values: { x0_0: 1 } }), {
    status: 'unsolved',
    solver_status: 'Unbounded',
    message: 'HiGHS reports the problem "Unbounded" (an assignment problem is bounded: this is a solver failure)',
  });
  // infeasible exactly when rows a and b are both present (c is innocent)
  const calls: string[] = [];
  const solver: LpSolver = async (lp) => {
    calls.push(lp);
    const infeasible = / a: /.test(lp) && / b: /.test(lp);
    const values: Record<string, number> = infeasible ? {} : { x0_0: 1 };
    return { status: infeasible ? 'Infeasible' : 'Optimal', optimal: !infeasible, objective: 0, values, rows: [] };
  };
  assert.deepEqual(await solveAssignment(model, { solver }), {
    status: 'infeasible',
    conflict: [
      { name: 'a', label: 'A' },
      { name: 'b', label: 'B' },
    ],
  });
  // main, the structure alone, then one solve per row dropped: 5 solves, all binary
  assert.equal(calls.length, 5);
  assert.ok(calls.every((lp) => lp.includes('Binary')));
  // a and c conflict, b is innocent: dropping b keeps it infeasible, so b stays out; a and c come back
  const ac: LpSolver = async (lp) => {
    const infeasible = / a: /.test(lp) && / c: /.test(lp);
    const values: Record<string, number> = infeasible ? {} : { x0_0: 1 };
    return { status: infeasible ? 'Infeasible' : 'Optimal', optimal: !infeasible, objective: 0, values, rows: [] };
  };
  assert.deepEqual(await solveAssignment(model, { solver: ac }), {
    status: 'infeasible',
    conflict: [
      { name: 'a', label: 'A' },
      { name: 'c', label: 'C' },
    ],
  });
  const always = await solveAssignment(model, { solver: async () => ({ status: 'Infeasible', optimal: false, objective: 0, values: {}, rows: [] }) });
  assert.deepEqual(always, { status: 'infeasible', conflict: [] });
  const relaxed: string[] = [];
  await solveAssignment(model, {
    integer: false,
    solver: async (lp) => {
      relaxed.push(lp);
      return { status: 'Primal infeasible or unbounded', optimal: false, objective: 0, values: {}, rows: [] };
    },
  });
  assert.ok(relaxed.length === 2 && relaxed.every((lp) => !lp.includes('Binary')));
});

test('solveAssignment: every HiGHS status that comes with an answer is a time_limit result (or unsolved without values); absent retry and message fields', async () => {
  for (const status of ['Time limit reached', 'Iteration limit reached', 'Solution limit reached', 'Interrupted', 'Target for objective reached']) {
    const answered = recorder([
      { status, objective: 4, values: { x0_1: 1, x1_2: 1 } },
      { status, objective: 5, values: { x0_1: 1 } },
    ]);
    const r = await solveAssignment(model, { solver: answered.solver });
    assert.ok(r.status === 'time_limit', status);
    assert.deepEqual([r.solver_status, r.objective, [...r.choice], r.relaxation?.objective], [status, 4, [1, 2], 5], status);
    assert.deepEqual(await solveAssignment(model, { solver: recorder([{ status }]).solver }), {
      status: 'unsolved',
      solver_status: status,
      message: `HiGHS stopped ("${status}") before finding any feasible assignment; raise solver.time_limit`,
    });
  }
  // A solver may spell out an absent field as undefined: no retry key, no ": undefined" in the message.
  const noRetry = await solveAssignment(model, { solver: recorder([{ retry: undefined, values: { x0_1: 1, x1_1: 1 } }]).solver, skipShadowPrices: true });
  assert.ok(noRetry.status === 'optimal' && !('retry' in noRetry));
  assert.deepEqual(await solveAssignment(model, { solver: recorder([{ status: 'Model error', message: undefined }]).solver }), {
    status: 'unsolved',
    solver_status: 'Model error',
    message: 'HiGHS could not solve the problem (status "Model error")',
  });
});

/** Two segments × (decline, approve, approve more) with a current policy. */
function policyProblem(): PolicyProblem {
  const metrics: PolicyMetrics = {
    approved: Float64Array.of(0, 100, 100, 0, 50, 50),
    bads: Float64Array.of(0, 5, 6, 0, 1, 1),
    amount: Float64Array.of(0, 1000, 2000, 0, 500, 1000),
    badAmount: Float64Array.of(0, 50, 120, 0, 10, 20),
    el: Float64Array.of(0, 25, 60, 0, 5, 10),
    capital: Float64Array.of(0, 80, 160, 0, 40, 80),
    profit: Float64Array.of(0, 10, 15, 0, 20, 30),
  };
  return {
    model: { segments: ['s0', 's1'], actions: ['decline', 'approve', 'more'], profit: metrics.profit, constraints: [] },
    accounts: Float64Array.of(100, 50),
    approves: Uint8Array.of(0, 1, 1),
    metrics,
    current: Float64Array.of(0.4, 0.6, 0, 0, 1, 0),
  };
}

test('optimisePolicy: assignment with rounded shares, KPIs, current policy, deltas and the swap set', async () => {
  const problem = policyProblem();
  const answer = { objective: 31, retry: 'presolve off', values: { x0_1: 0.2, x0_2: 0.8, x1_0: 1, x1_1: 1e-10 } };
  const r = await optimisePolicy(problem, { solver: recorder([answer, { objective: 33, values: { x0_2: 1 } }]).solver });
  assert.ok(r.status === 'optimal');
  assert.deepEqual(r.assignment, [
    { segment: 's0', accounts: 100, action: 'more', shares: { approve: 0.2, more: 0.8 }, current_approved_share: 0.6 },
    { segment: 's1', accounts: 50, action: 'decline', shares: { decline: 1 }, current_approved_share: 1 },
  ]);
  assert.deepEqual([r.profit, r.retry, r.solver_status, r.relaxation_profit, r.shadow_prices], [31, 'presolve off', 'Optimal', 33, []]);
  // KPIs: 0.2·(approve) + 0.8·(more) in s0: approved 100, bads 5.8, amount 1800, profit 14
  assert.deepEqual([r.kpis.approved, r.kpis.amount], [100, 1800]);
  assert.ok(Math.abs(r.kpis.bads - 5.8) < 1e-12 && Math.abs(r.kpis.profit - 14) < 1e-12);
  // current: 0.6 of s0 approved + all of s1: approved 60 + 50, bads 3 + 1
  assert.deepEqual([r.current?.approved, r.current?.bads], [110, 4]);
  assert.ok(Math.abs((r.delta?.approved ?? 0) + 10) < 1e-12 && Math.abs((r.delta?.bads ?? 0) - 1.8) < 1e-12);
  assert.equal(Object.keys(r.delta ?? {}).length, 10);
  assert.deepEqual(r.swap_set, segmentSwapSet(problem, r.status === 'optimal' ? Float64Array.of(0, 0.2, 0.8, 1, 0, 0) : new Float64Array(6)));
  // no current policy: no current, delta, swap set or approved share; every action approving: no swap set
  const bare = await optimisePolicy({ ...problem, current: undefined } as PolicyProblem, { solver: recorder([answer]).solver, skipShadowPrices: true });
  assert.ok(bare.status === 'optimal' && !('current' in bare) && !('swap_set' in bare) && !('relaxation_profit' in bare));
  assert.ok(!('current_approved_share' in (bare.assignment[0] ?? {})));
  const keep = await optimisePolicy(
    { ...problem, approves: Uint8Array.of(1, 1, 1) },
    { solver: recorder([{ values: { x0_1: 1, x1_1: 1 } }]).solver, skipShadowPrices: true },
  );
  assert.ok(keep.status === 'optimal' && keep.current !== undefined && keep.delta !== undefined && !('swap_set' in keep) && !('retry' in keep));
  const infeasible = await optimisePolicy(problem, { solver: recorder([{ status: 'Infeasible' }]).solver });
  assert.deepEqual(infeasible, { status: 'infeasible', conflict: [] });
  assert.equal((await optimisePolicy(problem, { solver: recorder([{ status: 'Model error' }]).solver })).status, 'unsolved');
});

test('segment swap set worked by hand: the new approved share z splits the current approved and declined accounts', () => {
  const problem = policyProblem();
  // s0: c = 0.6, z = 0.8, bads (largest approving) 6: approved (60, 3.6), declined (40, 2.4); s1: c = 1, z = 0: approved (50, 1)
  const cells = segmentSwapSet(problem, Float64Array.of(0.2, 0, 0.8, 1, 0, 0)).cells;
  const expected = { all_in: [48, 2.88], swap_out: [12 + 50, 0.72 + 1], swap_in: [32, 1.92], all_out: [8, 0.48] };
  for (const [name, [count, bads]] of Object.entries(expected)) {
    const cell = cells[name as keyof typeof cells];
    assert.ok(Math.abs(cell.count - (count as number)) < 1e-9 && Math.abs(cell.bads - (bads as number)) < 1e-9, `${name}: ${JSON.stringify(cell)}`);
    assert.ok(Math.abs(cell.bad_rate - (bads as number) / (count as number)) < 1e-12);
  }
  // with the current policy's own figures: held accounts and bads where it approves
  const own = segmentSwapSet(
    { ...problem, currentMetrics: { ...problem.metrics, approved: Float64Array.of(0, 30, 99, 0, 50, 0), bads: Float64Array.of(0, 0.5, 99, 0, 2, 0) } },
    Float64Array.of(0, 1, 0, 0, 0, 1),
  ).cells;
  // s0 holds (30, 0.5), declined (70, 5.5); s1 holds (50, 2), declined (0, −1): z = 1 in both
  assert.deepEqual([own.all_in.count, own.all_in.bads, own.swap_in.count, own.swap_in.bads, own.swap_out.count, own.all_out.count], [80, 2.5, 70, 4.5, 0, 0]);
  assert.equal(own.swap_out.bad_rate, 0);
});

test('computeFrontier: one point per value, statuses and messages kept, progress reported', async () => {
  const problem = policyProblem();
  const progress: string[] = [];
  const answers: Partial<LpSolution & { retry: string }>[] = [
    { values: { x0_1: 1, x1_1: 1 }, objective: 30 },
    { status: 'Infeasible' },
    { status: 'Infeasible' },
    { status: 'Model error' },
    { values: { x0_0: 1, x1_1: 1 }, objective: 20, retry: 'presolve off' },
  ];
  let k = 0;
  const solver: LpSolver = async () => ({
    status: 'Optimal',
    optimal: true,
    objective: 0,
    values: {},
    rows: [],
    ...answers[Math.min(k++, answers.length - 1)],
  });
  const points = await computeFrontier(
    () => problem,
    [1, 2, 3, 4],
    { solver },
    (done, total) => progress.push(`${done}/${total}`),
  );
  assert.deepEqual(progress, ['1/4', '2/4', '3/4', '4/4']);
  assert.deepEqual(
    points.map((p) => [p.value, p.status, p.profit, p.solver_status, p.message]),
    [
      [1, 'optimal', 30, 'Optimal', undefined],
      [2, 'infeasible', null, 'Infeasible', undefined],
      [3, 'unsolved', null, 'Model error', 'HiGHS could not solve the problem (status "Model error")'],
      [4, 'optimal', 20, 'Optimal', 'solved with presolve off'],
    ],
  );
  assert.equal(points[0]?.kpis?.approved, 150);
  assert.equal(points[1]?.kpis, null);
  assert.ok(!('message' in (points[0] ?? {})));
});
