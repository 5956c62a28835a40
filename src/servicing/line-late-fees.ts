import { addMonths, dayNumber, isoDay } from './dates.js';
import { lineInterestAccrued } from './line-interest.js';
import type { LoanProduct } from './loan-product.js';

/** The statement terms the late-fee rule reads (a subset of `CREDIT_LINE_TERMS`). */
export interface LineStatementTerms {
  readonly dueDays: number;
  readonly minimumPrincipalRate: number;
  readonly minimumFloor: number;
}

/** A line's own terms: rate, day count, opening date and late fee (minor units; 0: none). */
export interface LineTerms {
  readonly rate: string;
  readonly dayCount: LoanProduct['dayCount'];
  readonly openedOn: string;
  readonly lateFee: number;
}

/** A movement already allocated: a draw is all principal; a repayment paid fees, interest, principal. */
export interface AllocatedLineMovement {
  readonly kind: 'draw' | 'repayment';
  readonly amount: number;
  readonly valueDate: string;
  readonly interest: number;
  readonly principal: number;
}

/** A late fee charged for a statement whose minimum was not covered by its due date. */
export interface LineLateFee {
  readonly statementDate: string;
  readonly dueDate: string;
  /** The day after the due date. */
  readonly chargedOn: string;
  readonly amount: number;
}

/**
 * The late fees charged by the end of `asOf` (the close's rule, `close-lines.ts`, in TypeScript):
 * statement k (opening + k months, clamped) bills the interest accrued since the previous one; its
 * own minimum is min(balance, max(floor, interest billed + 5% of the principal)); repayments count
 * towards the minimums already issued, oldest first (counted on date D = paid by D + min over
 * issued j of (Σ minimums to j − paid by statement j), j = 0: − paid by statement 1). When the
 * minimums through k are not counted by the due date, the line's late fee, capped by statement k's
 * own minimum, is charged the day after: once per missed statement. `movements` must hold every
 * movement dated up to `asOf` minus the due days (the fee depends on nothing later).
 */
export function lineLateFees(terms: LineStatementTerms, line: LineTerms, movements: readonly AllocatedLineMovement[], asOf: string): LineLateFee[] {
  if (line.lateFee <= 0) return [];
  const signed = movements.map((m) => ({ principal: m.kind === 'draw' ? m.principal : -m.principal, valueDate: m.valueDate }));
  const upTo = (date: string, f: (m: AllocatedLineMovement) => number) => movements.reduce((s, m) => (m.valueDate <= date ? s + f(m) : s), 0);
  const paidBy = (date: string) => upTo(date, (m) => (m.kind === 'repayment' ? m.amount : 0));
  const percent = Math.round(terms.minimumPrincipalRate * 100);
  const fees: LineLateFee[] = [];
  let accruedBefore = 0;
  let ncum = 0;
  let lowest = 0;
  for (let k = 1; ; k++) {
    const statementDate = addMonths(line.openedOn, k);
    const dueDate = isoDay(dayNumber(statementDate) + terms.dueDays);
    if (dueDate >= asOf) return fees;
    const principal = upTo(statementDate, (m) => (m.kind === 'draw' ? m.principal : -m.principal));
    const accrued = lineInterestAccrued(line.rate, line.dayCount, signed, statementDate);
    const interestPaid = upTo(statementDate, (m) => m.interest);
    const own = Math.min(principal + accrued - interestPaid, Math.max(terms.minimumFloor, accrued - accruedBefore + Math.round((principal * percent) / 100)));
    const paidAtStatement = paidBy(statementDate);
    if (k === 1) lowest = -paidAtStatement;
    ncum += own;
    lowest = Math.min(lowest, ncum - paidAtStatement);
    accruedBefore = accrued;
    const fee = Math.min(line.lateFee, own);
    if (paidBy(dueDate) + lowest < ncum && fee > 0) fees.push({ statementDate, dueDate, chargedOn: isoDay(dayNumber(dueDate) + 1), amount: fee });
  }
}
