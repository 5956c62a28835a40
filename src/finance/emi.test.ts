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
