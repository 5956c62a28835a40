import { CredoError } from '../errors/index.js';
import { dayCountDays } from './accrue-interest.js';
import { dayNumber, isoDay } from './dates.js';
import { DEFAULT_PRODUCT, type LoanProduct } from './loan-product.js';

/**
 * The servicing terms of a revolving credit line (documented defaults; a line keeps only its own
 * day count, `credit_lines.day_count`). Classification uses the loans' rules (`classifyLoan`) with
 * `product`: NPA over 90 dpd, the same delinquency buckets and LGD.
 */
export const CREDIT_LINE_TERMS = {
  /** Classification parameters (NPA dpd, buckets, LGD) shared with the default loan product. */
  product: { ...DEFAULT_PRODUCT, id: 'credit-line', dayCount: 'actual/365' } as LoanProduct,
  /** The day count of a line opened without one. */
  dayCount: 'actual/365' as LoanProduct['dayCount'],
  /** Days from a statement to its payment due date. */
  dueDays: 20,
  /** Minimum payment: interest billed plus this fraction of the drawn principal … */
  minimumPrincipalRate: 0.05,
  /** … at least this much (minor units), never more than the statement balance. */
  minimumFloor: 2_500,
  /** Credit conversion factor: the share of the undrawn limit counted in the exposure at default. */
  creditConversionFactor: 0.5,
  /** Behavioural life (months) over which a stage-2 line's lifetime PD is taken (IFRS 9 §5.5.20). */
  lifetimeMonths: 36,
} as const;

/** A draw or repayment of a credit line, in value-date order (ties by entry order). */
export interface LineMovement {
  readonly kind: 'draw' | 'repayment';
  readonly amount: number;
  readonly valueDate: string;
}

/** What a repayment paid: interest first, then principal (a draw is all principal). */
export interface LineAllocation {
  readonly interest: number;
  readonly principal: number;
}

/** An exact decimal rate string (`"0.18"`) as numerator / 10^scale. */
function exactRate(rate: string): { num: bigint; scale: bigint } {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate.trim());
  if (match === null) throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'annual_rate', problem: `must be a decimal fraction, got "${rate}"` });
  const decimals = match[2] ?? '';
  return { num: BigInt(match[1] + decimals), scale: 10n ** BigInt(decimals.length) };
}

/**
 * Contractual interest accrued by the end of `asOf` on a line's drawn principal (minor units):
 * each day's interest is the end-of-day principal × rate × one day of the day count (actual/365:
 * 1/365; 30E/360: the day's share of `dayCountDays`, so a whole month is 30/360), accumulated
 * exactly and floored once: floor(rate · Σ principal·days / basis). Each movement of signed
 * principal p on value date v counts p · days(v − 1, asOf), so the figure depends only on the
 * movements, never on how many closes there were, and the daily postings (differences of this
 * figure) never drift.
 */
export function lineInterestAccrued(
  rate: string,
  dayCount: LoanProduct['dayCount'],
  movements: readonly { readonly principal: number; readonly valueDate: string }[],
  asOf: string,
): number {
  const { num, scale } = exactRate(rate);
  let sum = 0n;
  for (const m of movements) {
    if (m.valueDate > asOf) continue;
    sum += BigInt(m.principal) * BigInt(dayCountDays(dayCount, isoDay(dayNumber(m.valueDate) - 1), asOf));
  }
  const basis = BigInt(dayCount === 'actual/365' ? 365 : 360);
  // Σ principal·days is the sum of the end-of-day principals, never negative: integer division floors.
  return Number((sum * num) / (scale * basis));
}

/**
 * Replays a line's movements in order and allocates each repayment interest first (the interest
 * accrued to the end of the day before it, `lineInterestAccrued`, not yet paid), then principal.
 * Throws `E_SERVICING_INPUT_INVALID` naming `amount` when a repayment exceeds what is owed then
 * (principal + unpaid interest) — a backdated movement is refused when it would leave a later
 * repayment paying more than was owed.
 */
export function allocateLineMovements(rate: string, dayCount: LoanProduct['dayCount'], movements: readonly LineMovement[]): LineAllocation[] {
  const principalMoves: { principal: number; valueDate: string }[] = [];
  let principal = 0;
  let interestPaid = 0;
  return movements.map((m) => {
    let allocation: LineAllocation;
    if (m.kind === 'draw') allocation = { interest: 0, principal: m.amount };
    else {
      const due = lineInterestAccrued(rate, dayCount, principalMoves, isoDay(dayNumber(m.valueDate) - 1)) - interestPaid;
      const interest = Math.min(m.amount, Math.max(0, due));
      if (m.amount - interest > principal)
        throw new CredoError('E_SERVICING_INPUT_INVALID', {
          what: 'amount',
          problem: `a repayment of ${m.amount} on ${m.valueDate} is more than the ${principal + Math.max(0, due)} minor units owed then (principal and interest)`,
        });
      allocation = { interest, principal: m.amount - interest };
      interestPaid += interest;
    }
    principal += m.kind === 'draw' ? allocation.principal : -allocation.principal;
    principalMoves.push({ principal: m.kind === 'draw' ? allocation.principal : -allocation.principal, valueDate: m.valueDate });
    return allocation;
  });
}
