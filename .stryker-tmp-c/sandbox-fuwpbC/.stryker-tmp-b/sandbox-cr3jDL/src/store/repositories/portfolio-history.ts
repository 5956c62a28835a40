// @ts-nocheck
// 
import { bucketLabels, DEFAULT_DPD_BOUNDS } from '../../finance/index.js';
import { compileRollRatesSql, compileVintageSql, postgres } from '../../sql/index.js';
import type { Queryable } from '../queryable.js';

const monthEnd = (d: string) => `(date_trunc('month', ${d}) + interval '1 month - 1 day')::date`;
const monthIndex = (d: string) => `(extract(year from ${d})::int * 12 + extract(month from ${d})::int)`;

/**
 * The stored book as a loan × month-on-book performance table (the layout `credo portfolio`
 * reads: loan_id, vintage, mob, balance, dpd, charged_off), from the classification history the
 * daily close keeps. One row per loan and calendar month-end that was closed: vintage = the
 * disbursement month, MOB = months since it (MOB 1 = the month after disbursement, the month
 * the first instalment falls due), balance = outstanding principal (minor units), dpd of that
 * close. The month a loan leaves the book ends its rows as in the synthetic world's table: a
 * written-off loan's last row is charged off and carries the amount written off; a loan closed
 * with every obligation met ends on a row with balance 0 and dpd 0 (the month of its last
 * repayment). Such a last row is written once its month-end has been closed. The write-off date
 * is its transaction's value date, or the value date of its journal (memo 'write-off').
 */
export const BOOK_PERFORMANCE_SQL = `
WITH observed AS (SELECT max(as_of) AS last FROM close_runs),
-- the closed month-ends first, so the history is read through its as_of index, not scanned
month_ends AS (SELECT as_of FROM close_runs WHERE as_of = ${monthEnd('as_of')}),
ends AS (
  SELECT l.id AS loan_id, l.state = 'written_off' AS charged_off, l.written_off, l.dpd,
         CASE WHEN l.state = 'written_off' THEN coalesce(w.d, j.d) ELSE r.d END AS ended_on
    FROM loans l
    LEFT JOIN LATERAL (SELECT max(t.value_date) AS d FROM loan_transactions t
                        WHERE t.loan_id = l.id AND t.reversed_at IS NULL AND t.kind = 'write_off') AS w ON l.state = 'written_off'
    LEFT JOIN LATERAL (SELECT max(e.value_date) AS d FROM ledger_entries e WHERE e.loan_id = l.id AND e.memo = 'write-off') AS j ON l.state = 'written_off'
    LEFT JOIN LATERAL (SELECT max(t.value_date) AS d FROM loan_transactions t
                        WHERE t.loan_id = l.id AND t.reversed_at IS NULL AND t.kind IN ('repayment', 'prepayment')) AS r ON l.state = 'closed'
   WHERE l.state IN ('written_off', 'closed')),
rows AS (
  SELECT c.loan_id, l.disbursed_on, ${monthIndex('c.as_of')} - ${monthIndex('l.disbursed_on')} AS mob, c.outstanding AS balance, c.dpd, 0 AS charged_off
    FROM month_ends m JOIN loan_classifications c ON c.as_of = m.as_of JOIN loans l ON l.id = c.loan_id LEFT JOIN ends e ON e.loan_id = c.loan_id
   WHERE e.ended_on IS NULL OR c.as_of < ${monthEnd('e.ended_on')}
  UNION ALL
  SELECT e.loan_id, l.disbursed_on, ${monthIndex('e.ended_on')} - ${monthIndex('l.disbursed_on')},
         CASE WHEN e.charged_off THEN e.written_off ELSE 0 END, CASE WHEN e.charged_off THEN e.dpd ELSE 0 END, CASE WHEN e.charged_off THEN 1 ELSE 0 END
    FROM ends e JOIN loans l ON l.id = e.loan_id CROSS JOIN observed o
   WHERE ${monthEnd('e.ended_on')} <= o.last)
SELECT loan_id::text AS loan_id, to_char(disbursed_on, 'YYYY-MM') AS vintage, mob, balance, dpd, charged_off FROM rows WHERE mob >= 1`;

/** One row of the book's performance table (balance in minor units). */
export interface BookPerformanceRow {
  readonly loanId: string;
  readonly vintage: string;
  readonly mob: number;
  readonly balance: number;
  readonly dpd: number;
  readonly chargedOff: 0 | 1;
}

/** The book's performance table (`BOOK_PERFORMANCE_SQL`), in loan then MOB order. */
export async function bookPerformance(q: Queryable): Promise<BookPerformanceRow[]> {
  const { rows } = await q.query<{ loan_id: string; vintage: string; mob: number; balance: string; dpd: number; charged_off: number }>(
    `SELECT * FROM (${BOOK_PERFORMANCE_SQL}) AS book ORDER BY loan_id, mob`,
  );
  return rows.map((r) => ({
    loanId: r.loan_id,
    vintage: r.vintage,
    mob: Number(r.mob),
    balance: Number(r.balance),
    dpd: Number(r.dpd),
    chargedOff: Number(r.charged_off) === 1 ? 1 : 0,
  }));
}

const BOOK = `(${BOOK_PERFORMANCE_SQL}) AS credo_book`;
// Balances are already integer minor units: exponent 0 keeps them as they are.
const COLUMNS = { currencyExponent: 0 } as const;

/** Vintage curves of the stored book (the figures of `credo portfolio vintage`; balances in minor units). */
export interface BookVintages {
  readonly badDpd: number;
  /** MOB of curve index j is j + 1. */
  readonly maxMob: number;
  readonly vintages: readonly {
    readonly vintage: string;
    readonly loans: number;
    readonly balance: number;
    readonly observedMob: number;
    readonly bads: number;
    /** Cumulative bad rates by MOB (null beyond the vintage's observed MOB). */
    readonly countRate: readonly (number | null)[];
    readonly balanceRate: readonly (number | null)[];
  }[];
}

/**
 * Vintage curves of the book in one query: `compileVintageSql` (the SQL twin of `vintageCurves`)
 * over the book's performance table. Bad = dpd ≥ `badDpd` at a month-end, or written off.
 */
export async function bookVintages(q: Queryable, badDpd = 90): Promise<BookVintages> {
  const { rows } = await q.query<{
    vintage: string;
    mob: number;
    loans: string;
    balance: string;
    cumulative_bads: string;
    count_rate: number;
    balance_rate: number;
  }>(compileVintageSql(postgres, BOOK, COLUMNS, badDpd));
  const maxMob = rows.reduce((m, r) => Math.max(m, Number(r.mob)), 0);
  const byVintage = new Map<string, typeof rows>();
  for (const r of rows) {
    const cells = byVintage.get(r.vintage);
    if (cells === undefined) byVintage.set(r.vintage, [r]);
    else cells.push(r);
  }
  const vintages = [...byVintage].map(([vintage, cells]) => {
    const countRate: (number | null)[] = new Array(maxMob).fill(null);
    const balanceRate: (number | null)[] = new Array(maxMob).fill(null);
    for (const c of cells) {
      countRate[Number(c.mob) - 1] = Number(c.count_rate);
      balanceRate[Number(c.mob) - 1] = Number(c.balance_rate);
    }
    const last = cells[cells.length - 1] as (typeof cells)[number];
    return {
      vintage,
      loans: Number(last.loans),
      balance: Number(last.balance),
      observedMob: Number(last.mob),
      bads: Number(last.cumulative_bads),
      countRate,
      balanceRate,
    };
  });
  return { badDpd, maxMob, vintages };
}

/** Roll-rate matrices of the book (the figures of `credo portfolio roll-rates`; balances in minor units). */
export interface BookRollRates {
  readonly buckets: readonly string[];
  readonly transitions: number;
  /** k × k, from-bucket rows. */
  readonly counts: readonly (readonly number[])[];
  readonly balances: readonly (readonly number[])[];
  /** Row shares; null for an empty from-row. */
  readonly countShares: readonly (readonly (number | null)[])[];
  readonly balanceShares: readonly (readonly (number | null)[])[];
}

/**
 * Month-to-month roll rates of the book between dpd buckets (upper bounds `bounds`, then 90+ and
 * Charged off) in one query: `compileRollRatesSql` (the SQL twin of `rollRates`) over the book's
 * performance table; a transition pairs a loan's month-ends at MOB t and t + 1.
 */
export async function bookRollRates(q: Queryable, bounds: readonly number[] = DEFAULT_DPD_BOUNDS): Promise<BookRollRates> {
  const { rows } = await q.query<{ transitions: string; balance: string; count_share: number | null; balance_share: number | null }>(
    compileRollRatesSql(postgres, BOOK, COLUMNS, bounds),
  );
  const buckets = bucketLabels(bounds);
  const k = buckets.length;
  const matrix = <T>(pick: (r: (typeof rows)[number]) => T) => buckets.map((_, from) => rows.slice(from * k, (from + 1) * k).map(pick));
  const share = (x: number | null) => (x === null ? null : Number(x));
  return {
    buckets,
    transitions: rows.reduce((s, r) => s + Number(r.transitions), 0),
    counts: matrix((r) => Number(r.transitions)),
    balances: matrix((r) => Number(r.balance)),
    countShares: matrix((r) => share(r.count_share)),
    balanceShares: matrix((r) => share(r.balance_share)),
  };
}
