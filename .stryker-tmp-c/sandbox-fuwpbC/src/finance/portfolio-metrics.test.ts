// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryFromLabels, Frame, numericColumn } from '../frame/index.js';
import { irbCapital } from './capital.js';
import { concentration } from './concentration.js';
import { npaSummary } from './npa.js';
import { readPerformanceTable } from './performance-table.js';
import { portfolioMetrics } from './portfolio-metrics.js';

test('concentration: shares, HHI and effective number', () => {
  const c = concentration([0, 0, 1, 2, -1], ['car', 'home', 'travel'], [100, 100, 600, 100, 100]);
  assert.deepEqual(
    c.rows.map((r) => [r.label, r.count, r.amount, r.amountShare]),
    [
      ['home', 1, 600, 0.6],
      ['car', 2, 200, 0.2],
      ['(missing)', 1, 100, 0.1],
      ['travel', 1, 100, 0.1],
    ],
  );
  assert.ok(Math.abs(c.hhi - (0.36 + 0.04 + 0.01 + 0.01)) < 1e-15);
  assert.ok(Math.abs(c.hhiCount - (0.16 + 3 * 0.04)) < 1e-15);
  assert.ok(Math.abs(c.effectiveNumber - 1 / 0.42) < 1e-12);
  const even = concentration([0, 1, 2, 3], ['a', 'b', 'c', 'd'], [5, 5, 5, 5]);
  assert.equal(even.hhi, 0.25);
  assert.equal(concentration([0, 1], ['a', 'b'], [5, 5], [1, 0]).hhi, 1);
  assert.equal(concentration([], [], []).effectiveNumber, 0);
});

test('portfolio metrics: approval, default rates (count and amount), EL, RWA, RAROC per group and overall', () => {
  const rows = portfolioMetrics(
    {
      approved: [1, 1, 1, 0, 1],
      pd: [0.02, 0.05, 0.05, 0.3, 0.1],
      lgd: 0.5,
      ead: [1000, 2000, 3000, 500, 4000],
      rate: [0.12, 0.15, 0.15, 0.2, 0.2],
      bad: [0, 1, Number.NaN, Number.NaN, 0],
      group: { codes: [0, 0, 1, 1, 1], labels: ['a', 'b'] },
    },
    { assetClass: 'other_retail', fundingRate: 0.03, operatingCostRate: 0.01, operatingCostPerLoan: 25, capitalRate: 0.02, capitalRatio: 0.12 },
  );
  assert.deepEqual(
    rows.map((r) => r.group),
    ['a', 'b', 'all'],
  );
  const [a, b, all] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
  assert.equal(a.approvalRate, 1);
  assert.equal(b.approvalRate, 2 / 3);
  assert.equal(all.approvalRate, 0.8);
  assert.equal(all.exposure, 10_000);
  assert.equal(all.observed, 3);
  assert.equal(all.defaultRateCount, 1 / 3);
  assert.equal(all.defaultRateAmount, 2000 / 7000);
  assert.equal(b.defaultRateCount, 0);
  assert.ok(Math.abs(all.expectedLoss - (10 + 50 + 75 + 200)) < 1e-9);
  const k = (pd: number) => irbCapital({ assetClass: 'other_retail', pd, lgd: 0.5 }).k;
  const rwa = 12.5 * (k(0.02) * 1000 + k(0.05) * 5000 + k(0.1) * 4000);
  assert.ok(Math.abs(all.rwa - rwa) < 1e-9);
  // capital held at 12% of RWA; opex 1% of EAD plus 25 for each of the 4 booked loans
  const capital = 0.12 * rwa;
  assert.ok(Math.abs(all.capital - capital) < 1e-9);
  const ret = (0.12 - 0.04) * 1000 - 10 + (0.15 - 0.04) * 5000 - 125 + (0.2 - 0.04) * 4000 - 200 - 4 * 25 + 0.02 * capital;
  assert.ok(Math.abs((all.raroc as number) - ret / capital) < 1e-12);
  const noRates = portfolioMetrics({ approved: [1], pd: [0.1], lgd: [0.4], ead: [100] });
  assert.equal(noRates[0]?.raroc, null);
  assert.equal(noRates[0]?.defaultRateCount, null);
});

test('NPA ratio from each loan latest position; written-off loans leave gross advances', () => {
  const loans = ['A', 'A', 'B', 'B', 'C', 'C', 'D'];
  const frame = new Frame([
    categoryFromLabels('loan_id', loans),
    categoryFromLabels('vintage', ['v', 'v', 'v', 'v', 'v', 'v', 'v']),
    numericColumn('mob', Float64Array.from([1, 2, 1, 2, 1, 2, 1])),
    numericColumn('balance', Float64Array.from([900, 800, 500, 500, 300, 300, 1000])),
    numericColumn('dpd', Float64Array.from([0, 0, 60, 120, 120, 150, 30])),
    numericColumn('charged_off', Float64Array.from([0, 0, 0, 0, 0, 1, 0])),
    categoryFromLabels('segment', ['x', 'x', 'y', 'y', 'y', 'y', 'x']),
  ]);
  const [x, y, all] = npaSummary(readPerformanceTable(frame, { group: 'segment' }));
  assert.deepEqual([all?.grossOutstanding, all?.npaOutstanding, all?.npaLoans, all?.writtenOffLoans, all?.writtenOff], [230_000, 50_000, 1, 1, 30_000]);
  assert.equal(all?.npaRatio, 500 / 2300);
  assert.equal(all?.buckets['Sub-standard'], 1);
  assert.equal(all?.buckets.Loss, 1);
  // Provisions: D 30 dpd (SMA-0) 0.4% of 1000, A standard 0.4% of 800, B sub-standard 15% of 500 (minor units ×100).
  assert.ok(Math.abs((all?.provision as number) - (0.004 * 100_000 + 0.004 * 80_000 + 0.15 * 50_000)) < 1e-9);
  assert.equal(x?.npaRatio, 0);
  assert.equal(y?.npaRatio, 1);
});
