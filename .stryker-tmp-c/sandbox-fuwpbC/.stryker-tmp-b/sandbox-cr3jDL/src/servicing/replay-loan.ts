// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';
import { dayNumber, isoDay } from './dates.js';
import type { Component, LoanProduct } from './loan-product.js';
import type { Instalment } from './loan-schedule.js';

/** A repayment as recorded: never deleted; a reversal marks it `reversed` and replay leaves it out. */
export interface Repayment {
  readonly id: string;
  /** Minor units, > 0. */
  readonly amount: number;
  readonly valueDate: string;
  /** Order of recording: breaks ties between payments of the same value date. */
  readonly seq: number;
  readonly reversed?: boolean;
}

/** How much of a payment went to each component (minor units); `excess` is an overpayment held as a credit. */
export interface Allocation {
  readonly penalty: number;
  readonly fees: number;
  readonly interest: number;
  readonly principal: number;
  readonly excess: number;
}

/** One instalment after replay: what was due (with late fees charged) and what was paid. */
export interface InstalmentState extends Instalment {
  readonly penalty: number;
  readonly paid: Readonly<Record<Component, number>>;
  /** The date the late fee was charged, or null. */
  readonly penaltyDate: string | null;
}

/** A loan replayed from its schedule and repayments up to a date. */
export interface LoanPosition {
  readonly asOf: string;
  readonly instalments: readonly InstalmentState[];
  /** Per live repayment id, its allocation, and the instalments it paid. */
  readonly allocations: ReadonlyMap<
    string,
    Allocation & { readonly parts: readonly { readonly n: number; readonly component: Component; readonly amount: number }[] }
  >;
  readonly paidTotal: number;
  readonly allocated: Allocation;
  readonly outstandingPrincipal: number;
  /** Principal + interest + fees + penalties still owed over the whole schedule. */
  readonly outstandingTotal: number;
  /** Principal + interest + fees + penalties of instalments due on or before `asOf` still unpaid. */
  readonly arrears: number;
  /** Days since the oldest instalment due before `asOf` whose principal and interest are not fully paid (0 when none). */
  readonly dpd: number;
  /** Value date of the payment that paid everything, or null while anything is owed. */
  readonly repaidOn: string | null;
}

const EMPTY = { penalty: 0, fees: 0, interest: 0, principal: 0 };

/**
 * Replays a loan: repayments with value date ≤ `asOf` (reversed ones left out) in value-date then
 * recording order, so a backdated payment or a reversal gives the same balances as if the
 * payments had always been so. Each payment pays the instalments due on or before its value date
 * (oldest first), each by the product's allocation order, then later instalments in advance;
 * what is left is `excess`. A late fee (`product.lateFee`) is charged on an instalment whose
 * principal and interest are not fully paid `lateFeeGraceDays` after its due date, before the
 * payments of the following day. Everything in integer minor units: Σ allocated + excess = Σ paid.
 */
export function replayLoan(product: LoanProduct, schedule: readonly Instalment[], repayments: readonly Repayment[], asOf: string): LoanPosition {
  const asOfDay = dayNumber(asOf, 'as-of date');
  const live = repayments
    .filter((r) => r.reversed !== true && dayNumber(r.valueDate, 'value date') <= asOfDay)
    .sort((a, b) => (a.valueDate < b.valueDate ? -1 : a.valueDate > b.valueDate ? 1 : a.seq - b.seq));
  const due = schedule.map((i) => ({
    ...i,
    dueDay: dayNumber(i.dueDate),
    penalty: i.fixedPenalty ?? 0,
    penaltyDate: null as string | null,
    paid: { ...EMPTY },
  }));
  const owedOf = (i: (typeof due)[number], c: Component): number => (c === 'penalty' ? i.penalty : i[c]) - i.paid[c];
  let nextCheck = 0; // instalments are in due order, so late-fee checks are too
  const chargeLateFees = (beforeDay: number): void => {
    for (; nextCheck < due.length; nextCheck++) {
      const i = due[nextCheck] as (typeof due)[number];
      const checkDay = i.dueDay + product.lateFeeGraceDays + 1;
      if (checkDay > beforeDay) break;
      if (product.lateFee > 0 && i.fixedPenalty === undefined && owedOf(i, 'principal') + owedOf(i, 'interest') > 0) {
        i.penalty = product.lateFee;
        i.penaltyDate = isoDay(checkDay);
      }
    }
  };
  const allocations = new Map<string, Allocation & { parts: { n: number; component: Component; amount: number }[] }>();
  const allocated = { ...EMPTY, excess: 0 };
  let paidTotal = 0;
  let repaidOn: string | null = null;
  for (const r of live) {
    if (!Number.isSafeInteger(r.amount) || r.amount <= 0)
      throw new CredoError('E_SERVICING_INPUT_INVALID', {
        what: `repayment ${r.id}`,
        problem: `amount must be a positive whole number of minor units, got ${r.amount}`,
      });
    const day = dayNumber(r.valueDate);
    chargeLateFees(day);
    let left = r.amount;
    const a = { ...EMPTY, excess: 0, parts: [] as { n: number; component: Component; amount: number }[] };
    for (const i of due) {
      for (const c of product.allocationOrder) {
        const pay = Math.min(left, owedOf(i, c));
        if (pay <= 0) continue;
        i.paid[c] += pay;
        a[c] += pay;
        a.parts.push({ n: i.n, component: c, amount: pay });
        left -= pay;
      }
      if (left === 0) break;
    }
    a.excess = left;
    allocations.set(r.id, a);
    for (const c of product.allocationOrder) allocated[c] += a[c];
    allocated.excess += left;
    paidTotal += r.amount;
    if (repaidOn === null && due.every((i) => owedTotal(i) === 0)) repaidOn = r.valueDate;
  }
  if (repaidOn === null) chargeLateFees(asOfDay);
  let outstandingPrincipal = 0;
  let outstandingTotal = 0;
  let arrears = 0;
  let oldestUnpaid = -1;
  for (const i of due) {
    outstandingPrincipal += owedOf(i, 'principal');
    const owed = owedTotal(i);
    outstandingTotal += owed;
    if (i.dueDay <= asOfDay) arrears += owed;
    if (oldestUnpaid < 0 && i.dueDay < asOfDay && owedOf(i, 'principal') + owedOf(i, 'interest') > 0) oldestUnpaid = i.dueDay;
  }
  return {
    asOf,
    instalments: due.map(({ dueDay: _d, ...rest }) => rest),
    allocations,
    paidTotal,
    allocated,
    outstandingPrincipal,
    outstandingTotal,
    arrears,
    dpd: oldestUnpaid < 0 ? 0 : asOfDay - oldestUnpaid,
    repaidOn,
  };

  function owedTotal(i: (typeof due)[number]): number {
    return owedOf(i, 'penalty') + owedOf(i, 'fees') + owedOf(i, 'interest') + owedOf(i, 'principal');
  }
}
