// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeEmi } from '../finance/index.js';
import { balanceAfter, fillSchedule, missedAt } from './repayment.js';

test('balances follow the REFERENCE §4 schedule: 100,000.00 at 12% over 12 months', () => {
  const emi = computeEmi(10_000_000, 0.12, 12);
  assert.equal(emi, 888_488);
  // Month 1: interest 1,000.00, principal 7,884.88.
  assert.equal(balanceAfter(10_000_000, 0.12, 12, emi, 1), 9_211_512);
  // Month 2: interest round(92,115.12 × 1%) = 921.15, principal 7,963.73.
  assert.equal(balanceAfter(10_000_000, 0.12, 12, emi, 2), 9_211_512 - (888_488 - 92_115));
  assert.equal(balanceAfter(10_000_000, 0.12, 12, emi, 12), 0);
  assert.equal(balanceAfter(10_000_000, 0.12, 12, emi, 0), 10_000_000);
  // The 11th balance is what the last instalment clears: less than one EMI.
  const beforeLast = balanceAfter(10_000_000, 0.12, 12, emi, 11);
  assert.ok(beforeLast > 0 && beforeLast < emi, String(beforeLast));
  const schedule = new Float64Array(14);
  fillSchedule(schedule, 10_000_000, 0.12, 12, emi, 14);
  for (let p = 0; p < 14; p++) assert.equal(schedule[p], balanceAfter(10_000_000, 0.12, 12, emi, p), `p=${p}`);
});

test('missed instalments: bad loans roll forward, cured episodes return to 0', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6].map((t) => missedAt(t, 3, 0, 0)),
    [0, 0, 1, 2, 3, 4],
  );
  assert.deepEqual(
    [1, 2, 3, 4, 5].map((t) => missedAt(t, 0, 2, 2)),
    [0, 1, 2, 0, 0],
  );
  assert.deepEqual(
    [1, 2, 3].map((t) => missedAt(t, 0, 1, 1)),
    [1, 0, 0],
  );
  assert.deepEqual(
    [1, 2, 3].map((t) => missedAt(t, 0, 0, 0)),
    [0, 0, 0],
  );
});
