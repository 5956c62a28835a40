import { CredoError } from '../errors/index.js';
import { dayNumber, isoDay } from './dates.js';
import { lineInterestAccrued } from './line-interest.js';
import { type AllocatedLineMovement, lineLateFees } from './line-late-fees.js';
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
  /**
   * Late fee (minor units) of a line opened now (`credit_lines.late_fee`; lines opened before
   * migration 017 have none): charged the day after the due date of each statement whose minimum
   * was not covered by then, capped by that statement's own minimum; repayments pay it first.
   */
  lateFee: 2_500,
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

/** What a repayment paid: late fees first, then interest, then principal (a draw is all principal). */
export interface LineAllocation {
  readonly fee: number;
  readonly interest: number;
  readonly principal: number;
}

/**
 * Replays a line's movements in order and allocates each repayment to the late fees charged by its
 * value date and not yet paid (`lineLateFees`; none without `fees`), then the interest accrued to
 * the end of the day before it (`lineInterestAccrued`) not yet paid, then principal. Throws
 * `E_SERVICING_INPUT_INVALID` naming `amount` when a repayment exceeds what is owed then (principal,
 * unpaid interest and fees) — a backdated movement is refused when it would leave a later
 * repayment paying more than was owed.
 */
export function allocateLineMovements(
  rate: string,
  dayCount: LoanProduct['dayCount'],
  movements: readonly LineMovement[],
  fees: { readonly openedOn: string; readonly lateFee: number } = { openedOn: '0001-01-01', lateFee: 0 },
): LineAllocation[] {
  const principalMoves: { principal: number; valueDate: string }[] = [];
  const done: AllocatedLineMovement[] = [];
  let principal = 0;
  let interestPaid = 0;
  let feesPaid = 0;
  return movements.map((m) => {
    let allocation: LineAllocation;
    if (m.kind === 'draw') allocation = { fee: 0, interest: 0, principal: m.amount };
    else {
      const charged = lineLateFees(CREDIT_LINE_TERMS, { rate, dayCount, ...fees }, done, m.valueDate).reduce((s, f) => s + f.amount, 0);
      const fee = Math.min(m.amount, Math.max(0, charged - feesPaid));
      const due = lineInterestAccrued(rate, dayCount, principalMoves, isoDay(dayNumber(m.valueDate) - 1)) - interestPaid;
      const interest = Math.min(m.amount - fee, Math.max(0, due));
      if (m.amount - fee - interest > principal)
        throw new CredoError('E_SERVICING_INPUT_INVALID', {
          what: 'amount',
          problem: `a repayment of ${m.amount} on ${m.valueDate} is more than the ${principal + Math.max(0, due) + Math.max(0, charged - feesPaid)} minor units owed then (principal, interest and late fees)`,
        });
      allocation = { fee, interest, principal: m.amount - fee - interest };
      interestPaid += interest;
      feesPaid += fee;
    }
    principal += m.kind === 'draw' ? allocation.principal : -allocation.principal;
    principalMoves.push({ principal: m.kind === 'draw' ? allocation.principal : -allocation.principal, valueDate: m.valueDate });
    done.push({ ...m, interest: allocation.interest, principal: allocation.principal });
    return allocation;
  });
}
