import { randomUUID } from 'node:crypto';
import { CredoError } from '../../errors/index.js';
import { parseCurrency, parseMoney } from '../../finance/index.js';
import { allocateLineMovements, CREDIT_LINE_TERMS, type Posting } from '../../servicing/index.js';
import type { Queryable } from '../queryable.js';
import { getApplication } from './applications.js';
import { appendAudit } from './audit.js';
import { getDecision } from './decisions.js';
import { postJournal } from './ledger.js';
import { getLoanIdOfApplication } from './loans.js';
import type { LoanActor } from './loans-steps.js';
import type { MovementInput } from './money-movement.js';
import { isUuid } from './page.js';

/**
 * A revolving credit line (the minimal revolving product: a limit, a drawn balance, a rate): it is
 * drawn and repaid freely within its limit; its limit moves only by periodic limit reviews, each
 * change audited and reversible. Money in integer minor units of `currency`.
 */
export interface CreditLine {
  readonly id: string;
  readonly applicationId: string;
  readonly state: 'active' | 'written_off' | 'closed';
  readonly currency: string;
  readonly creditLimit: number;
  readonly balance: number;
  readonly annualRate: string;
  /** The decision's 12-month PD and score at opening (the behavioural inputs of the review). */
  readonly pd: number;
  readonly score: number | null;
  readonly openedOn: string;
  /** Day count of the interest accrual. */
  readonly dayCount: '30/360' | 'actual/365';
  /** Late fee (minor units) charged for each statement whose minimum is not covered by its due date (0: none). */
  readonly lateFee: number;
  /** Written off (drawn principal and receivables at the write-off) and recovered since (minor units). */
  readonly writtenOff: number;
  readonly recovered: number;
  /** The figures of the line's last daily close (`lastClose` null before its first). */
  readonly close: LineCloseFigures;
}

/** A line's figures at its last close (money in minor units). */
export interface LineCloseFigures {
  readonly lastClose: string | null;
  readonly dpd: number;
  readonly iracClass: string;
  readonly npaSince: string | null;
  readonly ifrs9Stage: number;
  readonly ecl: number;
  readonly provision: number;
  /** Contractual interest accrued since opening. */
  readonly interestAccrued: number;
  /** Interest income recognised (an NPA's unpaid interest is not). */
  readonly interestRecognised: number;
  readonly interestPaid: number;
  /** Interest billed on statements and not yet paid. */
  readonly interestBilledUnpaid: number;
  /** Minimum payments due and unpaid (the arrears and the latest statement's minimum). */
  readonly minimumDue: number;
  /** Due date of the oldest unpaid minimum payment (dpd counts from it). */
  readonly oldestDueDate: string | null;
  /** The latest statement's due date when still ahead. */
  readonly nextDueDate: string | null;
  readonly nextStatementDate: string | null;
  /** Late fees charged to date, and paid (repayments pay them first). */
  readonly lateFeesCharged: number;
  readonly lateFeesPaid: number;
}

interface LineRow {
  id: string;
  application_id: string;
  state: 'active' | 'written_off' | 'closed';
  currency: string;
  credit_limit: string;
  balance: string;
  annual_rate: string;
  pd: number;
  score: number | null;
  opened_on: string;
  day_count: '30/360' | 'actual/365';
  last_close: string | null;
  dpd: number;
  irac_class: string;
  npa_since: string | null;
  ifrs9_stage: number;
  ecl: string;
  provision: string;
  interest_accrued: string;
  interest_recognised: string;
  interest_paid: string;
  interest_billed_unpaid: string;
  minimum_due: string;
  oldest_due_date: string | null;
  next_due_date: string | null;
  next_statement_date: string | null;
  late_fee: string;
  written_off: string;
  recovered: string;
  late_fees_charged: string;
  late_fees_paid: string;
}

const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD') AS ${column}`;
const COLUMNS = `id, application_id, state, currency, credit_limit, balance, annual_rate::text AS annual_rate, pd, score, ${day('opened_on')}, day_count,
  ${day('last_close')}, dpd, irac_class, ${day('npa_since')}, ifrs9_stage, ecl, provision, interest_accrued, interest_recognised, interest_paid,
  interest_billed_unpaid, minimum_due, ${day('oldest_due_date')}, ${day('next_due_date')}, ${day('next_statement_date')}, late_fee, written_off, recovered, late_fees_charged, late_fees_paid`;

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
    dayCount: r.day_count,
    lateFee: Number(r.late_fee),
    writtenOff: Number(r.written_off),
    recovered: Number(r.recovered),
    close: {
      lastClose: r.last_close,
      dpd: r.dpd,
      iracClass: r.irac_class,
      npaSince: r.npa_since,
      ifrs9Stage: r.ifrs9_stage,
      ecl: Number(r.ecl),
      provision: Number(r.provision),
      interestAccrued: Number(r.interest_accrued),
      interestRecognised: Number(r.interest_recognised),
      interestPaid: Number(r.interest_paid),
      interestBilledUnpaid: Number(r.interest_billed_unpaid),
      minimumDue: Number(r.minimum_due),
      oldestDueDate: r.oldest_due_date,
      nextDueDate: r.next_due_date,
      nextStatementDate: r.next_statement_date,
      lateFeesCharged: Number(r.late_fees_charged),
      lateFeesPaid: Number(r.late_fees_paid),
    },
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
export async function openCreditLine(
  q: Queryable,
  input: { applicationId: string; openedOn: string; dayCount?: CreditLine['dayCount'] },
  actor: LoanActor,
): Promise<CreditLine> {
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
    `INSERT INTO credit_lines (id, application_id, state, currency, credit_limit, annual_rate, pd, score, opened_on, created_by, day_count, late_fee)
     VALUES ($1, $2, 'active', $3, $4, $5::numeric, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
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
      input.dayCount ?? CREDIT_LINE_TERMS.dayCount,
      CREDIT_LINE_TERMS.lateFee,
    ],
  );
  const line = toLine(rows[0] as LineRow);
  await auditCreditLine(q, actor, 'credit_line.open', line.id, { application_id: application.id, credit_limit: line.creditLimit, rate: line.annualRate });
  return line;
}

/**
 * A draw on (Dr loan portfolio, Cr cash) or a repayment of (Dr cash, Cr late fees, interest, then
 * loan portfolio) an active credit line: the line's movements are replayed in value-date order and
 * each repayment pays the late fees charged by then first, then the interest accrued to the day
 * before (`reallocate`). A draw above
 * the available limit or a repayment above what is owed is 422. A repeated `externalId` for the
 * same movement returns it (`replayed`); for another, 409.
 */
export async function moveCreditLine(
  q: Queryable,
  lineId: string,
  kind: 'draw' | 'repayment',
  input: MovementInput,
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
  const room = kind === 'draw' ? line.creditLimit - line.balance : Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0 || input.amount > room)
    throw new CredoError('E_SERVICING_INPUT_INVALID', {
      what: 'amount',
      problem: kind === 'draw' ? `must be 1..${room} minor units (the limit not yet drawn)` : 'must be a positive whole number of minor units',
    });
  const transactionId = randomUUID();
  await q.query(
    'INSERT INTO credit_line_transactions (id, line_id, kind, amount, principal, value_date, external_id, created_by) VALUES ($1, $2, $3, $4, $4, $5, $6, $7)',
    [transactionId, line.id, kind, input.amount, input.valueDate, input.externalId ?? null, actor.userId],
  );
  const allocated = await reallocate(q, line);
  const balance = allocated.balance;
  await q.query('UPDATE credit_lines SET balance = $2 WHERE id = $1', [line.id, balance]);
  await postJournal(q, {
    loanId: null,
    lineId: line.id,
    postings: await movementPostings(q, line.id, kind === 'draw' ? -input.amount : input.amount, balance, allocated.feesPaid),
    valueDate: input.valueDate,
    memo: `credit line ${line.id} ${kind} ${transactionId}`,
  });
  await auditCreditLine(q, actor, `credit_line.${kind}`, line.id, { transaction_id: transactionId, amount: input.amount, value_date: input.valueDate });
  return { transactionId, line: { ...line, balance }, replayed: false };
}

/**
 * Replays the line's movements in value-date order and stores each repayment's allocation
 * (late fees, interest, principal: `allocateLineMovements`; a backdated movement changes later ones). Returns the
 * drawn principal; 422 naming `amount` when a repayment would pay more than was owed, or the
 * principal would exceed the limit.
 */
async function reallocate(q: Queryable, line: CreditLine): Promise<{ balance: number; feesPaid: number }> {
  const { rows } = await q.query<{ id: string; kind: 'draw' | 'repayment'; amount: string; value_date: string; interest: string; fee: string }>(
    "SELECT id, kind, amount, to_char(value_date, 'YYYY-MM-DD') AS value_date, interest, fee FROM credit_line_transactions WHERE line_id = $1 ORDER BY value_date, seq",
    [line.id],
  );
  const moves = rows.map((r) => ({ kind: r.kind, amount: Number(r.amount), valueDate: r.value_date }));
  const allocations = allocateLineMovements(line.annualRate, line.dayCount, moves, { openedOn: line.openedOn, lateFee: line.lateFee });
  const changed = rows.flatMap((r, i) => {
    const a = allocations[i] ?? { fee: 0, interest: 0 };
    return Number(r.interest) === a.interest && Number(r.fee) === a.fee ? [] : [{ id: r.id, interest: a.interest, fee: a.fee }];
  });
  if (changed.length > 0)
    await q.query(
      `UPDATE credit_line_transactions t SET fee = c.fee, interest = c.interest, principal = t.amount - c.fee - c.interest
         FROM unnest($1::uuid[], $2::bigint[], $3::bigint[]) AS c(id, interest, fee) WHERE t.id = c.id`,
      [changed.map((c) => c.id), changed.map((c) => c.interest), changed.map((c) => c.fee)],
    );
  const balance = moves.reduce((s, m, i) => s + (m.kind === 'draw' ? m.amount : -(allocations[i]?.principal ?? 0)), 0);
  if (balance > line.creditLimit)
    throw new CredoError('E_SERVICING_INPUT_INVALID', {
      what: 'amount',
      problem: `the drawn principal would be ${balance}, above the limit ${line.creditLimit}`,
    });
  return { balance, feesPaid: allocations.reduce((s, a) => s + a.fee, 0) };
}

/**
 * The journal of a movement: cash (`cash`: + received, − paid out), the line's loan portfolio
 * brought to its drawn principal, the fee receivable brought to the fee income recognised less
 * `feesPaid` (the late fees the repayments now pay; a fee paid before a close recognised it is fee
 * income at once), and the rest (the interest a repayment paid, or the change of earlier
 * allocations) against the interest receivable — beyond what the receivable holds (interest
 * accrued since the last close), against interest income, which the next close then leaves as is.
 */
async function movementPostings(q: Queryable, lineId: string, cash: number, principal: number, feesPaid: number): Promise<Posting[]> {
  const { rows } = await q.query<{ account: string; balance: string }>(
    `SELECT account, sum(debit) - sum(credit) AS balance FROM ledger_entries
      WHERE line_id = $1 AND account IN ('loan_portfolio', 'interest_receivable', 'fee_receivable', 'fee_income') GROUP BY account`,
    [lineId],
  );
  const held = (account: string) => Number(rows.find((r) => r.account === account)?.balance ?? 0);
  const portfolio = principal - held('loan_portfolio');
  const feeIncome = Math.max(-held('fee_income'), feesPaid) + held('fee_income');
  const feeReceivable = Math.max(-held('fee_income'), feesPaid) - feesPaid - held('fee_receivable');
  const interest = -(cash + portfolio + feeReceivable - feeIncome);
  const fromReceivable = interest < 0 ? Math.min(-interest, Math.max(0, held('interest_receivable'))) : 0;
  const postings: Posting[] = [
    { account: 'cash', debit: Math.max(cash, 0), credit: Math.max(-cash, 0) },
    { account: 'loan_portfolio', debit: Math.max(portfolio, 0), credit: Math.max(-portfolio, 0) },
    { account: 'fee_receivable', debit: Math.max(feeReceivable, 0), credit: Math.max(-feeReceivable, 0) },
    { account: 'fee_income', debit: Math.max(-feeIncome, 0), credit: Math.max(feeIncome, 0) },
    { account: 'interest_receivable', debit: Math.max(interest, 0), credit: fromReceivable },
    { account: 'interest_income', debit: 0, credit: interest < 0 ? -interest - fromReceivable : 0 },
  ];
  return postings.filter((p) => p.debit > 0 || p.credit > 0);
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

/** A monthly statement of a credit line as issued by the daily close (money in minor units). */
export interface LineStatement {
  readonly statementDate: string;
  readonly dueDate: string;
  readonly principal: number;
  readonly interestBilled: number;
  readonly interestUnpaid: number;
  /** The minimum payment due by `dueDate`: `pastDue` plus this statement's minimum, capped at the balance. */
  readonly minimumDue: number;
  readonly pastDue: number;
  /** The late fee charged in the statement's cycle (for the previous statement's missed minimum). */
  readonly lateFees: number;
  /** Late fees charged by the statement date and not yet paid. */
  readonly feesUnpaid: number;
}

/** A credit line's statements, newest first. */
export async function listLineStatements(q: Queryable, lineId: string): Promise<LineStatement[]> {
  const { rows } = await q.query<Record<string, string>>(
    `SELECT to_char(statement_date, 'YYYY-MM-DD') AS statement_date, to_char(due_date, 'YYYY-MM-DD') AS due_date, principal, interest_billed,
            interest_unpaid, minimum_due, past_due, late_fees, fees_unpaid FROM credit_line_statements WHERE line_id = $1 ORDER BY statement_date DESC`,
    [lineId],
  );
  return rows.map((r) => ({
    statementDate: r.statement_date as string,
    dueDate: r.due_date as string,
    principal: Number(r.principal),
    interestBilled: Number(r.interest_billed),
    interestUnpaid: Number(r.interest_unpaid),
    minimumDue: Number(r.minimum_due),
    pastDue: Number(r.past_due),
    lateFees: Number(r.late_fees),
    feesUnpaid: Number(r.fees_unpaid),
  }));
}
