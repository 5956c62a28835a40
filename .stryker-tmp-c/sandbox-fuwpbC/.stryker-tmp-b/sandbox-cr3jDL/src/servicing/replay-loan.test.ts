// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CredoError } from '../errors/index.js';
import { classifyLoan } from './classify-loan.js';
import { journalBetween, loanPosition, ZERO_POSITION } from './ledger-position.js';
import { DEFAULT_PRODUCT, type LoanProduct } from './loan-product.js';
import { buildSchedule, type Instalment } from './loan-schedule.js';
import { type Repayment, replayLoan } from './replay-loan.js';
import { planPrepayment, planRestructure, type Reschedule } from './reschedule-loan.js';

// The worked loan of docs/servicing.md: 1,200.00 at 12% for 12 months, disbursed 2025-01-15.
const schedule = buildSchedule(DEFAULT_PRODUCT, 120_000, 0.12, 12, '2025-01-15');
const pay = (id: string, amount: number, valueDate: string, seq: number, reversed = false): Repayment => ({ id, amount, valueDate, seq, reversed });

test('schedule: EMI 106.62, first instalment 12.00 interest + 94.62 principal + 12.00 fee, principals sum to the loan', () => {
  assert.deepEqual(schedule[0], { n: 1, dueDate: '2025-02-15', principal: 9_462, interest: 1_200, fees: 1_200 });
  assert.deepEqual(schedule[1], { n: 2, dueDate: '2025-03-15', principal: 9_557, interest: 1_105, fees: 0 });
  assert.equal(
    schedule.reduce((s, i) => s + i.principal, 0),
    120_000,
  );
  assert.equal(schedule[11]?.dueDate, '2026-01-15');
});

test('allocation order penalty → fees → interest → principal on a partial payment after the late fee', () => {
  // Nothing paid by 2025-02-20 (due + 5 days grace): the 25.00 late fee is charged on 2025-02-21.
  const p = replayLoan(DEFAULT_PRODUCT, schedule, [pay('a', 5_000, '2025-02-25', 1)], '2025-03-01');
  assert.deepEqual(p.allocations.get('a'), {
    penalty: 2_500,
    fees: 1_200,
    interest: 1_200,
    principal: 100,
    excess: 0,
    parts: [
      { n: 1, component: 'penalty', amount: 2_500 },
      { n: 1, component: 'fees', amount: 1_200 },
      { n: 1, component: 'interest', amount: 1_200 },
      { n: 1, component: 'principal', amount: 100 },
    ],
  });
  assert.equal(p.instalments[0]?.penaltyDate, '2025-02-21');
  assert.equal(p.outstandingPrincipal, 119_900);
  assert.equal(p.dpd, 14); // 2025-02-15 → 2025-03-01
  // Paid within the grace period: no late fee, and 50.00 goes fees → interest → principal.
  const early = replayLoan(DEFAULT_PRODUCT, schedule, [pay('a', 5_000, '2025-02-20', 1)], '2025-03-01');
  assert.deepEqual(early.allocated, { penalty: 0, fees: 1_200, interest: 1_200, principal: 2_600, excess: 0 });
});

test('a product ordering principal first allocates principal first', () => {
  const product: LoanProduct = { ...DEFAULT_PRODUCT, allocationOrder: ['principal', 'interest', 'fees', 'penalty'] };
  const p = replayLoan(product, schedule, [pay('a', 10_000, '2025-02-15', 1)], '2025-02-15');
  assert.deepEqual(p.allocated, { penalty: 0, fees: 0, interest: 538, principal: 9_462, excess: 0 });
});

test('dpd crosses 30, 60 and 90 with the classes and stages they give', () => {
  const at = (asOf: string) => replayLoan(DEFAULT_PRODUCT, schedule, [], asOf).dpd;
  assert.deepEqual(
    ['2025-02-15', '2025-02-16', '2025-03-17', '2025-03-18', '2025-04-16', '2025-04-17', '2025-05-16', '2025-05-17'].map(at),
    [0, 1, 30, 31, 60, 61, 90, 91],
  );
  const classOf = (asOf: string, previousNpaSince: string | null = null) =>
    classifyLoan(DEFAULT_PRODUCT, { asOf, dpd: at(asOf), outstandingPrincipal: 120_000, remainingMonths: 12, pd: 0.05, previousNpaSince });
  assert.deepEqual(
    ['2025-03-17', '2025-03-18', '2025-04-17', '2025-05-16'].map((d) => [classOf(d).iracClass, classOf(d).ifrs9Stage, classOf(d).npa]),
    [
      ['SMA-0', 1, false],
      ['SMA-1', 2, false],
      ['SMA-2', 2, false],
      ['SMA-2', 2, false],
    ],
  );
  const npa = classOf('2025-05-17');
  assert.equal(npa.iracClass, 'Sub-standard');
  assert.equal(npa.npaSince, '2025-05-17');
  assert.equal(npa.ifrs9Stage, 3);
  assert.equal(npa.ecl, 54_000); // PD 1 × LGD 0.45 × 1,200.00
  assert.equal(npa.provision, 18_000); // 15% of 1,200.00
  // Stage 1: 12-month PD 5% × 0.45 × 1,200.00 = 27.00; standard provision 0.4% = 4.80.
  const current = classOf('2025-02-15');
  assert.deepEqual([current.ecl, current.provision, current.bucket], [2_700, 480, 'current']);
});

test('an NPA is upgraded only after its arrears are fully cleared', () => {
  // On 2025-05-20 (dpd 94, NPA since 2025-05-17) the borrower pays instalment 1 in full (late fee, fee, interest, principal): dpd falls to 66.
  const arrears1 = 2_500 + 1_200 + 1_200 + 9_462;
  const partial = replayLoan(DEFAULT_PRODUCT, schedule, [pay('a', arrears1, '2025-05-20', 1)], '2025-05-20');
  assert.equal(partial.dpd, 66);
  const still = classifyLoan(DEFAULT_PRODUCT, {
    asOf: '2025-05-20',
    dpd: partial.dpd,
    outstandingPrincipal: partial.outstandingPrincipal,
    remainingMonths: 8,
    pd: 0.05,
    previousNpaSince: '2025-05-17',
  });
  assert.deepEqual([still.npa, still.iracClass, still.npaSince], [true, 'Sub-standard', '2025-05-17']);
  // Paying every overdue instalment (2..4, with their late fees: 4's is charged on 05-21, due 05-15 + 5 days grace) clears the arrears: Standard again.
  const rest = 3 * 2_500 + [1, 2, 3].reduce((s, k) => s + (schedule[k]?.principal ?? 0) + (schedule[k]?.interest ?? 0), 0);
  const cleared = replayLoan(DEFAULT_PRODUCT, schedule, [pay('a', arrears1, '2025-05-20', 1), pay('b', rest, '2025-05-21', 2)], '2025-05-21');
  assert.equal(cleared.dpd, 0);
  assert.equal(cleared.arrears, 0);
  const upgraded = classifyLoan(DEFAULT_PRODUCT, {
    asOf: '2025-05-21',
    dpd: 0,
    outstandingPrincipal: cleared.outstandingPrincipal,
    remainingMonths: 8,
    pd: 0.05,
    previousNpaSince: '2025-05-17',
  });
  assert.deepEqual([upgraded.npa, upgraded.iracClass, upgraded.npaSince], [false, 'Standard', null]);
});

test('overpayment: everything owed is paid in advance, the rest is excess; the loan is repaid that day', () => {
  const total = schedule.reduce((s, i) => s + i.principal + i.interest + i.fees, 0);
  const p = replayLoan(DEFAULT_PRODUCT, schedule, [pay('a', total + 1_000, '2025-02-01', 1)], '2025-02-01');
  assert.equal(p.outstandingTotal, 0);
  assert.equal(p.allocations.get('a')?.excess, 1_000);
  assert.equal(p.repaidOn, '2025-02-01');
});

test('a backdated payment gives the same position as if recorded in order; a reversal as if never made', () => {
  const inOrder = replayLoan(DEFAULT_PRODUCT, schedule, [pay('a', 13_000, '2025-02-10', 1), pay('b', 10_662, '2025-03-15', 2)], '2025-04-01');
  const backdated = replayLoan(DEFAULT_PRODUCT, schedule, [pay('b', 10_662, '2025-03-15', 1), pay('a', 13_000, '2025-02-10', 2)], '2025-04-01');
  assert.deepEqual(backdated.instalments, inOrder.instalments);
  const reversed = replayLoan(DEFAULT_PRODUCT, schedule, [pay('a', 13_000, '2025-02-10', 1, true), pay('b', 10_662, '2025-03-15', 2)], '2025-04-01');
  const without = replayLoan(DEFAULT_PRODUCT, schedule, [pay('b', 10_662, '2025-03-15', 2)], '2025-04-01');
  assert.deepEqual(reversed.instalments, without.instalments);
});

test('property: random payments, reversals and backdating keep balances, totals and the ledger right', () => {
  const event = fc.record({ amount: fc.integer({ min: 1, max: 40_000 }), day: fc.integer({ min: 0, max: 420 }), reversed: fc.boolean() });
  fc.assert(
    fc.property(fc.array(event, { maxLength: 25 }), fc.integer({ min: 0, max: 500 }), (events, asOfOffset) => {
      const date = (d: number) => new Date(Date.UTC(2025, 0, 15 + d)).toISOString().slice(0, 10);
      const asOf = date(asOfOffset);
      const repayments = events.map((e, k) => pay(`r${k}`, e.amount, date(e.day), k, e.reversed));
      const p = replayLoan(DEFAULT_PRODUCT, schedule, repayments, asOf);
      const live = repayments.filter((r) => !r.reversed && r.valueDate <= asOf);
      const paid = live.reduce((s, r) => s + r.amount, 0);
      const a = p.allocated;
      assert.equal(a.penalty + a.fees + a.interest + a.principal + a.excess, paid);
      assert.equal(p.paidTotal, paid);
      assert.ok(p.outstandingPrincipal >= 0 && p.outstandingTotal >= 0);
      assert.equal(p.outstandingPrincipal, 120_000 - a.principal);
      for (const i of p.instalments)
        for (const c of ['penalty', 'fees', 'interest', 'principal'] as const) assert.ok(i.paid[c] <= (c === 'penalty' ? i.penalty : i[c]));
      // Replay from the event log, read in any order, gives the same state.
      const shuffled = [...repayments].reverse();
      assert.deepEqual(replayLoan(DEFAULT_PRODUCT, schedule, shuffled, asOf).instalments, p.instalments);
      // Ledger: the position balances, and the journal from the empty book reproduces it.
      const position = loanPosition({
        disbursed: 120_000,
        principalPaid: a.principal,
        interestPaid: a.interest,
        feesPaid: a.fees + a.penalty,
        excess: a.excess,
        writtenOff: 0,
        recovered: 0,
        provision: 480,
        interestAccrued: 0,
      });
      assert.equal(
        Object.values(position).reduce((s, v) => s + v, 0),
        0,
      );
      const journal = journalBetween(ZERO_POSITION, position);
      assert.equal(
        journal.reduce((s, x) => s + x.debit, 0),
        journal.reduce((s, x) => s + x.credit, 0),
      );
    }),
    { numRuns: 200, seed: 15 },
  );
});

test('property: prepayments, restructures and recoveries keep balances, totals, the principal and the ledger right', () => {
  const date = (d: number) => new Date(Date.UTC(2025, 0, 15 + d)).toISOString().slice(0, 10);
  const payment = fc.record({ amount: fc.integer({ min: 1, max: 30_000 }), day: fc.integer({ min: 0, max: 200 }), reversed: fc.boolean() });
  const change = fc.oneof(
    fc.record({
      kind: fc.constant('prepayment' as const),
      amount: fc.integer({ min: 1, max: 160_000 }),
      mode: fc.constantFrom('reduce_term' as const, 'reduce_emi' as const),
    }),
    fc.record({
      kind: fc.constant('restructure' as const),
      rate: fc.integer({ min: 0, max: 30 }).map((x) => x / 100),
      term: fc.integer({ min: 1, max: 36 }),
      moratorium: fc.integer({ min: 0, max: 6 }),
    }),
  );
  fc.assert(
    fc.property(
      fc.array(payment, { maxLength: 8 }),
      fc.integer({ min: 0, max: 300 }),
      change,
      fc.array(payment, { maxLength: 8 }),
      fc.integer({ min: 0, max: 700 }),
      fc.integer({ min: 0, max: 1_000 }),
      (beforeEvents, changeDay, c, afterEvents, asOfOffset, recoveredPermille) => {
        const d = date(changeDay);
        const before = beforeEvents.filter((e) => e.day <= changeDay).map((e, k) => pay(`b${k}`, e.amount, date(e.day), k, e.reversed));
        const at = replayLoan(DEFAULT_PRODUCT, schedule, before, d);
        let plan: Reschedule;
        const recorded: Repayment[] = [...before];
        try {
          plan =
            c.kind === 'prepayment'
              ? planPrepayment(DEFAULT_PRODUCT, schedule, at, { amount: c.amount, valueDate: d, mode: c.mode, annualRate: 0.12, disbursedOn: '2025-01-15' })
              : planRestructure(DEFAULT_PRODUCT, schedule, at, {
                  valueDate: d,
                  annualRate: c.rate,
                  oldAnnualRate: 0.12,
                  termMonths: c.term,
                  moratoriumMonths: c.moratorium,
                  disbursedOn: '2025-01-15',
                });
        } catch (e) {
          // Too little to reach principal, or nothing left to reschedule: refused, nothing to check.
          if (e instanceof CredoError && e.code === 'E_SERVICING_INPUT_INVALID') return;
          throw e;
        }
        if (c.kind === 'prepayment') recorded.push(pay('pre', c.amount, d, 100));
        // The new schedule still lends exactly the loan; the change itself moves no money between components.
        assert.equal(
          plan.schedule.reduce((s, i) => s + i.principal, 0),
          120_000,
        );
        assert.ok(plan.schedule.every((i) => i.principal >= 0 && i.interest >= 0 && i.fees >= 0));
        const onTheDay = replayLoan(DEFAULT_PRODUCT, plan.schedule, recorded, d);
        if (c.kind === 'restructure') assert.deepEqual(onTheDay.allocated, at.allocated);
        else {
          // The prepayment pays every arrear and the settling instalment: what is left is the new schedule's balance.
          assert.deepEqual([onTheDay.outstandingPrincipal, onTheDay.arrears], [plan.balance, 0]);
          if (!plan.full) assert.equal(onTheDay.allocations.get('pre')?.excess, 0);
          assert.equal(onTheDay.dpd, 0);
        }
        // Payments after the change (the only ones allowed), then the invariants as of a later date.
        afterEvents.forEach((e, k) => {
          recorded.push(pay(`a${k}`, e.amount, date(changeDay + e.day), 200 + k, e.reversed));
        });
        const asOf = date(changeDay + asOfOffset);
        const p = replayLoan(DEFAULT_PRODUCT, plan.schedule, recorded, asOf);
        const paid = recorded.filter((r) => !r.reversed && r.valueDate <= asOf).reduce((s, r) => s + r.amount, 0);
        const a = p.allocated;
        assert.equal(a.penalty + a.fees + a.interest + a.principal + a.excess, paid);
        assert.ok(p.outstandingPrincipal >= 0 && p.outstandingTotal >= 0);
        assert.equal(p.outstandingPrincipal, 120_000 - a.principal);
        assert.deepEqual(replayLoan(DEFAULT_PRODUCT, plan.schedule, [...recorded].reverse(), asOf).instalments, p.instalments);
        // Written off there and partly recovered: the ledger still balances and the journal reproduces it.
        const writtenOff = p.outstandingPrincipal;
        const recovered = Math.floor((writtenOff * recoveredPermille) / 1_000);
        const position = loanPosition({
          disbursed: 120_000,
          principalPaid: a.principal,
          interestPaid: a.interest,
          feesPaid: a.fees + a.penalty,
          excess: a.excess,
          writtenOff,
          recovered,
          provision: 0,
          interestAccrued: 0,
        });
        assert.equal(
          Object.values(position).reduce((s, v) => s + v, 0),
          0,
        );
        assert.equal(position.loan_portfolio, 0);
        assert.equal(position.write_off_expense, writtenOff - recovered);
        const journal = journalBetween(ZERO_POSITION, position);
        assert.equal(
          journal.reduce((s, x) => s + x.debit, 0),
          journal.reduce((s, x) => s + x.credit, 0),
        );
      },
    ),
    { numRuns: 300, seed: 15 },
  );
});

test('property: a prepayment after a restructure (with payments between) still settles exactly and keeps the lent principal', () => {
  const date = (d: number) => new Date(Date.UTC(2025, 0, 15 + d)).toISOString().slice(0, 10);
  const payment = fc.record({ amount: fc.integer({ min: 1, max: 30_000 }), day: fc.integer({ min: 0, max: 120 }) });
  fc.assert(
    fc.property(
      fc.array(payment, { maxLength: 5 }),
      fc.integer({ min: 0, max: 200 }),
      fc.record({ rate: fc.integer({ min: 0, max: 30 }), term: fc.integer({ min: 2, max: 36 }), moratorium: fc.integer({ min: 0, max: 3 }) }),
      fc.array(payment, { maxLength: 5 }),
      fc.integer({ min: 0, max: 200 }),
      fc.record({ amount: fc.integer({ min: 1, max: 160_000 }), mode: fc.constantFrom('reduce_term' as const, 'reduce_emi' as const) }),
      (first, d1, r, between, gap, pre) => {
        const v1 = date(d1);
        const recorded: Repayment[] = first.filter((e) => e.day <= d1).map((e, k) => pay(`f${k}`, e.amount, date(e.day), k));
        let s1: Reschedule;
        try {
          s1 = planRestructure(DEFAULT_PRODUCT, schedule, replayLoan(DEFAULT_PRODUCT, schedule, recorded, v1), {
            valueDate: v1,
            annualRate: r.rate / 100,
            oldAnnualRate: 0.12,
            termMonths: r.term,
            moratoriumMonths: r.moratorium,
            disbursedOn: '2025-01-15',
          });
        } catch (e) {
          if (e instanceof CredoError && e.code === 'E_SERVICING_INPUT_INVALID') return;
          throw e;
        }
        // Prepayments after a restructure start at its first new due date (the store refuses earlier ones).
        const firstDue = s1.schedule.find((i) => i.dueDate > v1)?.dueDate as string;
        const early = date(d1 + gap) < firstDue;
        const v2 = early ? firstDue : date(d1 + gap);
        between.forEach((e, k) => {
          if (date(d1 + e.day) <= v2) recorded.push(pay(`m${k}`, e.amount, date(d1 + e.day), 50 + k));
        });
        let s2: Reschedule;
        try {
          s2 = planPrepayment(DEFAULT_PRODUCT, s1.schedule, replayLoan(DEFAULT_PRODUCT, s1.schedule, recorded, v2), {
            amount: pre.amount,
            valueDate: v2,
            mode: pre.mode,
            annualRate: r.rate / 100,
            disbursedOn: '2025-01-15',
          });
        } catch (e) {
          if (e instanceof CredoError && e.code === 'E_SERVICING_INPUT_INVALID') return;
          throw e;
        }
        recorded.push(pay('pre', pre.amount, v2, 100));
        assert.equal(
          s2.schedule.reduce((s, i) => s + i.principal, 0),
          120_000,
        );
        const p = replayLoan(DEFAULT_PRODUCT, s2.schedule, recorded, v2);
        assert.deepEqual([p.outstandingPrincipal, p.arrears, p.dpd], [s2.balance, 0, 0]);
        const a = p.allocated;
        assert.equal(
          a.penalty + a.fees + a.interest + a.principal + a.excess,
          recorded.reduce((s, x) => s + x.amount, 0),
        );
        if (pre.mode === 'reduce_term' && !s2.full) {
          // The EMI kept is the restructured schedule's regular one: every new instalment but the last pays exactly it.
          const old = s1.schedule.filter((i) => i.dueDate > v2);
          const regular = old[Math.max(0, old.length - 2)] as Instalment;
          const fresh = s2.schedule.filter((i) => i.dueDate > v2);
          assert.ok(fresh.length <= old.length);
          // (The first new one covers a broken period, so its interest may exceed a regular EMI.)
          assert.ok(fresh.slice(1, -1).every((i) => i.principal + i.interest === regular.principal + regular.interest));
        }
      },
    ),
    { numRuns: 200, seed: 16 },
  );
});
