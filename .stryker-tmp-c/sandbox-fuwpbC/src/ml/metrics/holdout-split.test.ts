// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stratifiedHoldout, timeHoldout } from './holdout-split.js';

test('stratified hold-out: round(fraction·size) of bads, goods and unknowns each; seeded', () => {
  // 30 bads, 67 goods, 3 unknown: at 20% → 6 + 13 (13.4) + 1 (0.6) = 20 test rows
  const labels = Float64Array.from({ length: 100 }, (_, i) => (i < 30 ? 1 : i < 97 ? 0 : Number.NaN));
  const test1 = stratifiedHoldout(labels, 0.2, 7);
  const count = (from: number, to: number) => test1.slice(from, to).reduce((s, v) => s + v, 0);
  assert.deepEqual([count(0, 30), count(30, 97), count(97, 100)], [6, 13, 1]);
  assert.deepEqual(stratifiedHoldout(labels, 0.2, 7), test1);
  assert.notDeepEqual(stratifiedHoldout(labels, 0.2, 8), test1);
  assert.throws(() => stratifiedHoldout(labels, 1, 1), /must be in \(0, 1\)/);
});

test('time hold-out: the latest rows are test, ties at the cutoff kept together', () => {
  // days 1..10, day 8 twice: 11 rows, fraction 0.25 → 0-based position ⌊0.75·11⌋ = 8 of the sorted times (day 8) is the cutoff
  const time = Float64Array.of(5, 1, 8, 2, 10, 3, 8, 4, 9, 6, 7);
  const { test, cutoff } = timeHoldout(time, 0.25);
  assert.equal(cutoff, 8);
  assert.deepEqual(Array.from(test), [0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0]);
  assert.throws(() => timeHoldout(Float64Array.of(1, Number.NaN), 0.5), /missing or unreadable/);
});
