// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { irbCapital } from './capital.js';
import { computeRaroc, describeRarocAssumptions, groupRaroc, heldCapital, RAROC_DEFAULTS, rarocPrice } from './raroc.js';

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
