import { randomUUID } from 'node:crypto';
import { CredoError } from '../../errors/index.js';
import { type Allocation, dayNumber, journalBetween, type LoanCommand, type LoanState, loanPosition, nextState } from '../../servicing/index.js';
import type { Queryable } from '../queryable.js';
import { appendAudit } from './audit.js';
import { refreshPaidTotals } from './instalment-paid.js';
import { loanLedgerPosition, postJournal } from './ledger.js';
import { getLoan, type Loan, loanPositionOf } from './loans.js';
import type { MovementInput } from './money-movement.js';
import type { Role } from './users.js';

// The steps every loan command is made of (lock, check, replay and post, move state, audit),
// shared by loans-commands.ts, loans-reschedule.ts and loans-recovery.ts.

/** Who runs a loan command, when (the business date `today`, YYYY-MM-DD) and for which request. */
export interface LoanActor {
  readonly userId: string | null;
  readonly role: Role | 'system';
  readonly requestId?: string | null;
  readonly today: string;
}

/** Appends one row to the loan's state history (who, which command, from → to, why). */
export async function recordStateChange(
  q: Queryable,
  loanId: string,
  command: LoanCommand | 'create',
  from: LoanState | null,
  to: LoanState,
  actor: LoanActor,
  reason: string | null,
): Promise<void> {
  await q.query('INSERT INTO loan_state_changes (loan_id, command, from_state, to_state, reason, actor_id) VALUES ($1, $2, $3, $4, $5, $6)', [
    loanId,
    command,
    from,
    to,
    reason,
    actor.userId,
  ]);
}

/** Appends an audit entry about a loan. */
export async function auditLoan(q: Queryable, actor: LoanActor, action: string, loanId: string, details: Record<string, unknown>): Promise<void> {
  await appendAudit(q, { actorId: actor.userId, actorRole: actor.role, action, entity: 'loan', entityId: loanId, requestId: actor.requestId ?? null, details });
}

/** The loan, locked until the transaction ends (payments and the close queue on it); 404 when unknown. */
export async function lockLoan(q: Queryable, loanId: string): Promise<Loan> {
  const loan = await getLoan(q, loanId, { forUpdate: true });
  if (loan === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'loan', id: loanId });
  return loan;
}

/**
 * Checks a transaction's value date: not in the future, not before the disbursement, and not
 * before the loan's last prepayment or restructure (its schedule was rebuilt from the payments
 * up to that date, so earlier ones can no longer be added or reversed: 409).
 */
export function checkValueDate(loan: Loan, valueDate: string, today: string): void {
  const day = dayNumber(valueDate, 'value_date');
  if (day > dayNumber(today))
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'value_date', problem: `${valueDate} is in the future (today is ${today})` });
  if (loan.disbursedOn !== null && valueDate < loan.disbursedOn)
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'value_date', problem: `${valueDate} is before the disbursement on ${loan.disbursedOn}` });
  checkAfterReschedule(loan, valueDate);
}

/** 409 when `valueDate` is before the loan's last prepayment or restructure. */
export function checkAfterReschedule(loan: Loan, valueDate: string): void {
  if (loan.rescheduledOn !== null && valueDate < loan.rescheduledOn)
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: `${valueDate} is before the schedule change of ${loan.rescheduledOn}`,
      allowed: `transactions dated ${loan.rescheduledOn} or later`,
    });
}

/** The value date of the loan's last live repayment or prepayment, or null. */
export async function lastPaymentDate(q: Queryable, loanId: string): Promise<string | null> {
  const { rows } = await q.query<{ d: string | null }>(
    "SELECT to_char(max(value_date), 'YYYY-MM-DD') AS d FROM loan_transactions WHERE loan_id = $1 AND kind IN ('repayment', 'prepayment') AND reversed_at IS NULL",
    [loanId],
  );
  return rows[0]?.d ?? null;
}

/** The kinds of loan transaction a caller moves money with (the disbursement is the loan's own). */
export type LoanMovementKind = 'repayment' | 'prepayment' | 'recovery';

/** Stores a repayment, prepayment or recovery of the loan under a new id, with its external id and author; returns the id. */
export async function recordLoanTransaction(q: Queryable, loanId: string, kind: LoanMovementKind, input: MovementInput, actor: LoanActor): Promise<string> {
  const transactionId = randomUUID();
  await q.query('INSERT INTO loan_transactions (id, loan_id, kind, amount, value_date, external_id, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    transactionId,
    loanId,
    kind,
    input.amount,
    input.valueDate,
    input.externalId ?? null,
    actor.userId,
  ]);
  return transactionId;
}

/**
 * The transaction already recorded under `externalId`, if any: its id when it is the same
 * movement (loan, kind, amount, value date) — a retry — and 409 `E_STORE_DUPLICATE` when the id
 * was used for another one.
 */
export async function priorTransaction(q: Queryable, loanId: string, kind: LoanMovementKind, input: MovementInput): Promise<string | undefined> {
  if (input.externalId == null) return undefined;
  const { rows } = await q.query<{ id: string; loan_id: string; kind: string; amount: string; value_date: string }>(
    "SELECT id, loan_id, kind, amount, to_char(value_date, 'YYYY-MM-DD') AS value_date FROM loan_transactions WHERE external_id = $1",
    [input.externalId],
  );
  const prior = rows[0];
  if (prior === undefined) return undefined;
  if (prior.loan_id !== loanId || prior.kind !== kind || Number(prior.amount) !== input.amount || prior.value_date !== input.valueDate)
    throw new CredoError('E_STORE_DUPLICATE', { entity: kind, field: 'external_id', value: input.externalId });
  return prior.id;
}

/**
 * Replays the loan as of `today` after a change to its facts, rewrites its derived allocation
 * rows, and posts the journal from its ledger position to the position its facts now imply
 * (so a reversal or a backdated payment posts only the difference). Returns the replay.
 */
export async function resync(q: Queryable, loan: Loan, today: string, memo: string, valueDate: string) {
  const { position, classification, schedule } = await loanPositionOf(q, loan, today);
  await q.query('DELETE FROM loan_allocations WHERE loan_id = $1', [loan.id]);
  const rows: [string, number, string, number, number, number, number][] = [];
  const dateOf = new Map(
    (
      await q.query<{ id: string; d: string }>("SELECT id, to_char(value_date, 'YYYY-MM-DD') AS d FROM loan_transactions WHERE loan_id = $1", [loan.id])
    ).rows.map((r) => [r.id, r.d]),
  );
  for (const [txId, a] of position.allocations) {
    const byN = new Map<number, Record<'penalty' | 'fees' | 'interest' | 'principal', number>>();
    for (const part of a.parts) {
      const v = byN.get(part.n) ?? { penalty: 0, fees: 0, interest: 0, principal: 0 };
      v[part.component] += part.amount;
      byN.set(part.n, v);
    }
    for (const [n, v] of byN) rows.push([txId, n, dateOf.get(txId) as string, v.penalty, v.fees, v.interest, v.principal]);
  }
  if (rows.length > 0) {
    await q.query(
      `INSERT INTO loan_allocations (transaction_id, loan_id, n, value_date, penalty, fees, interest, principal)
       SELECT t, $1, n, d, p, f, i, pr FROM unnest($2::uuid[], $3::int[], $4::date[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[]) AS x(t, n, d, p, f, i, pr)`,
      [loan.id, ...[0, 1, 2, 3, 4, 5, 6].map((k) => rows.map((r) => r[k]))],
    );
  }
  await refreshPaidTotals(q, loan.id);
  const disbursed = loan.disbursedOn === null ? 0 : loan.principal;
  // A repaid or written-off loan needs no allowance: its provision is released.
  const provision = position.outstandingTotal === 0 || loan.writtenOff > 0 ? 0 : loan.provision;
  const a = position.allocated;
  const target = loanPosition({
    disbursed,
    principalPaid: a.principal,
    interestPaid: a.interest,
    feesPaid: a.fees + a.penalty,
    excess: a.excess,
    writtenOff: loan.writtenOff,
    recovered: loan.recovered,
    provision,
    // Written off: interest accrued but unpaid is no longer income.
    interestAccrued: loan.writtenOff > 0 ? 0 : loan.interestAccrued,
  });
  await postJournal(q, { loanId: loan.id, postings: journalBetween(await loanLedgerPosition(q, loan.id), target), valueDate, memo });
  await q.query('UPDATE loans SET outstanding_principal = $2, provision = $3 WHERE id = $1', [
    loan.id,
    Math.max(0, position.outstandingPrincipal - loan.writtenOff),
    provision,
  ]);
  return { position, classification, schedule };
}

/** Moves the loan by `command` (409 naming the allowed commands when illegal) and records the change. */
export async function moveState(q: Queryable, loan: Loan, command: LoanCommand, actor: LoanActor, reason: string): Promise<LoanState> {
  const to = nextState(loan.state, command);
  await q.query('UPDATE loans SET state = $2 WHERE id = $1', [loan.id, to]);
  await recordStateChange(q, loan.id, command, loan.state, to, actor, reason);
  return to;
}

/** An allocation without its per-instalment parts. */
export function stripParts(a: Allocation): Allocation {
  return { penalty: a.penalty, fees: a.fees, interest: a.interest, principal: a.principal, excess: a.excess };
}
