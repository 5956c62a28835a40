// @ts-nocheck
import { CredoError } from '../errors/index.js';
import { computeEmi, roundMinor } from '../finance/index.js';
import { addMonths, dayNumber } from './dates.js';
import type { LoanProduct } from './loan-product.js';
import type { Instalment } from './loan-schedule.js';
import type { LoanPosition } from './replay-loan.js';

/** After a partial prepayment: keep the EMI and end earlier, or keep the end date and lower the EMI. */
export type PrepaymentMode = 'reduce_term' | 'reduce_emi';

/** A new schedule and what the change settled or carried (minor units). */
export interface Reschedule {
  readonly schedule: Instalment[];
  /** Principal the prepayment repays (0 for a restructure). */
  readonly principalPrepaid: number;
  /** Interest of the period in progress up to the value date (on the balance before the change). */
  readonly accruedInterest: number;
  /** Principal the new instalments amortise. */
  readonly balance: number;
  /** True when nothing is left to amortise (a foreclosure). */
  readonly full: boolean;
}

/**
 * 30/360 days between two dates (US rule: day 31 counts as 30; a period ending on the 31st that
 * starts on the 30th or 31st counts 30).
 */
export function days360(from: string, to: string): number {
  const [y1, m1, a] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, b] = to.split('-').map(Number) as [number, number, number];
  const d1 = Math.min(a, 30);
  const d2 = b === 31 && d1 === 30 ? 30 : b;
  return 360 * (y2 - y1) + 30 * (m2 - m1) + (d2 - d1);
}

/**
 * Interest on `balance` from `from` to `to` under the product's day count: a whole month under
 * 30/360 is round(balance·rate/12) as in `amortise`; a broken period round(balance·rate·days/360);
 * actual/365 round(balance·rate·days/365).
 */
export function interestBetween(product: LoanProduct, balance: number, annualRate: number, from: string, to: string): number {
  if (balance === 0 || from >= to) return 0;
  if (product.dayCount === 'actual/365') return roundMinor((balance * annualRate * (dayNumber(to) - dayNumber(from))) / 365);
  if (addMonths(from, 1) === to) return roundMinor((balance * annualRate) / 12);
  return roundMinor((balance * annualRate * days360(from, to)) / 360);
}

/**
 * Amortises `balance` over `dueDates` with instalments of `emi` (principal + interest) from
 * `start`: each instalment's interest is `interestBetween` its period on the declining balance;
 * the last due date (or the instalment the balance runs out on) takes the remainder, so the
 * principals sum to `balance` exactly. Fewer instalments than due dates when the EMI repays sooner.
 */
function amortiseFrom(product: LoanProduct, balance: number, annualRate: number, emi: number, dueDates: readonly string[], start: string, firstN: number) {
  const out: Instalment[] = [];
  let left = balance;
  let from = start;
  for (let k = 0; k < dueDates.length && left > 0; k++) {
    const to = dueDates[k] as string;
    const interest = interestBetween(product, left, annualRate, from, to);
    let principal = Math.max(0, emi - interest);
    if (k === dueDates.length - 1 || principal > left) principal = left;
    left -= principal;
    out.push({ n: firstN + k, dueDate: to, principal, interest, fees: 0 });
    from = to;
  }
  return out;
}

/** The date the period in progress on `valueDate` started: the last due date on or before it, else the disbursement. */
function periodStart(schedule: readonly Instalment[], valueDate: string, disbursedOn: string): string {
  let start = disbursedOn;
  for (const i of schedule) if (i.dueDate <= valueDate && i.dueDate > start) start = i.dueDate;
  return start;
}

function checkPosition(position: LoanPosition, valueDate: string): void {
  if (position.asOf !== valueDate)
    throw new CredoError('E_SERVICING_INPUT_INVALID', {
      what: 'position',
      problem: `must be the replay as of the value date ${valueDate}, got ${position.asOf}`,
    });
}

/**
 * A prepayment of `amount` on `valueDate` (Fineract's "prepay loan" with the RBI/Indian-bank
 * choice of reduce-term or reduce-EMI). The amount pays, in order: the arrears (everything due on
 * or before the value date, by the product's allocation order), the fees of later instalments,
 * the interest of the period in progress up to the value date on the scheduled balance, then
 * principal. Instalments due after the value date are replaced by one instalment due on the value
 * date (those fees, that interest, the principal prepaid) and, unless the balance is repaid (a
 * foreclosure), new instalments amortising the rest: `reduce_emi` over the same due dates with a
 * new EMI, `reduce_term` with the current EMI until repaid (remainder on the last). Payments made
 * in advance of later instalments count towards the prepayment. `position` is the replay as of
 * the value date. Throws `E_SERVICING_INPUT_INVALID` when the amount does not reach principal.
 */
export function planPrepayment(
  product: LoanProduct,
  schedule: readonly Instalment[],
  position: LoanPosition,
  input: { amount: number; valueDate: string; mode: PrepaymentMode; annualRate: number; disbursedOn: string },
): Reschedule {
  const { valueDate } = input;
  checkPosition(position, valueDate);
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'amount', problem: 'must be a positive whole number of minor units' });
  const past = position.instalments.filter((i) => i.dueDate <= valueDate);
  const future = position.instalments.filter((i) => i.dueDate > valueDate);
  if (future.length === 0)
    throw new CredoError('E_SERVICING_INPUT_INVALID', {
      what: 'value_date',
      problem: `no instalment is due after ${valueDate}: pay the arrears as a repayment`,
    });
  const credit = future.reduce((s, i) => s + i.paid.penalty + i.paid.fees + i.paid.interest + i.paid.principal, 0);
  const scheduled = future.reduce((s, i) => s + i.principal, 0);
  const fees = future.reduce((s, i) => s + i.fees, 0);
  const start = periodStart(schedule, valueDate, input.disbursedOn);
  const accruedInterest = interestBetween(product, scheduled, input.annualRate, start, valueDate);
  const needed = position.arrears + fees + accruedInterest - credit;
  if (input.amount - needed < 1)
    throw new CredoError('E_SERVICING_INPUT_INVALID', {
      what: 'amount',
      problem: `must exceed ${needed} minor units (arrears ${position.arrears}, fees ${fees}, interest to ${valueDate} ${accruedInterest}, less ${credit} paid in advance)`,
    });
  const principalPrepaid = Math.min(input.amount - needed, scheduled);
  const balance = scheduled - principalPrepaid;
  const kept = past.map(({ n, dueDate, principal, interest, fees: f, fixedPenalty }) => ({
    n,
    dueDate,
    principal,
    interest,
    fees: f,
    ...(fixedPenalty === undefined ? {} : { fixedPenalty }),
  }));
  const settle: Instalment = { n: kept.length + 1, dueDate: valueDate, principal: principalPrepaid, interest: accruedInterest, fees };
  const dueDates = future.map((i) => i.dueDate);
  // The current EMI: the last instalment but one is a regular one in every schedule built here (the
  // first after a restructure carries arrears, the last the remainder).
  const regular = future[Math.max(0, future.length - 2)] as Instalment;
  const emi = input.mode === 'reduce_emi' ? computeEmi(balance, input.annualRate, dueDates.length) : regular.principal + regular.interest;
  const rest = amortiseFrom(product, balance, input.annualRate, emi, dueDates, valueDate, kept.length + 2);
  return { schedule: [...kept, settle, ...rest], principalPrepaid, accruedInterest, balance, full: balance === 0 };
}

/**
 * A restructure on `valueDate` (RBI Prudential Framework, 2019: a change of the terms of a loan
 * in difficulty). Every instalment so far is frozen at what was paid on it (its late fee kept),
 * so the arrears leave the old schedule; the unpaid principal is amortised afresh at the new rate
 * over `termMonths` monthly instalments starting after `moratoriumMonths` months without
 * instalments. Nothing is capitalised or forgiven: the first new instalment also carries the unpaid
 * interest, fees and late fees of the old schedule, the interest of the period in progress up to
 * the value date and the interest of the moratorium. `position` is the replay as of the value date.
 */
export function planRestructure(
  product: LoanProduct,
  schedule: readonly Instalment[],
  position: LoanPosition,
  input: { valueDate: string; annualRate: number; oldAnnualRate: number; termMonths: number; moratoriumMonths: number; disbursedOn: string },
): Reschedule {
  const { valueDate } = input;
  checkPosition(position, valueDate);
  if (!Number.isInteger(input.termMonths) || input.termMonths < 1 || input.termMonths > 600)
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'term_months', problem: 'must be a whole number of months in 1..600' });
  if (!Number.isInteger(input.moratoriumMonths) || input.moratoriumMonths < 0 || input.moratoriumMonths > 36)
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'moratorium_months', problem: 'must be a whole number of months in 0..36' });
  if (!(input.annualRate >= 0 && input.annualRate < 1))
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'annual_rate', problem: 'must be a fraction in [0, 1)' });
  const balance = position.outstandingPrincipal;
  if (balance === 0) throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'loan', problem: 'no principal is outstanding: nothing to restructure' });
  const frozen: Instalment[] = [];
  let unpaidInterest = 0;
  let unpaidFees = 0;
  let scheduled = 0;
  for (const i of position.instalments) {
    const paid = i.paid.penalty + i.paid.fees + i.paid.interest + i.paid.principal;
    if (i.dueDate <= valueDate) {
      unpaidInterest += i.interest - i.paid.interest;
      unpaidFees += i.fees - i.paid.fees + i.penalty - i.paid.penalty;
    } else {
      unpaidFees += i.fees - i.paid.fees;
      scheduled += i.principal;
    }
    // A later instalment paid in advance is frozen as due on the value date: settled, it is in the past for any later change.
    const due = i.dueDate <= valueDate;
    if (due || paid > 0)
      frozen.push({
        n: frozen.length + 1,
        dueDate: due ? i.dueDate : valueDate,
        principal: i.paid.principal,
        interest: i.paid.interest,
        fees: i.paid.fees,
        fixedPenalty: i.paid.penalty,
      });
  }
  const accrued = interestBetween(product, scheduled, input.oldAnnualRate, periodStart(schedule, valueDate, input.disbursedOn), valueDate);
  const start = addMonths(valueDate, input.moratoriumMonths);
  const moratorium = interestBetween(product, balance, input.annualRate, valueDate, start);
  const dueDates = Array.from({ length: input.termMonths }, (_, k) => addMonths(start, k + 1));
  const fresh = amortiseFrom(product, balance, input.annualRate, computeEmi(balance, input.annualRate, input.termMonths), dueDates, start, frozen.length + 1);
  const first = fresh[0] as Instalment;
  fresh[0] = { ...first, interest: first.interest + unpaidInterest + accrued + moratorium, fees: unpaidFees };
  return { schedule: [...frozen, ...fresh], principalPrepaid: 0, accruedInterest: accrued, balance, full: false };
}
