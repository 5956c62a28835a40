import { randomUUID } from 'node:crypto';
import { CredoError } from '../../errors/index.js';
import { parseCurrency, parseMoney, toMinor } from '../../finance/index.js';
import {
  type Allocation,
  buildSchedule,
  checkLoanTerms,
  dayNumber,
  type Instalment,
  journalBetween,
  type LoanCommand,
  type LoanState,
  loanPosition,
  nextState,
  ZERO_POSITION,
} from '../../servicing/index.js';
import type { Queryable } from '../queryable.js';
import { getApplication } from './applications.js';
import { appendAudit } from './audit.js';
import { getDecision } from './decisions.js';
import { loanLedgerPosition, postJournal } from './ledger.js';
import { ensureDefaultProduct, getLatestProduct, getLoan, getLoanIdOfApplication, type Loan, loanPositionOf } from './loans.js';
import type { Role } from './users.js';

/** Who runs a loan command, when (the business date `today`, YYYY-MM-DD) and for which request. */
export interface LoanActor {
  readonly userId: string | null;
  readonly role: Role | 'system';
  readonly requestId?: string | null;
  readonly today: string;
}

async function recordStateChange(
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

async function audit(q: Queryable, actor: LoanActor, action: string, loanId: string, details: Record<string, unknown>): Promise<void> {
  await appendAudit(q, { actorId: actor.userId, actorRole: actor.role, action, entity: 'loan', entityId: loanId, requestId: actor.requestId ?? null, details });
}

/**
 * Creates a loan from an approved application (state `approved`: the decision approved it).
 * Amount = the requested amount capped at the decision's limit; rate = the decision's price (or
 * the application's `interest_rate`); term = the application's `term_months` (36 when absent).
 * 404 for an unknown application, 409 when it is not approved or already has a loan.
 */
export async function createLoan(
  q: Queryable,
  input: { applicationId: string; productId?: string },
  actor: LoanActor,
): Promise<{ id: string; state: LoanState }> {
  const application = await getApplication(q, input.applicationId, { forUpdate: true });
  if (application === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'application', id: input.applicationId });
  if (application.action !== 'approve')
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: `application ${application.id} is ${application.action ?? 'undecided'}, not approved`,
      allowed: 'loans from approved applications only',
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
  const rate = decision?.rate ?? (typeof data.interest_rate === 'number' ? String(data.interest_rate) : undefined);
  if (rate === undefined)
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'rate', problem: 'the decision has no price and the application no interest_rate' });
  const term = typeof data.term_months === 'number' ? data.term_months : 36;
  checkLoanTerms(product, principal, term);
  const id = randomUUID();
  await q.query(
    `INSERT INTO loans (id, application_id, product_id, product_version, product, state, currency, principal, annual_rate, term_months, pd, created_by)
     VALUES ($1, $2, $3, $4, $5::jsonb, 'approved', $6, $7, $8::numeric, $9, $10, $11)`,
    [id, application.id, product.id, product.version, JSON.stringify(product), currency.code, principal, rate, term, decision?.pd ?? 0, actor.userId],
  );
  await recordStateChange(q, id, 'create', null, 'submitted', actor, null);
  await recordStateChange(q, id, 'approve', 'submitted', 'approved', actor, `decision ${application.decisionId}`);
  await audit(q, actor, 'loan.create', id, { application_id: application.id, product: `${product.id}@${product.version}`, principal, rate, term_months: term });
  return { id, state: 'approved' };
}

async function lockLoan(q: Queryable, loanId: string): Promise<Loan> {
  const loan = await getLoan(q, loanId, { forUpdate: true });
  if (loan === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'loan', id: loanId });
  return loan;
}

function checkValueDate(loan: Loan, valueDate: string, today: string): void {
  const day = dayNumber(valueDate, 'value_date');
  if (day > dayNumber(today))
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'value_date', problem: `${valueDate} is in the future (today is ${today})` });
  if (loan.disbursedOn !== null && valueDate < loan.disbursedOn)
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'value_date', problem: `${valueDate} is before the disbursement on ${loan.disbursedOn}` });
}

/**
 * Replays the loan as of `today` after a change to its facts, rewrites its derived allocation
 * rows, and posts the journal from its ledger position to the position its facts now imply
 * (so a reversal or a backdated payment posts only the difference). Returns the replay.
 */
async function resync(q: Queryable, loan: Loan, today: string, memo: string, valueDate: string) {
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
  await audit(q, actor, 'loan.disburse', loan.id, { value_date: valueDate, principal: loan.principal, instalments: schedule.length });
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
  input: { amount: number; valueDate: string; externalId?: string | null },
  actor: LoanActor,
): Promise<{ transactionId: string; allocation: Allocation; replayed: boolean; state: LoanState }> {
  const loan = await lockLoan(q, loanId);
  if (input.externalId != null) {
    const { rows } = await q.query<{ id: string; loan_id: string; amount: string; value_date: string }>(
      "SELECT id, loan_id, amount, to_char(value_date, 'YYYY-MM-DD') AS value_date FROM loan_transactions WHERE external_id = $1",
      [input.externalId],
    );
    const prior = rows[0];
    if (prior !== undefined) {
      if (prior.loan_id !== loan.id || Number(prior.amount) !== input.amount || prior.value_date !== input.valueDate)
        throw new CredoError('E_STORE_DUPLICATE', { entity: 'repayment', field: 'external_id', value: input.externalId });
      const { position } = await loanPositionOf(q, loan, actor.today);
      const allocation = position.allocations.get(prior.id) ?? { penalty: 0, fees: 0, interest: 0, principal: 0, excess: 0 };
      return { transactionId: prior.id, allocation: stripParts(allocation), replayed: true, state: loan.state };
    }
  }
  if (loan.state !== 'active')
    throw new CredoError('E_SERVICING_CONFLICT', { problem: `cannot take a repayment on a loan that is ${loan.state}`, allowed: 'repayments on active loans' });
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'amount', problem: 'must be positive' });
  checkValueDate(loan, input.valueDate, actor.today);
  const transactionId = randomUUID();
  await q.query("INSERT INTO loan_transactions (id, loan_id, kind, amount, value_date, external_id, created_by) VALUES ($1, $2, 'repayment', $3, $4, $5, $6)", [
    transactionId,
    loan.id,
    input.amount,
    input.valueDate,
    input.externalId ?? null,
    actor.userId,
  ]);
  const { position } = await resync(q, loan, actor.today, `repayment ${transactionId}`, input.valueDate);
  const allocation = stripParts(position.allocations.get(transactionId) as Allocation);
  let state: LoanState = loan.state;
  if (position.outstandingTotal === 0) state = await moveState(q, loan, 'close', actor, 'all obligations met');
  await audit(q, actor, 'loan.repayment', loan.id, {
    transaction_id: transactionId,
    amount: input.amount,
    value_date: input.valueDate,
    external_id: input.externalId ?? null,
    allocation,
  });
  return { transactionId, allocation, replayed: false, state };
}

/** Reverses a repayment (never deleted: marked, and the loan replayed without it); a closed loan it had closed reopens. */
export async function reverseRepayment(q: Queryable, loanId: string, transactionId: string, reason: string, actor: LoanActor): Promise<{ state: LoanState }> {
  const loan = await lockLoan(q, loanId);
  const { rowCount } = await q.query(
    "UPDATE loan_transactions SET reversed_at = now(), reversed_by = $3, reversal_reason = $4 WHERE id = $1 AND loan_id = $2 AND kind = 'repayment' AND reversed_at IS NULL",
    [transactionId, loan.id, actor.userId, reason],
  );
  if (rowCount === 0) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'unreversed repayment', id: transactionId });
  const { position } = await resync(q, loan, actor.today, `reversal of ${transactionId}`, actor.today);
  let state = loan.state;
  if (state === 'closed' && position.outstandingTotal > 0) state = await moveState(q, loan, 'reopen', actor, `reversal of ${transactionId}`);
  await audit(q, actor, 'loan.repayment.reverse', loan.id, { transaction_id: transactionId, reason });
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
  await audit(q, actor, 'loan.write_off', loan.id, { amount: writtenOff, reason });
  return { state, writtenOff };
}

/**
 * Undoes a disbursement made in error: only while no live repayment exists (409 otherwise). The
 * disbursement is marked reversed (kept), the schedule dropped, the loan back to `approved`, and
 * the ledger brought back to zero for the loan by one correcting journal.
 */
export async function undoDisbursement(q: Queryable, loanId: string, reason: string, actor: LoanActor): Promise<{ state: LoanState }> {
  const loan = await lockLoan(q, loanId);
  nextState(loan.state, 'undo_disbursement');
  const { rows } = await q.query<{ n: string }>(
    "SELECT count(*) AS n FROM loan_transactions WHERE loan_id = $1 AND kind = 'repayment' AND reversed_at IS NULL",
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
  await audit(q, actor, 'loan.undo_disbursement', loan.id, { reason });
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
  await audit(q, actor, `loan.${command}`, loan.id, { from: loan.state, to: state, reason });
  return { state };
}

async function moveState(q: Queryable, loan: Loan, command: LoanCommand, actor: LoanActor, reason: string): Promise<LoanState> {
  const to = nextState(loan.state, command);
  await q.query('UPDATE loans SET state = $2 WHERE id = $1', [loan.id, to]);
  await recordStateChange(q, loan.id, command, loan.state, to, actor, reason);
  return to;
}

function stripParts(a: Allocation): Allocation {
  return { penalty: a.penalty, fees: a.fees, interest: a.interest, principal: a.principal, excess: a.excess };
}
