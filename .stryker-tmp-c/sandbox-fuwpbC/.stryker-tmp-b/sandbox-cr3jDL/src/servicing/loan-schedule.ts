// @ts-nocheck
// 
import { amortise, computeEmi, roundMinor } from '../finance/index.js';
import { addMonths, dayNumber } from './dates.js';
import type { LoanProduct } from './loan-product.js';

/** One instalment of a repayment schedule; money in integer minor units. */
export interface Instalment {
  /** 1-based. */
  readonly n: number;
  readonly dueDate: string;
  readonly principal: number;
  readonly interest: number;
  /** Fees due with this instalment (the processing fee on the first). */
  readonly fees: number;
  /** A late fee fixed by a restructure (the one it had then); replay charges no late fee on such an instalment. */
  readonly fixedPenalty?: number;
}

/**
 * The schedule of a loan disbursed on `disbursedOn`: monthly instalments due on the same day of
 * each following month. Declining balance with 30/360 is `amortise` (REFERENCE §4: EMI, interest
 * round(balance·r/12), remainder on the last instalment); declining with actual/365 keeps the same
 * EMI and charges round(balance·rate·days/365) for each period's actual days; flat charges
 * round(P·rate·n/12) spread evenly (remainder last). Principals always sum to the loan exactly.
 */
export function buildSchedule(product: LoanProduct, principal: number, annualRate: number, months: number, disbursedOn: string): Instalment[] {
  const dueDates = Array.from({ length: months }, (_, i) => addMonths(disbursedOn, i + 1));
  const fee = roundMinor(principal * product.processingFeeRate);
  const out: Instalment[] = [];
  if (product.interestMethod === 'flat') {
    const totalInterest = roundMinor((principal * annualRate * months) / 12);
    const p = Math.floor(principal / months);
    const i = Math.floor(totalInterest / months);
    for (let k = 0; k < months; k++) {
      const last = k === months - 1;
      out.push({
        n: k + 1,
        dueDate: dueDates[k] as string,
        principal: last ? principal - p * (months - 1) : p,
        interest: last ? totalInterest - i * (months - 1) : i,
        fees: k === 0 ? fee : 0,
      });
    }
    return out;
  }
  if (product.dayCount === '30/360') {
    const s = amortise(principal, annualRate, months);
    for (let k = 0; k < s.months; k++)
      out.push({ n: k + 1, dueDate: dueDates[k] as string, principal: s.principal[k] as number, interest: s.interest[k] as number, fees: k === 0 ? fee : 0 });
    return out;
  }
  const emi = computeEmi(principal, annualRate, months);
  let balance = principal;
  let from = dayNumber(disbursedOn);
  for (let k = 0; k < months && balance > 0; k++) {
    const to = dayNumber(dueDates[k] as string);
    const interest = roundMinor((balance * annualRate * (to - from)) / 365);
    let p = Math.max(0, emi - interest);
    if (k === months - 1 || p > balance) p = balance;
    balance -= p;
    out.push({ n: k + 1, dueDate: dueDates[k] as string, principal: p, interest, fees: k === 0 ? fee : 0 });
    from = to;
  }
  return out;
}
