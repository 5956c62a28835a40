import assert from 'node:assert/strict';
import { test } from 'node:test';
import { irbCapital } from './capital.js';
import {
  computeRaroc,
  describeRarocAssumptions,
  groupRaroc,
  heldCapital,
  RAROC_DEFAULTS,
  rarocAssumptionsRecord,
  rarocPrice,
  riskAdjustedReturnOf,
} from './raroc.js';

const k = irbCapital({ assetClass: 'other_retail', pd: 0.05, lgd: 0.85 }).k;
const inputs = { ead: 10_000, fundingRate: 0.04, operatingCost: 200, pd: 0.05, lgd: 0.85, capital: k * 10_000, capitalRate: 0.04 };

test('REFERENCE §5: RAROC 0.413652', () => {
  assert.equal((k * 10_000).toFixed(2), '1003.61');
  const r = computeRaroc({ ...inputs, rate: 0.14 });
  assert.equal(r.raroc.toFixed(6), '0.413652');
  assert.ok(Math.abs(r.expectedLoss - 425) < 1e-9);
  assert.ok(Math.abs(r.interest - 1400) < 1e-9);
  assert.throws(() => computeRaroc({ ...inputs, rate: 0.14, capital: 0 }), /economic capital must be positive/);
});

test('risk-based price meets the hurdle exactly', () => {
  const rate = rarocPrice(inputs, 0.15);
  assert.ok(Math.abs(computeRaroc({ ...inputs, rate }).raroc - 0.15) < 1e-12);
  // At the 0.413652 hurdle the price is the 14% of the worked example.
  assert.ok(Math.abs(rarocPrice(inputs, computeRaroc({ ...inputs, rate: 0.14 }).raroc) - 0.14) < 1e-12);
});

test('RAROC per group and for the portfolio is Σ return / Σ capital', () => {
  const rows = groupRaroc([10, 20, 30, -5], [100, 100, 200, 0], { codes: [0, 0, 1, -1], labels: ['a', 'b', 'c'] });
  assert.deepEqual(rows, [
    { group: 'a', count: 2, riskAdjustedReturn: 30, capital: 200, raroc: 0.15 },
    { group: 'b', count: 1, riskAdjustedReturn: 30, capital: 200, raroc: 0.15 },
    { group: '(missing)', count: 1, riskAdjustedReturn: -5, capital: 0, raroc: null },
    { group: 'all', count: 4, riskAdjustedReturn: 55, capital: 400, raroc: 0.1375 },
  ]);
});

test('capital held at a ratio of RWA: 8% is K·EAD, the 10.5% default is 1.3125·K·EAD', () => {
  // K·EAD = 1,003.61 (REFERENCE §5); RWA = 12.5 × 1,003.61 = 12,545.09; 10.5% of it = 1,317.23
  assert.ok(Math.abs(heldCapital(k, 10_000, 0.08) - k * 10_000) < 1e-9);
  assert.equal(heldCapital(k, 10_000, RAROC_DEFAULTS.capitalRatio).toFixed(2), '1317.23');
  // the defaults by hand: interest 1,400 − funding 400 − opex (200 + 100) − EL 425 + 4% × 1,317.23 = 327.69 → 0.248771
  const capital = heldCapital(k, 10_000, RAROC_DEFAULTS.capitalRatio);
  const r = computeRaroc({ ...inputs, operatingCost: 0.02 * 10_000 + RAROC_DEFAULTS.operatingCostPerLoan, capital, rate: 0.14 });
  assert.equal(r.riskAdjustedReturn.toFixed(2), '327.69');
  assert.equal(r.raroc.toFixed(6), '0.248771');
  assert.equal(
    describeRarocAssumptions(RAROC_DEFAULTS),
    'RAROC = (interest − funding 4% − opex 2% of EAD − 100 per loan − EL + 4% on capital) / capital; capital = 10.5% of RWA (12.5·K·EAD), IRB other_retail',
  );
});

test('every piece of a hand-worked RAROC, fees and capital return included; the price with fees', () => {
  // EAD 1,000 at 10%, fees 20, funding 3%, opex 15, EL 0.02·0.5·1,000 = 10, capital 80 earning 5% = 4:
  // 100 + 20 − 30 − 15 − 10 + 4 = 69, RAROC 69 / 80 = 0.8625.
  const loan = { ead: 1000, fees: 20, fundingRate: 0.03, operatingCost: 15, pd: 0.02, lgd: 0.5, capital: 80, capitalRate: 0.05 };
  const r = computeRaroc({ ...loan, rate: 0.1 });
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-12;
  assert.ok(near(r.interest, 100) && near(r.fees, 20) && near(r.fundingCost, 30) && near(r.operatingCost, 15));
  assert.ok(near(r.expectedLoss, 10) && near(r.capitalReturn, 4) && near(r.riskAdjustedReturn, 69) && near(r.capital, 80));
  assert.ok(near(r.raroc, 0.8625));
  assert.ok(near(riskAdjustedReturnOf({ ...loan, rate: 0.1 }), 69));
  // No fees, no capital rate: 100 − 30 − 15 − 10 = 45; capital 0 is allowed in the numerator.
  const { fees: _f, capitalRate: _c, ...bare } = loan;
  assert.ok(near(computeRaroc({ ...bare, rate: 0.1 }).raroc, 45 / 80));
  assert.equal(computeRaroc({ ...bare, rate: 0.1 }).fees, 0);
  assert.ok(near(riskAdjustedReturnOf({ ...bare, capital: 0, rate: 0.1 }), 45));
  // Price at a 50% hurdle: (0.5·80 − 20 + 30 + 15 + 10 − 4) / 1,000 = 0.071; without fees and capital rate 0.095.
  assert.ok(near(rarocPrice(loan, 0.5), 0.071));
  assert.ok(near(rarocPrice(bare, 0.5), 0.095));
  assert.throws(() => rarocPrice({ ...loan, ead: 0 }, 0.5), /risk-based price.*EAD must be positive, got 0/);
  assert.throws(() => computeRaroc({ ...loan, rate: 0.1, capital: -1 }), /got -1/);
  assert.throws(() => computeRaroc({ ...loan, rate: 0.1, capital: Number.NaN }), /RAROC/);
});

test('group RAROC without groups is the portfolio row only; no capital gives null', () => {
  assert.deepEqual(groupRaroc([1, 2], [10, 30]), [{ group: 'all', count: 2, riskAdjustedReturn: 3, capital: 40, raroc: 0.075 }]);
  assert.deepEqual(groupRaroc([5], [0]), [{ group: 'all', count: 1, riskAdjustedReturn: 5, capital: 0, raroc: null }]);
  assert.deepEqual(groupRaroc([], []), [{ group: 'all', count: 0, riskAdjustedReturn: 0, capital: 0, raroc: null }]);
  // Group "b" has no loans and is left out; code 1 is "b", so a loan there is kept.
  assert.deepEqual(
    groupRaroc([4], [8], { codes: [1], labels: ['a', 'b'] }).map((r) => [r.group, r.raroc]),
    [
      ['b', 0.5],
      ['all', 0.5],
    ],
  );
});

test('assumptions as a line and as a record, any rates', () => {
  const a = {
    fundingRate: 0.07,
    operatingCostRate: 0.035,
    operatingCostPerLoan: 250,
    capitalRate: 0.0123456789,
    capitalRatio: 0.08,
    assetClass: 'mortgage' as const,
  };
  const line =
    'RAROC = (interest − funding 7% − opex 3.5% of EAD − 250 per loan − EL + 1.23457% on capital) / capital; capital = 8% of RWA (12.5·K·EAD), IRB mortgage';
  assert.equal(describeRarocAssumptions(a), line);
  assert.deepEqual(rarocAssumptionsRecord(a), {
    funding_rate: 0.07,
    opex_rate: 0.035,
    opex_per_loan: 250,
    capital_rate: 0.0123456789,
    capital_ratio: 0.08,
    class: 'mortgage',
    formula: line,
  });
});
