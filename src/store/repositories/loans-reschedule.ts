import { randomUUID } from 'node:crypto';
import { CredoError } from '../../errors/index.js';
import {
  type Allocation,
  addMonths,
  type Instalment,
  type LoanState,
  nextState,
  type PrepaymentMode,
  planPrepayment,
  planRestructure,
  type Reschedule,
  replayLoan,
} from '../../servicing/index.js';
import type { Queryable } from '../queryable.js';
import { type Loan, listInstalments, listRepayments, loanPositionOf, replaceSchedule } from './loans.js';
import {
  auditLoan,
  checkValueDate,
  type LoanActor,
  lastPaymentDate,
  lockLoan,
  moveState,
  priorTransaction,
  recordLoanTransaction,
  resync,
  stripParts,
} from './loans-steps.js';
import type { MovementInput } from './money-movement.js';

/** What a prepayment did: its transaction, its allocation, the new schedule and what it settled (minor units). */
export interface PrepaymentResult {
  readonly transactionId: string;
  readonly allocation: Allocation;
  readonly replayed: boolean;
  readonly state: LoanState;
  readonly principalPrepaid: number;
  readonly accruedInterest: number;
  readonly schedule: readonly Instalment[];
}

/**
 * A schedule change's value date must be on or after the loan's last payment (the new schedule is
 * built from the replay up to it) and pass `checkValueDate`.
 */
async function checkRescheduleDate(q: Queryable, loan: Loan, valueDate: string, today: string): Promise<void> {
  checkValueDate(loan, valueDate, today);
  const last = await lastPaymentDate(q, loan.id);
  if (last !== null && valueDate < last)
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: `the loan has a payment dated ${last}, after ${valueDate}`,
      allowed: `a value date of ${last} or later`,
    });
}

/** Keeps the schedule being replaced in `loan_reschedules`, stores the new one and marks the loan rescheduled on `valueDate`. */
async function saveReschedule(
  q: Queryable,
  loan: Loan,
  kind: 'prepayment' | 'restructure',
  input: { valueDate: string; transactionId: string | null; terms: Record<string, unknown>; reason: string | null; previous: readonly Instalment[] },
  plan: Reschedule,
  actor: LoanActor,
): Promise<void> {
  await q.query(
    `INSERT INTO loan_reschedules (id, loan_id, kind, value_date, transaction_id, terms, previous_schedule, reason, created_by)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)`,
    [
      randomUUID(),
      loan.id,
      kind,
      input.valueDate,
      input.transactionId,
      JSON.stringify(input.terms),
      JSON.stringify(input.previous),
      input.reason,
      actor.userId,
    ],
  );
  await replaceSchedule(q, loan.id, plan.schedule);
  await q.query('UPDATE loans SET rescheduled_on = $2 WHERE id = $1', [loan.id, input.valueDate]);
}

/**
 * Records a prepayment on an active loan (`planPrepayment`: arrears, then interest to the value
 * date, then principal; the rest re-amortised by `mode`, or the loan closed when the balance is
 * repaid). The transaction, the new schedule, the replaced schedule, the ledger journal and the
 * audit entry are written together. A repeated `externalId` returns the first answer.
 */
export async function prepayLoan(q: Queryable, loanId: string, input: MovementInput & { mode: PrepaymentMode }, actor: LoanActor): Promise<PrepaymentResult> {
  const loan = await lockLoan(q, loanId);
  const prior = await priorTransaction(q, loan.id, 'prepayment', input);
  if (prior !== undefined) {
    const { position, schedule } = await loanPositionOf(q, loan, actor.today);
    const { rows } = await q.query<{ terms: { principal_prepaid: number; accrued_interest: number } }>(
      'SELECT terms FROM loan_reschedules WHERE transaction_id = $1',
      [prior],
    );
    return {
      transactionId: prior,
      allocation: stripParts(position.allocations.get(prior) ?? { penalty: 0, fees: 0, interest: 0, principal: 0, excess: 0 }),
      replayed: true,
      state: loan.state,
      principalPrepaid: rows[0]?.terms.principal_prepaid ?? 0,
      accruedInterest: rows[0]?.terms.accrued_interest ?? 0,
      schedule,
    };
  }
  if (loan.state !== 'active')
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: `cannot take a prepayment on a loan that is ${loan.state}`,
      allowed: 'prepayments on active loans',
    });
  await checkRescheduleDate(q, loan, input.valueDate, actor.today);
  const previous = await listInstalments(q, loan.id);
  // The first instalment after a restructure carries its arrears and moratorium interest: a prepayment
  // comes on or after its due date, so it is paid as an arrear and never re-amortised.
  const firstAfter = loan.restructuredOn === null ? undefined : previous.find((i) => i.dueDate > (loan.restructuredOn as string))?.dueDate;
  if (firstAfter !== undefined && input.valueDate < firstAfter)
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: `the loan was restructured on ${loan.restructuredOn}; its first new instalment is due ${firstAfter}`,
      allowed: `prepayments dated ${firstAfter} or later`,
    });
  const position = replayLoan(loan.product, previous, await listRepayments(q, loan.id), input.valueDate);
  const plan = planPrepayment(loan.product, previous, position, {
    amount: input.amount,
    valueDate: input.valueDate,
    mode: input.mode,
    annualRate: Number(loan.annualRate),
    disbursedOn: loan.disbursedOn as string,
  });
  const transactionId = await recordLoanTransaction(q, loan.id, 'prepayment', input, actor);
  const terms = {
    amount: input.amount,
    mode: input.mode,
    principal_prepaid: plan.principalPrepaid,
    accrued_interest: plan.accruedInterest,
    balance: plan.balance,
  };
  await saveReschedule(q, loan, 'prepayment', { valueDate: input.valueDate, transactionId, terms, reason: null, previous }, plan, actor);
  const rescheduled = { ...loan, rescheduledOn: input.valueDate };
  const { position: after } = await resync(q, rescheduled, actor.today, `prepayment ${transactionId}`, input.valueDate);
  const allocation = stripParts(after.allocations.get(transactionId) as Allocation);
  let state: LoanState = loan.state;
  if (after.outstandingTotal === 0) state = await moveState(q, loan, 'close', actor, plan.full ? 'foreclosed by prepayment' : 'all obligations met');
  await auditLoan(q, actor, 'loan.prepayment', loan.id, {
    transaction_id: transactionId,
    value_date: input.valueDate,
    external_id: input.externalId ?? null,
    allocation,
    ...terms,
  });
  return {
    transactionId,
    allocation,
    replayed: false,
    state,
    principalPrepaid: plan.principalPrepaid,
    accruedInterest: plan.accruedInterest,
    schedule: plan.schedule,
  };
}

/** The new terms of a restructure. */
export interface RestructureInput {
  readonly valueDate: string;
  /** Annual rate as an exact decimal string ("0.10"). */
  readonly annualRate: string;
  readonly termMonths: number;
  readonly moratoriumMonths: number;
  readonly reason: string;
}

/**
 * Restructures an active loan on `valueDate` (`planRestructure`: arrears carried into the first
 * new instalment, the unpaid principal re-amortised at the new rate and term after the
 * moratorium). The loan stays `active`, is flagged restructured and is an NPA from the value date
 * (keeping an earlier NPA date) until its monitoring period ends, one year after the first new
 * instalment. The replaced schedule is kept; the command is recorded, audited and posts no money
 * (the replay's totals do not change, so the ledger journal is empty).
 */
export async function restructureLoan(
  q: Queryable,
  loanId: string,
  input: RestructureInput,
  actor: LoanActor,
): Promise<{ state: LoanState; schedule: readonly Instalment[]; monitoredUntil: string }> {
  const loan = await lockLoan(q, loanId);
  nextState(loan.state, 'restructure');
  await checkRescheduleDate(q, loan, input.valueDate, actor.today);
  const previous = await listInstalments(q, loan.id);
  const position = replayLoan(loan.product, previous, await listRepayments(q, loan.id), input.valueDate);
  const plan = planRestructure(loan.product, previous, position, {
    valueDate: input.valueDate,
    annualRate: Number(input.annualRate),
    oldAnnualRate: Number(loan.annualRate),
    termMonths: input.termMonths,
    moratoriumMonths: input.moratoriumMonths,
    disbursedOn: loan.disbursedOn as string,
  });
  const firstDue = addMonths(input.valueDate, input.moratoriumMonths + 1);
  const monitoredUntil = addMonths(firstDue, 12);
  const terms = {
    annual_rate: input.annualRate,
    term_months: input.termMonths,
    moratorium_months: input.moratoriumMonths,
    previous_rate: loan.annualRate,
    previous_term_months: loan.termMonths,
    balance: plan.balance,
    monitored_until: monitoredUntil,
  };
  await saveReschedule(q, loan, 'restructure', { valueDate: input.valueDate, transactionId: null, terms, reason: input.reason, previous }, plan, actor);
  await q.query(
    'UPDATE loans SET annual_rate = $2::numeric, term_months = $3, restructured_on = $4, monitored_until = $5, npa_since = coalesce(npa_since, $4::date) WHERE id = $1',
    [loan.id, input.annualRate, input.termMonths, input.valueDate, monitoredUntil],
  );
  const updated: Loan = {
    ...loan,
    annualRate: input.annualRate,
    termMonths: input.termMonths,
    restructuredOn: input.valueDate,
    monitoredUntil,
    rescheduledOn: input.valueDate,
    npaSince: loan.npaSince ?? input.valueDate,
  };
  await resync(q, updated, actor.today, 'restructure', input.valueDate);
  const state = await moveState(q, loan, 'restructure', actor, input.reason);
  await auditLoan(q, actor, 'loan.restructure', loan.id, { value_date: input.valueDate, reason: input.reason, ...terms });
  return { state, schedule: plan.schedule, monitoredUntil };
}
