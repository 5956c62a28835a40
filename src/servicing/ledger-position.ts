/** The ledger's accounts (a chart of accounts for a lender's loan book). */
export const ACCOUNTS = [
  'cash',
  'loan_portfolio',
  'interest_receivable',
  'interest_income',
  'fee_receivable',
  'fee_income',
  'customer_credit',
  'write_off_expense',
  'provisions',
  'provision_expense',
] as const;

/** A ledger account. */
export type Account = (typeof ACCOUNTS)[number];

/** One posting line: exactly one of debit and credit is positive (minor units). */
export interface Posting {
  readonly account: Account;
  readonly debit: number;
  readonly credit: number;
}

/** Signed balances per account, debit positive; they always sum to zero. */
export type Position = Readonly<Record<Account, number>>;

/** The money facts of one loan that its ledger position follows from (minor units). */
export interface LoanMoney {
  readonly disbursed: number;
  readonly principalPaid: number;
  readonly interestPaid: number;
  /** Fees and late fees paid. */
  readonly feesPaid: number;
  /** Overpayments held for the borrower. */
  readonly excess: number;
  /** Principal written off. */
  readonly writtenOff: number;
  /** Cash recovered after write-off. */
  readonly recovered: number;
  /** The provision held (allowance). */
  readonly provision: number;
  /**
   * Interest income the daily close has recognised on the loan (its last classification's
   * `accrued`, 0 before any close): income is the larger of it and the interest paid, the
   * receivable what is recognised but not yet paid.
   */
  readonly interestAccrued: number;
}

/**
 * The ledger position a loan's money facts imply. Balanced by construction: cash received (Σ paid
 * + recoveries) less cash lent is matched by principal repaid (portfolio), interest income (what
 * the close accrued or, when more, what was paid) less the receivable still unpaid, fee income,
 * the borrower's credit, the write-off (an expense, reduced by recoveries) and the provision
 * (allowance against its expense). Credit balances are `0 − x`, never −0.
 */
export function loanPosition(m: LoanMoney): Position {
  const received = m.principalPaid + m.interestPaid + m.feesPaid + m.excess;
  const income = Math.max(m.interestAccrued, m.interestPaid);
  return {
    cash: received + m.recovered - m.disbursed,
    loan_portfolio: m.disbursed - m.principalPaid - m.writtenOff,
    interest_receivable: income - m.interestPaid,
    interest_income: 0 - income,
    // A loan's fees are income when paid (a credit line's late fees are receivable when charged).
    fee_receivable: 0,
    fee_income: 0 - m.feesPaid,
    customer_credit: 0 - m.excess,
    write_off_expense: m.writtenOff - m.recovered,
    provisions: 0 - m.provision,
    provision_expense: m.provision,
  };
}

/**
 * The journal that moves the ledger from position `before` to `after`: one posting per account
 * whose balance changes (debit for an increase of its debit balance). Corrections are never
 * edits: a reversal or a backdated payment posts the difference. Balanced when both are.
 */
export function journalBetween(before: Position, after: Position): Posting[] {
  const out: Posting[] = [];
  for (const account of ACCOUNTS) {
    const delta = after[account] - before[account];
    if (delta > 0) out.push({ account, debit: delta, credit: 0 });
    else if (delta < 0) out.push({ account, debit: 0, credit: -delta });
  }
  return out;
}

/** The empty position (every account zero). */
export const ZERO_POSITION: Position = Object.fromEntries(ACCOUNTS.map((a) => [a, 0])) as Position;
