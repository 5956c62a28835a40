// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { categoryFromLabels, Frame, numericColumn } from '../frame/index.js';
import { readPerformanceTable } from './performance-table.js';
import { bucketLabels, dpdBucket, rollRates, rollRatesByGroup } from './roll-rates.js';
import { vintageCurves } from './vintage.js';

/** [loan, vintage, mob, balance, dpd, chargedOff, segment] */
type Row = [string, string, number, number, number, number, string];

// Vintage 2024-01: A (good), B (30 → 60 → 90 at MOB 3, charged off MOB 4); vintage 2024-02: C (bad at MOB 2), D (good, 1 MOB observed... 2 MOBs).
const rows: Row[] = [
  ['A', '2024-01', 1, 1000, 0, 0, 'prime'],
  ['A', '2024-01', 2, 900, 0, 0, 'prime'],
  ['A', '2024-01', 3, 800, 30, 0, 'prime'],
  ['A', '2024-01', 4, 700, 0, 0, 'prime'],
  ['B', '2024-01', 1, 3000, 30, 0, 'sub'],
  ['B', '2024-01', 2, 3000, 60, 0, 'sub'],
  ['B', '2024-01', 3, 3000, 90, 0, 'sub'],
  ['B', '2024-01', 4, 3000, 120, 1, 'sub'],
  ['C', '2024-02', 1, 500, 60, 0, 'sub'],
  ['C', '2024-02', 2, 500, 120, 0, 'sub'],
  ['D', '2024-02', 1, 1500, 0, 0, 'prime'],
  ['D', '2024-02', 2, 1400, 0, 0, 'prime'],
];

function frameOf(list: Row[]): Frame {
  return new Frame([
    categoryFromLabels(
      'loan_id',
      list.map((r) => r[0]),
    ),
    categoryFromLabels(
      'vintage',
      list.map((r) => r[1]),
    ),
    numericColumn(
      'mob',
      Float64Array.from(list, (r) => r[2]),
    ),
    numericColumn(
      'balance',
      Float64Array.from(list, (r) => r[3]),
    ),
    numericColumn(
      'dpd',
      Float64Array.from(list, (r) => r[4]),
    ),
    numericColumn(
      'charged_off',
      Float64Array.from(list, (r) => r[5]),
    ),
    categoryFromLabels(
      'segment',
      list.map((r) => r[6]),
    ),
  ]);
}

test('vintage curves: cumulative bad rate by MOB, count and balance, NaN beyond the horizon', () => {
  const curves = vintageCurves(readPerformanceTable(frameOf(rows)));
  assert.deepEqual(curves.vintages, ['2024-01', '2024-02']);
  assert.equal(curves.maxMob, 4);
  assert.deepEqual(Array.from(curves.loans), [2, 2]);
  assert.deepEqual(Array.from(curves.observedMob), [4, 2]);
  // 2024-01: B bad at MOB 3 (dpd 90); 2024-02: C bad at MOB 2.
  assert.deepEqual(Array.from(curves.countRate.subarray(0, 4)), [0, 0, 0.5, 0.5]);
  assert.deepEqual(Array.from(curves.countRate.subarray(4, 6)), [0, 0.5]);
  assert.ok(Number.isNaN(curves.countRate[6] as number) && Number.isNaN(curves.countRate[7] as number));
  // Balance basis: 3000 / (1000 + 3000); 500 / (500 + 1500).
  assert.deepEqual(Array.from(curves.balanceRate.subarray(0, 4)), [0, 0, 0.75, 0.75]);
  assert.deepEqual(Array.from(curves.balanceRate.subarray(4, 6)), [0, 0.25]);
  // A stricter definition (dpd ≥ 120) moves B to MOB 4.
  assert.deepEqual(Array.from(vintageCurves(readPerformanceTable(frameOf(rows)), 120).countRate.subarray(0, 4)), [0, 0, 0, 0.5]);
});

test('roll rates: transitions between dpd buckets, counts and balance-weighted', () => {
  const r = rollRates(readPerformanceTable(frameOf(rows)));
  assert.deepEqual(r.buckets, ['Current', '1-30', '31-60', '61-90', '90+', 'Charged off']);
  assert.equal(r.transitions, 8);
  const k = 6;
  const at = (m: Float64Array, from: number, to: number) => m[from * k + to];
  // From Current: A 1→2 (stay), A 2→3 (to 1-30), D 1→2 (stay).
  assert.equal(at(r.counts, 0, 0), 2);
  assert.equal(at(r.counts, 0, 1), 1);
  assert.ok(Math.abs((at(r.countShares, 0, 0) as number) - 2 / 3) < 1e-15);
  // Balance weights use the from-month balance: (1000 + 1500) stay vs 900 roll.
  assert.equal(at(r.balances, 0, 0), 250_000); // minor units
  assert.ok(Math.abs((at(r.balanceShares, 0, 1) as number) - 900 / 3400) < 1e-15);
  // 1-30: A cures (800), B rolls to 31-60 (3000).
  assert.equal(at(r.countShares, 1, 0), 0.5);
  assert.equal(at(r.balanceShares, 1, 2), 3000 / 3800);
  // 61-90 → charged off (B), 31-60 → 61-90 (B), 31-60 → 90+ (C).
  assert.equal(at(r.counts, 3, 5), 1);
  assert.equal(at(r.counts, 2, 3), 1);
  assert.equal(at(r.counts, 2, 4), 1);
  assert.ok(Number.isNaN(at(r.countShares, 5, 5) as number));
  const byGroup = rollRatesByGroup(readPerformanceTable(frameOf(rows), { group: 'segment' }));
  assert.deepEqual(
    byGroup.map((g) => [g.group, g.rates.transitions]),
    [
      ['prime', 4],
      ['sub', 4],
    ],
  );
});

test('buckets and labels follow the bounds parameter', () => {
  assert.deepEqual(bucketLabels([0, 29, 59, 89]), ['Current', '1-29', '30-59', '60-89', '90+', 'Charged off']);
  assert.deepEqual(bucketLabels([0, 7, 14]), ['Current', '1-7', '8-14', '15+', 'Charged off']);
  assert.deepEqual(
    [0, 1, 30, 31, 60, 61, 90, 91].map((d) => dpdBucket(d)),
    [0, 1, 1, 2, 2, 3, 3, 4],
  );
});

test('row order does not matter; invalid tables are refused naming the row', () => {
  const shuffled = [rows[5], rows[11], rows[0], rows[9], rows[3], rows[1], rows[7], rows[2], rows[10], rows[4], rows[8], rows[6]] as Row[];
  const a = vintageCurves(readPerformanceTable(frameOf(rows)));
  const b = vintageCurves(readPerformanceTable(frameOf(shuffled)));
  assert.deepEqual(Array.from(b.countRate), Array.from(a.countRate));
  assert.deepEqual(Array.from(rollRates(readPerformanceTable(frameOf(shuffled))).counts), Array.from(rollRates(readPerformanceTable(frameOf(rows))).counts));
  const bad = (r: Row[], pattern: RegExp) =>
    assert.throws(
      () => readPerformanceTable(frameOf(r)),
      (e: unknown) => e instanceof CredoError && e.code === 'E_FINANCE_PERFORMANCE_INVALID' && pattern.test(e.message),
    );
  bad([['A', '2024-01', 0, 1, 0, 0, 'x']], /row 1: mob must be a whole number/);
  bad([['A', '2024-01', 1, -1, 0, 0, 'x']], /balance/);
  bad([['A', '2024-01', 1, 1, 0, 2, 'x']], /charged_off must be 0 or 1/);
  bad(
    [
      ['A', '2024-01', 1, 1, 0, 0, 'x'],
      ['A', '2024-01', 1, 1, 0, 0, 'x'],
    ],
    /two rows for mob 1/,
  );
  bad(
    [
      ['A', '2024-01', 1, 1, 0, 0, 'x'],
      ['A', '2024-02', 2, 1, 0, 0, 'x'],
    ],
    /more than one vintage/,
  );
  assert.throws(
    () => readPerformanceTable(frameOf(rows).drop(['dpd'])),
    (e: unknown) => e instanceof CredoError && e.code === 'E_INPUT_COLUMN_MISSING',
  );
});
