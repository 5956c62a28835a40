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

test('performance table: other column names, numeric ids and vintages, currency exponent, no charged-off column', () => {
  // Loan ids 7 and 3 (numbers), vintages 202402 and 202312 (numbers, sorted as text), rows out of order.
  const frame = new Frame([
    numericColumn('id', Float64Array.from([7, 3, 7, 3])),
    numericColumn('orig', Float64Array.from([202402, 202312, 202402, 202312])),
    numericColumn('m', Float64Array.from([2, 1, 1, 2])),
    numericColumn('bal', Float64Array.from([0.125, 2, 1.5, 1])),
    numericColumn('days', Float64Array.from([0, 0, 95, 30])),
    numericColumn('grade', Float64Array.from([1, 2, 1, Number.NaN])),
  ]);
  const t = readPerformanceTable(frame, {
    loanId: 'id',
    vintage: 'orig',
    mob: 'm',
    balance: 'bal',
    dpd: 'days',
    chargedOff: 'co',
    group: 'grade',
    currencyExponent: 3,
  });
  assert.equal(t.rows, 4);
  assert.equal(t.loanCount, 2);
  assert.deepEqual(t.loanIds, ['7', '3']);
  assert.deepEqual(t.vintages, ['202312', '202402']);
  assert.deepEqual(Array.from(t.loan), [0, 0, 1, 1]);
  assert.deepEqual(Array.from(t.mob), [1, 2, 1, 2]);
  assert.deepEqual(Array.from(t.vintage), [1, 1, 0, 0]);
  // Balances in thousandths: 1.5 → 1,500, 0.125 → 125.
  assert.deepEqual(Array.from(t.balance), [1500, 125, 2000, 1000]);
  assert.deepEqual(Array.from(t.dpd), [95, 0, 0, 30]);
  assert.deepEqual(Array.from(t.chargedOff), [0, 0, 0, 0]);
  assert.deepEqual(t.groupLabels, ['1', '2']);
  assert.deepEqual(Array.from(t.group ?? []), [0, 0, 1, -1]);
  // Half away from zero at the default two decimals: 0.125 → 13 cents; exponent 0 keeps whole units.
  assert.deepEqual(
    Array.from(readPerformanceTable(frame, { loanId: 'id', vintage: 'orig', mob: 'm', balance: 'bal', dpd: 'days' }).balance),
    [150, 13, 200, 100],
  );
  assert.deepEqual(
    Array.from(readPerformanceTable(frame, { loanId: 'id', vintage: 'orig', mob: 'm', balance: 'bal', dpd: 'days', currencyExponent: 0 }).balance),
    [2, 0, 2, 1],
  );
  assert.equal(readPerformanceTable(frame, { loanId: 'id', vintage: 'orig', mob: 'm', balance: 'bal', dpd: 'days' }).group, undefined);
});

test('performance table: every refusal names its row and problem', () => {
  const bad = (r: Row[], pattern: RegExp) =>
    assert.throws(
      () => readPerformanceTable(frameOf(r)),
      (e: unknown) => e instanceof CredoError && e.code === 'E_FINANCE_PERFORMANCE_INVALID' && pattern.test(e.message),
      String(pattern),
    );
  const ok: Row = ['A', '2024-01', 1, 1, 0, 0, 'x'];
  bad([ok, ['', '2024-01', 2, 1, 0, 0, 'x']], /row 2: loan id is missing/);
  bad([ok, ['B', '', 1, 1, 0, 0, 'x']], /row 2: vintage is missing/);
  bad([ok, ['B', '2024-01', 1.5, 1, 0, 0, 'x']], /row 2: mob must be a whole number ≥ 1, got 1.5/);
  bad([ok, ['B', '2024-01', Number.NaN, 1, 0, 0, 'x']], /row 2: mob/);
  bad([ok, ['B', '2024-01', 1, Number.NaN, 0, 0, 'x']], /row 2: balance must be a number ≥ 0, got NaN/);
  bad([ok, ['B', '2024-01', 1, 1, -1, 0, 'x']], /row 2: dpd must be a number ≥ 0, got -1/);
  bad([ok, ['B', '2024-01', 1, 1, Number.NaN, 0, 'x']], /row 2: dpd/);
  bad([ok, ['B', '2024-01', 1, 1, 0, -1, 'x']], /row 2: charged_off must be 0 or 1, got -1/);
  bad([ok, ['B', '2024-01', 1, 1, 0, Number.NaN, 'x']], /row 2: charged_off/);
  bad([ok, ['B', '2024-01', 2, 1, 0, 0, 'x'], ['B', '2024-01', 2, 1, 0, 0, 'x']], /loan "B" has two rows for mob 2/);
  bad([ok, ['B', '2024-01', 2, 1, 0, 0, 'x'], ['B', '2024-02', 3, 1, 0, 0, 'x']], /loan "B" has more than one vintage/);
  // Zero balance, zero dpd, a missing group label are accepted.
  const t = readPerformanceTable(frameOf([['A', '2024-01', 1, 0, 0, 1, '']]), { group: 'segment' });
  assert.deepEqual([t.balance[0], t.chargedOff[0], t.group?.[0]], [0, 1, -1]);
});

test('vintage curves: charge-off alone is bad, a zero-balance vintage, first observed balance, bads', () => {
  const list: Row[] = [
    ['A', '2024-01', 1, 0, 0, 0, 'x'],
    ['A', '2024-01', 2, 0, 89, 1, 'x'],
    ['B', '2024-02', 2, 400, 89, 0, 'x'],
    ['B', '2024-02', 3, 300, 91, 0, 'x'],
    ['B', '2024-02', 4, 200, 150, 0, 'x'],
    ['C', '2024-02', 2, 600, 0, 0, 'x'],
  ];
  const c = vintageCurves(readPerformanceTable(frameOf(list)));
  assert.equal(c.badDpd, 90);
  assert.equal(c.maxMob, 4);
  assert.deepEqual(Array.from(c.loans), [1, 2]);
  assert.deepEqual(Array.from(c.balance), [0, 100_000]);
  assert.deepEqual(Array.from(c.observedMob), [2, 4]);
  assert.deepEqual(Array.from(c.bads), [1, 1]);
  // 2024-01: A charged off at MOB 2 (dpd 89 < 90); balance basis 0 when the vintage has no balance.
  assert.deepEqual(Array.from(c.countRate.subarray(0, 2)), [0, 1]);
  assert.deepEqual(Array.from(c.balanceRate.subarray(0, 2)), [0, 0]);
  assert.ok(Number.isNaN(c.countRate[2] as number) && Number.isNaN(c.balanceRate[3] as number));
  // 2024-02: B first bad at MOB 3 (300 of the 400 + 600 first balances), counted once.
  assert.deepEqual(Array.from(c.countRate.subarray(4, 8)), [0, 0, 0.5, 0.5]);
  assert.deepEqual(Array.from(c.balanceRate.subarray(4, 8)), [0, 0, 0.3, 0.3]);
  // dpd 89 counts as bad at a threshold of 89.
  assert.deepEqual(Array.from(vintageCurves(readPerformanceTable(frameOf(list)), 89).countRate.subarray(4, 8)), [0, 0.5, 0.5, 0.5]);
});

test('roll rates: MOB gaps skipped, groups by the from-month, empty groups left out, label rules', () => {
  const list: Row[] = [
    ['A', '2024-01', 1, 100, 0, 0, 'p'],
    ['A', '2024-01', 3, 100, 40, 0, 'p'],
    ['A', '2024-01', 4, 100, 100, 0, 'q'],
    ['B', '2024-01', 1, 50, 10, 0, 'q'],
    ['B', '2024-01', 2, 50, 0, 0, 'q'],
    ['C', '2024-01', 5, 10, 0, 0, 'r'],
  ];
  const t = readPerformanceTable(frameOf(list), { group: 'segment' });
  const r = rollRates(t);
  // A 1 → 3 is a gap; A 3 → 4 (31-60 → 90+), B 1 → 2 (1-30 → Current); C has one row.
  assert.equal(r.transitions, 2);
  assert.equal(r.counts[2 * 6 + 4], 1);
  assert.equal(r.counts[1 * 6 + 0], 1);
  assert.equal(r.balances[2 * 6 + 4], 10_000);
  assert.equal(r.balanceShares[1 * 6 + 0], 1);
  assert.ok(Number.isNaN(r.balanceShares[0] as number));
  assert.deepEqual(
    Array.from(r.counts).reduce((a, b) => a + b, 0),
    2,
  );
  // A's 3 → 4 goes to p (its MOB 3 group); q gets B's; r has none and is left out.
  assert.deepEqual(
    rollRatesByGroup(t).map((g) => [g.group, g.rates.transitions, g.rates.counts[2 * 6 + 4]]),
    [
      ['p', 1, 1],
      ['q', 1, 0],
    ],
  );
  assert.deepEqual(rollRatesByGroup(readPerformanceTable(frameOf(list))), []);
  // Custom bounds: two buckets, the open one (named "60+" for > 60, as "90+") and charged off.
  const custom = rollRates(t, [0, 60]);
  assert.deepEqual(custom.buckets, ['Current', '1-60', '60+', 'Charged off']);
  assert.equal(custom.counts[1 * 4 + 2], 1);
  assert.deepEqual(bucketLabels(), ['Current', '1-30', '31-60', '61-90', '90+', 'Charged off']);
  assert.deepEqual(bucketLabels([]), ['1+', 'Charged off']);
  assert.deepEqual(bucketLabels([0, 95]), ['Current', '1-95', '96+', 'Charged off']);
  assert.deepEqual(bucketLabels([0, 100]), ['Current', '1-100', '100+', 'Charged off']);
  assert.deepEqual(bucketLabels([5]), ['0-5', '6+', 'Charged off']);
  assert.deepEqual(
    [-1, 0, 7, 8, 14, 15, 1000].map((d) => dpdBucket(d, [0, 7, 14])),
    [0, 0, 1, 2, 2, 3, 3],
  );
  assert.equal(dpdBucket(3, []), 0);
});

test('rows of one loan in falling MOB order are sorted; no transition across loans; charged off rolls to charged off', () => {
  const t = readPerformanceTable(
    frameOf([
      ['A', '2024-01', 2, 5, 0, 1, 'x'],
      ['A', '2024-01', 1, 9, 0, 0, 'x'],
      ['A', '2024-01', 3, 5, 0, 1, 'x'],
      ['B', '2024-01', 4, 7, 45, 0, 'x'],
    ]),
  );
  assert.deepEqual(Array.from(t.mob), [1, 2, 3, 4]);
  assert.deepEqual(Array.from(t.balance), [900, 500, 500, 700]);
  const r = rollRates(t);
  // A 1 → 2 (Current → Charged off), A 2 → 3 (Charged off → Charged off); A 3 → B 4 is not a transition.
  assert.equal(r.transitions, 2);
  assert.equal(r.counts[0 * 6 + 5], 1);
  assert.equal(r.counts[5 * 6 + 5], 1);
});

test('a loan that comes back after another one is gathered with its first rows', () => {
  const t = readPerformanceTable(
    frameOf([
      ['A', '2024-01', 1, 1, 0, 0, 'x'],
      ['B', '2024-01', 1, 2, 0, 0, 'x'],
      ['A', '2024-01', 2, 3, 0, 0, 'x'],
    ]),
  );
  assert.deepEqual(Array.from(t.loan), [0, 0, 1]);
  assert.deepEqual(Array.from(t.mob), [1, 2, 1]);
  assert.deepEqual(Array.from(t.balance), [100, 300, 200]);
});
