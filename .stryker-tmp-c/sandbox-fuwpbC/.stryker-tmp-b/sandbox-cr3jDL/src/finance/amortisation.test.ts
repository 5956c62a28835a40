// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CredoError } from '../errors/index.js';
import { debtToIncome, fixedObligationsToIncome, loanToIncome, loanToValue } from './affordability.js';
import { amortise, annuityBalance, remainingBalance } from './amortisation.js';

function sum(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

test('REFERENCE §4: 100,000.00 at 12% over 12 months → EMI 8,884.88, hand-worked schedule', () => {
  const s = amortise(10_000_000, 0.12, 12);
  assert.equal(s.emi, 888_488);
  assert.equal(s.months, 12);
  // Month 1: interest 1,000.00, principal 7,884.88, balance 92,115.12.
  assert.deepEqual([s.payment[0], s.interest[0], s.principal[0], s.balance[0]], [888_488, 100_000, 788_488, 9_211_512]);
  // Month 2: interest round(92,115.12 × 1%) = 921.15.
  assert.equal(s.interest[1], 92_115);
  // The last instalment absorbs the rounding: 8,884.85 = 87.97 interest + 8,796.88 principal.
  assert.deepEqual([s.payment[11], s.interest[11], s.principal[11], s.balance[11]], [888_485, 8_797, 879_688, 0]);
  assert.equal(s.totalInterest, 661_853);
  assert.equal(sum(s.principal), 10_000_000);
  assert.equal(s.totalPaid, 10_661_853);
});

test('zero rate and zero principal', () => {
  const s = amortise(10_000, 0, 3);
  assert.deepEqual(Array.from(s.payment), [3_334, 3_334, 3_332]);
  assert.equal(s.totalInterest, 0);
  const none = amortise(0, 0.1, 12);
  assert.equal(none.months, 0);
  assert.equal(none.emi, 0);
});

test('remaining balance at month k matches the schedule and the closed form', () => {
  const s = amortise(10_000_000, 0.12, 12);
  assert.equal(remainingBalance(10_000_000, 0.12, 12, 0), 10_000_000);
  for (let k = 1; k <= 12; k++) assert.equal(remainingBalance(10_000_000, 0.12, 12, k), s.balance[k - 1]);
  assert.ok(Math.abs(annuityBalance(10_000_000, 0.12, 12, 6) - 5_149_209) < 5);
  assert.throws(() => remainingBalance(10_000_000, 0.12, 12, 13), CredoError);
});

test('prepayment: reduce-term shortens the loan, reduce-emi keeps the term with a lower EMI', () => {
  const base = amortise(10_000_000, 0.12, 12);
  const term = amortise(10_000_000, 0.12, 12, { prepayments: [{ month: 3, amount: 3_000_000 }] });
  assert.equal(term.prepayment[2], 3_000_000);
  assert.ok(term.months < 12);
  assert.equal(sum(term.principal) + sum(term.prepayment), 10_000_000);
  assert.ok(term.totalInterest < base.totalInterest);
  const emi = amortise(10_000_000, 0.12, 12, { prepayments: [{ month: 3, amount: 3_000_000 }], prepaymentMode: 'reduce-emi' });
  assert.equal(emi.months, 12);
  assert.ok((emi.payment[3] as number) < 888_488);
  assert.equal(sum(emi.principal) + sum(emi.prepayment), 10_000_000);
  // A prepayment larger than the balance closes the loan.
  const all = amortise(10_000_000, 0.12, 12, { prepayments: [{ month: 1, amount: 99_999_999 }] });
  assert.equal(all.months, 1);
  assert.equal(all.prepayment[0], 9_211_512);
  assert.throws(() => amortise(10_000_000, 0.12, 12, { prepayments: [{ month: 13, amount: 1 }] }), CredoError);
});

test('invalid loans are refused naming the field', () => {
  assert.throws(() => amortise(-1, 0.1, 12), /loan amount/);
  assert.throws(() => amortise(100.5, 0.1, 12), /loan amount/);
  assert.throws(() => amortise(100, -0.1, 12), /interest rate/);
  assert.throws(() => amortise(100, 0.1, 0), /term/);
});

test('schedules: principals sum to the loan, balances non-negative and falling, last payment adjusts (property)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 5_000_000_000 }),
      fc.integer({ min: 0, max: 4000 }),
      fc.integer({ min: 1, max: 480 }),
      fc.array(fc.record({ month: fc.integer({ min: 1, max: 480 }), amount: fc.integer({ min: 0, max: 1_000_000_000 }) }), { maxLength: 3 }),
      fc.boolean(),
      (principal, bp, months, pre, reduceEmi) => {
        const rate = bp / 10_000;
        const prepayments = pre.filter((p) => p.month <= months);
        const s = amortise(principal, rate, months, { prepayments, prepaymentMode: reduceEmi ? 'reduce-emi' : 'reduce-term' });
        assert.equal(sum(s.principal) + sum(s.prepayment), principal);
        assert.ok(s.months >= 1 && s.months <= months);
        let previous = principal;
        for (let m = 0; m < s.months; m++) {
          const b = s.balance[m] as number;
          assert.ok(b >= 0 && b <= previous && Number.isInteger(b));
          assert.ok((s.principal[m] as number) >= 0 && (s.interest[m] as number) >= 0);
          assert.equal(s.payment[m], (s.interest[m] as number) + (s.principal[m] as number));
          previous = b;
        }
        assert.equal(s.balance[s.months - 1], 0);
        // The last instalment pays exactly what was left, and no instalment exceeds the EMI before it.
        const lastBefore = s.months === 1 ? principal : (s.balance[s.months - 2] as number);
        assert.equal(s.principal[s.months - 1], lastBefore - (s.prepayment[s.months - 1] as number));
        if (prepayments.length === 0) {
          for (let m = 0; m < s.months - 1; m++) assert.equal(s.payment[m], s.emi);
          // Rounding drift: at most one minor unit a month (EMI and interest rounding), compounded.
          const g = 1 + rate / 12;
          const drift = rate === 0 ? months : ((g ** months - 1) / (rate / 12)) * g;
          assert.ok(Math.abs((s.payment[s.months - 1] as number) - s.emi) <= drift + 1, `last ${s.payment[s.months - 1]} emi ${s.emi}`);
          for (const k of [1, Math.ceil(months / 2), months]) if (k <= s.months) assert.equal(remainingBalance(principal, rate, months, k), s.balance[k - 1]);
        }
      },
    ),
    { seed: 20, numRuns: 400 },
  );
});

test('DTI, LTI, LTV, FOIR', () => {
  assert.equal(debtToIncome(500, 1500, 5000), 0.4);
  assert.equal(loanToIncome(300_000, 100_000), 3);
  assert.equal(loanToValue(80, 100), 0.8);
  assert.equal(fixedObligationsToIncome(2000, 4000), 0.5);
  assert.throws(() => debtToIncome(1, 1, 0), /DTI: gross monthly income must be a positive amount/);
  assert.throws(() => loanToValue(-1, 10), /LTV/);
});

test('reduce-emi recomputes the EMI once, on the balance after the prepayment over the months left; totals add up', () => {
  const emi = amortise(10_000_000, 0.12, 12, { prepayments: [{ month: 3, amount: 3_000_000 }], prepaymentMode: 'reduce-emi' });
  // Months 1–3 keep the original EMI 888,488; after month 3 the balance is 4,610,802 and the EMI over the
  // 9 months left is 4,610,802·0.01/(1 − 1.01^−9) = 538,266.70 (Python fractions) → 538,267; the last pays the rest.
  assert.equal(emi.balance[2], 4_610_802);
  assert.deepEqual(Array.from(emi.payment), [888_488, 888_488, 888_488, ...Array(8).fill(538_267), 538_263]);
  assert.equal(emi.totalPaid, sum(emi.payment) + sum(emi.prepayment));
  assert.equal(emi.totalPaid, 10_000_000 + emi.totalInterest);
  // reduce-term keeps the EMI after the prepayment.
  const term = amortise(10_000_000, 0.12, 12, { prepayments: [{ month: 3, amount: 3_000_000 }] });
  assert.ok(Array.from(term.payment.subarray(0, term.months - 1)).every((p) => p === 888_488));
  assert.equal(term.totalPaid, 10_000_000 + term.totalInterest);
  // A zero prepayment changes nothing.
  assert.deepEqual(amortise(10_000_000, 0.12, 12, { prepayments: [{ month: 2, amount: 0 }] }), amortise(10_000_000, 0.12, 12));
});

test('invalid prepayments, months and terms are refused with the allowed range', () => {
  const message = /prepayment at month .*: needs a month in 1\.\.12 and a non-negative whole amount of minor units/;
  for (const p of [
    { month: 0, amount: 1 },
    { month: 1.5, amount: 1 },
    { month: 13, amount: 1 },
    { month: 2, amount: -1 },
    { month: 2, amount: 1.5 },
  ])
    assert.throws(() => amortise(10_000_000, 0.12, 12, { prepayments: [p] }), message);
  for (const k of [-1, 1.5, 13]) assert.throws(() => remainingBalance(10_000_000, 0.12, 12, k), /month: must be a whole number in 0\.\.12, got /);
  assert.equal(amortise(100, 0, 1200).months, 100);
  assert.throws(() => amortise(100, 0, 1201), /term: must be 1\.\.1200 months, got 1201/);
  assert.throws(() => amortise(-1, 0.1, 12), /loan amount: must be a non-negative whole number of minor units, got -1/);
  assert.throws(() => amortise(100, -1, 12), /interest rate: must be a finite annual rate ≥ 0, got -1/);
});

test('closed-form balance at zero rate is linear: 12,000 over 12 months leaves 9,000 after 3', () => {
  assert.equal(annuityBalance(12_000, 0, 12, 3), 9_000);
  assert.equal(annuityBalance(12_000, 0, 12, 12), 0);
});

test('ratios: a zero numerator is allowed; each ratio names itself and its denominator when refused', () => {
  assert.equal(loanToValue(0, 100), 0);
  assert.throws(() => loanToIncome(1, 0), /LTI: annual income must be a positive amount, got 0/);
  assert.throws(() => loanToValue(1, 0), /LTV: collateral value must be a positive amount, got 0/);
  assert.throws(() => fixedObligationsToIncome(1, 0), /FOIR: net monthly income must be a positive amount, got 0/);
  assert.throws(() => debtToIncome(-3, 1, 10), /DTI: amounts must be non-negative, got -2/);
});
