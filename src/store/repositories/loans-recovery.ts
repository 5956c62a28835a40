import { CredoError } from '../../errors/index.js';
import type { LoanState } from '../../servicing/index.js';
import type { Queryable } from '../queryable.js';
import { auditLoan, checkValueDate, type LoanActor, lockLoan, moveState, priorTransaction, recordLoanTransaction, resync } from './loans-steps.js';
import { checkRecoveryAmount, type MovementInput, movementAuditDetails } from './money-movement.js';

/**
 * Records cash recovered on a written-off loan: Dr cash, Cr write-off expense (the write-off is
 * reversed by what comes back), capped at the amount still written off (422 above it). The loan
 * stays `written_off` until the whole write-off is recovered, then closes. A repeated
 * `externalId` returns the first answer (`replayed`), never a second posting.
 */
export async function recoverLoan(
  q: Queryable,
  loanId: string,
  input: MovementInput,
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
  checkRecoveryAmount(input.amount, loan.writtenOff - loan.recovered);
  const transactionId = await recordLoanTransaction(q, loan.id, 'recovery', input, actor);
  const recovered = loan.recovered + input.amount;
  await q.query('UPDATE loans SET recovered = $2 WHERE id = $1', [loan.id, recovered]);
  await resync(q, { ...loan, recovered }, actor.today, `recovery ${transactionId}`, input.valueDate);
  let state: LoanState = loan.state;
  if (recovered === loan.writtenOff) state = await moveState(q, loan, 'close', actor, 'write-off fully recovered');
  await auditLoan(q, actor, 'loan.recovery', loan.id, { ...movementAuditDetails(transactionId, input), recovered });
  return { transactionId, recovered, remaining: loan.writtenOff - recovered, state, replayed: false };
}
