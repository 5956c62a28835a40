import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { allocateLineMovements, CREDIT_LINE_TERMS } from './credit-line.js';
import { lineInterestAccrued } from './line-interest.js';
import { type AllocatedLineMovement, lineLateFees } from './line-late-fees.js';

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
    { fee: 0, interest: 0, principal: 100_000 },
    { fee: 0, interest: 1315, principal: 1685 },
    { fee: 0, interest: 10, principal: 0 },
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
      { fee: 0, interest: 0, principal: 36_500 },
      { fee: 0, interest: 120, principal: 36_500 },
    ],
  );
});

// A line with a 25.00 late fee, opened 2025-01-01, 1,000.00 drawn that day at 12% actual/365. Statement
// 02-01: minimum 60.52 due 02-21, unpaid: 25.00 charged on 02-22. 100.00 on 02-25 pays the fee, then the
// interest to 02-24 (55 days: 1808.22¢ → 18.08), then 56.92 of principal; it covers the first minimum.
// Statement 03-01: principal 943.08, accrued (100000·60 − 5692·5)·0.12/365 = 19.63, billed 9.11, minimum
// 9.11 + 47.15 = 56.26 due 03-21; the 100.00 paid since statement 1 leaves 16.78 of 116.78 uncovered:
// 25.00 more on 03-22 — unless 16.78 is paid by 03-21 (a backdated repayment on 03-20 takes that fee away).
const FEE_LINE = { openedOn: '2025-01-01', lateFee: 2_500 };
const feeMoves = [
  { kind: 'draw', amount: 100_000, valueDate: '2025-01-01' },
  { kind: 'repayment', amount: 10_000, valueDate: '2025-02-25' },
] as const;

test('a missed minimum charges the late fee the day after its due date, once per statement; repayments pay it first', () => {
  assert.deepEqual(allocateLineMovements('0.12', 'actual/365', feeMoves, FEE_LINE), [
    { fee: 0, interest: 0, principal: 100_000 },
    { fee: 2_500, interest: 1_808, principal: 5_692 },
  ]);
  const allocated = feeMoves.map((m, i) => ({ ...m, ...(i === 0 ? { interest: 0, principal: 100_000 } : { interest: 1_808, principal: 5_692 }) }));
  const terms = { rate: '0.12', dayCount: 'actual/365' as const, ...FEE_LINE };
  const fees = (moves: readonly AllocatedLineMovement[], asOf: string) =>
    lineLateFees(CREDIT_LINE_TERMS, terms, moves, asOf).map((f) => [f.chargedOn, f.amount]);
  assert.deepEqual(fees(allocated, '2025-02-21'), []);
  assert.deepEqual(fees(allocated, '2025-02-22'), [['2025-02-22', 2_500]]);
  assert.deepEqual(fees(allocated, '2025-05-31'), [
    ['2025-02-22', 2_500],
    ['2025-03-22', 2_500],
    ['2025-04-22', 2_500],
    ['2025-05-22', 2_500],
  ]);
  // 16.78 on 03-20 (interest to 03-19: (100000·78 − 5692·23)·0.12/365 = 25.21, 7.13 unpaid; principal 9.65)
  // covers the second minimum in time; 16.77 does not.
  const backdated = (amount: number) => {
    const moves = [...feeMoves, { kind: 'repayment', amount, valueDate: '2025-03-20' } as const];
    const a = allocateLineMovements('0.12', 'actual/365', moves, FEE_LINE);
    return {
      a,
      fees: fees(
        moves.map((m, i) => ({ ...m, interest: a[i]?.interest ?? 0, principal: a[i]?.principal ?? 0 })),
        '2025-05-31',
      ),
    };
  };
  assert.deepEqual(backdated(1_678).a[2], { fee: 0, interest: 713, principal: 965 });
  assert.deepEqual(backdated(1_678).fees, [
    ['2025-02-22', 2_500],
    ['2025-04-22', 2_500],
    ['2025-05-22', 2_500],
  ]);
  assert.equal(backdated(1_677).fees.length, 4);
  // A later repayment pays the fees charged by then first: 100.00 on 05-25 pays 75.00 of fees (02-22 was paid).
  const late = allocateLineMovements('0.12', 'actual/365', [...feeMoves, { kind: 'repayment', amount: 10_000, valueDate: '2025-05-25' }], FEE_LINE);
  assert.equal(late[2]?.fee, 7_500);
});
