// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';
import { computeEmi } from './emi.js';
import { roundMinor } from './money.js';

/**
 * A loan's amortisation schedule, one entry per month (index 0 = month 1), all amounts in
 * integer minor units held in Float64Arrays (exact below 2^53).
 */
export interface AmortisationSchedule {
  /** The contractual EMI at origination (minor units). */
  readonly emi: number;
  /** Σ interest over the schedule (minor units). */
  readonly totalInterest: number;
  /** Σ payments including prepayments (minor units). */
  readonly totalPaid: number;
  /** Number of months until the balance reached zero. */
  readonly months: number;
  /** Scheduled payment of each month: interest + principal, excluding prepayment. */
  readonly payment: Float64Array;
  readonly interest: Float64Array;
  /** Scheduled principal repaid each month. */
  readonly principal: Float64Array;
  /** Extra principal prepaid at the end of each month (0 without prepayments). */
  readonly prepayment: Float64Array;
  /** Balance after the month's payment and prepayment. */
  readonly balance: Float64Array;
}

/** An extra principal payment made at the end of `month` (1-based), after that month's instalment. */
export interface Prepayment {
  readonly month: number;
  /** Minor units; capped at the outstanding balance. */
  readonly amount: number;
}

/** Options of `amortise`. */
export interface AmortiseOptions {
  /** Extra principal payments. */
  readonly prepayments?: readonly Prepayment[];
  /**
   * After a prepayment: `reduce-term` keeps the EMI and ends the loan earlier (default);
   * `reduce-emi` keeps the end date and recomputes the EMI on the remaining balance and months.
   */
  readonly prepaymentMode?: 'reduce-term' | 'reduce-emi';
}

/**
 * Builds the amortisation schedule of REFERENCE §4: EMI from `computeEmi`; each month interest =
 * round(balance·r) (r = annual rate / 12, half away from zero), principal = EMI − interest; the
 * last instalment (or any instalment larger than the balance) pays the whole remaining balance, so
 * the principals (plus prepayments) sum exactly to the loan. Throws `E_FINANCE_INPUT_INVALID` for
 * a negative or non-integer principal, a negative rate or fewer than one month.
 */
export function amortise(principal: number, annualRate: number, months: number, options: AmortiseOptions = {}): AmortisationSchedule {
  validateLoan(principal, annualRate, months);
  const r = annualRate / 12;
  const emi = principal === 0 ? 0 : computeEmi(principal, annualRate, months);
  const extra = new Float64Array(months);
  for (const p of options.prepayments ?? []) {
    if (!Number.isInteger(p.month) || p.month < 1 || p.month > months || !Number.isSafeInteger(p.amount) || p.amount < 0) {
      throw new CredoError('E_FINANCE_INPUT_INVALID', {
        what: `prepayment at month ${p.month}`,
        problem: `needs a month in 1..${months} and a non-negative whole amount of minor units`,
      });
    }
    extra[p.month - 1] = (extra[p.month - 1] as number) + p.amount;
  }
  const reduceEmi = options.prepaymentMode === 'reduce-emi';
  const payment = new Float64Array(months);
  const interest = new Float64Array(months);
  const principalPaid = new Float64Array(months);
  const prepayment = new Float64Array(months);
  const balance = new Float64Array(months);
  let current = emi;
  let outstanding = principal;
  let totalInterest = 0;
  let totalPaid = 0;
  let last = 0;
  for (let m = 0; m < months && outstanding > 0; m++) {
    const i = roundMinor(outstanding * r);
    let p = current - i;
    if (m === months - 1 || p >= outstanding) p = outstanding;
    if (p < 0) p = 0; // an EMI below the interest cannot happen for r ≥ 0, kept as a guard
    outstanding -= p;
    const pre = Math.min(outstanding, extra[m] as number);
    outstanding -= pre;
    interest[m] = i;
    principalPaid[m] = p;
    payment[m] = i + p;
    prepayment[m] = pre;
    balance[m] = outstanding;
    totalInterest += i;
    totalPaid += i + p + pre;
    last = m + 1;
    if (pre > 0 && reduceEmi && outstanding > 0 && m < months - 1) current = computeEmi(outstanding, annualRate, months - m - 1);
  }
  return {
    emi,
    totalInterest,
    totalPaid,
    months: last,
    payment: payment.subarray(0, last),
    interest: interest.subarray(0, last),
    principal: principalPaid.subarray(0, last),
    prepayment: prepayment.subarray(0, last),
    balance: balance.subarray(0, last),
  };
}

/**
 * Outstanding balance (minor units) after `k` instalments of the schedule `amortise` builds,
 * k in 0..months (0 = the principal). Follows the same rounding, so it equals `balance[k−1]`.
 */
export function remainingBalance(principal: number, annualRate: number, months: number, k: number): number {
  validateLoan(principal, annualRate, months);
  if (!Number.isInteger(k) || k < 0 || k > months)
    throw new CredoError('E_FINANCE_INPUT_INVALID', { what: 'month', problem: `must be a whole number in 0..${months}, got ${k}` });
  if (k === 0 || principal === 0) return principal;
  const r = annualRate / 12;
  const emi = computeEmi(principal, annualRate, months);
  let outstanding = principal;
  for (let m = 0; m < k && outstanding > 0; m++) {
    let p = emi - roundMinor(outstanding * r);
    if (m === months - 1 || p >= outstanding) p = outstanding;
    outstanding -= Math.max(0, p);
  }
  return outstanding;
}

/**
 * Closed-form balance after k payments of an unrounded annuity: P·((1+r)^n − (1+r)^k)/((1+r)^n − 1).
 * A real number of minor units, within a few minor units of `remainingBalance` (rounding drift).
 */
export function annuityBalance(principal: number, annualRate: number, months: number, k: number): number {
  // P·(1 − ((1+r)^k − 1)/((1+r)^n − 1)) with expm1/log1p, accurate for tiny rates; zero rate is linear.
  const logGrowth = Math.log1p(annualRate / 12);
  if (logGrowth === 0) return (principal * (months - k)) / months;
  return principal * (1 - Math.expm1(k * logGrowth) / Math.expm1(months * logGrowth));
}

function validateLoan(principal: number, annualRate: number, months: number): void {
  if (!Number.isSafeInteger(principal) || principal < 0) {
    throw new CredoError('E_FINANCE_INPUT_INVALID', { what: 'loan amount', problem: `must be a non-negative whole number of minor units, got ${principal}` });
  }
  if (!Number.isFinite(annualRate) || annualRate < 0)
    throw new CredoError('E_FINANCE_INPUT_INVALID', { what: 'interest rate', problem: `must be a finite annual rate ≥ 0, got ${annualRate}` });
  if (!Number.isInteger(months) || months < 1 || months > 1200)
    throw new CredoError('E_FINANCE_INPUT_INVALID', { what: 'term', problem: `must be 1..1200 months, got ${months}` });
}
