import { randomUUID } from 'node:crypto';
import { CredoError } from '../../errors/index.js';
import type { Posting } from '../../servicing/index.js';
import type { Queryable } from '../queryable.js';
import { auditCreditLine, type CreditLine, getCreditLine } from './credit-lines.js';
import { postJournal } from './ledger.js';
import type { LoanActor } from './loans-steps.js';
import { checkRecoveryAmount, type MovementInput, movementAuditDetails } from './money-movement.js';

/** The commands a line's state allows (named in a 409). */
const ALLOWED: Record<CreditLine['state'], string> = {
  active: 'draw, repayment, write_off',
  written_off: 'recovery',
  closed: 'none',
};

async function lockLine(q: Queryable, lineId: string): Promise<CreditLine> {
  const line = await getCreditLine(q, lineId, { forUpdate: true });
  if (line === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'credit line', id: lineId });
  return line;
}

function conflict(line: CreditLine, command: string): CredoError {
  return new CredoError('E_SERVICING_CONFLICT', { problem: `cannot ${command} credit line ${line.id}: it is ${line.state}`, allowed: ALLOWED[line.state] });
}

/**
 * Writes off an active credit line: Dr write-off expense, Cr the loan portfolio (drawn principal)
 * and the interest and fee receivables the line's ledger holds; its provision is released (Dr
 * allowance, Cr provision expense). The line becomes `written_off`: no draws or repayments, and
 * the daily close no longer classifies it. 409 naming the allowed commands when not active.
 */
export async function writeOffCreditLine(
  q: Queryable,
  lineId: string,
  reason: string,
  actor: LoanActor,
): Promise<{ state: CreditLine['state']; writtenOff: number }> {
  const line = await lockLine(q, lineId);
  if (line.state !== 'active') throw conflict(line, 'write off');
  const { rows } = await q.query<{ account: string; balance: string }>(
    `SELECT account, sum(debit) - sum(credit) AS balance FROM ledger_entries
      WHERE line_id = $1 AND account IN ('loan_portfolio', 'interest_receivable', 'fee_receivable', 'provisions') GROUP BY account`,
    [line.id],
  );
  const held = (account: string) => Number(rows.find((r) => r.account === account)?.balance ?? 0);
  const assets = (['loan_portfolio', 'interest_receivable', 'fee_receivable'] as const).map((account) => ({ account, amount: held(account) }));
  const writtenOff = assets.reduce((s, a) => s + a.amount, 0);
  const allowance = -held('provisions');
  const postings: Posting[] = [
    { account: 'write_off_expense', debit: Math.max(writtenOff, 0), credit: Math.max(-writtenOff, 0) },
    ...assets.map((a) => ({ account: a.account, debit: Math.max(-a.amount, 0), credit: Math.max(a.amount, 0) })),
    { account: 'provisions', debit: Math.max(allowance, 0), credit: Math.max(-allowance, 0) },
    { account: 'provision_expense', debit: Math.max(-allowance, 0), credit: Math.max(allowance, 0) },
  ];
  await q.query("UPDATE credit_lines SET state = 'written_off', written_off = $2, written_off_on = $3, provision = 0, ecl = 0 WHERE id = $1", [
    line.id,
    writtenOff,
    actor.today,
  ]);
  await postJournal(q, {
    loanId: null,
    lineId: line.id,
    postings: postings.filter((p) => p.debit > 0 || p.credit > 0),
    valueDate: actor.today,
    memo: `credit line ${line.id} write-off`,
  });
  await auditCreditLine(q, actor, 'credit_line.write_off', line.id, { amount: writtenOff, provision_released: allowance, reason });
  return { state: 'written_off', writtenOff };
}

/**
 * Records cash recovered on a written-off line: Dr cash, Cr write-off expense, up to the amount
 * still written off (422 above it; value date from the write-off to today). The line closes when
 * the whole write-off is recovered. A repeated `externalId` returns the first answer (`replayed`);
 * the same id with other figures is 409. 409 naming the allowed commands when not written off.
 */
export async function recoverCreditLine(
  q: Queryable,
  lineId: string,
  input: MovementInput,
  actor: LoanActor,
): Promise<{ transactionId: string; state: CreditLine['state']; recovered: number; remaining: number; replayed: boolean }> {
  const line = await lockLine(q, lineId);
  if (input.externalId != null) {
    const { rows } = await q.query<{ id: string; line_id: string; amount: string; value_date: string }>(
      "SELECT id, line_id, amount, to_char(value_date, 'YYYY-MM-DD') AS value_date FROM credit_line_recoveries WHERE external_id = $1",
      [input.externalId],
    );
    const prior = rows[0];
    if (prior !== undefined) {
      if (prior.line_id !== line.id || Number(prior.amount) !== input.amount || prior.value_date !== input.valueDate)
        throw new CredoError('E_STORE_DUPLICATE', { entity: 'recovery', field: 'external_id', value: input.externalId });
      return { transactionId: prior.id, state: line.state, recovered: line.recovered, remaining: line.writtenOff - line.recovered, replayed: true };
    }
  }
  if (line.state !== 'written_off') throw conflict(line, 'record a recovery on');
  const from =
    (await q.query<{ d: string }>("SELECT to_char(written_off_on, 'YYYY-MM-DD') AS d FROM credit_lines WHERE id = $1", [line.id])).rows[0]?.d ?? line.openedOn;
  if (input.valueDate < from || input.valueDate > actor.today)
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'value_date', problem: `must be ${from}..${actor.today}, got ${input.valueDate}` });
  checkRecoveryAmount(input.amount, line.writtenOff - line.recovered);
  const transactionId = randomUUID();
  await q.query('INSERT INTO credit_line_recoveries (id, line_id, amount, value_date, external_id, created_by) VALUES ($1, $2, $3, $4, $5, $6)', [
    transactionId,
    line.id,
    input.amount,
    input.valueDate,
    input.externalId ?? null,
    actor.userId,
  ]);
  const recovered = line.recovered + input.amount;
  const state = recovered === line.writtenOff ? 'closed' : 'written_off';
  await q.query('UPDATE credit_lines SET recovered = $2, state = $3 WHERE id = $1', [line.id, recovered, state]);
  await postJournal(q, {
    loanId: null,
    lineId: line.id,
    postings: [
      { account: 'cash', debit: input.amount, credit: 0 },
      { account: 'write_off_expense', debit: 0, credit: input.amount },
    ],
    valueDate: input.valueDate,
    memo: `credit line ${line.id} recovery ${transactionId}`,
  });
  await auditCreditLine(q, actor, 'credit_line.recovery', line.id, { ...movementAuditDetails(transactionId, input), recovered });
  return { transactionId, state, recovered, remaining: line.writtenOff - recovered, replayed: false };
}
