// @ts-nocheck
import { randomUUID } from 'node:crypto';
import { CredoError } from '../../errors/index.js';
import { parseCurrency, parseMoney } from '../../finance/index.js';
import type { Posting } from '../../servicing/index.js';
import type { Queryable } from '../queryable.js';
import { getApplication } from './applications.js';
import { appendAudit } from './audit.js';
import { getDecision } from './decisions.js';
import { postJournal } from './ledger.js';
import { getLoanIdOfApplication } from './loans.js';
import type { LoanActor } from './loans-steps.js';
import { isUuid } from './page.js';

/**
 * A revolving credit line (the minimal revolving product: a limit, a drawn balance, a rate): it is
 * drawn and repaid freely within its limit; its limit moves only by periodic limit reviews, each
 * change audited and reversible. Money in integer minor units of `currency`.
 */
export interface CreditLine {
  readonly id: string;
  readonly applicationId: string;
  readonly state: 'active' | 'closed';
  readonly currency: string;
  readonly creditLimit: number;
  readonly balance: number;
  readonly annualRate: string;
  /** The decision's 12-month PD and score at opening (the behavioural inputs of the review). */
  readonly pd: number;
  readonly score: number | null;
  readonly openedOn: string;
}

interface LineRow {
  id: string;
  application_id: string;
  state: 'active' | 'closed';
  currency: string;
  credit_limit: string;
  balance: string;
  annual_rate: string;
  pd: number;
  score: number | null;
  opened_on: string;
}

const COLUMNS =
  "id, application_id, state, currency, credit_limit, balance, annual_rate::text AS annual_rate, pd, score, to_char(opened_on, 'YYYY-MM-DD') AS opened_on";

function toLine(r: LineRow): CreditLine {
  return {
    id: r.id,
    applicationId: r.application_id,
    state: r.state,
    currency: r.currency,
    creditLimit: Number(r.credit_limit),
    balance: Number(r.balance),
    annualRate: r.annual_rate,
    pd: r.pd,
    score: r.score,
    openedOn: r.opened_on,
  };
}

/** Appends an audit entry about a credit line. */
export async function auditCreditLine(q: Queryable, actor: LoanActor, action: string, lineId: string, details: Record<string, unknown>): Promise<void> {
  await appendAudit(q, {
    actorId: actor.userId,
    actorRole: actor.role,
    action,
    entity: 'credit_line',
    entityId: lineId,
    requestId: actor.requestId ?? null,
    details,
  });
}

/** One credit line, or undefined; `forUpdate` locks it until the transaction ends. */
export async function getCreditLine(q: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<CreditLine | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await q.query<LineRow>(`SELECT ${COLUMNS} FROM credit_lines WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] === undefined ? undefined : toLine(rows[0]);
}

/**
 * Opens a credit line from an approved application: limit = the decision's limit, rate = its
 * price, PD and score = its own. 404 for an unknown application; 409 when it is not approved or
 * already has a loan or a line.
 */
export async function openCreditLine(q: Queryable, input: { applicationId: string; openedOn: string }, actor: LoanActor): Promise<CreditLine> {
  const application = await getApplication(q, input.applicationId, { forUpdate: true });
  if (application === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'application', id: input.applicationId });
  const decision = application.decisionId === null ? undefined : await getDecision(q, application.decisionId);
  if (application.action !== 'approve' || decision?.limit == null || decision.rate == null)
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: `application ${application.id} is ${application.action ?? 'undecided'}, not approved with a limit and a price`,
      allowed: 'credit lines from approved applications only',
    });
  const loan = await getLoanIdOfApplication(q, application.id);
  const { rows: lines } = await q.query<{ id: string }>('SELECT id FROM credit_lines WHERE application_id = $1', [application.id]);
  if (loan !== undefined || lines[0] !== undefined)
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: `application ${application.id} already has ${loan !== undefined ? `loan ${loan}` : `credit line ${lines[0]?.id}`}`,
      allowed: 'one loan or credit line per application',
    });
  if (input.openedOn > actor.today)
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'opened_on', problem: `${input.openedOn} is in the future (today is ${actor.today})` });
  const currency = parseCurrency(decision.currency);
  const { rows } = await q.query<LineRow>(
    `INSERT INTO credit_lines (id, application_id, state, currency, credit_limit, annual_rate, pd, score, opened_on, created_by)
     VALUES ($1, $2, 'active', $3, $4, $5::numeric, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
    [
      randomUUID(),
      application.id,
      currency.code,
      parseMoney(decision.limit, currency),
      decision.rate,
      decision.pd ?? 0,
      decision.score,
      input.openedOn,
      actor.userId,
    ],
  );
  const line = toLine(rows[0] as LineRow);
  await auditCreditLine(q, actor, 'credit_line.open', line.id, { application_id: application.id, credit_limit: line.creditLimit, rate: line.annualRate });
  return line;
}

/**
 * A draw on (Dr loan portfolio, Cr cash) or a repayment of (Dr cash, Cr loan portfolio) an active
 * credit line: a draw above the available limit or a repayment above the balance is 422. A
 * repeated `externalId` for the same movement returns it (`replayed`); for another, 409.
 */
export async function moveCreditLine(
  q: Queryable,
  lineId: string,
  kind: 'draw' | 'repayment',
  input: { amount: number; valueDate: string; externalId?: string | null },
  actor: LoanActor,
): Promise<{ transactionId: string; line: CreditLine; replayed: boolean }> {
  const line = await getCreditLine(q, lineId, { forUpdate: true });
  if (line === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'credit line', id: lineId });
  if (input.externalId != null) {
    const { rows } = await q.query<{ id: string; line_id: string; kind: string; amount: string; value_date: string }>(
      "SELECT id, line_id, kind, amount, to_char(value_date, 'YYYY-MM-DD') AS value_date FROM credit_line_transactions WHERE external_id = $1",
      [input.externalId],
    );
    const prior = rows[0];
    if (prior !== undefined) {
      if (prior.line_id !== line.id || prior.kind !== kind || Number(prior.amount) !== input.amount || prior.value_date !== input.valueDate)
        throw new CredoError('E_STORE_DUPLICATE', { entity: kind, field: 'external_id', value: input.externalId });
      return { transactionId: prior.id, line, replayed: true };
    }
  }
  if (line.state !== 'active')
    throw new CredoError('E_SERVICING_CONFLICT', { problem: `credit line ${line.id} is ${line.state}`, allowed: 'draws and repayments on active lines' });
  if (input.valueDate > actor.today || input.valueDate < line.openedOn)
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'value_date', problem: `must be ${line.openedOn}..${actor.today}, got ${input.valueDate}` });
  const room = kind === 'draw' ? line.creditLimit - line.balance : line.balance;
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0 || input.amount > room)
    throw new CredoError('E_SERVICING_INPUT_INVALID', {
      what: 'amount',
      problem: `must be 1..${room} minor units (${kind === 'draw' ? 'the limit not yet drawn' : 'the balance'})`,
    });
  const transactionId = randomUUID();
  await q.query('INSERT INTO credit_line_transactions (id, line_id, kind, amount, value_date, external_id, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    transactionId,
    line.id,
    kind,
    input.amount,
    input.valueDate,
    input.externalId ?? null,
    actor.userId,
  ]);
  const balance = line.balance + (kind === 'draw' ? input.amount : -input.amount);
  await q.query('UPDATE credit_lines SET balance = $2 WHERE id = $1', [line.id, balance]);
  const postings: Posting[] =
    kind === 'draw'
      ? [
          { account: 'loan_portfolio', debit: input.amount, credit: 0 },
          { account: 'cash', debit: 0, credit: input.amount },
        ]
      : [
          { account: 'cash', debit: input.amount, credit: 0 },
          { account: 'loan_portfolio', debit: 0, credit: input.amount },
        ];
  await postJournal(q, { loanId: null, postings, valueDate: input.valueDate, memo: `credit line ${line.id} ${kind} ${transactionId}` });
  await auditCreditLine(q, actor, `credit_line.${kind}`, line.id, { transaction_id: transactionId, amount: input.amount, value_date: input.valueDate });
  return { transactionId, line: { ...line, balance }, replayed: false };
}

/** A credit line's limit history (newest first): the review, the segment, the change, old and new limits, and whether the review was reversed. */
export async function listLimitChanges(q: Queryable, lineId: string) {
  const { rows } = await q.query<{ review_id: string; as_of: string; segment: string; change: number; old_limit: string; new_limit: string; status: string }>(
    `SELECT c.review_id, to_char(r.as_of, 'YYYY-MM-DD') AS as_of, c.segment, c.change, c.old_limit, c.new_limit, r.status
       FROM credit_limit_changes c JOIN limit_reviews r ON r.id = c.review_id WHERE c.line_id = $1 ORDER BY r.created_at DESC`,
    [lineId],
  );
  return rows.map((r) => ({
    reviewId: r.review_id,
    asOf: r.as_of,
    segment: r.segment,
    change: r.change,
    oldLimit: Number(r.old_limit),
    newLimit: Number(r.new_limit),
    reversed: r.status === 'reversed',
  }));
}
