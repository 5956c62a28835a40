import {
  type Classification,
  classifyLoan,
  DEFAULT_PRODUCT,
  type Instalment,
  type LoanPosition,
  type LoanProduct,
  type LoanState,
  type Repayment,
  replayLoan,
} from '../../servicing/index.js';
import type { Queryable } from '../queryable.js';
import { isUuid } from './page.js';

/** A loan as stored; money in integer minor units of `currency`. */
export interface Loan {
  readonly id: string;
  readonly applicationId: string;
  readonly product: LoanProduct;
  readonly state: LoanState;
  readonly currency: string;
  readonly principal: number;
  /** Annual rate as stored (exact decimal string). */
  readonly annualRate: string;
  readonly termMonths: number;
  /** 12-month PD at origination (the decision's PD). */
  readonly pd: number;
  readonly disbursedOn: string | null;
  readonly writtenOff: number;
  readonly recovered: number;
  /** Figures of the last daily close (null before one). */
  readonly lastClose: string | null;
  readonly npaSince: string | null;
  readonly provision: number;
  /** The date of the last restructure and the end of its IRAC monitoring period (null when never restructured). */
  readonly restructuredOn: string | null;
  readonly monitoredUntil: string | null;
  /** The date of the last prepayment or restructure: no transaction may be added or reversed before it. */
  readonly rescheduledOn: string | null;
  /** Interest income recognised by the loan's latest close since its disbursement (minor units; 0 before one). */
  readonly interestAccrued: number;
  readonly createdAt: Date;
}

interface LoanRow {
  id: string;
  application_id: string;
  product: Record<string, unknown>;
  state: LoanState;
  currency: string;
  principal: string;
  annual_rate: string;
  term_months: number;
  pd: number;
  disbursed_on: string | null;
  written_off: string;
  recovered: string;
  last_close: string | null;
  npa_since: string | null;
  provision: string;
  restructured_on: string | null;
  monitored_until: string | null;
  rescheduled_on: string | null;
  interest_accrued: string;
  created_at: Date;
}

/** A product from its stored JSON (an unbounded last bucket is stored as null). */
export function productFromJson(json: Record<string, unknown>): LoanProduct {
  const p = json as unknown as LoanProduct;
  return { ...p, buckets: p.buckets.map((b) => ({ label: b.label, maxDpd: b.maxDpd ?? Number.POSITIVE_INFINITY })) };
}

const COLUMNS =
  "id, application_id, (SELECT s.product FROM loan_product_snapshots s WHERE s.loan_id = loans.id) AS product, state, currency, principal, annual_rate::text AS annual_rate, term_months, pd, to_char(disbursed_on, 'YYYY-MM-DD') AS disbursed_on, written_off, recovered, to_char(last_close, 'YYYY-MM-DD') AS last_close, to_char(npa_since, 'YYYY-MM-DD') AS npa_since, provision, to_char(restructured_on, 'YYYY-MM-DD') AS restructured_on, to_char(monitored_until, 'YYYY-MM-DD') AS monitored_until, to_char(rescheduled_on, 'YYYY-MM-DD') AS rescheduled_on, created_at, " +
  'coalesce((SELECT c.accrued FROM loan_classifications c WHERE c.loan_id = loans.id AND c.as_of >= loans.disbursed_on ORDER BY c.as_of DESC LIMIT 1), 0) AS interest_accrued';

function toLoan(row: LoanRow): Loan {
  return {
    id: row.id,
    applicationId: row.application_id,
    product: productFromJson(row.product),
    state: row.state,
    currency: row.currency,
    principal: Number(row.principal),
    annualRate: row.annual_rate,
    termMonths: row.term_months,
    pd: row.pd,
    disbursedOn: row.disbursed_on,
    writtenOff: Number(row.written_off),
    recovered: Number(row.recovered),
    lastClose: row.last_close,
    npaSince: row.npa_since,
    provision: Number(row.provision),
    restructuredOn: row.restructured_on,
    monitoredUntil: row.monitored_until,
    rescheduledOn: row.rescheduled_on,
    interestAccrued: Number(row.interest_accrued),
    createdAt: row.created_at,
  };
}

/** One loan, or undefined; `forUpdate` locks it until the transaction ends (payments and the close queue on it). */
export async function getLoan(q: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<Loan | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await q.query<LoanRow>(`SELECT ${COLUMNS} FROM loans WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] === undefined ? undefined : toLoan(rows[0]);
}

/** The loan made from an application, if any. */
export async function getLoanIdOfApplication(q: Queryable, applicationId: string): Promise<string | undefined> {
  const { rows } = await q.query<{ id: string }>('SELECT id FROM loans WHERE application_id = $1', [applicationId]);
  return rows[0]?.id;
}

/** A loan's schedule, in instalment order. */
export async function listInstalments(q: Queryable, loanId: string): Promise<Instalment[]> {
  const { rows } = await q.query<{ n: number; due_date: string; principal: string; interest: string; fees: string; fixed_penalty: string | null }>(
    "SELECT n, to_char(due_date, 'YYYY-MM-DD') AS due_date, principal, interest, fees, fixed_penalty FROM loan_instalments WHERE loan_id = $1 ORDER BY n",
    [loanId],
  );
  return rows.map((r) => ({
    n: r.n,
    dueDate: r.due_date,
    principal: Number(r.principal),
    interest: Number(r.interest),
    fees: Number(r.fees),
    ...(r.fixed_penalty === null ? {} : { fixedPenalty: Number(r.fixed_penalty) }),
  }));
}

/** Stores a loan's schedule, replacing any it had (its history is kept by the caller in `loan_reschedules`). */
export async function replaceSchedule(q: Queryable, loanId: string, schedule: readonly Instalment[]): Promise<void> {
  await q.query('DELETE FROM loan_instalments WHERE loan_id = $1', [loanId]);
  await q.query(
    `INSERT INTO loan_instalments (loan_id, n, due_date, principal, interest, fees, fixed_penalty)
     SELECT $1, n, d, p, i, f, fp FROM unnest($2::int[], $3::date[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[]) AS x(n, d, p, i, f, fp)`,
    [
      loanId,
      schedule.map((i) => i.n),
      schedule.map((i) => i.dueDate),
      schedule.map((i) => i.principal),
      schedule.map((i) => i.interest),
      schedule.map((i) => i.fees),
      schedule.map((i) => i.fixedPenalty ?? null),
    ],
  );
}

/** A loan's repayments and prepayments (reversed ones flagged), in recording order. */
export async function listRepayments(q: Queryable, loanId: string): Promise<(Repayment & { externalId: string | null })[]> {
  const { rows } = await q.query<{ id: string; seq: string; amount: string; value_date: string; reversed: boolean; external_id: string | null }>(
    "SELECT id, seq, amount, to_char(value_date, 'YYYY-MM-DD') AS value_date, reversed_at IS NOT NULL AS reversed, external_id FROM loan_transactions WHERE loan_id = $1 AND kind IN ('repayment', 'prepayment') ORDER BY seq",
    [loanId],
  );
  return rows.map((r) => ({
    id: r.id,
    seq: Number(r.seq),
    amount: Number(r.amount),
    valueDate: r.value_date,
    reversed: r.reversed,
    externalId: r.external_id,
  }));
}

/** A loan replayed from its stored schedule and repayments as of `asOf`, with its classification that day. */
export async function loanPositionOf(
  q: Queryable,
  loan: Loan,
  asOf: string,
): Promise<{ position: LoanPosition; classification: Classification; schedule: Instalment[] }> {
  const schedule = await listInstalments(q, loan.id);
  const position = replayLoan(loan.product, schedule, await listRepayments(q, loan.id), asOf);
  const remainingMonths = schedule.filter((i) => i.dueDate > asOf).length;
  const classification = classifyLoan(loan.product, {
    asOf,
    dpd: position.dpd,
    outstandingPrincipal: position.outstandingPrincipal - loan.writtenOff,
    remainingMonths,
    pd: loan.pd,
    previousNpaSince: loan.npaSince,
    writtenOff: loan.state === 'written_off',
    restructured: loan.restructuredOn === null || loan.monitoredUntil === null ? null : { on: loan.restructuredOn, monitoredUntil: loan.monitoredUntil },
  });
  return { position, classification, schedule };
}

/** Registers the default product's version if it is not stored yet (idempotent). */
export async function ensureDefaultProduct(q: Queryable): Promise<LoanProduct> {
  await q.query('INSERT INTO loan_products (id, version, definition) VALUES ($1, $2, $3::jsonb) ON CONFLICT (id, version) DO NOTHING', [
    DEFAULT_PRODUCT.id,
    DEFAULT_PRODUCT.version,
    JSON.stringify(DEFAULT_PRODUCT),
  ]);
  return DEFAULT_PRODUCT;
}

/** The latest version of a product, or undefined. */
export async function getLatestProduct(q: Queryable, id: string): Promise<LoanProduct | undefined> {
  const { rows } = await q.query<{ definition: Record<string, unknown> }>('SELECT definition FROM loan_products WHERE id = $1 ORDER BY version DESC LIMIT 1', [
    id,
  ]);
  return rows[0] === undefined ? undefined : productFromJson(rows[0].definition);
}

/** A row of the loan book as the list shows it (figures of the last daily close; money in minor units). */
export interface LoanSummary {
  readonly id: string;
  readonly applicationId: string;
  readonly state: LoanState;
  readonly currency: string;
  readonly principal: number;
  readonly outstandingPrincipal: number;
  readonly annualRate: string;
  readonly termMonths: number;
  readonly disbursedOn: string | null;
  readonly dpd: number;
  readonly iracClass: string;
  readonly ifrs9Stage: number;
  readonly lastClose: string | null;
  readonly restructuredOn: string | null;
}

/** The loan book, newest first, optionally of one state; `total` counts every match. */
export async function listLoans(q: Queryable, options: { limit: number; offset: number; state?: string }): Promise<{ total: number; items: LoanSummary[] }> {
  const where = options.state === undefined ? '' : 'WHERE state = $3';
  const { rows } = await q.query<Record<string, string | number | null>>(
    `SELECT id, application_id, state, currency, principal::text AS principal, outstanding_principal::text AS outstanding_principal,
            annual_rate::text AS annual_rate, term_months, to_char(disbursed_on, 'YYYY-MM-DD') AS disbursed_on, dpd, irac_class, ifrs9_stage,
            to_char(last_close, 'YYYY-MM-DD') AS last_close, to_char(restructured_on, 'YYYY-MM-DD') AS restructured_on, count(*) OVER () AS total
       FROM loans ${where} ORDER BY created_at DESC, id LIMIT $1 OFFSET $2`,
    [options.limit, options.offset, ...(options.state === undefined ? [] : [options.state])],
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      id: String(r.id),
      applicationId: String(r.application_id),
      state: r.state as LoanState,
      currency: String(r.currency),
      principal: Number(r.principal),
      outstandingPrincipal: Number(r.outstanding_principal),
      annualRate: String(r.annual_rate),
      termMonths: Number(r.term_months),
      disbursedOn: r.disbursed_on === null ? null : String(r.disbursed_on),
      dpd: Number(r.dpd),
      iracClass: String(r.irac_class),
      ifrs9Stage: Number(r.ifrs9_stage),
      lastClose: r.last_close === null ? null : String(r.last_close),
      restructuredOn: r.restructured_on === null ? null : String(r.restructured_on),
    })),
  };
}
