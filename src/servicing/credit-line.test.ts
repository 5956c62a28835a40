import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { allocateLineMovements, lineInterestAccrued } from './credit-line.js';

test('interest accrues on the end-of-day principal, exact and floored once', () => {
  const drawn = [{ principal: 100_000, valueDate: '2025-01-01' }];
  // actual/365: 31 days (01-01..01-31) of 1,000.00 at 12% = 1019.178…¢.
  assert.equal(lineInterestAccrued('0.12', 'actual/365', drawn, '2025-01-31'), 1019);
  // 30E/360: 01-01..01-31 is 30 days from 12-31: exactly 10.00; 02-28 is 58 days (a whole month more + 28 − 30).
  assert.equal(lineInterestAccrued('0.12', '30/360', drawn, '2025-01-31'), 1000);
  assert.equal(lineInterestAccrued('0.12', '30/360', drawn, '2025-02-28'), Math.floor((100_000 * 0.12 * 58) / 360));
  // Before the draw nothing; a draw on the day accrues that day.
  assert.equal(lineInterestAccrued('0.12', 'actual/365', drawn, '2024-12-31'), 0);
  assert.equal(lineInterestAccrued('0.12', 'actual/365', [{ principal: 365_000, valueDate: '2025-03-01' }], '2025-03-01'), 120);
  // 500.00 repaid on 01-16: 15 days on 1,000.00 and 16 on 500.00 = (1500000 + 800000)·0.12/365 = 756.16¢.
  assert.equal(lineInterestAccrued('0.12', 'actual/365', [...drawn, { principal: -50_000, valueDate: '2025-01-16' }], '2025-01-31'), 756);
  // Daily figures never drift: the sum of the daily increments is the cumulative figure.
  let posted = 0;
  for (let d = 1; d <= 31; d++) {
    const day = `2025-01-${String(d).padStart(2, '0')}`;
    const previous = d === 1 ? 0 : lineInterestAccrued('0.0799', 'actual/365', drawn, `2025-01-${String(d - 1).padStart(2, '0')}`);
    posted += lineInterestAccrued('0.0799', 'actual/365', drawn, day) - previous;
  }
  assert.equal(posted, Math.floor((100_000 * 0.0799 * 31) / 365));
});

test('repayments pay the interest accrued to the day before first, then principal', () => {
  const allocations = allocateLineMovements('0.12', 'actual/365', [
    { kind: 'draw', amount: 100_000, valueDate: '2025-01-01' },
    // Interest to 02-09 (40 days): 1315.07¢ → 13.15.
    { kind: 'repayment', amount: 3_000, valueDate: '2025-02-10' },
    // Interest to 02-10: 40 days of 1,000.00, then 02-10 on 983.15 (the repayment's principal leaves that day)
    // → (4000000 + 98315)·0.12/365 = 1347.39¢ → 13.47, 0.32 more than paid: the 0.10 is all interest.
    { kind: 'repayment', amount: 10, valueDate: '2025-02-11' },
  ]);
  assert.deepEqual(allocations, [
    { interest: 0, principal: 100_000 },
    { interest: 1315, principal: 1685 },
    { interest: 10, principal: 0 },
  ]);
});

test('a repayment above what is owed, or a backdated draw that makes a later repayment overpay, is refused naming the amount', () => {
  const over = () =>
    allocateLineMovements('0.12', 'actual/365', [
      { kind: 'draw', amount: 36_500, valueDate: '2025-01-01' },
      // Owed on 01-11: 365.00 + 10 days at 12% = 1.20.
      { kind: 'repayment', amount: 36_621, valueDate: '2025-01-11' },
    ]);
  assert.throws(over, (e: unknown) => e instanceof CredoError && e.code === 'E_SERVICING_INPUT_INVALID' && /amount/.test(JSON.stringify(e.details)));
  assert.deepEqual(
    allocateLineMovements('0.12', 'actual/365', [
      { kind: 'draw', amount: 36_500, valueDate: '2025-01-01' },
      { kind: 'repayment', amount: 36_620, valueDate: '2025-01-11' },
    ]),
    [
      { interest: 0, principal: 36_500 },
      { interest: 120, principal: 36_500 },
    ],
  );
});
