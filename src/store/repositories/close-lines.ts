import { CREDIT_LINE_TERMS } from '../../servicing/index.js';
import { BEHAVIOURAL_PD, days, ECL, IFRS9_STAGE, IRAC_CLASS, limitAt, NPA_MONTHS, NPA_SINCE_RULE, PD_DOUBLED, PROVISION_RATES } from './close-statements.js';

/**
 * The daily close of the revolving credit lines, one business date (`$1`; `$2` the previous closed
 * date or null) over every active line at once, in the transaction that records the date closed.
 * Set-based: the figures of a line are a function of its movements (value date ≤ `$1`) and of its
 * NPA date at the previous close, read with the loans' classification fragments
 * (`close-statements.ts`), so the rules are `classifyLoan`'s with `CREDIT_LINE_TERMS.product`.
 * Touches only the lines' tables (and the ledger and alerts for lines).
 */

const T = CREDIT_LINE_TERMS;

/** The delinquency buckets as `(label, above, upto)`: dpd in (above, upto]. */
const BUCKETS = T.product.buckets
  .map((b, k) => {
    const above = k === 0 ? -1 : Math.floor((T.product.buckets[k - 1] as { maxDpd: number }).maxDpd);
    const upto = Number.isFinite(b.maxDpd) && k < T.product.buckets.length - 1 ? Math.floor(b.maxDpd) : 2147483647;
    return `('${b.label}', ${above}, ${upto})`;
  })
  .join(', ');

/** Locks the active lines against draws and repayments (each movement locks its line first). */
export const LOCK_LINES = `
SELECT count(*) FROM (SELECT 1 FROM credit_lines WHERE state = 'active' AND opened_on <= $1::date ORDER BY id FOR UPDATE) l`;

const BOOK = `
book AS MATERIALIZED (
  SELECT l.id, l.pd, l.opened_on, l.annual_rate AS rate, l.late_fee, ${limitAt('$1::date')}::bigint AS credit_limit,
         CASE WHEN l.npa_since < $1::date THEN l.npa_since END AS prev_since, l.ifrs9_stage AS prev_stage,
         l.day_count = 'actual/365' AS actual, CASE l.day_count WHEN 'actual/365' THEN 365 ELSE 360 END AS basis
    FROM credit_lines l WHERE l.state = 'active' AND l.opened_on <= $1::date)`;

/**
 * Every line's position at each of its statement dates (k ≥ 1: opening + k months, clamped to the
 * month's end, up to `$1`) and at `$1` itself (k = 0): drawn principal, total, late fees and
 * interest paid, the line's late fee, and the contractual interest accrued, floor(rate · Σ principal·days(v − 1, date) / basis) —
 * exact in numeric, as `lineInterestAccrued`.
 */
export const STAGE_LINE_POINTS = `
CREATE TEMP TABLE line_points ON COMMIT DROP AS
WITH ${BOOK},
tx AS (
  SELECT t.line_id, t.value_date, CASE t.kind WHEN 'draw' THEN t.principal ELSE -t.principal END AS sp,
         CASE t.kind WHEN 'repayment' THEN t.amount ELSE 0 END AS paid, t.interest AS ip, t.fee AS fp
    FROM book b JOIN credit_line_transactions t ON t.line_id = b.id WHERE t.value_date <= $1::date),
st AS (
  SELECT b.id AS line_id, k, (b.opened_on + make_interval(months => k))::date AS e
    FROM book b, generate_series(1, (date_part('year', age($1::date, b.opened_on)) * 12 + date_part('month', age($1::date, b.opened_on)))::int + 1) AS k
   WHERE (b.opened_on + make_interval(months => k))::date <= $1::date),
pts AS (SELECT line_id, k, e FROM st UNION ALL SELECT id, 0, $1::date FROM book)
SELECT p.line_id, p.k, p.e, coalesce(sum(x.sp), 0)::bigint AS principal, coalesce(sum(x.paid), 0)::bigint AS paid, coalesce(sum(x.ip), 0)::bigint AS ip,
       coalesce(sum(x.fp), 0)::bigint AS fp, b.late_fee,
       coalesce(div(b.rate * sum(x.sp * ${days('b.actual', 'x.value_date - 1', 'p.e')}), b.basis), 0)::bigint AS accrued
  FROM pts p JOIN book b ON b.id = p.line_id LEFT JOIN tx x ON x.line_id = p.line_id AND x.value_date <= p.e
 GROUP BY p.line_id, p.k, p.e, b.rate, b.basis, b.actual, b.late_fee`;

/**
 * The statements: interest billed = accrued at the statement − accrued at the previous one; the
 * statement's new minimum = min(balance, max(floor, interest billed + 5% of the principal)),
 * balance = principal + unpaid interest; due `dueDays` later. `ncum` sums the new minimums.
 * `missed`: the minimums through the statement were not counted by its due date; `fee`: its late fee
 * (counted as in \`arrears\` below, with the repayments up to the due date), charged the day after
 * when that is on or before `$1`: the line's late fee capped by the statement's own minimum
 * (`lineLateFees`).
 */
const CYCLES = `
stm AS (
  SELECT a.line_id, a.k, a.e AS statement_date, a.e + ${T.dueDays} AS due_date, a.principal, a.paid, a.accrued, a.ip, a.fp, a.late_fee,
         (SELECT coalesce(sum(t.amount), 0) FROM credit_line_transactions t
           WHERE t.line_id = a.line_id AND t.kind = 'repayment' AND t.value_date <= a.e + ${T.dueDays})::bigint AS paid_due,
         a.accrued - coalesce(lag(a.accrued) OVER w, 0) AS billed,
         least(a.principal + a.accrued - a.ip,
               greatest(${T.minimumFloor}, a.accrued - coalesce(lag(a.accrued) OVER w, 0) + round(a.principal * ${T.minimumPrincipalRate}))::bigint) AS new_due
    FROM line_points a WHERE a.k > 0 WINDOW w AS (PARTITION BY a.line_id ORDER BY a.k)),
cum AS (
  SELECT s.*, sum(s.new_due) OVER w AS ncum, first_value(s.paid) OVER w AS paid_first
    FROM stm s WINDOW w AS (PARTITION BY s.line_id ORDER BY s.k)),
mis AS (
  SELECT c.*, c.due_date < $1::date AND c.paid_due + least(-c.paid_first, min(c.ncum - c.paid) OVER w) < c.ncum AS missed
    FROM cum c WINDOW w AS (PARTITION BY c.line_id ORDER BY c.k)),
cyc AS (
  SELECT m.*, CASE WHEN m.missed THEN least(m.late_fee, m.new_due) ELSE 0 END AS fee,
         -- The statement due yesterday is the third in a row whose minimum was not covered by its due date, the one before them was (or there was none): once per run.
         m.due_date = $1::date - 1 AND m.missed AND coalesce(lag(m.missed, 1) OVER w AND lag(m.missed, 2) OVER w, false)
           AND NOT coalesce(lag(m.missed, 3) OVER w, false) AS late3
    FROM mis m WINDOW w AS (PARTITION BY m.line_id ORDER BY m.k))`;

/**
 * Every active line's figures on `$1` into `line_stage` (dropped at commit). Minimum payments are
 * paid oldest first by the repayments after the first statement, a payment counting towards the
 * minimums already issued and never towards later ones: counted = min over j of (Σ minimums to j +
 * paid since statement j) (j = 0: paid since statement 1); dpd = days since the due date of the
 * oldest minimum not covered, 0 when nothing is owed. Then the loans' rules: NPA over 90 dpd (kept
 * until dpd 0), IRAC class, behavioural PD, IFRS 9 stage, provision = the class's rate × drawn,
 * ECL = PD·LGD·EAD with EAD = drawn + CCF × undrawn (limit in force), lifetime PD over
 * `lifetimeMonths`; income recognised = accrued, or only the interest paid for an NPA.
 */
export const STAGE_LINES = `
CREATE TEMP TABLE line_stage ON COMMIT DROP AS
WITH ${BOOK}, ${CYCLES},
arrears AS (
  SELECT c.line_id, n.counted, max(c.ncum) AS ncum, min(c.due_date) FILTER (WHERE c.ncum > n.counted) AS oldest_due,
         max(c.due_date) AS last_due, max(c.accrued) AS billed_through, count(*)::int AS statements, sum(c.fee)::bigint AS late_fees,
         bool_or(c.late3) AS late3
    FROM cyc c
    JOIN (SELECT c2.line_id, max(d.paid) + least(-min(c2.paid_first), min(c2.ncum - c2.paid)) AS counted
            FROM cyc c2 JOIN line_points d ON d.line_id = c2.line_id AND d.k = 0 GROUP BY c2.line_id) n ON n.line_id = c.line_id
   GROUP BY c.line_id, n.counted),
figs AS (
  SELECT b.*, d.principal AS drawn, d.accrued, d.ip, d.fp, coalesce(r.late_fees, 0) AS late_fees, coalesce(r.late3, false) AS late3, d.principal + d.accrued - d.ip AS owed,
         CASE WHEN d.principal + d.accrued - d.ip > 0 AND r.oldest_due < $1::date THEN $1::date - r.oldest_due ELSE 0 END AS dpd,
         least(greatest(coalesce(r.ncum - r.counted, 0), 0), d.principal + d.accrued - d.ip) AS minimum_due,
         r.counted, r.oldest_due, CASE WHEN r.last_due >= $1::date THEN r.last_due END AS next_due,
         (b.opened_on + make_interval(months => coalesce(r.statements, 0) + 1))::date AS next_statement,
         greatest(coalesce(r.billed_through, 0) - d.ip, 0) AS billed_unpaid
    FROM book b JOIN line_points d ON d.line_id = b.id AND d.k = 0 LEFT JOIN arrears r ON r.line_id = b.id),
npa AS (
  SELECT f.*, CASE ${NPA_SINCE_RULE('f.prev_since', 'f.dpd', 'f.npa_dpd')} END AS npa_since
    FROM (SELECT figs.*, ${T.product.npaDpd} AS npa_dpd FROM figs) f),
cls AS (
  SELECT n.*, ${IRAC_CLASS('n.')} AS irac_class,
         ${BEHAVIOURAL_PD('n.')} AS pd_b
    FROM (SELECT npa.*, ${NPA_MONTHS} AS m FROM npa) n),
staged AS (
  SELECT c.*, ${IFRS9_STAGE('c.')} AS stage,
         ${PD_DOUBLED('c.')} AS pd_doubled,
         greatest(c.credit_limit - c.drawn, 0) AS undrawn,
         c.drawn + round(${T.creditConversionFactor} * greatest(c.credit_limit - c.drawn, 0))::bigint AS ead,
         ${T.product.lgd}::float8 AS lgd,
         CASE WHEN c.npa_since IS NOT NULL THEN c.ip ELSE greatest(c.accrued, c.ip) END AS recognised,
         CASE WHEN c.npa_since IS NOT NULL THEN c.fp ELSE greatest(c.late_fees, c.fp) END AS fees_recognised
    FROM (SELECT cl.*, pc.pd AS prev_pd FROM cls cl LEFT JOIN credit_line_classifications pc ON pc.line_id = cl.id AND pc.as_of = $2::date) c)
SELECT s.id, s.dpd, k.label AS bucket, s.irac_class, s.npa_since IS NOT NULL AS npa, s.npa_since, s.stage, s.pd_b AS pd,
       s.drawn, s.undrawn, s.ead, ${ECL('s.', `${T.lifetimeMonths}`, 's.ead')} AS ecl, round((r.rate * s.drawn)::numeric)::bigint AS provision,
       s.accrued, s.recognised, s.ip, s.owed, s.late_fees, s.fp, s.fees_recognised, s.counted, s.minimum_due, CASE WHEN s.minimum_due > 0 THEN s.oldest_due END AS oldest_due, s.next_due,
       s.next_statement, s.billed_unpaid, md5('close line ' || s.id::text || ' ' || $1::text)::uuid AS journal_id,
       s.npa_since IS NOT NULL AND s.prev_since IS NULL AS new_npa, s.stage = 2 AND s.prev_stage = 1 AS new_stage_2, s.pd_doubled, s.late3,
       coalesce((SELECT sum(e.credit - e.debit) FROM ledger_entries e WHERE e.line_id = s.id AND e.account = 'interest_income' AND e.value_date <= $1::date), 0)::bigint AS income_held,
       coalesce((SELECT sum(e.credit - e.debit) FROM ledger_entries e WHERE e.line_id = s.id AND e.account = 'fee_income' AND e.value_date <= $1::date), 0)::bigint AS fee_income_held,
       coalesce((SELECT sum(e.credit - e.debit) FROM ledger_entries e WHERE e.line_id = s.id AND e.account = 'provisions' AND e.value_date <= $1::date), 0)::bigint AS provision_held
  FROM staged s
  JOIN (VALUES ${PROVISION_RATES}) AS r(class, rate) ON r.class = s.irac_class
  JOIN (VALUES ${BUCKETS}) AS k(label, above, upto) ON s.dpd > k.above AND s.dpd <= k.upto`;

/**
 * The statements issued by `$1` not yet stored (the date's own, or those of dates a sparse close
 * skipped), as computed that day; each shows the late fee charged in its cycle (the previous
 * statement's) and the fees charged by its date and not yet paid.
 */
export const INSERT_LINE_STATEMENTS = `
WITH ${CYCLES}
INSERT INTO credit_line_statements (line_id, statement_date, due_date, principal, interest_billed, interest_unpaid, minimum_due, past_due, issued_on,
                                    late_fees, fees_unpaid)
SELECT c.line_id, c.statement_date, c.due_date, c.principal, c.billed, c.accrued - c.ip,
       least(c.principal + c.accrued - c.ip, greatest(c.ncum - c.new_due - s.counted, 0) + c.new_due), greatest(c.ncum - c.new_due - s.counted, 0), $1::date,
       c.fee_before, greatest(c.fees_before - c.fp, 0)
  FROM (SELECT cyc.*, coalesce(lag(cyc.fee) OVER w, 0) AS fee_before, coalesce(sum(cyc.fee) OVER w - cyc.fee, 0) AS fees_before
          FROM cyc WINDOW w AS (PARTITION BY cyc.line_id ORDER BY cyc.k)) c
  JOIN line_stage s ON s.id = c.line_id
 ORDER BY c.line_id, c.statement_date
ON CONFLICT DO NOTHING`;

/** The day's classification of every active line (the lines' history). */
export const INSERT_LINE_CLASSIFICATIONS = `
INSERT INTO credit_line_classifications (line_id, as_of, dpd, bucket, irac_class, npa, npa_since, ifrs9_stage, pd, drawn, undrawn, ead, ecl, provision,
                                         interest_accrued, interest_recognised, interest_paid, minimum_due, oldest_due_date, late_fees)
SELECT id, $1::date, dpd, bucket, irac_class, npa, npa_since, stage, pd, drawn, undrawn, ead, ecl, provision, accrued, recognised, ip, minimum_due, oldest_due,
       late_fees
  FROM line_stage ORDER BY id`;

/**
 * One journal per line and date: the interest income recognised since the ledger's figure
 * (receivable against income; negative when a new NPA's unpaid interest is reversed), the late
 * fees likewise (fee receivable against fee income: charged to date, or only what was paid for an
 * NPA; negative when a backdated repayment covered a minimum in time and its fee went away), and
 * the change of provision (expense against the allowance), all measured against the line's ledger.
 */
export const POST_LINE_JOURNALS = `
INSERT INTO ledger_entries (journal_id, line_id, account, debit, credit, value_date, memo)
SELECT s.journal_id, s.id, x.account, greatest(x.amount, 0), greatest(-x.amount, 0), $1::date, 'close ' || $1::text
  FROM line_stage s
 CROSS JOIN LATERAL (VALUES ('provision_expense', s.provision - s.provision_held), ('provisions', s.provision_held - s.provision),
                            ('interest_receivable', s.recognised - s.income_held), ('interest_income', s.income_held - s.recognised),
                            ('fee_receivable', s.fees_recognised - s.fee_income_held), ('fee_income', s.fee_income_held - s.fees_recognised)) AS x(account, amount)
 WHERE x.amount <> 0
 ORDER BY s.id`;

/** The lines' early warnings of the day (new NPA, stage 1 → 2, third missed minimum in a row, PD doubled), as for loans. */
export const INSERT_LINE_CLASS_ALERTS = `
INSERT INTO loan_alerts (line_id, as_of, kind, dpd, pd)
SELECT s.id, $1::date, x.kind, s.dpd, s.pd
  FROM line_stage s
 CROSS JOIN LATERAL (VALUES ('npa', s.new_npa), ('stage_2', s.new_stage_2), ('late_payments_3', s.late3), ('pd_doubled', s.pd_doubled)) AS x(kind, fired)
 WHERE x.fired`;

/** The lines' figures of the last close. */
export const UPDATE_LINES = `
UPDATE credit_lines l SET last_close = $1::date, dpd = s.dpd, irac_class = s.irac_class, npa_since = s.npa_since, ifrs9_stage = s.stage, ecl = s.ecl,
       provision = s.provision, interest_accrued = s.accrued, interest_recognised = s.recognised, interest_paid = s.ip,
       interest_billed_unpaid = s.billed_unpaid, minimum_due = s.minimum_due, oldest_due_date = s.oldest_due, next_due_date = s.next_due,
       next_statement_date = s.next_statement, late_fees_charged = s.late_fees, late_fees_paid = s.fp
  FROM line_stage s
 WHERE l.id = s.id`;

/** The lines' counts: lines, NPAs, alerts. */
export const COUNT_LINES = `
SELECT count(*) AS lines, count(*) FILTER (WHERE npa) AS npa_lines, coalesce(sum(new_npa::int + new_stage_2::int + late3::int + pd_doubled::int), 0) AS alerts
  FROM line_stage`;
