// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solveLp } from './highs.js';

test('solveLp: the README MIP (chairs and tables) and an LP with a shadow price', async () => {
  const mip = await solveLp(`Maximize
 profit: 30 chairs + 50 tables
Subject To
 carpentry: chairs + 2 tables <= 40
 finishing: 2 chairs + tables <= 50
Bounds
 chairs >= 0
 tables >= 0
Generals
 chairs tables
End`);
  assert.equal(mip.status, 'Optimal');
  assert.equal(mip.objective, 1100);
  assert.deepEqual(mip.values, { chairs: 20, tables: 10 });
  // max x + y s.t. x + 2y ≤ 4, x ≤ 2 → x = 2, y = 1, objective 3; dual of c1 is ½.
  const lp = await solveLp('Maximize\n obj: x + y\nSubject To\n c1: x + 2 y <= 4\n c2: x <= 2\nEnd');
  assert.equal(lp.objective, 3);
  assert.equal(lp.rows[0]?.name, 'c1');
  assert.ok(Math.abs(Math.abs(lp.rows[0]?.dual as number) - 0.5) < 1e-9);
});

test('solveLp reports infeasibility as a status', async () => {
  const r = await solveLp('Minimize\n obj: x\nSubject To\n c1: x >= 3\n c2: x <= 1\nEnd');
  assert.equal(r.optimal, false);
  assert.match(r.status, /Infeasible/);
  assert.deepEqual(r.values, {});
});
