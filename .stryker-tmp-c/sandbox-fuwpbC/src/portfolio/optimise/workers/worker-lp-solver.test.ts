// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCutoffProblem } from '../cutoff-problem.js';
import { optimisePolicy } from '../optimise-policy.js';
import { workerLpSolver } from './worker-lp-solver.js';

test('the worker-thread solver gives the in-thread answer (five-band check at a 3% cap)', async () => {
  const count = Float64Array.of(100, 150, 250, 300, 200);
  const rate = [0.12, 0.055, 0.03, 0.015, 0.005];
  const data = {
    labels: ['b0', 'b1', 'b2', 'b3', 'b4'],
    band: Int32Array.of(0, 1, 2, 3, 4),
    group: new Int32Array(5),
    values: {},
    count,
    pdSum: count.map((n, s) => n * (rate[s] as number)),
    amountSum: count.map((n) => n * 1800),
    pdAmountSum: count.map((n, s) => n * 1800 * (rate[s] as number)),
    rateAmountSum: count.map((n) => n * 400),
    capitalSum: count.map((n) => n * 100),
  };
  const problem = buildCutoffProblem(data, {
    actions: [{ name: 'decline' }, { name: 'approve' }],
    economics: { lgd: 1, funding_rate: 0, opex: 0, hurdle_rate: 0 },
    limits: { bad_rate_max: 0.03 },
  });
  const solver = workerLpSolver(10);
  try {
    const inWorker = await optimisePolicy(problem, { solver });
    const inThread = await optimisePolicy(problem);
    assert.deepEqual(inWorker, inThread);
    assert.ok(inWorker.status !== 'infeasible' && inWorker.status !== 'unsolved' && Math.abs(inWorker.kpis.bad_rate - 0.023611) < 1e-6);
  } finally {
    await solver.close();
  }
});
