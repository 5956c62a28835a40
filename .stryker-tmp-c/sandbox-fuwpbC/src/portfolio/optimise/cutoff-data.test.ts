// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Frame, numericColumn } from '../../frame/index.js';
import { studyCutoffs } from './cutoff-study.js';
import type { PolicyOptimum } from './optimise-policy.js';

/**
 * Eight applications in two score bands. Inside each band the current policy approved the two
 * safest rows, so its loans are much better than the band average: the current KPIs must come
 * from those rows, not from the band averages scaled by the approval share.
 */
const frame = new Frame([
  numericColumn('score', Float64Array.of(550, 560, 570, 580, 650, 660, 670, 680)),
  numericColumn('pd', Float64Array.of(0.2, 0.1, 0.3, 0.04, 0.02, 0.01, 0.05, 0.08)),
  numericColumn('amount', Float64Array.of(1000, 2000, 1000, 1000, 4000, 2000, 1000, 1000)),
  numericColumn('rate', new Float64Array(8).fill(0.1)),
  numericColumn('current', Float64Array.of(0, 1, 0, 1, 1, 1, 0, 0)),
]);

const config = {
  segmentation: { score: 'score', edges: [600] },
  columns: { pd: 'pd', amount: 'amount', rate: 'rate', current: 'current' },
  economics: { lgd: 0.5, funding_rate: 0, opex: 0, hurdle_rate: 0 },
  actions: [{ name: 'decline' }, { name: 'approve' }],
  limits: { bad_rate_max: 0.06 },
};

test('the current policy KPIs are those of the rows it approved (hand-checked), not band averages', async () => {
  const study = await studyCutoffs(frame, config, 'test.yaml', { frontier: false });
  const r = study.result as PolicyOptimum;
  assert.equal(r.status, 'optimal');
  const current = r.current;
  assert.ok(current !== undefined);
  // approved rows: PD 0.10, 0.04, 0.02, 0.01 with amounts 2000, 1000, 4000, 2000
  assert.equal(current.approved, 4);
  assert.ok(Math.abs(current.bad_rate - 0.17 / 4) < 1e-12, `bad rate ${current.bad_rate}`); // 4.25% (band averages gave 10%)
  assert.equal(current.amount, 9000); // band averages gave 0.5·5000 + 0.5·8000 = 6500
  assert.ok(Math.abs(current.bad_rate_amount - 340 / 9000) < 1e-12); // Σ PD·amount = 200 + 40 + 80 + 20
  assert.ok(Math.abs(current.el - 170) < 1e-9); // LGD 0.5 × 340
  assert.ok(Math.abs(current.profit - (900 - 170)) < 1e-9); // interest 10% × 9000 − EL
  // the optimum approves the upper band only: 4 rows, expected bads 0.16, a 4.00% bad rate
  assert.deepEqual(
    r.assignment.map((a) => a.action),
    ['decline', 'approve'],
  );
  assert.ok(Math.abs(r.kpis.bad_rate - 0.04) < 1e-12);
  // so the change in bad rate is −0.25 points, not the −6 points band averages reported
  assert.ok(Math.abs((r.delta?.bad_rate ?? 0) - (0.04 - 0.0425)) < 1e-12);
  const cells = r.swap_set?.cells;
  assert.ok(cells !== undefined);
  // all-in: current approvals in the upper band (PD 0.02, 0.01); swap-out: those in the lower band (0.10, 0.04)
  assert.deepEqual([cells.all_in.count, cells.swap_out.count, cells.swap_in.count, cells.all_out.count], [2, 2, 2, 2]);
  assert.ok(Math.abs(cells.all_in.bads - 0.03) < 1e-12);
  assert.ok(Math.abs(cells.swap_out.bads - 0.14) < 1e-12);
  assert.ok(Math.abs(cells.swap_in.bads - 0.13) < 1e-12);
  assert.ok(Math.abs(cells.all_out.bads - 0.5) < 1e-12);
});

test('a current decision other than 0 or 1 is refused naming the row', async () => {
  const bad = new Frame([...frame.columns.filter((c) => c.name !== 'current'), numericColumn('current', Float64Array.of(0, 1, 0, 1, 1, 2, 0, 0))]);
  await assert.rejects(studyCutoffs(bad, config, 'test.yaml', { frontier: false }), /column "current" at row 6/);
});
