// @ts-nocheck
// 
import { randomUUID } from 'node:crypto';
import { ACCOUNTS, type Account, type Position, type Posting, ZERO_POSITION } from '../../servicing/index.js';
import type { Queryable } from '../queryable.js';

/**
 * Appends one balanced journal (all its postings share a journal id) in the caller's
 * transaction. Refuses (throws) an unbalanced journal; an empty one writes nothing. Returns the
 * journal id, or null when there was nothing to post.
 */
export async function postJournal(
  q: Queryable,
  j: { loanId: string | null; postings: readonly Posting[]; valueDate: string; memo: string },
): Promise<string | null> {
  if (j.postings.length === 0) return null;
  const debits = j.postings.reduce((s, p) => s + p.debit, 0);
  const credits = j.postings.reduce((s, p) => s + p.credit, 0);
  if (debits !== credits) throw new Error(`unbalanced journal (${debits} ≠ ${credits}): ${j.memo}`);
  const journalId = randomUUID();
  await q.query(
    `INSERT INTO ledger_entries (journal_id, loan_id, account, debit, credit, value_date, memo)
     SELECT $1, $2, a, d, c, $6::date, $7 FROM unnest($3::text[], $4::bigint[], $5::bigint[]) AS t(a, d, c)`,
    [journalId, j.loanId, j.postings.map((p) => p.account), j.postings.map((p) => p.debit), j.postings.map((p) => p.credit), j.valueDate, j.memo],
  );
  return journalId;
}

/** The ledger position of one loan (debit balances positive), from its entries. */
export async function loanLedgerPosition(q: Queryable, loanId: string): Promise<Position> {
  const { rows } = await q.query<{ account: Account; balance: string }>(
    'SELECT account, sum(debit) - sum(credit) AS balance FROM ledger_entries WHERE loan_id = $1 GROUP BY account',
    [loanId],
  );
  const out: Record<Account, number> = { ...ZERO_POSITION };
  for (const r of rows) out[r.account] = Number(r.balance);
  return out;
}

/** The trial balance: Σ debits, Σ credits (minor units) and each account's balance (debit positive). */
export async function trialBalance(
  q: Queryable,
): Promise<{ debits: number; credits: number; accounts: { account: Account; debit: number; credit: number }[] }> {
  const { rows } = await q.query<{ account: Account; debit: string; credit: string }>(
    'SELECT account, sum(debit) AS debit, sum(credit) AS credit FROM ledger_entries GROUP BY account',
  );
  const byAccount = new Map(rows.map((r) => [r.account, r]));
  const accounts = ACCOUNTS.map((account) => ({
    account,
    debit: Number(byAccount.get(account)?.debit ?? 0),
    credit: Number(byAccount.get(account)?.credit ?? 0),
  }));
  return { debits: accounts.reduce((s, a) => s + a.debit, 0), credits: accounts.reduce((s, a) => s + a.credit, 0), accounts };
}
