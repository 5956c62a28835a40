import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyByDates, classifyDpdHistory, IRAC_BUCKETS, iracBucket, monthsBetween, npaDateFromDpd, summariseProvisions } from './irac.js';

test('REFERENCE §6 dpd boundaries: 0, 1, 30, 31, 60, 61, 90, 91', () => {
  const expected: [number, string][] = [
    [0, 'Standard'],
    [1, 'SMA-0'],
    [30, 'SMA-0'],
    [31, 'SMA-1'],
    [60, 'SMA-1'],
    [61, 'SMA-2'],
    [90, 'SMA-2'],
    [91, 'Sub-standard'],
  ];
  for (const [dpd, bucket] of expected) assert.equal(iracBucket(dpd, 0), bucket, `dpd ${dpd}`);
});

test('REFERENCE §6 NPA ageing: sub-standard 12 months → D1 (≤1 year doubtful) → D2 (1–3 years) → D3 (>3 years); loss', () => {
  assert.equal(iracBucket(400, 12), 'Sub-standard');
  assert.equal(iracBucket(400, 13), 'Doubtful D1');
  assert.equal(iracBucket(800, 24), 'Doubtful D1');
  assert.equal(iracBucket(800, 25), 'Doubtful D2');
  assert.equal(iracBucket(1500, 48), 'Doubtful D2');
  assert.equal(iracBucket(1500, 49), 'Doubtful D3');
  assert.equal(iracBucket(0, 0, true), 'Loss');
});

test('dpd history: NPA spells age, persist until arrears clear, loss is absorbing', () => {
  const dpd = [0, 30, 60, 91, 120, 80, 0, 95, ...Array.from({ length: 14 }, (_, i) => 125 + 30 * i)];
  const codes = classifyDpdHistory(dpd);
  const labels = Array.from(codes, (c) => IRAC_BUCKETS[c]);
  assert.deepEqual(labels.slice(0, 8), ['Standard', 'SMA-0', 'SMA-1', 'Sub-standard', 'Sub-standard', 'Sub-standard', 'Standard', 'Sub-standard']);
  // The second spell starts at index 7; index 7 + 12 is still sub-standard, 7 + 13 is D1.
  assert.equal(labels[19], 'Sub-standard');
  assert.equal(labels[20], 'Doubtful D1');
  const lost = classifyDpdHistory([0, 120, 150, 0], [0, 0, 1, 0]);
  assert.deepEqual(
    Array.from(lost, (c) => IRAC_BUCKETS[c]),
    ['Standard', 'Sub-standard', 'Loss', 'Loss'],
  );
});

test('dates: months between, NPA date from dpd, classification on an as-of date', () => {
  assert.equal(monthsBetween('2024-01-15', '2025-01-14'), 11);
  assert.equal(monthsBetween('2024-01-15', '2025-01-15'), 12);
  assert.equal(npaDateFromDpd('2025-03-31', 91), '2025-03-31');
  assert.equal(npaDateFromDpd('2025-03-31', 121), '2025-03-01');
  assert.equal(classifyByDates(45, '2025-03-31'), 'SMA-1');
  assert.equal(classifyByDates(200, '2025-03-31', { npaDate: '2024-03-31' }), 'Sub-standard');
  assert.equal(classifyByDates(200, '2025-04-01', { npaDate: '2024-03-01' }), 'Doubtful D1');
  assert.equal(classifyByDates(91 + 365 * 4 + 10, '2025-03-31'), 'Doubtful D2'); // NPA since 2021-03-22: 48 months
  assert.equal(classifyByDates(91 + 365 * 5, '2025-03-31'), 'Doubtful D3');
  assert.equal(classifyByDates(10, '2025-03-31', { loss: true }), 'Loss');
  assert.throws(() => monthsBetween('31/03/2025', '2025-04-01'), /start date/);
  // a day or month that does not exist is refused, not rolled over (2025-02-30 would count as 2 March)
  assert.throws(() => monthsBetween('2024-01-15', '2025-02-30'), /end date: must be a date YYYY-MM-DD that exists, got "2025-02-30"/);
  assert.throws(() => monthsBetween('2024-13', '2025-02-01'), /start date/);
  assert.equal(monthsBetween('2024-02-29', '2025-02-28'), 11);
});

test('provisions per bucket and the NPA ratio', () => {
  const s = summariseProvisions([0, 1, 4, 5, 8], [1000, 1000, 200, 100, 50]);
  assert.equal(s.totalOutstanding, 2350);
  assert.ok(Math.abs(s.totalProvision - (8 + 30 + 25 + 50)) < 1e-9);
  assert.ok(Math.abs(s.npaRatio - 350 / 2350) < 1e-15);
  assert.deepEqual(s.buckets[4], { bucket: 'Sub-standard', count: 1, outstanding: 200, provision: 30 });
  const custom = summariseProvisions([4], [100], { ...Object.fromEntries(IRAC_BUCKETS.map((b) => [b, 0])), 'Sub-standard': 0.5 } as never);
  assert.equal(custom.totalProvision, 50);
});

test('a spell from the first month ages from month 0; months, NPA dates and refusals name their field', () => {
  // dpd > 90 from index 0 for 15 months: months as NPA 0..14, so index 12 is Sub-standard and 13 D1.
  const codes = Array.from(classifyDpdHistory(Array.from({ length: 15 }, (_, t) => 91 + 30 * t)), (c) => IRAC_BUCKETS[c]);
  assert.equal(codes[12], 'Sub-standard');
  assert.equal(codes[13], 'Doubtful D1');
  assert.equal(codes[14], 'Doubtful D1');
  // A loss flag of 0 or below is not a loss; negative dpd (paid ahead) is Standard.
  assert.deepEqual(
    Array.from(classifyDpdHistory([-5, 10], [0, -1]), (c) => IRAC_BUCKETS[c]),
    ['Standard', 'SMA-0'],
  );
  // Month-only dates count from day 1: 2024-01 → 2024-03-01 is 2 months, → 2024-02-29 is 1.
  assert.equal(monthsBetween('2024-01', '2024-03-01'), 2);
  assert.equal(monthsBetween('2024-01', '2024-02-29'), 1);
  assert.equal(monthsBetween('2023-11-30', '2024-02-29'), 2);
  assert.throws(() => monthsBetween('2025-04-01', '2025-4-1'), /end date.*"2025-4-1"/);
  assert.throws(() => npaDateFromDpd('31.03.2025', 100), /as-of date/);
  // NPA date 2025-04-15 (after the as-of date, e.g. a later correction): months clamp at 0, Sub-standard.
  assert.equal(classifyByDates(120, '2025-03-31', { npaDate: '2025-04-15' }), 'Sub-standard');
  assert.equal(classifyByDates(90, '2025-03-31', { npaDate: '2020-01-01' }), 'SMA-2');
  assert.equal(classifyByDates(91, '2025-03-31', { loss: false }), 'Sub-standard');
});

test('provisions: nothing outstanding gives NPA ratio 0, every bucket counted and rated', () => {
  const empty = summariseProvisions([], []);
  assert.equal(empty.npaRatio, 0);
  assert.equal(empty.totalOutstanding, 0);
  assert.equal(empty.buckets.length, 9);
  // One loan per bucket, 100 each: provisions 0.4 × 4 + 15 + 25 + 40 + 100 + 100 = 281.6; NPA 500 of 900.
  const all = summariseProvisions([0, 1, 2, 3, 4, 5, 6, 7, 8], new Array(9).fill(100));
  assert.ok(Math.abs(all.totalProvision - 281.6) < 1e-9);
  assert.ok(Math.abs(all.npaRatio - 500 / 900) < 1e-15);
  assert.deepEqual(
    all.buckets.map((b) => [b.bucket, b.count]),
    IRAC_BUCKETS.map((b) => [b, 1]),
  );
  assert.deepEqual(
    all.buckets.map((b) => Math.round(b.provision * 10) / 10),
    [0.4, 0.4, 0.4, 0.4, 15, 25, 40, 100, 100],
  );
});

test('history at exactly 90 dpd is SMA-2; dates must match whole; a performing loan ignores its NPA date', () => {
  // > 90 starts a spell, 90 does not (REFERENCE §6: 61–90 SMA-2).
  assert.deepEqual(
    Array.from(classifyDpdHistory([90, 90, 0]), (c) => IRAC_BUCKETS[c]),
    ['SMA-2', 'SMA-2', 'Standard'],
  );
  assert.throws(() => monthsBetween('x2024-01-15', '2025-01-15'), /start date/);
  assert.throws(() => monthsBetween('2024-01-15', '2025-01-15T00:00'), /end date/);
  // A month-only end date is day 1: 2024-01-15 → 2024-03(-01) is one whole month.
  assert.equal(monthsBetween('2024-01-15', '2024-03'), 1);
  // dpd ≤ 90: the NPA date (here an empty CSV field) is not read.
  assert.equal(classifyByDates(90, '2025-03-31', { npaDate: '' }), 'SMA-2');
  assert.equal(classifyByDates(45, '2025-03-31', { npaDate: 'n/a' }), 'SMA-1');
});
