// @ts-nocheck
import type { Queryable } from '../queryable.js';

/** A loan's money movement with its allocation over instalments (summed), reversal marks included. */
export interface LoanTransactionRow {
  readonly id: string;
  readonly kind: string;
  readonly amount: number;
  readonly valueDate: string;
  readonly reversed: boolean;
  readonly reversalReason: string | null;
  readonly allocation: { readonly penalty: number; readonly fees: number; readonly interest: number; readonly principal: number };
}

/** One daily close of a loan: dpd, bucket, IRAC class, NPA, IFRS 9 stage, ECL, provision and outstanding (minor units). */
export interface LoanCloseRow {
  readonly asOf: string;
  readonly dpd: number;
  readonly bucket: string;
  readonly iracClass: string;
  readonly npa: boolean;
  readonly stage: number;
  readonly ecl: number;
  readonly provision: number;
  readonly outstanding: number;
}

/** A ledger line of a loan's journals. */
export interface LoanLedgerRow {
  readonly seq: number;
  readonly journalId: string;
  readonly account: string;
  readonly debit: number;
  readonly credit: number;
  readonly valueDate: string;
  readonly memo: string;
}

/** A state command applied to a loan. */
export interface LoanStateRow {
  readonly command: string;
  readonly from: string | null;
  readonly to: string;
  readonly reason: string | null;
  readonly at: Date;
}

/**
 * Everything that happened to a loan, oldest first: transactions with their allocation, the last
 * `closes` daily closes, state changes and ledger lines (at most `ledger`). Money in minor units.
 */
export async function loanHistory(
  q: Queryable,
  loanId: string,
  limits: { readonly closes: number; readonly ledger: number },
): Promise<{ transactions: LoanTransactionRow[]; closes: LoanCloseRow[]; states: LoanStateRow[]; ledger: LoanLedgerRow[] }> {
  const tx = await q.query<Record<string, string | number | boolean | null>>(
    `SELECT t.id, t.kind, t.amount::text AS amount, t.value_date::text AS value_date, t.reversed_at IS NOT NULL AS reversed, t.reversal_reason,
            COALESCE(sum(a.penalty), 0)::text AS penalty, COALESCE(sum(a.fees), 0)::text AS fees,
            COALESCE(sum(a.interest), 0)::text AS interest, COALESCE(sum(a.principal), 0)::text AS principal
       FROM loan_transactions t LEFT JOIN loan_allocations a ON a.transaction_id = t.id
      WHERE t.loan_id = $1 GROUP BY t.id ORDER BY t.value_date, t.seq`,
    [loanId],
  );
  const closes = await q.query<Record<string, string | number | boolean>>(
    `SELECT * FROM (SELECT as_of::text AS as_of, dpd, bucket, irac_class, npa, ifrs9_stage, ecl::text AS ecl, provision::text AS provision, outstanding::text AS outstanding
       FROM loan_classifications WHERE loan_id = $1 ORDER BY as_of DESC LIMIT $2) c ORDER BY as_of`,
    [loanId, limits.closes],
  );
  const states = await q.query<{ command: string; from_state: string | null; to_state: string; reason: string | null; at: Date }>(
    'SELECT command, from_state, to_state, reason, at FROM loan_state_changes WHERE loan_id = $1 ORDER BY seq',
    [loanId],
  );
  const ledger = await q.query<Record<string, string | number>>(
    `SELECT seq::text AS seq, journal_id, account, debit::text AS debit, credit::text AS credit, value_date::text AS value_date, memo
       FROM ledger_entries WHERE loan_id = $1 ORDER BY seq LIMIT $2`,
    [loanId, limits.ledger],
  );
  return {
    transactions: tx.rows.map((r) => ({
      id: String(r.id),
      kind: String(r.kind),
      amount: Number(r.amount),
      valueDate: String(r.value_date),
      reversed: r.reversed === true,
      reversalReason: r.reversal_reason === null ? null : String(r.reversal_reason),
      allocation: { penalty: Number(r.penalty), fees: Number(r.fees), interest: Number(r.interest), principal: Number(r.principal) },
    })),
    closes: closes.rows.map((r) => ({
      asOf: String(r.as_of),
      dpd: Number(r.dpd),
      bucket: String(r.bucket),
      iracClass: String(r.irac_class),
      npa: r.npa === true,
      stage: Number(r.ifrs9_stage),
      ecl: Number(r.ecl),
      provision: Number(r.provision),
      outstanding: Number(r.outstanding),
    })),
    states: states.rows.map((r) => ({ command: r.command, from: r.from_state, to: r.to_state, reason: r.reason, at: r.at })),
    ledger: ledger.rows.map((r) => ({
      seq: Number(r.seq),
      journalId: String(r.journal_id),
      account: String(r.account),
      debit: Number(r.debit),
      credit: Number(r.credit),
      valueDate: String(r.value_date),
      memo: String(r.memo),
    })),
  };
}
