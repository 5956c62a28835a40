// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';
import type { Currency } from '../finance/index.js';

/** A component of what a borrower owes, in the order a product allocates payments. */
export type Component = 'penalty' | 'fees' | 'interest' | 'principal';

/**
 * A loan product (versioned: a loan keeps the product version it was created with). Money in
 * integer minor units of `currency`; rates as annual fractions.
 */
export interface LoanProduct {
  readonly id: string;
  readonly version: number;
  readonly currency: Currency;
  /** `declining`: interest on the outstanding balance (EMI); `flat`: on the original principal. */
  readonly interestMethod: 'declining' | 'flat';
  /** `30/360`: a month is 1/12 of a year; `actual/365`: interest for the actual days of each period. */
  readonly dayCount: '30/360' | 'actual/365';
  readonly minTermMonths: number;
  readonly maxTermMonths: number;
  readonly minAmount: number;
  readonly maxAmount: number;
  /** Processing fee as a fraction of the principal, due with the first instalment. */
  readonly processingFeeRate: number;
  /** Late fee (flat, minor units) charged once per instalment unpaid `lateFeeGraceDays` after its due date. */
  readonly lateFee: number;
  readonly lateFeeGraceDays: number;
  /** Order in which a payment pays the components of each instalment. */
  readonly allocationOrder: readonly Component[];
  /** A loan is an NPA when dpd exceeds this (RBI: 90). */
  readonly npaDpd: number;
  /** Upper bounds (inclusive, days past due) of the delinquency buckets; beyond the last: the last label. */
  readonly buckets: readonly { readonly label: string; readonly maxDpd: number }[];
  /** Loss given default used for ECL. */
  readonly lgd: number;
}

/** The default product: USD, declining balance, 30/360, 6–60 months, 1,000–100,000 USD, 1% fee, 25 USD late fee after 5 days, penalty → fees → interest → principal, NPA over 90 dpd. */
export const DEFAULT_PRODUCT: LoanProduct = {
  id: 'personal-loan',
  version: 1,
  currency: { code: 'USD', exponent: 2 },
  interestMethod: 'declining',
  dayCount: '30/360',
  minTermMonths: 6,
  maxTermMonths: 60,
  minAmount: 100_000,
  maxAmount: 10_000_000,
  processingFeeRate: 0.01,
  lateFee: 2_500,
  lateFeeGraceDays: 5,
  allocationOrder: ['penalty', 'fees', 'interest', 'principal'],
  npaDpd: 90,
  buckets: [
    { label: 'current', maxDpd: 0 },
    { label: '1-30', maxDpd: 30 },
    { label: '31-60', maxDpd: 60 },
    { label: '61-90', maxDpd: 90 },
    { label: '90+', maxDpd: Number.POSITIVE_INFINITY },
  ],
  lgd: 0.45,
};

/** The delinquency bucket label of `dpd` under `product`. */
export function delinquencyBucket(product: LoanProduct, dpd: number): string {
  for (const b of product.buckets) if (dpd <= b.maxDpd) return b.label;
  return (product.buckets[product.buckets.length - 1] as { label: string }).label;
}

/** Checks a loan's amount and term against the product; throws `E_SERVICING_INPUT_INVALID` naming the field. */
export function checkLoanTerms(product: LoanProduct, principal: number, months: number): void {
  if (!Number.isSafeInteger(principal) || principal < product.minAmount || principal > product.maxAmount)
    throw new CredoError('E_SERVICING_INPUT_INVALID', {
      what: 'amount',
      problem: `must be ${product.minAmount}..${product.maxAmount} minor units for product ${product.id}, got ${principal}`,
    });
  if (!Number.isInteger(months) || months < product.minTermMonths || months > product.maxTermMonths)
    throw new CredoError('E_SERVICING_INPUT_INVALID', {
      what: 'term',
      problem: `must be ${product.minTermMonths}..${product.maxTermMonths} months for product ${product.id}, got ${months}`,
    });
  const order = [...product.allocationOrder].sort().join();
  if (order !== 'fees,interest,penalty,principal')
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'allocation order', problem: 'must name penalty, fees, interest and principal once each' });
}
