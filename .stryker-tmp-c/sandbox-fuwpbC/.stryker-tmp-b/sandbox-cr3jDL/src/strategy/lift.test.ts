// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryFromLabels, Frame, numericColumn } from '../frame/index.js';
import { activeRules } from './active-rules.js';
import { ruleMasks } from './evaluate-rules.js';
import { computeLift, type LiftRow } from './lift.js';
import { proposeRuleOrder } from './ordering.js';
import { rateSpecs } from './outcomes.js';
import { parseStrategy } from './strategy-file.js';

const N = Number.NaN;
const frame = new Frame([
  categoryFromLabels('seg', ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b']),
  numericColumn('x', Float64Array.from([5, 1, 6, 0, 2, 7, 0, 8, 1, 3])),
  numericColumn('y', Float64Array.from([0, 1, 1, 0, 0, 0, 1, 1, 0, 1])),
  numericColumn('bad', Float64Array.from([1, 0, 1, 0, N, 0, 1, N, 0, 1])),
  numericColumn('amt', Float64Array.from([100, 200, 300, 400, 500, 100, 200, 300, 400, 500])),
  numericColumn('due', Float64Array.from([10, 20, 30, 40, 50, 10, 20, 30, 40, 50])),
  numericColumn('over', Float64Array.from([10, 0, 15, 0, 0, 0, 20, 30, 0, 25])),
]);
const strategy = parseStrategy('name: t\nrules:\n  - {id: r1, when: x > 4, action: decline}\n  - {id: r2, when: y == 1, action: decline}\n');
const rules = activeRules(strategy);
const masks = ruleMasks(frame, rules);
const options = { target: 'bad', amount: 'amt', outcomes: [{ name: 'fpd', numerator: 'over', denominator: 'due' }], by: 'seg' };

function close(actual: number | null | undefined, expected: number | null, what: string): void {
  if (expected === null) {
    assert.equal(actual, null, what);
    return;
  }
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) < 1e-12, `${what}: ${actual} vs ${expected}`);
}

function check(
  row: LiftRow | undefined,
  e: { touched: number; amount: number; hit: (number | null)[]; rest: (number | null)[]; lift: number | null },
  what: string,
) {
  assert.ok(row !== undefined, what);
  assert.equal(row.touched, e.touched, `${what} touched`);
  close(row.touched_amount, e.amount, `${what} amount`);
  ['bad', 'bad_amount', 'fpd'].forEach((name, j) => {
    close(row.hit_rates[name], e.hit[j] as number | null, `${what} hit ${name}`);
    close(row.remaining_rates[name], e.rest[j] as number | null, `${what} remaining ${name}`);
  });
  close(row.lift, e.lift, `${what} lift`);
}

test('sequential lift matches the hand-computed table (overall and per segment)', () => {
  const report = computeLift(frame, rules, masks, options);
  assert.deepEqual(Object.keys(report.segments), ['ALL', 'a', 'b']);
  assert.deepEqual(report.rates, ['bad', 'bad_amount', 'fpd']);
  const all = report.segments.ALL as LiftRow[];
  check(all[0], { touched: 10, amount: 3000, hit: [0.5, 0.5, 1 / 3], rest: [0.5, 0.5, 1 / 3], lift: 1 }, 'ALL baseline');
  check(all[1], { touched: 4, amount: 800, hit: [2 / 3, 0.8, 55 / 80], rest: [0.4, 700 / 1700, 45 / 220], lift: 4 / 3 }, 'ALL r1');
  check(all[2], { touched: 3, amount: 900, hit: [2 / 3, 700 / 900, 0.5], rest: [0, 0, 0], lift: 4 / 3 }, 'ALL r2');
  assert.equal(all[1]?.touched_share, 0.4);
  assert.equal(all[2]?.cumulative_touched, 7);
  close(all[1]?.capture, 0.5, 'capture r1');
  close(all[2]?.capture, 1, 'capture r2');
  const a = report.segments.a as LiftRow[];
  check(a[0], { touched: 5, amount: 1500, hit: [0.5, 400 / 1000, 25 / 150], rest: [0.5, 0.4, 25 / 150], lift: 1 }, 'a baseline');
  check(a[1], { touched: 2, amount: 400, hit: [1, 1, 25 / 40], rest: [0, 0, 0], lift: 2 }, 'a r1');
  check(a[2], { touched: 1, amount: 200, hit: [0, 0, 0], rest: [0, 0, 0], lift: 0 }, 'a r2');
  const b = report.segments.b as LiftRow[];
  check(b[1], { touched: 2, amount: 400, hit: [0, 0, 0.75], rest: [2 / 3, 700 / 1100, 45 / 110], lift: 0 }, 'b r1');
  check(b[2], { touched: 2, amount: 700, hit: [1, 1, 45 / 70], rest: [0, 0, 0], lift: 2 }, 'b r2');
});

test('standalone and marginal tables', () => {
  const report = computeLift(frame, rules, masks, options);
  const standalone = report.standalone?.ALL as LiftRow[];
  check(standalone[2], { touched: 5, amount: 1500, hit: [0.75, 1000 / 1200, 90 / 150], rest: [0.25, 100 / 1000, 10 / 150], lift: 1.5 }, 'standalone r2');
  const marginal = report.marginal?.ALL as LiftRow[];
  assert.deepEqual(
    marginal.map((r) => r.touched),
    [10, 2, 3],
  );
  close(marginal[1]?.hit_rates.bad, 0.5, 'marginal r1 bad');
  close(marginal[2]?.hit_rates.bad, 2 / 3, 'marginal r2 bad');
});

test('rates without a denominator are null, never NaN', () => {
  const report = computeLift(
    frame.filter(Uint8Array.from([0, 0, 0, 0, 1, 0, 0, 0, 0, 0])),
    rules,
    ruleMasks(frame.filter(Uint8Array.from([0, 0, 0, 0, 1, 0, 0, 0, 0, 0])), rules),
    options,
  );
  const all = report.segments.ALL as LiftRow[];
  assert.equal(all[0]?.hit_rates.bad, null);
  assert.equal(all[1]?.hit_rates.fpd, null);
  assert.equal(all[1]?.lift, null);
});

test('ordering helper proposes the order with the best capture per decline first', () => {
  const rate = rateSpecs(frame, { target: 'bad' })[0];
  assert.ok(rate !== undefined);
  const steps = proposeRuleOrder(['r1', 'r2'], masks, rate);
  // r2 alone: 3 bads of 4 known (0.75) beats r1 (2 of 3, 0.667); then r1 adds row 0 (1 bad of 2 known).
  assert.deepEqual(
    steps.map((s) => [s.rule, s.touched, s.captured]),
    [
      ['r2', 5, 3],
      ['r1', 2, 1],
    ],
  );
  close(steps[0]?.efficiency ?? null, 0.75, 'efficiency');
  close(steps[1]?.cumulative_capture ?? null, 1, 'cumulative');
});

test('a numeric segment column groups by value, missing values in their own group', () => {
  const withMissing = frame.withColumn(numericColumn('band', Float64Array.from([2, 1, 2, 1, N, 2, 1, 2, 1, 2])));
  const report = computeLift(withMissing, rules, masks, { target: 'bad', by: 'band', standalone: false });
  assert.deepEqual(Object.keys(report.segments).sort(), ['(missing)', '1', '2', 'ALL']);
  assert.deepEqual(
    ['1', '2', '(missing)'].map((k) => report.segments[k]?.[0]?.touched),
    [4, 5, 1],
  );
  assert.equal(report.standalone, undefined);
});

test('a target with values other than 0/1 is refused at the boundary', () => {
  const odd = frame.withColumn(numericColumn('bad', Float64Array.from([1, 0, 2, 0, N, 0, 1, N, 0, 1])));
  assert.throws(() => computeLift(odd, rules, masks, { target: 'bad' }), /target column "bad" must hold 0 \(good\), 1 \(bad\) or nothing; row 3 has 2/);
});
