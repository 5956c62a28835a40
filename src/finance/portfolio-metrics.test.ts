import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryFromLabels, Frame, numericColumn } from '../frame/index.js';
import { irbCapital } from './capital.js';
import { concentration } from './concentration.js';
import { RBI_PROVISION_RATES } from './irac.js';
import { latestPositions, npaSummary } from './npa.js';
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

test('concentration: rows left out, zero amounts, ties in label order, count shares', () => {
  // include 0 drops a row; any non-zero value keeps it.
  const c = concentration([0, 1, 1, -1], ['b', 'a'], [0, 0, 0, 0], [2, 1, 0, 1]);
  assert.deepEqual(
    c.rows.map((r) => [r.label, r.count, r.countShare, r.amountShare]),
    [
      ['(missing)', 1, 1 / 3, 0],
      ['a', 1, 1 / 3, 0],
      ['b', 1, 1 / 3, 0],
    ],
  );
  assert.equal(c.hhi, 0);
  assert.equal(c.effectiveNumber, 0);
  assert.ok(Math.abs(c.hhiCount - 1 / 3) < 1e-15);
  // Equal amounts sort by label whatever the input order; larger amounts first.
  assert.deepEqual(
    concentration([1, 0, 2], ['z', 'y', 'x'], [5, 5, 7]).rows.map((r) => r.label),
    ['x', 'y', 'z'],
  );
  const one = concentration([0, 0], ['only'], [3, 1]);
  assert.deepEqual(one.rows, [{ label: 'only', count: 2, amount: 4, countShare: 1, amountShare: 1 }]);
  assert.equal(one.effectiveNumber, 1);
  assert.equal(concentration([0, 1], ['a', 'b'], [1, 3]).effectiveNumber, 1 / (1 / 16 + 9 / 16));
});

test('portfolio metrics per group, the default assumptions (REFERENCE §5 loan), PD floor, missing group', () => {
  const rows = portfolioMetrics(
    {
      approved: [1, 1, 1, 0, 1],
      pd: [0.02, 0.05, 0.05, 0.3, 0.1],
      lgd: 0.5,
      ead: [1000, 2000, 3000, 500, 4000],
      rate: [0.12, 0.15, 0.15, 0.2, 0.2],
      bad: [0, 1, Number.NaN, Number.NaN, 0],
      group: { codes: [0, 0, 2, 2, -1], labels: ['a', 'b', 'c'] },
    },
    { capitalRatio: 0.08 },
  );
  assert.deepEqual(
    rows.map((r) => [r.group, r.applications, r.loans, r.exposure, r.observed, r.defaults]),
    [
      ['a', 2, 2, 3000, 2, 1],
      ['c', 2, 1, 3000, 0, 0],
      ['(missing)', 1, 1, 4000, 1, 0],
      ['all', 5, 4, 10_000, 3, 1],
    ],
  );
  const [a, c, missing] = rows;
  // a: EL 10 + 50 = 60 on 3,000 (2%); defaults 1 of 2 by count, 2,000 of 3,000 by amount.
  assert.ok(Math.abs((a?.expectedLoss as number) - 60) < 1e-9 && Math.abs((a?.expectedLossRate as number) - 0.02) < 1e-12);
  assert.equal(a?.defaultRateCount, 0.5);
  assert.equal(a?.defaultRateAmount, 2000 / 3000);
  assert.equal(c?.approvalRate, 0.5);
  assert.equal(c?.defaultRateCount, null);
  assert.equal(c?.defaultRateAmount, null);
  // At an 8% capital ratio the capital held is K·EAD, RWA = 12.5·K·EAD.
  const k = irbCapital({ assetClass: 'other_retail', pd: 0.1, lgd: 0.5 }).k;
  assert.ok(Math.abs((missing?.capital as number) - k * 4000) < 1e-9 && Math.abs((missing?.rwa as number) - 12.5 * k * 4000) < 1e-9);
  // REFERENCE §5 loan under the defaults: 1,400 − 400 − (200 + 100) − 425 + 4% × 1,317.23 = 327.69, RAROC 0.248771.
  const [reference] = portfolioMetrics({ approved: [1], pd: [0.05], lgd: [0.85], ead: [10_000], rate: [0.14] });
  assert.equal(reference?.capital.toFixed(2), '1317.23');
  assert.equal(reference?.riskAdjustedReturn?.toFixed(2), '327.69');
  assert.equal(reference?.raroc?.toFixed(6), '0.248771');
  assert.equal(reference?.group, 'all');
  // Mortgage class and a 1% PD floor: K at PD 1% (the floor), EL on the PD as given.
  const [floored] = portfolioMetrics({ approved: [1], pd: [0.0001], lgd: 0.2, ead: [1000] }, { assetClass: 'mortgage', pdFloor: 0.01, capitalRatio: 0.08 });
  assert.ok(Math.abs((floored?.capital as number) - irbCapital({ assetClass: 'mortgage', pd: 0.01, lgd: 0.2 }).k * 1000) < 1e-9);
  assert.ok(Math.abs((floored?.expectedLoss as number) - 0.02) < 1e-12);
  assert.equal(floored?.riskAdjustedReturn, null);
});

test('portfolio metrics: only approved = 1 books, no capital or a missing rate gives no RAROC, nothing booked', () => {
  const [row] = portfolioMetrics(
    { approved: [1, 2], pd: [0.1, 0.1], lgd: 0, ead: [100, 100], rate: [0.1, 0.1] },
    { operatingCostPerLoan: 0, operatingCostRate: 0, fundingRate: 0.05 },
  );
  assert.equal(row?.loans, 1);
  assert.equal(row?.approvalRate, 0.5);
  assert.equal(row?.capital, 0);
  // LGD 0: no loss and no capital; return 10 − 5 = 5 but RAROC undefined.
  assert.ok(Math.abs((row?.riskAdjustedReturn as number) - 5) < 1e-12);
  assert.equal(row?.raroc, null);
  const [nan] = portfolioMetrics({ approved: [1], pd: [0.1], lgd: 0.5, ead: [100], rate: [Number.NaN] });
  assert.equal(nan?.riskAdjustedReturn, null);
  assert.equal(nan?.raroc, null);
  const [none] = portfolioMetrics({ approved: [0], pd: [0.1], lgd: 0.5, ead: [100] });
  assert.deepEqual([none?.loans, none?.exposure, none?.expectedLossRate, none?.approvalRate], [0, 0, 0, 0]);
  assert.equal(portfolioMetrics({ approved: [], pd: [], lgd: 0.5, ead: [] })[0]?.approvalRate, 0);
});

test('NPA without a group column, with custom rates; the latest position of each loan', () => {
  const frame = new Frame([
    categoryFromLabels('loan_id', ['A', 'A', 'B']),
    categoryFromLabels('vintage', ['v', 'v', 'v']),
    numericColumn('mob', Float64Array.from([1, 2, 1])),
    numericColumn('balance', Float64Array.from([10, 8, 5])),
    numericColumn('dpd', Float64Array.from([95, 40, 0])),
    numericColumn('charged_off', Float64Array.from([0, 0, 0])),
    categoryFromLabels('segment', ['p', 'p', 'p']),
  ]);
  const table = readPerformanceTable(frame);
  const latest = latestPositions(table);
  // A turned NPA at MOB 1 and has not cured (dpd 40 > 0): still Sub-standard.
  assert.deepEqual(Array.from(latest.code), [4, 0]);
  assert.deepEqual(Array.from(latest.balance), [800, 500]);
  assert.deepEqual(Array.from(latest.dpd), [40, 0]);
  assert.deepEqual(Array.from(latest.mob), [2, 1]);
  assert.deepEqual(Array.from(latest.group), [-1, -1]);
  const rates = { ...RBI_PROVISION_RATES, 'Sub-standard': 0.5, Standard: 0.1 };
  const summary = npaSummary(table, rates);
  assert.equal(summary.length, 1);
  assert.equal(summary[0]?.group, 'all');
  assert.equal(summary[0]?.loans, 2);
  assert.ok(Math.abs((summary[0]?.provision as number) - (400 + 50)) < 1e-9);
  assert.equal(summary[0]?.npaRatio, 800 / 1300);
  // A group label with no loans is left out; groups come from each loan's latest row.
  const grouped = readPerformanceTable(frame, { group: 'segment' });
  assert.deepEqual(Array.from(latestPositions(grouped).group), [0, 0]);
  const withEmpty = npaSummary({ ...grouped, groupLabels: ['p', 'q'] });
  assert.deepEqual(
    withEmpty.map((r) => [r.group, r.loans]),
    [
      ['p', 2],
      ['all', 2],
    ],
  );
  const nothing = npaSummary({ ...table, rows: 0, loanCount: 0 });
  assert.deepEqual([nothing[0]?.loans, nothing[0]?.npaRatio, nothing[0]?.grossOutstanding], [0, 0, 0]);
});

test('equal amounts already in label order stay so; LGD per application', () => {
  assert.deepEqual(
    concentration([0, 1, 2], ['a', 'b', 'c'], [5, 5, 5]).rows.map((r) => r.label),
    ['a', 'b', 'c'],
  );
  // EL = Σ PD·LGD·EAD with each application's own LGD: 0.1·0.2·100 + 0.1·0.6·100 = 8.
  const [row] = portfolioMetrics({ approved: [1, 1], pd: [0.1, 0.1], lgd: [0.2, 0.6], ead: [100, 100] });
  assert.ok(Math.abs((row?.expectedLoss as number) - 8) < 1e-12);
});
