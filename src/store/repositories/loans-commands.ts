import { randomUUID } from 'node:crypto';
import { CredoError } from '../../errors/index.js';
import { parseCurrency, parseMoney, toMinor } from '../../finance/index.js';
import {
  type Allocation,
  buildSchedule,
  checkLoanTerms,
  type Instalment,
  journalBetween,
  type LoanState,
  nextState,
  ZERO_POSITION,
} from '../../servicing/index.js';
import type { Queryable } from '../queryable.js';
import { timeOrderedId } from '../time-ordered-id.js';
import { getApplication } from './applications.js';
import { getDecision } from './decisions.js';
import { loanLedgerPosition, postJournal } from './ledger.js';
import { ensureDefaultProduct, getLatestProduct, getLoanIdOfApplication, type Loan, loanPositionOf } from './loans.js';
import {
  auditLoan,
  checkAfterReschedule,
  checkValueDate,
  type LoanActor,
  lockLoan,
  moveState,
  priorTransaction,
  recordLoanTransaction,
  recordStateChange,
  resync,
  stripParts,
} from './loans-steps.js';
import { type MovementInput, movementAuditDetails } from './money-movement.js';
import { isUuid } from './page.js';

export type { LoanActor } from './loans-steps.js';

/**
 * Creates a loan from an approved application (state `approved`: the decision approved it) or a
 * referred one (state `submitted`: a loan officer approves or rejects it with a transition).
 * Amount = the requested amount capped at the decision's limit; rate = the decision's price (or,
 * for an unpriced referral, the reviewer's `annualRate` or the application's `interest_rate`); term = the application's `term_months` (36 when absent).
 * 404 for an unknown application, 409 when it is declined or undecided or already has a loan.
 */
export async function createLoan(
  q: Queryable,
  input: { applicationId: string; productId?: string; annualRate?: string },
  actor: LoanActor,
): Promise<{ id: string; state: LoanState }> {
  const application = await getApplication(q, input.applicationId, { forUpdate: true });
  if (application === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'application', id: input.applicationId });
  if (application.action !== 'approve' && application.action !== 'refer')
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: `application ${application.id} is ${application.action ?? 'undecided'}, not approved or referred`,
      allowed: 'loans from approved or referred applications only',
    });
  const existing = await getLoanIdOfApplication(q, application.id);
  if (existing !== undefined)
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: `application ${application.id} already has loan ${existing}`,
      allowed: 'one loan per application',
    });
  const defaults = await ensureDefaultProduct(q);
  const product = input.productId === undefined ? defaults : await getLatestProduct(q, input.productId);
  if (product === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'loan product', id: input.productId ?? '' });
  const decision = await getDecision(q, application.decisionId as string);
  const data = application.input;
  const currency = decision?.currency == null ? product.currency : parseCurrency(decision.currency);
  const requested = typeof data.requested_amount === 'number' ? toMinor(data.requested_amount, currency) : undefined;
  const limit = decision?.limit == null ? undefined : parseMoney(decision.limit, currency);
  const principal = Math.min(requested ?? limit ?? Number.NaN, limit ?? Number.POSITIVE_INFINITY);
  if (!Number.isFinite(principal))
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'amount', problem: 'the application has no requested_amount and its decision no limit' });
  if (input.annualRate !== undefined && decision?.rate != null)
    throw new CredoError('E_SERVICING_INPUT_INVALID', {
      what: 'annual_rate',
      problem: `the decision priced the loan at ${decision.rate}; a rate is given only for an unpriced (referred) one`,
    });
  const rate = input.annualRate ?? decision?.rate ?? (typeof data.interest_rate === 'number' ? String(data.interest_rate) : undefined);
  if (rate === undefined)
    throw new CredoError('E_SERVICING_INPUT_INVALID', {
      what: 'rate',
      problem: 'the decision has no price: give annual_rate (or the application an interest_rate)',
    });
  const term = typeof data.term_months === 'number' ? data.term_months : 36;
  checkLoanTerms(product, principal, term);
  // A referred application becomes a loan awaiting manual approval (`submitted`).
  const state: LoanState = application.action === 'approve' ? 'approved' : 'submitted';
  // Time-ordered, so the loans' rows lie in id order: the daily close reads them by id range.
  const id = timeOrderedId();
  await q.query(
    `INSERT INTO loans (id, application_id, product_id, product_version, state, currency, principal, annual_rate, term_months, pd, created_by)
     VALUES ($1, $2, $3, $4, $11, $5, $6, $7::numeric, $8, $9, $10)`,
    [id, application.id, product.id, product.version, currency.code, principal, rate, term, decision?.pd ?? 0, actor.userId, state],
  );
  // The product as the loan was made under it, kept apart from the loan's row (migration 015).
  await q.query('INSERT INTO loan_product_snapshots (loan_id, product) VALUES ($1, $2::jsonb)', [id, JSON.stringify(product)]);
  await recordStateChange(q, id, 'create', null, 'submitted', actor, state === 'submitted' ? `decision ${application.decisionId} referred` : null);
  if (state === 'approved') await recordStateChange(q, id, 'approve', 'submitted', 'approved', actor, `decision ${application.decisionId}`);
  await auditLoan(q, actor, 'loan.create', id, {
    application_id: application.id,
    product: `${product.id}@${product.version}`,
    principal,
    rate,
    term_months: term,
    state,
  });
  return { id, state };
}

/** Disburses an approved loan on `valueDate`: builds and stores its schedule, posts cash out and the loan asset. */
export async function disburseLoan(q: Queryable, loanId: string, valueDate: string, actor: LoanActor): Promise<{ loan: Loan; schedule: Instalment[] }> {
  const loan = await lockLoan(q, loanId);
  const to = nextState(loan.state, 'disburse');
  checkValueDate(loan, valueDate, actor.today);
  const schedule = buildSchedule(loan.product, loan.principal, Number(loan.annualRate), loan.termMonths, valueDate);
  await q.query(
    `INSERT INTO loan_instalments (loan_id, n, due_date, principal, interest, fees)
     SELECT $1, n, d, p, i, f FROM unnest($2::int[], $3::date[], $4::bigint[], $5::bigint[], $6::bigint[]) AS x(n, d, p, i, f)`,
    [
      loan.id,
      schedule.map((i) => i.n),
      schedule.map((i) => i.dueDate),
      schedule.map((i) => i.principal),
      schedule.map((i) => i.interest),
      schedule.map((i) => i.fees),
    ],
  );
  await q.query("INSERT INTO loan_transactions (id, loan_id, kind, amount, value_date, created_by) VALUES ($1, $2, 'disbursement', $3, $4, $5)", [
    randomUUID(),
    loan.id,
    loan.principal,
    valueDate,
    actor.userId,
  ]);
  await q.query('UPDATE loans SET state = $2, disbursed_on = $3 WHERE id = $1', [loan.id, to, valueDate]);
  const updated = { ...loan, state: to, disbursedOn: valueDate };
  await resync(q, updated, actor.today, 'disbursement', valueDate);
  await recordStateChange(q, loan.id, 'disburse', loan.state, to, actor, null);
  await auditLoan(q, actor, 'loan.disburse', loan.id, { value_date: valueDate, principal: loan.principal, instalments: schedule.length });
  return { loan: updated, schedule };
}

/**
 * Records a repayment and replays the loan (backdated payments allowed back to the
 * disbursement). A repeated `externalId` with the same loan, amount and date returns the stored
 * allocation (`replayed`), never a second posting; with different values it is a 409.
 */
export async function recordRepayment(
  q: Queryable,
  loanId: string,
  input: MovementInput,
  actor: LoanActor,
): Promise<{ transactionId: string; allocation: Allocation; replayed: boolean; state: LoanState }> {
  const loan = await lockLoan(q, loanId);
  const prior = await priorTransaction(q, loan.id, 'repayment', input);
  if (prior !== undefined) {
    const { position } = await loanPositionOf(q, loan, actor.today);
    const allocation = position.allocations.get(prior) ?? { penalty: 0, fees: 0, interest: 0, principal: 0, excess: 0 };
    return { transactionId: prior, allocation: stripParts(allocation), replayed: true, state: loan.state };
  }
  if (loan.state !== 'active')
    throw new CredoError('E_SERVICING_CONFLICT', { problem: `cannot take a repayment on a loan that is ${loan.state}`, allowed: 'repayments on active loans' });
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'amount', problem: 'must be positive' });
  checkValueDate(loan, input.valueDate, actor.today);
  const transactionId = await recordLoanTransaction(q, loan.id, 'repayment', input, actor);
  const { position } = await resync(q, loan, actor.today, `repayment ${transactionId}`, input.valueDate);
  const allocation = stripParts(position.allocations.get(transactionId) as Allocation);
  let state: LoanState = loan.state;
  if (position.outstandingTotal === 0) state = await moveState(q, loan, 'close', actor, 'all obligations met');
  await auditLoan(q, actor, 'loan.repayment', loan.id, { ...movementAuditDetails(transactionId, input), allocation });
  return { transactionId, allocation, replayed: false, state };
}

/** Reverses a repayment (never deleted: marked, and the loan replayed without it); a closed loan it had closed reopens. */
export async function reverseRepayment(q: Queryable, loanId: string, transactionId: string, reason: string, actor: LoanActor): Promise<{ state: LoanState }> {
  const loan = await lockLoan(q, loanId);
  const { rows } = await q.query<{ kind: string; value_date: string }>(
    "SELECT kind, to_char(value_date, 'YYYY-MM-DD') AS value_date FROM loan_transactions WHERE id = $1 AND loan_id = $2 AND reversed_at IS NULL",
    [isUuid(transactionId) ? transactionId : null, loan.id],
  );
  const tx = rows[0];
  if (tx === undefined || !['repayment', 'prepayment'].includes(tx.kind))
    throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'unreversed repayment', id: transactionId });
  if (tx.kind === 'prepayment' || loan.writtenOff > 0)
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: tx.kind === 'prepayment' ? 'a prepayment rebuilt the schedule and cannot be reversed' : `loan ${loan.id} is written off`,
      allowed: 'a restructure to correct the schedule',
    });
  checkAfterReschedule(loan, tx.value_date);
  await q.query('UPDATE loan_transactions SET reversed_at = now(), reversed_by = $2, reversal_reason = $3 WHERE id = $1', [
    transactionId,
    actor.userId,
    reason,
  ]);
  const { position } = await resync(q, loan, actor.today, `reversal of ${transactionId}`, actor.today);
  let state = loan.state;
  if (state === 'closed' && position.outstandingTotal > 0) state = await moveState(q, loan, 'reopen', actor, `reversal of ${transactionId}`);
  await auditLoan(q, actor, 'loan.repayment.reverse', loan.id, { transaction_id: transactionId, reason });
  return { state };
}

/** Writes off an active loan's outstanding principal (expense against the portfolio). */
export async function writeOffLoan(q: Queryable, loanId: string, reason: string, actor: LoanActor): Promise<{ state: LoanState; writtenOff: number }> {
  const loan = await lockLoan(q, loanId);
  nextState(loan.state, 'write_off');
  const { position } = await loanPositionOf(q, loan, actor.today);
  const writtenOff = position.outstandingPrincipal;
  await q.query('UPDATE loans SET written_off = $2 WHERE id = $1', [loan.id, writtenOff]);
  await resync(q, { ...loan, writtenOff }, actor.today, 'write-off', actor.today);
  const state = await moveState(q, loan, 'write_off', actor, reason);
  await auditLoan(q, actor, 'loan.write_off', loan.id, { amount: writtenOff, reason });
  return { state, writtenOff };
}

/**
 * Undoes a disbursement made in error: only while no live repayment exists and the schedule was
 * never prepaid or restructured (409 otherwise). The
 * disbursement is marked reversed (kept), the schedule dropped, the loan back to `approved`, and
 * the ledger brought back to zero for the loan by one correcting journal.
 */
export async function undoDisbursement(q: Queryable, loanId: string, reason: string, actor: LoanActor): Promise<{ state: LoanState }> {
  const loan = await lockLoan(q, loanId);
  nextState(loan.state, 'undo_disbursement');
  if (loan.rescheduledOn !== null)
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: `loan ${loan.id} was prepaid or restructured on ${loan.rescheduledOn}`,
      allowed: 'undo_disbursement before any schedule change',
    });
  const { rows } = await q.query<{ n: string }>(
    "SELECT count(*) AS n FROM loan_transactions WHERE loan_id = $1 AND kind IN ('repayment', 'prepayment') AND reversed_at IS NULL",
    [loan.id],
  );
  if (Number(rows[0]?.n) > 0)
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: `loan ${loan.id} has ${rows[0]?.n} live repayments`,
      allowed: 'undo_disbursement after reversing them',
    });
  await q.query(
    "UPDATE loan_transactions SET reversed_at = now(), reversed_by = $2, reversal_reason = $3 WHERE loan_id = $1 AND kind = 'disbursement' AND reversed_at IS NULL",
    [loan.id, actor.userId, reason],
  );
  await q.query('DELETE FROM loan_allocations WHERE loan_id = $1', [loan.id]);
  await q.query('DELETE FROM loan_instalments WHERE loan_id = $1', [loan.id]);
  await q.query('UPDATE loans SET disbursed_on = NULL, outstanding_principal = 0, provision = 0, ecl = 0, npa_since = NULL WHERE id = $1', [loan.id]);
  await postJournal(q, {
    loanId: loan.id,
    postings: journalBetween(await loanLedgerPosition(q, loan.id), ZERO_POSITION),
    valueDate: actor.today,
    memo: 'undo disbursement',
  });
  const state = await moveState(q, loan, 'undo_disbursement', actor, reason);
  await auditLoan(q, actor, 'loan.undo_disbursement', loan.id, { reason });
  return { state };
}

/** A state change without money (reject, withdraw, undo approval, approve again); 409 naming the allowed commands otherwise. */
export async function transitionLoan(
  q: Queryable,
  loanId: string,
  command: 'approve' | 'reject' | 'withdraw' | 'undo_approval',
  reason: string,
  actor: LoanActor,
): Promise<{ state: LoanState }> {
  const loan = await lockLoan(q, loanId);
  const state = await moveState(q, loan, command, actor, reason);
  await auditLoan(q, actor, `loan.${command}`, loan.id, { from: loan.state, to: state, reason });
  return { state };
}
