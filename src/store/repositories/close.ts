import { CredoError } from '../../errors/index.js';
import { IRAC_BUCKETS, RBI_PROVISION_RATES } from '../../finance/index.js';
import { dayNumber, isoDay } from '../../servicing/index.js';
import type { Database } from '../database.js';
import type { Queryable } from '../queryable.js';

/** The figures of one business date's close (as stored; a re-run returns them unchanged). */
export interface CloseRun {
  readonly asOf: string;
  /** Active loans closed. */
  readonly loans: number;
  readonly npaLoans: number;
  /** Loans that became NPA or moved to IFRS 9 stage 2 that day (early warnings). */
  readonly alerts: number;
  readonly seconds: number;
}

const RATES = IRAC_BUCKETS.map((b) => `('${b}', ${RBI_PROVISION_RATES[b]})`).join(', ');

/**
 * Classifies every active loan on `$1` in one statement (set-based, no per-loan queries): dpd from
 * the schedule and the allocations with value date ≤ the date; the NPA date carried from the
 * previous close until dpd is 0 (upgrade only after arrears are cleared); IRAC class from the
 * months as NPA; IFRS 9 stage; ECL and provision — the same rules as `classifyLoan`.
 */
const CLASSIFY = `
INSERT INTO loan_classifications (loan_id, as_of, dpd, bucket, irac_class, npa, npa_since, ifrs9_stage, ecl, provision, outstanding)
WITH book AS (
  SELECT l.id, l.pd, (l.product->>'npaDpd')::int AS npa_dpd, (l.product->>'lgd')::float8 AS lgd, l.product->'buckets' AS buckets,
         l.npa_since AS prev_since, l.written_off
    FROM loans l WHERE l.state = 'active' AND l.disbursed_on <= $1::date),
paid AS (
  SELECT a.loan_id, a.n, sum(a.principal) AS pr, sum(a.principal + a.interest) AS pi
    FROM loan_allocations a JOIN book b ON b.id = a.loan_id WHERE a.value_date <= $1::date GROUP BY a.loan_id, a.n),
agg AS (
  SELECT i.loan_id,
         coalesce($1::date - min(i.due_date) FILTER (WHERE i.due_date < $1::date AND i.principal + i.interest > coalesce(p.pi, 0)), 0) AS dpd,
         sum(i.principal - coalesce(p.pr, 0)) AS outstanding,
         count(*) FILTER (WHERE i.due_date > $1::date) AS remaining
    FROM loan_instalments i JOIN book b ON b.id = i.loan_id LEFT JOIN paid p ON p.loan_id = i.loan_id AND p.n = i.n
   GROUP BY i.loan_id),
npa AS (
  SELECT b.id, b.pd, b.lgd, b.buckets, a.dpd, greatest(a.outstanding - b.written_off, 0) AS outstanding, a.remaining,
         CASE WHEN b.prev_since IS NOT NULL AND a.dpd > 0 THEN b.prev_since
              WHEN a.dpd > b.npa_dpd THEN $1::date - (a.dpd - b.npa_dpd - 1) END AS npa_since
    FROM book b JOIN agg a ON a.loan_id = b.id),
cls AS (
  SELECT n.*,
         CASE WHEN n.npa_since IS NULL THEN CASE WHEN n.dpd <= 0 THEN 'Standard' WHEN n.dpd <= 30 THEN 'SMA-0' WHEN n.dpd <= 60 THEN 'SMA-1' ELSE 'SMA-2' END
              WHEN n.m <= 12 THEN 'Sub-standard' WHEN n.m <= 24 THEN 'Doubtful D1' WHEN n.m <= 48 THEN 'Doubtful D2' ELSE 'Doubtful D3' END AS irac_class,
         CASE WHEN n.npa_since IS NOT NULL THEN 3 WHEN n.dpd > 30 THEN 2 ELSE 1 END AS stage
    FROM (SELECT npa.*, (date_part('year', age($1::date, npa_since)) * 12 + date_part('month', age($1::date, npa_since)))::int AS m FROM npa) n)
SELECT c.id, $1::date, c.dpd,
       (SELECT e->>'label' FROM jsonb_array_elements(c.buckets) WITH ORDINALITY AS x(e, k)
         WHERE jsonb_typeof(e->'maxDpd') <> 'number' OR c.dpd <= (e->>'maxDpd')::numeric ORDER BY k LIMIT 1),
       c.irac_class, c.npa_since IS NOT NULL, c.npa_since, c.stage,
       round(((CASE c.stage WHEN 3 THEN 1 WHEN 2 THEN 1 - power(1 - c.pd, greatest(c.remaining, 12) / 12.0) ELSE c.pd END) * c.lgd * c.outstanding)::numeric),
       round((r.rate * c.outstanding)::numeric),
       c.outstanding
  FROM cls c JOIN (VALUES ${RATES}) AS r(class, rate) ON r.class = c.irac_class`;

/** Posts each loan's change of provision (expense against the allowance) from the day's classification; one journal per loan. */
const PROVISIONS = `
INSERT INTO ledger_entries (journal_id, loan_id, account, debit, credit, value_date, memo)
SELECT md5(l.id::text || $1::text)::uuid, l.id, x.account,
       CASE WHEN x.debit_side = (c.provision > l.provision) THEN abs(c.provision - l.provision) ELSE 0 END,
       CASE WHEN x.debit_side = (c.provision > l.provision) THEN 0 ELSE abs(c.provision - l.provision) END,
       $1::date, 'provision ' || $1::text
  FROM loan_classifications c JOIN loans l ON l.id = c.loan_id
 CROSS JOIN (VALUES ('provision_expense', true), ('provisions', false)) AS x(account, debit_side)
 WHERE c.as_of = $1::date AND c.provision <> l.provision`;

const ALERTS = `
SELECT count(*) FILTER (WHERE c.npa) AS npa_loans, count(*) AS loans,
       count(*) FILTER (WHERE (c.npa AND l.npa_since IS NULL) OR (c.ifrs9_stage = 2 AND l.ifrs9_stage = 1)) AS alerts
  FROM loan_classifications c JOIN loans l ON l.id = c.loan_id WHERE c.as_of = $1::date`;

const UPDATE = `
UPDATE loans l SET last_close = c.as_of, dpd = c.dpd, irac_class = c.irac_class, npa_since = c.npa_since, ifrs9_stage = c.ifrs9_stage, ecl = c.ecl, provision = c.provision
  FROM loan_classifications c WHERE c.as_of = $1::date AND c.loan_id = l.id`;

function toRun(row: { as_of: string; loans: number; npa_loans: number; alerts: number; seconds: number }): CloseRun {
  return { asOf: row.as_of, loans: row.loans, npaLoans: row.npa_loans, alerts: row.alerts, seconds: row.seconds };
}

async function storedRun(q: Queryable, asOf: string): Promise<CloseRun | undefined> {
  const { rows } = await q.query<{ as_of: string; loans: number; npa_loans: number; alerts: number; seconds: number }>(
    "SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of, loans, npa_loans, alerts, seconds FROM close_runs WHERE as_of = $1::date",
    [asOf],
  );
  return rows[0] === undefined ? undefined : toRun(rows[0]);
}

/** Closes one date in one transaction (the loans' rows stay locked against payments until it commits). */
async function closeDate(db: Database, asOf: string): Promise<CloseRun> {
  return db.transaction(async (tx) => {
    const done = await storedRun(tx, asOf);
    if (done !== undefined) return done;
    const started = performance.now();
    await tx.query(CLASSIFY, [asOf]);
    const counts = (await tx.query<{ loans: string; npa_loans: string; alerts: string }>(ALERTS, [asOf])).rows[0] as {
      loans: string;
      npa_loans: string;
      alerts: string;
    };
    await tx.query(PROVISIONS, [asOf]);
    await tx.query(UPDATE, [asOf]);
    const run: CloseRun = {
      asOf,
      loans: Number(counts.loans),
      npaLoans: Number(counts.npa_loans),
      alerts: Number(counts.alerts),
      seconds: (performance.now() - started) / 1000,
    };
    await tx.query('INSERT INTO close_runs (as_of, loans, npa_loans, alerts, seconds) VALUES ($1::date, $2, $3, $4, $5)', [
      asOf,
      run.loans,
      run.npaLoans,
      run.alerts,
      run.seconds,
    ]);
    return run;
  });
}

/**
 * The daily close of the whole book for `asOf`: every date from the day after the last close up
 * to `asOf` (catch-up; each date its own transaction, so a crash resumes at the first unclosed
 * date), or `asOf` alone before the first close. A date already closed returns its stored figures
 * and changes nothing; a date before the last close that was never closed is a 409.
 */
export async function closeBook(db: Database, asOf: string): Promise<CloseRun & { readonly datesClosed: number }> {
  const day = dayNumber(asOf, 'as-of date');
  const done = await storedRun(db, asOf);
  if (done !== undefined) return { ...done, datesClosed: 0 };
  const { rows } = await db.query<{ last: string | null }>("SELECT to_char(max(as_of), 'YYYY-MM-DD') AS last FROM close_runs");
  const last = rows[0]?.last ?? null;
  if (last !== null && last > asOf)
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: `the book is closed up to ${last}; ${asOf} was never closed and cannot be closed now`,
      allowed: `dates after ${last}`,
    });
  let run: CloseRun | undefined;
  let dates = 0;
  for (let d = last === null ? day : dayNumber(last) + 1; d <= day; d++) {
    run = await closeDate(db, isoDay(d));
    dates += 1;
  }
  return { ...(run as CloseRun), datesClosed: dates };
}
