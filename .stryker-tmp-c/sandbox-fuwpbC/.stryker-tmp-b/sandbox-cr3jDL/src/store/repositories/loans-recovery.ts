// @ts-nocheck
// 
import { randomUUID } from 'node:crypto';
import { CredoError } from '../../errors/index.js';
import type { LoanState } from '../../servicing/index.js';
import type { Queryable } from '../queryable.js';
import { auditLoan, checkValueDate, type LoanActor, lockLoan, moveState, priorTransaction, resync } from './loans-steps.js';

/**
 * Records cash recovered on a written-off loan: Dr cash, Cr write-off expense (the write-off is
 * reversed by what comes back), capped at the amount still written off (422 above it). The loan
 * stays `written_off` until the whole write-off is recovered, then closes. A repeated
 * `externalId` returns the first answer (`replayed`), never a second posting.
 */
export async function recoverLoan(
  q: Queryable,
  loanId: string,
  input: { amount: number; valueDate: string; externalId?: string | null },
  actor: LoanActor,
): Promise<{ transactionId: string; recovered: number; remaining: number; state: LoanState; replayed: boolean }> {
  const loan = await lockLoan(q, loanId);
  const prior = await priorTransaction(q, loan.id, 'recovery', input);
  if (prior !== undefined)
    return { transactionId: prior, recovered: loan.recovered, remaining: loan.writtenOff - loan.recovered, state: loan.state, replayed: true };
  if (loan.state !== 'written_off')
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: `cannot record a recovery on a loan that is ${loan.state}`,
      allowed: 'recoveries on written-off loans',
    });
  checkValueDate(loan, input.valueDate, actor.today);
  const remaining = loan.writtenOff - loan.recovered;
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0 || input.amount > remaining)
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'amount', problem: `must be 1..${remaining} minor units (the write-off not yet recovered)` });
  const transactionId = randomUUID();
  await q.query("INSERT INTO loan_transactions (id, loan_id, kind, amount, value_date, external_id, created_by) VALUES ($1, $2, 'recovery', $3, $4, $5, $6)", [
    transactionId,
    loan.id,
    input.amount,
    input.valueDate,
    input.externalId ?? null,
    actor.userId,
  ]);
  const recovered = loan.recovered + input.amount;
  await q.query('UPDATE loans SET recovered = $2 WHERE id = $1', [loan.id, recovered]);
  await resync(q, { ...loan, recovered }, actor.today, `recovery ${transactionId}`, input.valueDate);
  let state: LoanState = loan.state;
  if (recovered === loan.writtenOff) state = await moveState(q, loan, 'close', actor, 'write-off fully recovered');
  await auditLoan(q, actor, 'loan.recovery', loan.id, {
    transaction_id: transactionId,
    amount: input.amount,
    value_date: input.valueDate,
    external_id: input.externalId ?? null,
    recovered,
  });
  return { transactionId, recovered, remaining: loan.writtenOff - recovered, state, replayed: false };
}
