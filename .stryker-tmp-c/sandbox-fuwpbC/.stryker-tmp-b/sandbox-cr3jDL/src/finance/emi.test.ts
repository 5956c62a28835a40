// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeEmi } from './emi.js';

test('EMI matches the worked value of REFERENCE §4', () => {
  // 100,000.00 at 12% p.a. over 12 months → 8,884.88
  assert.equal(computeEmi(10_000_000, 0.12, 12), 888_488);
});

test('zero-rate EMI spreads the principal evenly, rounding up', () => {
  assert.equal(computeEmi(1_000_00, 0, 3), 33_334);
});

test('EMI rounds to the nearest minor unit: fractions below and above one half (exact rational values worked in Python fractions)', () => {
  // [principal, annual rate, months, exact EMI in minor units, expected]
  const cases: [number, number, number, number, number][] = [
    [1_000_004, 0.12, 12, 88_849.144073, 88_849], // .14: rounding up would give 88,850
    [1_000_000, 0.12, 12, 88_848.788678, 88_849], // .79: truncation would give 88,848
    [1_000_002, 0.18, 36, 36_152.467841, 36_152], // .468: just below one half
    [1_000_003, 0.18, 36, 36_152.503993, 36_153], // .504: just above one half
    [1_000_022, 0.09, 240, 8_997.457498, 8_997],
    [1_000_027, 0.09, 240, 8_997.502485, 8_998],
  ];
  for (const [principal, rate, months, exact, expected] of cases) {
    assert.equal(computeEmi(principal, rate, months), expected, `${principal} at ${rate} over ${months}: exact ${exact}`);
    assert.equal(Math.round(exact), expected);
  }
});

test('one-month loans pay principal plus one month of interest, rounded to nearest', () => {
  // P·(1 + 0.24/12): 1,000,023 → 1,020,023.46; 1,000,026 → 1,020,026.52
  assert.equal(computeEmi(1_000_023, 0.24, 1), 1_020_023);
  assert.equal(computeEmi(1_000_026, 0.24, 1), 1_020_027);
  assert.equal(computeEmi(500_000, 0.12, 1), 505_000);
});

test('zero-rate EMI: exact when n divides P, one minor unit more otherwise; a one-month zero-rate loan pays P', () => {
  assert.equal(computeEmi(1_200_000, 0, 12), 100_000);
  assert.equal(computeEmi(1_200_001, 0, 12), 100_001);
  assert.equal(computeEmi(1_200_011, 0, 12), 100_001);
  assert.equal(computeEmi(777_777, 0, 1), 777_777);
});
