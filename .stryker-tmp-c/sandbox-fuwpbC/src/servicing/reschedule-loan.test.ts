// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amortise } from '../finance/index.js';
import { classifyLoan } from './classify-loan.js';
import { DEFAULT_PRODUCT } from './loan-product.js';
import { buildSchedule, type Instalment } from './loan-schedule.js';
import { type Repayment, replayLoan } from './replay-loan.js';
import { days360, interestBetween, planPrepayment, planRestructure } from './reschedule-loan.js';

// The worked loan of docs/servicing.md: 1,200.00 at 12% for 12 months, disbursed 2025-01-15 (EMI 106.62).
const schedule = buildSchedule(DEFAULT_PRODUCT, 120_000, 0.12, 12, '2025-01-15');
const pay = (id: string, amount: number, valueDate: string, seq: number): Repayment => ({ id, amount, valueDate, seq });
const first = pay('a', 11_862, '2025-02-15', 1); // instalment 1 in full: fee 12.00 + interest 12.00 + principal 94.62
const sum = (xs: readonly Instalment[], k: 'principal' | 'interest' | 'fees') => xs.reduce((s, i) => s + i[k], 0);

test('30/360 days and broken-period interest', () => {
  assert.equal(days360('2025-02-15', '2025-03-01'), 16);
  assert.equal(days360('2025-01-30', '2025-03-31'), 60);
  assert.equal(days360('2025-04-15', '2025-07-15'), 90);
  // A whole month is round(B·r/12), as amortise charges it; 16 days round(1,105.38 × 0.12 × 16/360) = 5.90.
  assert.equal(interestBetween(DEFAULT_PRODUCT, 110_538, 0.12, '2025-02-15', '2025-03-15'), 1_105);
  assert.equal(interestBetween(DEFAULT_PRODUCT, 110_538, 0.12, '2025-02-15', '2025-03-01'), 590);
  // actual/365: 14 days on 1,000.00 at 10% = 3.84.
  assert.equal(interestBetween({ ...DEFAULT_PRODUCT, dayCount: 'actual/365' }, 100_000, 0.1, '2025-03-01', '2025-03-15'), 384);
});

test('prepayment on a due date, reduce EMI: the rest of the schedule is finance.amortise with that prepayment (reduce-emi)', () => {
  const at = replayLoan(DEFAULT_PRODUCT, schedule, [first], '2025-02-15');
  const plan = planPrepayment(DEFAULT_PRODUCT, schedule, at, {
    amount: 50_000,
    valueDate: '2025-02-15',
    mode: 'reduce_emi',
    annualRate: 0.12,
    disbursedOn: '2025-01-15',
  });
  assert.deepEqual([plan.principalPrepaid, plan.accruedInterest, plan.balance, plan.full], [50_000, 0, 60_538, false]);
  assert.equal(plan.schedule.length, 1 + 1 + 11);
  assert.deepEqual(plan.schedule[1], { n: 2, dueDate: '2025-02-15', principal: 50_000, interest: 0, fees: 0 });
  // New EMI on 605.38 over 11 months at 1% a month: 58.39; first interest round(605.38) = 6.05.
  assert.deepEqual(plan.schedule[2], { n: 3, dueDate: '2025-03-15', principal: 5_234, interest: 605, fees: 0 });
  const peer = amortise(120_000, 0.12, 12, { prepayments: [{ month: 1, amount: 50_000 }], prepaymentMode: 'reduce-emi' });
  const rest = plan.schedule.slice(2);
  assert.deepEqual(
    rest.map((i) => [i.principal, i.interest]),
    Array.from({ length: 11 }, (_, k) => [peer.principal[k + 1], peer.interest[k + 1]]),
  );
  assert.equal(sum(plan.schedule, 'principal'), 120_000);
  assert.deepEqual(
    rest.map((i) => i.dueDate),
    schedule.slice(1).map((i) => i.dueDate),
  );
});

test('prepayment on a due date, reduce term: the EMI stays 106.62 and the loan ends early, as finance.amortise (reduce-term)', () => {
  const at = replayLoan(DEFAULT_PRODUCT, schedule, [first], '2025-02-15');
  const plan = planPrepayment(DEFAULT_PRODUCT, schedule, at, {
    amount: 50_000,
    valueDate: '2025-02-15',
    mode: 'reduce_term',
    annualRate: 0.12,
    disbursedOn: '2025-01-15',
  });
  const peer = amortise(120_000, 0.12, 12, { prepayments: [{ month: 1, amount: 50_000 }], prepaymentMode: 'reduce-term' });
  const rest = plan.schedule.slice(2);
  assert.equal(rest.length, peer.months - 1);
  assert.ok(rest.length < 11);
  assert.deepEqual(
    rest.map((i) => [i.principal, i.interest]),
    Array.from({ length: peer.months - 1 }, (_, k) => [peer.principal[k + 1], peer.interest[k + 1]]),
  );
  assert.ok(rest.slice(0, -1).every((i) => i.principal + i.interest === 10_662));
  assert.equal(sum(plan.schedule, 'principal'), 120_000);
});

test('prepayment mid-period: interest to the value date first, then principal; the next instalment charges the rest of the period on the new balance', () => {
  const at = replayLoan(DEFAULT_PRODUCT, schedule, [first], '2025-03-01');
  const plan = planPrepayment(DEFAULT_PRODUCT, schedule, at, {
    amount: 20_000,
    valueDate: '2025-03-01',
    mode: 'reduce_term',
    annualRate: 0.12,
    disbursedOn: '2025-01-15',
  });
  // 16 days on 1,105.38 at 12% (30/360) = 5.90; 200.00 − 5.90 = 194.10 of principal; 911.28 left.
  assert.deepEqual([plan.accruedInterest, plan.principalPrepaid, plan.balance], [590, 19_410, 91_128]);
  assert.deepEqual(plan.schedule[1], { n: 2, dueDate: '2025-03-01', principal: 19_410, interest: 590, fees: 0 });
  // 03-01 → 03-15 is 14 days: round(911.28 × 0.12 × 14/360) = 4.25; principal 106.62 − 4.25 = 102.37.
  assert.deepEqual(plan.schedule[2], { n: 3, dueDate: '2025-03-15', principal: 10_237, interest: 425, fees: 0 });
  assert.equal(sum(plan.schedule, 'principal'), 120_000);
  // Recorded as a repayment on its value date, the prepayment pays exactly the instalment it settles.
  const after = replayLoan(DEFAULT_PRODUCT, plan.schedule, [first, pay('p', 20_000, '2025-03-01', 2)], '2025-03-01');
  assert.deepEqual(after.allocations.get('p'), {
    penalty: 0,
    fees: 0,
    interest: 590,
    principal: 19_410,
    excess: 0,
    parts: [
      { n: 2, component: 'interest', amount: 590 },
      { n: 2, component: 'principal', amount: 19_410 },
    ],
  });
  assert.equal(after.outstandingPrincipal, 91_128);
  assert.equal(after.dpd, 0);
});

test('prepayment with arrears and before the first due date: arrears and the processing fee come first; too little is refused', () => {
  // Nothing paid; on 2025-03-10 instalment 1 is overdue with its 25.00 late fee.
  const at = replayLoan(DEFAULT_PRODUCT, schedule, [], '2025-03-10');
  const arrears = 2_500 + 1_200 + 1_200 + 9_462;
  assert.equal(at.arrears, arrears);
  // 02-15 → 03-10 is 25 days on 1,105.38: round(9.2115) = 9.21.
  const plan = planPrepayment(DEFAULT_PRODUCT, schedule, at, {
    amount: arrears + 921 + 10_000,
    valueDate: '2025-03-10',
    mode: 'reduce_emi',
    annualRate: 0.12,
    disbursedOn: '2025-01-15',
  });
  assert.deepEqual([plan.accruedInterest, plan.principalPrepaid], [921, 10_000]);
  assert.throws(
    () =>
      planPrepayment(DEFAULT_PRODUCT, schedule, at, {
        amount: arrears + 921,
        valueDate: '2025-03-10',
        mode: 'reduce_emi',
        annualRate: 0.12,
        disbursedOn: '2025-01-15',
      }),
    /amount: must exceed 15283 minor units/,
  );
  // Before the first due date the 12.00 processing fee moves to the settling instalment.
  const early = replayLoan(DEFAULT_PRODUCT, schedule, [], '2025-01-25');
  const p = planPrepayment(DEFAULT_PRODUCT, schedule, early, {
    amount: 30_000,
    valueDate: '2025-01-25',
    mode: 'reduce_emi',
    annualRate: 0.12,
    disbursedOn: '2025-01-15',
  });
  // 10 days on 1,200.00: 4.00 interest; 300.00 − 12.00 − 4.00 = 284.00 principal.
  assert.deepEqual(p.schedule[0], { n: 1, dueDate: '2025-01-25', principal: 28_400, interest: 400, fees: 1_200 });
  assert.equal(sum(p.schedule, 'principal'), 120_000);
  assert.equal(sum(p.schedule, 'fees'), 1_200);
});

test('foreclosure: the whole balance with interest to date closes the loan; anything above is excess', () => {
  const at = replayLoan(DEFAULT_PRODUCT, schedule, [first], '2025-03-01');
  const payoff = 590 + 110_538;
  const plan = planPrepayment(DEFAULT_PRODUCT, schedule, at, {
    amount: payoff + 100,
    valueDate: '2025-03-01',
    mode: 'reduce_term',
    annualRate: 0.12,
    disbursedOn: '2025-01-15',
  });
  assert.equal(plan.full, true);
  assert.equal(plan.schedule.length, 2);
  const after = replayLoan(DEFAULT_PRODUCT, plan.schedule, [first, pay('p', payoff + 100, '2025-03-01', 2)], '2025-03-01');
  assert.deepEqual([after.outstandingTotal, after.repaidOn, after.allocations.get('p')?.excess], [0, '2025-03-01', 100]);
});

test('restructure: arrears leave the old schedule, the balance is re-amortised after the moratorium, nothing is lost', () => {
  // Nothing paid by 2025-04-15: instalments 1–3 due, late fees on 1 and 2 (3's grace ends 04-20).
  const at = replayLoan(DEFAULT_PRODUCT, schedule, [], '2025-04-15');
  const plan = planRestructure(DEFAULT_PRODUCT, schedule, at, {
    valueDate: '2025-04-15',
    annualRate: 0.1,
    oldAnnualRate: 0.12,
    termMonths: 24,
    moratoriumMonths: 3,
    disbursedOn: '2025-01-15',
  });
  const frozen = plan.schedule.slice(0, 3);
  assert.ok(frozen.every((i) => i.principal + i.interest + i.fees === 0 && i.fixedPenalty === 0));
  const fresh = plan.schedule.slice(3);
  assert.equal(fresh.length, 24);
  assert.equal(fresh[0]?.dueDate, '2025-08-15');
  assert.equal(fresh[23]?.dueDate, '2027-07-15');
  // First instalment: 10.00 interest of its month + 33.15 unpaid interest (12.00 + 11.05 + 10.10) + 30.00 for the
  // three-month moratorium at 10%; fees 12.00 + 2 × 25.00 late fees; principal EMI 55.37 − 10.00.
  assert.deepEqual(fresh[0], { n: 4, dueDate: '2025-08-15', principal: 4_537, interest: 1_000 + 3_315 + 3_000, fees: 6_200 });
  assert.equal(sum(plan.schedule, 'principal'), 120_000);
  const r = replayLoan(DEFAULT_PRODUCT, plan.schedule, [], '2025-04-15');
  assert.deepEqual([r.dpd, r.arrears, r.outstandingPrincipal], [0, 0, 120_000]);
  // Owed now: the principal, the new interest (with the 33.15 carried) and the 62.00 of fees — nothing forgiven.
  assert.equal(r.outstandingTotal, 120_000 + sum(fresh, 'interest') + 6_200);
});

test('restructure keeps what was paid: frozen instalments carry their payments and replay allocates them the same', () => {
  const payments = [first, pay('b', 5_000, '2025-03-20', 2)];
  const at = replayLoan(DEFAULT_PRODUCT, schedule, payments, '2025-04-01');
  const plan = planRestructure(DEFAULT_PRODUCT, schedule, at, {
    valueDate: '2025-04-01',
    annualRate: 0.12,
    oldAnnualRate: 0.12,
    termMonths: 12,
    moratoriumMonths: 0,
    disbursedOn: '2025-01-15',
  });
  const r = replayLoan(DEFAULT_PRODUCT, plan.schedule, payments, '2025-04-01');
  assert.deepEqual(r.allocated, at.allocated);
  assert.equal(r.outstandingPrincipal, at.outstandingPrincipal);
  assert.deepEqual([r.dpd, r.arrears], [0, 0]);
  assert.equal(sum(plan.schedule, 'principal'), 120_000);
});

test('IRAC for a restructured loan: an NPA from the restructure date while monitored, upgraded after the period only when current', () => {
  const restructured = { on: '2025-04-15', monitoredUntil: '2026-08-15' };
  const at = (asOf: string, dpd: number, previousNpaSince: string | null) =>
    classifyLoan(DEFAULT_PRODUCT, { asOf, dpd, outstandingPrincipal: 120_000, remainingMonths: 24, pd: 0.05, previousNpaSince, restructured });
  // A standard account is downgraded on restructuring although current.
  const day = at('2025-04-15', 0, null);
  assert.deepEqual([day.npa, day.npaSince, day.iracClass, day.ifrs9Stage, day.provision], [true, '2025-04-15', 'Sub-standard', 3, 18_000]);
  // An account already an NPA keeps its NPA date (and ages: 13 months as NPA → Doubtful D1).
  assert.deepEqual([at('2025-06-01', 0, '2025-01-20').npaSince, at('2026-03-01', 0, '2025-01-20').iracClass], ['2025-01-20', 'Doubtful D1']);
  // Current all through the period: Standard on the day it ends, not before.
  assert.equal(at('2026-08-14', 0, '2025-04-15').npa, true);
  assert.deepEqual([at('2026-08-15', 0, '2025-04-15').npa, at('2026-08-15', 0, '2025-04-15').iracClass], [false, 'Standard']);
  // In arrears when it ends: stays an NPA until the arrears are cleared.
  assert.deepEqual([at('2026-08-15', 20, '2025-04-15').npa, at('2026-08-15', 20, '2025-04-15').npaSince], [true, '2025-04-15']);
});
