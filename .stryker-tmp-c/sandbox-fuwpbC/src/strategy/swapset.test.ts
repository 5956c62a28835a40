// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Frame, numericColumn } from '../frame/index.js';
import { activeRules } from './active-rules.js';
import { DECISION, decide, ruleMasks } from './evaluate-rules.js';
import { inferRejects } from './reject-inference.js';
import { parseStrategy } from './strategy-file.js';
import { computeSwapset, swapCells } from './swapset.js';

/**
 * REFERENCE §7 worked example (1,000 applicants): A 340 with 25 bads, B 40 with 6, C 60 with 4
 * (inferred), D 560. C's 4 bads come from the random test: 15 of C's rows were approved as a random
 * test (1 bad), the other 45 get the random-test rate 1/15 → 3 inferred bads.
 */
function workedExample(): Frame {
  const oldOk: number[] = [];
  const newOk: number[] = [];
  const bad: number[] = [];
  const randomTest: number[] = [];
  const amount: number[] = [];
  const push = (o: number, nw: number, b: number, r = 0) => {
    oldOk.push(o);
    newOk.push(nw);
    bad.push(b);
    randomTest.push(r);
    amount.push(1000);
  };
  for (let i = 0; i < 340; i++) push(1, 1, i < 25 ? 1 : 0);
  for (let i = 0; i < 40; i++) push(1, 0, i < 6 ? 1 : 0);
  for (let i = 0; i < 60; i++) push(0, 1, i < 15 ? (i === 0 ? 1 : 0) : Number.NaN, i < 15 ? 1 : 0);
  for (let i = 0; i < 560; i++) push(0, 0, Number.NaN);
  return new Frame([
    numericColumn('old_ok', Float64Array.from(oldOk)),
    numericColumn('new_ok', Float64Array.from(newOk)),
    numericColumn('bad', Float64Array.from(bad)),
    numericColumn('random_test', Float64Array.from(randomTest)),
    numericColumn('amount', Float64Array.from(amount)),
  ]);
}

function approvals(frame: Frame, yaml: string): Uint8Array {
  const rules = activeRules(parseStrategy(yaml));
  const { decision } = decide(rules, ruleMasks(frame, rules), frame.rowCount);
  return decision.map((d) => (d === DECISION.approve ? 1 : 0));
}

test('swap set reproduces the REFERENCE §7 worked example', () => {
  const frame = workedExample();
  const oldApproved = approvals(frame, 'name: old\nrules:\n  - {id: o1, when: old_ok == 0, action: decline}\n');
  const newApproved = approvals(frame, 'name: new\nrules:\n  - {id: n1, when: new_ok == 0, action: decline}\n');
  const inference = inferRejects(
    frame.numeric('bad').values,
    { kind: 'random-test', randomTest: frame.numeric('random_test').values },
    { groups: swapCells(oldApproved, newApproved), groupCount: 4 },
  );
  const report = computeSwapset(frame, oldApproved, newApproved, { target: 'bad', amount: 'amount', inference });
  const t = report.segments.ALL;
  assert.ok(t !== undefined);
  assert.deepEqual([t.cells.all_in.count, t.cells.swap_out.count, t.cells.swap_in.count, t.cells.all_out.count], [340, 40, 60, 560]);
  const near = (x: number | null | undefined, y: number, what: string) => assert.ok(typeof x === 'number' && Math.abs(x - y) < 1e-12, `${what}: ${x} vs ${y}`);
  near(t.old_approved.approval_rate, 0.38, 'old approval');
  near(t.old_approved.bad_rate, 31 / 380, 'old bad rate');
  assert.equal((t.old_approved.bad_rate as number).toFixed(4), '0.0816');
  near(t.new_approved.approval_rate, 0.4, 'new approval');
  near(t.new_approved.bad_rate, 29 / 400, 'new bad rate');
  near(t.cells.swap_in.bad_rate, 4 / 60, 'swap-in');
  assert.equal((t.cells.swap_in.bad_rate as number).toFixed(4), '0.0667');
  near(t.cells.swap_out.bad_rate, 0.15, 'swap-out');
  near(t.cells.swap_in.bads, 4, 'swap-in bads');
  near(t.change.bad_rate, 29 / 400 - 31 / 380, 'change');
  near(t.change.approval_rate, 0.02, 'approval change');
  near(t.cells.all_in.share, 0.34, 'share');
  near(t.cells.swap_in.bad_rate_amount, 4 / 60, 'amount-weighted (equal amounts)');
  assert.equal(t.cells.swap_in.observed, 15);
  assert.equal(t.cells.swap_in.inferred, 45);
  assert.equal(t.cells.swap_in.source, 'observed+random-test (inverse-probability weighted)');
  assert.equal(t.cells.all_in.source, 'observed');
  assert.equal(t.new_approved.source, 'observed+random-test (inverse-probability weighted)');
  // D has no random-test rows: it falls back to the pooled random-test rate (1/15).
  near(t.cells.all_out.bad_rate, 1 / 15, 'all-out pooled');
});

test('without inference, rows lacking outcomes are left out of rates, never NaN', () => {
  const frame = workedExample();
  const report = computeSwapset(frame, Uint8Array.from(frame.numeric('old_ok').values), Uint8Array.from(frame.numeric('new_ok').values), { target: 'bad' });
  const t = report.segments.ALL;
  assert.ok(t !== undefined);
  assert.equal(t.cells.all_out.bad_rate, null);
  assert.equal(t.cells.all_out.source, 'none');
  assert.equal(t.cells.swap_in.bad_rate, 1 / 15);
  assert.equal(t.cells.swap_in.source, 'observed');
  assert.equal(report.inference, null);
});
