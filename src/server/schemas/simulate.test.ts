import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Compile } from 'typebox/compile';
import { Frame, numericColumn } from '../../frame/index.js';
import { type LpSolver, studyCutoffs } from '../../portfolio/index.js';
import { OptimiseResponse } from './simulate.js';

/**
 * The optimiser's answers the API cannot provoke (bad_rate_max ≥ 0.005 with a decline action is
 * always feasible): an infeasible problem and a solver failure, from the study itself with a
 * scripted solver, must satisfy the declared response as the optimal one does.
 */
const apps = new Frame(
  [
    numericColumn('champion_pd', Float64Array.of(0.2, 0.1, 0.02, 0.01)),
    numericColumn('requested_amount', Float64Array.of(1000, 2000, 4000, 2000)),
    numericColumn('approved', Float64Array.of(0, 1, 1, 1)),
  ],
  4,
);
const config = {
  segmentation: { score: 'champion_pd', bands: 2 },
  columns: { pd: 'champion_pd', amount: 'requested_amount', current: 'approved' },
  economics: { lgd: 0.45, funding_rate: 0.06, opex: 2500, hurdle_rate: 0.12, asset_class: 'other_retail' },
  actions: [{ name: 'decline' }, { name: 'approve' }, { name: 'approve_80pct', limit: 0.8, rate_shift: 0.01 }],
  limits: { bad_rate_max: 0.04 },
  frontier: { parameter: 'bad_rate_max', values: [0.02, 0.04] },
  solver: { time_limit: 5 },
};
const answering =
  (status: string): LpSolver =>
  async (lp) => {
    // every segment on its first action (decline) when the status carries an assignment
    const values: Record<string, number> = {};
    for (const m of lp.matchAll(/^ assign(\d+):/gm)) values[`x${m[1]}_0`] = 1;
    return { status, optimal: status === 'Optimal', objective: 0, values: status === 'Optimal' ? values : {}, rows: [] };
  };
const check = Compile(OptimiseResponse);
const answer = async (status: string) => ({
  rows: 4,
  bad_rate_max: 0.04,
  currency: 'USD',
  ...(await studyCutoffs(apps, config, 'test', { frontier: true, solver: answering(status) })),
});

test('the optimise response schema holds the optimal, infeasible and unsolved answers of the cutoff study', async () => {
  const optimal = await answer('Optimal');
  assert.equal(optimal.result.status, 'optimal');
  assert.ok(check.Check(optimal), JSON.stringify([...check.Errors(optimal)][0]));
  const infeasible = await answer('Infeasible');
  assert.deepEqual(infeasible.result, { status: 'infeasible', conflict: [] });
  assert.deepEqual(
    infeasible.frontier?.points.map((p) => [p.value, p.status, p.profit, p.kpis]),
    [
      [0.02, 'infeasible', null, null],
      [0.04, 'infeasible', null, null],
    ],
  );
  assert.ok(check.Check(infeasible), JSON.stringify([...check.Errors(infeasible)][0]));
  const unsolved = await answer('Model error');
  assert.deepEqual(unsolved.result, { status: 'unsolved', solver_status: 'Model error', message: 'HiGHS could not solve the problem (status "Model error")' });
  assert.ok(check.Check(unsolved), JSON.stringify([...check.Errors(unsolved)][0]));
  // and a wrong shape is refused: the schema is not vacuous
  assert.equal(check.Check({ ...unsolved, result: { status: 'unsolved' } }), false);
});
