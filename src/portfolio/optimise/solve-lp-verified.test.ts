import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SOLVER_ERROR, solveLpVerified } from './solve-lp-verified.js';

test('solveLpVerified on HiGHS: a feasible LP as is, an infeasible one confirmed, an unreadable one a Solver error (never thrown)', async () => {
  const ok = await solveLpVerified('Maximize\n obj: + 1 x\nSubject To\n c: + 1 x <= 2\nBounds\n 0 <= x <= 5\nEnd');
  assert.deepEqual([ok.status, ok.objective, ok.values.x, 'retry' in ok], ['Optimal', 2, 2, false]);
  const infeasible = await solveLpVerified('Maximize\n obj: + 1 x\nSubject To\n c: + 1 x >= 3\nBounds\n 0 <= x <= 1\nEnd');
  assert.match(infeasible.status, /infeasible/i);
  assert.ok(!('retry' in infeasible));
  const broken = await solveLpVerified('Maximize\n obj: + 1 x\nSubject To\n c: + 1 x <= \nEnd');
  assert.equal(SOLVER_ERROR, 'Solver error');
  assert.equal(broken.status, 'Solver error');
  assert.deepEqual([broken.optimal, broken.objective, broken.values, broken.rows], [false, 0, {}, []]);
  assert.match(broken.message ?? '', /^.+; with presolve off: .+$/);
});
