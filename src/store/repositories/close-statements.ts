import { IRAC_BUCKETS, RBI_PROVISION_RATES } from '../../finance/index.js';

/**
 * The daily close's SQL, one chunk of the book at a time: `$1` the business date, `$2`..`$3` the
 * chunk's id range (inclusive), `$4` the previous closed date (or null). `STAGE` computes every
 * figure of every active loan of the chunk once, into a temporary table dropped at commit; the
 * other statements only copy from it. Set-based throughout: no per-loan query, no per-row
 * function beyond built-in arithmetic; the same rules as `classifyLoan` (restructured loans included), `accruedInterest`,
 * `behaviouralPd` and `replayLoan`'s late fees (a test compares them loan by loan).
 */

/** The RBI provision rate of each IRAC class, as a VALUES list `(class, rate)`. */
export const PROVISION_RATES = IRAC_BUCKETS.map((b) => `('${b}', ${RBI_PROVISION_RATES[b]}::float8)`).join(', ');

// The classification rules as SQL fragments over a row's columns (prefix \`r\`: \`npa_since\`, \`dpd\`,
// \`m\` whole months as NPA, \`pd\` origination PD, \`pd_b\` behavioural PD, \`prev_pd\`, \`stage\`), shared by
// the loans' and the credit lines' close so both apply exactly \`classifyLoan\`'s rules
// (\`iracCode\`, \`behaviouralPd\`, \`pdDoubled\`; tests compare them with it).

/** NPA date: kept while in arrears (upgrade only at dpd 0), else the first day dpd exceeded the NPA dpd (the `WHEN` arms of a `CASE`). */
export const NPA_SINCE_RULE = (prevSince: string, dpd: string, npaDpd: string) =>
  `WHEN ${prevSince} IS NOT NULL AND ${dpd} > 0 THEN ${prevSince}
              WHEN ${dpd} > ${npaDpd} THEN $1::date - (${dpd} - ${npaDpd} - 1)`;

/** Whole calendar months as NPA on `$1` (null for a performing account), as `monthsBetween`. */
export const NPA_MONTHS =
  "CASE WHEN npa_since IS NOT NULL THEN (date_part('year', age($1::date, npa_since)) * 12 + date_part('month', age($1::date, npa_since)))::int END";

/** The IRAC class label (`iracCode`): SMA by dpd, NPA classes by months as NPA (`m`). */
export const IRAC_CLASS = (r: string) =>
  `CASE WHEN ${r}npa_since IS NULL THEN CASE WHEN ${r}dpd <= 0 THEN 'Standard' WHEN ${r}dpd <= 30 THEN 'SMA-0' WHEN ${r}dpd <= 60 THEN 'SMA-1' ELSE 'SMA-2' END
              WHEN ${r}m <= 12 THEN 'Sub-standard' WHEN ${r}m <= 24 THEN 'Doubtful D1' WHEN ${r}m <= 48 THEN 'Doubtful D2' ELSE 'Doubtful D3' END`;

/** The behavioural 12-month PD (`behaviouralPd`): odds doubled per 30 dpd, 1 for an NPA. */
export const BEHAVIOURAL_PD = (r: string) =>
  `CASE WHEN ${r}npa_since IS NOT NULL OR ${r}pd >= 1 THEN 1::float8 WHEN ${r}pd <= 0 OR ${r}dpd <= 0 THEN greatest(${r}pd, 0)
              ELSE ${r}pd / (1 - ${r}pd) * power(2::float8, ${r}dpd::float8 / 30) / (1 + ${r}pd / (1 - ${r}pd) * power(2::float8, ${r}dpd::float8 / 30)) END`;

/** IFRS 9 stage: 3 for an NPA, 2 above 30 dpd or when the behavioural PD doubled, else 1. */
export const IFRS9_STAGE = (r: string) =>
  `CASE WHEN ${r}npa_since IS NOT NULL THEN 3 WHEN ${r}dpd > 30 OR (${r}pd > 0 AND ${r}pd_b >= 2 * ${r}pd) THEN 2 ELSE 1 END`;

/** The `pd_doubled` alert: the behavioural PD reached twice the origination PD, and had not at the previous close. */
export const PD_DOUBLED = (r: string) => `${r}pd > 0 AND ${r}pd_b >= 2 * ${r}pd AND NOT coalesce(${r}prev_pd >= 2 * ${r}pd, false)`;

/** ECL = PD·LGD·EAD in minor units, PD by stage: 12-month behavioural (1), lifetime over `months` (2), 1 (3). */
export const ECL = (r: string, months: string, ead: string) =>
  `round(((CASE ${r}stage WHEN 3 THEN 1 WHEN 2 THEN 1 - power(1 - ${r}pd_b, ${months}::float8 / 12) ELSE ${r}pd_b END) * ${r}lgd * ${ead})::numeric)::bigint`;

/** Days from `a` to `b` under the product's day count (30E/360 or actual/365), as in `dayCountDays`. */
export const days = (actual: string, a: string, b: string) =>
  `CASE WHEN ${actual} THEN (${b}) - (${a}) ELSE (360 * (date_part('year', ${b}) - date_part('year', ${a})) + 30 * (date_part('month', ${b}) - date_part('month', ${a}))
     + least(date_part('day', ${b}), 30) - least(date_part('day', ${a}), 30))::int END`;

/** Locks the chunk's active loans against payments (every money command locks its loan first). */
export const LOCK_LOANS = `
SELECT count(*) FROM (SELECT 1 FROM loans WHERE id BETWEEN $2::uuid AND $3::uuid AND state = 'active' AND disbursed_on <= $1::date FOR UPDATE) l`;

/** Computes the chunk's figures into `close_stage` (dropped at commit). */
export const STAGE = `
CREATE TEMP TABLE close_stage ON COMMIT DROP AS
WITH prod AS (
  SELECT p.id AS product_id, p.version AS product_version, (p.definition->>'npaDpd')::int AS npa_dpd, (p.definition->>'lgd')::float8 AS lgd,
         coalesce((p.definition->>'lateFee')::bigint, 0) AS late_fee, coalesce((p.definition->>'lateFeeGraceDays')::int, 0) AS grace,
         p.definition->>'dayCount' = 'actual/365' AS actual
    FROM loan_products p),
-- Bucket k holds dpd in (maxDpd of k−1, maxDpd of k]; the last one everything beyond. The bounds
-- are floored to integers (dpd is whole: dpd ≤ x ⟺ dpd ≤ ⌊x⌋), so each loan compares integers.
buckets AS (
  SELECT p.id AS product_id, p.version AS product_version, x.e->>'label' AS label,
         coalesce(lag(floor((x.e->>'maxDpd')::numeric)::int) OVER (PARTITION BY p.id, p.version ORDER BY x.k), -1) AS above,
         CASE WHEN x.k = jsonb_array_length(p.definition->'buckets') OR jsonb_typeof(x.e->'maxDpd') <> 'number' THEN 2147483647
              ELSE floor((x.e->>'maxDpd')::numeric)::int END AS upto
    FROM loan_products p, jsonb_array_elements(p.definition->'buckets') WITH ORDINALITY AS x(e, k)),
book AS MATERIALIZED (
  -- The NPA date of the last close; a restructure writes the loan's NPA date ahead of the close,
  -- so one not before the date being closed is not yet a previous NPA date.
  SELECT l.id, l.pd, l.disbursed_on, CASE WHEN l.npa_since < $1::date THEN l.npa_since END AS prev_since, l.ifrs9_stage AS prev_stage,
         l.provision AS prev_provision, l.written_off, l.restructured_on, l.monitored_until,
         l.product_id, l.product_version, p.npa_dpd, p.lgd, p.late_fee, p.grace, p.actual
    FROM loans l JOIN prod p ON p.product_id = l.product_id AND p.product_version = l.product_version
   WHERE l.state = 'active' AND l.disbursed_on <= $1::date AND l.id BETWEEN $2::uuid AND $3::uuid
   ORDER BY l.id),
-- Per instalment: principal and P+I paid by the date, P+I paid by its due date (on time) and by
-- the late-fee check (due + grace days), and all interest paid (what the ledger holds as paid):
-- the totals the payment commands keep on the instalment (\`refreshPaidTotals\`); the allocations
-- are summed only for an instalment paid after the date (a close of a past date, a backdated book).
inst AS (
  SELECT i.loan_id, i.n, i.due_date, i.principal, i.interest, b.grace,
         CASE WHEN i.last_paid_on > $1::date
              THEN (SELECT coalesce(sum(a.principal), 0)::bigint FROM loan_allocations a WHERE a.loan_id = i.loan_id AND a.n = i.n AND a.value_date <= $1::date)
              ELSE i.paid_principal END AS pr_paid,
         CASE WHEN i.last_paid_on > $1::date
              THEN (SELECT coalesce(sum(a.principal + a.interest), 0)::bigint FROM loan_allocations a WHERE a.loan_id = i.loan_id AND a.n = i.n AND a.value_date <= $1::date)
              ELSE i.paid_principal + i.paid_interest END AS pi_paid,
         i.paid_on_time AS pi_on_time, i.paid_by_check AS pi_by_check, i.paid_interest AS interest_paid
    FROM book b JOIN loan_instalments i ON i.loan_id = b.id
   WHERE i.loan_id BETWEEN $2::uuid AND $3::uuid),
agg AS MATERIALIZED (
  SELECT loan_id,
         coalesce($1::date - min(due_date) FILTER (WHERE due_date < $1::date AND pi_paid < principal + interest), 0) AS dpd,
         sum(principal - pr_paid)::bigint AS outstanding,
         count(*) FILTER (WHERE due_date > $1::date) AS remaining,
         count(*) FILTER (WHERE due_date + grace < $1::date AND pi_by_check < principal + interest) AS late_fee_count,
         -- Bit n set: instalment n (≤ 62) fell due before the date and was not paid in full on time.
         bit_or(1::bigint << n) FILTER (WHERE n <= 62 AND due_date < $1::date AND pi_on_time < principal + interest) AS late_mask,
         max(n) FILTER (WHERE due_date = $1::date - 1) AS just_due,
         coalesce(sum(interest) FILTER (WHERE due_date <= $1::date), 0)::bigint AS interest_due,
         max(due_date) FILTER (WHERE due_date <= $1::date) AS period_start,
         -- The instalment in progress (the first due after the date): its number, interest and due date
         -- (days after 2000-01-01), read in this one pass over the instalments instead of a second join.
         min(ARRAY[n::bigint, interest, (due_date - date '2000-01-01')::bigint]) FILTER (WHERE due_date > $1::date) AS current_instalment,
         sum(interest_paid)::bigint AS interest_paid
    FROM inst GROUP BY loan_id),
npa AS (
  SELECT b.*, a.dpd, greatest(a.outstanding - b.written_off, 0) AS outstanding, a.remaining, a.late_fee_count * b.late_fee AS late_fees,
         a.interest_paid,
         a.interest_due + CASE WHEN c.n IS NULL OR coalesce(a.period_start, b.disbursed_on) >= $1::date THEN 0
           ELSE c.interest * least(${days('b.actual', 'coalesce(a.period_start, b.disbursed_on)', '$1::date')}, greatest(${days('b.actual', 'coalesce(a.period_start, b.disbursed_on)', 'c.due_date')}, 1))
                / greatest(${days('b.actual', 'coalesce(a.period_start, b.disbursed_on)', 'c.due_date')}, 1) END AS scheduled_accrual,
         -- The instalment due yesterday is the third late one in a row (bits k, k−1, k−2 set, k−3 clear): once per run.
         coalesce(a.just_due >= 3 AND a.just_due <= 62 AND (a.late_mask >> (a.just_due - 3)::int) & 15 = 14, false) AS late3,
         -- What the ledger recognises now: the last close's accrual (the loan's latest row when it missed
         -- the previous date), or the interest paid since, when more.
         greatest(coalesce(pc.accrued, (SELECT o.accrued FROM loan_classifications o WHERE o.loan_id = b.id AND o.as_of < $1::date AND o.as_of >= b.disbursed_on
                                ORDER BY o.as_of DESC LIMIT 1), 0), a.interest_paid) AS prev_recognised,
         pc.pd AS prev_pd,
         -- A restructured loan is an NPA from its restructure date (an NPA keeps its date) while monitored.
         CASE WHEN $1::date >= b.restructured_on AND $1::date < b.monitored_until THEN coalesce(b.prev_since, b.restructured_on)
              ${NPA_SINCE_RULE('b.prev_since', 'a.dpd', 'b.npa_dpd')} END AS npa_since
    FROM book b JOIN agg a ON a.loan_id = b.id
    CROSS JOIN LATERAL (SELECT a.current_instalment[1] AS n, a.current_instalment[2] AS interest, date '2000-01-01' + a.current_instalment[3]::int AS due_date) c
    LEFT JOIN loan_classifications pc ON pc.loan_id = b.id AND pc.as_of = $4::date AND pc.loan_id BETWEEN $2::uuid AND $3::uuid),
cls AS (
  SELECT n.*,
         ${IRAC_CLASS('n.')} AS irac_class,
         ${BEHAVIOURAL_PD('n.')} AS pd_b
    FROM (SELECT npa.*, ${NPA_MONTHS} AS m
            FROM npa) n),
staged AS MATERIALIZED (
  SELECT c.*, md5('close ' || c.id::text || ' ' || $1::text)::uuid AS journal_id,
         ${IFRS9_STAGE('c.')} AS stage,
         ${PD_DOUBLED('c.')} AS pd_doubled,
         -- Income recognised: the accrual (or what was paid, when more); an NPA's unpaid interest is not income.
         CASE WHEN c.npa_since IS NOT NULL THEN c.interest_paid ELSE greatest(c.scheduled_accrual, c.interest_paid) END AS accrued
    FROM cls c)
SELECT s.id, s.dpd, k.label AS bucket, s.irac_class, s.npa_since IS NOT NULL AS npa, s.npa_since, s.stage, s.pd_b AS pd,
       ${ECL('s.', 'greatest(s.remaining, 12)', 's.outstanding')} AS ecl,
       round((r.rate * s.outstanding)::numeric)::bigint AS provision,
       s.outstanding, s.accrued, s.late_fees, s.prev_recognised, s.prev_provision, s.journal_id,
       s.npa_since IS NOT NULL AND s.prev_since IS NULL AS new_npa, s.stage = 2 AND s.prev_stage = 1 AS new_stage_2, s.late3, s.pd_doubled
  FROM staged s
  JOIN (VALUES ${PROVISION_RATES}) AS r(class, rate) ON r.class = s.irac_class
  JOIN buckets k ON k.product_id = s.product_id AND k.product_version = s.product_version AND s.dpd > k.above AND s.dpd <= k.upto`;

/** The day's classification of every loan of the chunk (the history: one row per loan and date). */
export const INSERT_CLASSIFICATIONS = `
INSERT INTO loan_classifications (loan_id, as_of, dpd, bucket, irac_class, npa, npa_since, ifrs9_stage, ecl, provision, outstanding, pd, accrued, late_fees)
SELECT id, $1::date, dpd, bucket, irac_class, npa, npa_since, stage, ecl, provision, outstanding, pd, accrued, late_fees FROM close_stage ORDER BY id`;

/**
 * One journal per loan and date for what the close moves in the ledger: the change of provision
 * (expense against the allowance) and the interest recognised since the ledger's last figure
 * (receivable against income; negative when an NPA's unpaid accrual is reversed).
 */
export const POST_JOURNALS = `
INSERT INTO ledger_entries (journal_id, loan_id, account, debit, credit, value_date, memo)
SELECT s.journal_id, s.id, x.account, greatest(x.amount, 0), greatest(-x.amount, 0), $1::date, 'close ' || $1::text
  FROM close_stage s
 CROSS JOIN LATERAL (VALUES ('provision_expense', s.provision - s.prev_provision), ('provisions', s.prev_provision - s.provision),
                            ('interest_receivable', s.accrued - s.prev_recognised), ('interest_income', s.prev_recognised - s.accrued)) AS x(account, amount)
 WHERE x.amount <> 0
 ORDER BY s.id`;

/** The early warnings of the day, one row per loan and kind. */
export const INSERT_ALERTS = `
INSERT INTO loan_alerts (loan_id, as_of, kind, dpd, pd)
SELECT s.id, $1::date, x.kind, s.dpd, s.pd
  FROM close_stage s
 CROSS JOIN LATERAL (VALUES ('npa', s.new_npa), ('stage_2', s.new_stage_2), ('late_payments_3', s.late3), ('pd_doubled', s.pd_doubled)) AS x(kind, fired)
 WHERE x.fired`;

/** The loans' figures of the last close (`$2`..`$3` the chunk's id range, so `loans` is read through its primary key). */
export const UPDATE_LOANS = `
UPDATE loans l SET last_close = $1::date, dpd = s.dpd, irac_class = s.irac_class, npa_since = s.npa_since, ifrs9_stage = s.stage, ecl = s.ecl, provision = s.provision
  FROM close_stage s
 WHERE l.id = s.id AND l.id BETWEEN $2::uuid AND $3::uuid`;

/** The chunk's counts: loans, NPAs, alerts. */
export const COUNT = `
SELECT count(*) AS loans, count(*) FILTER (WHERE npa) AS npa_loans,
       coalesce(sum(new_npa::int + new_stage_2::int + late3::int + pd_doubled::int), 0) AS alerts
  FROM close_stage`;

/** A credit line's utilisation jump: its drawn balance rose by at least this many percent of its limit … */
export const UTILISATION_JUMP_POINTS = 30;
/** … within this many days. */
export const UTILISATION_JUMP_DAYS = 30;

/** The line's limit at the end of `day`: the latest applied review's new limit by then, else the old limit of the first applied review after it, else its limit. */
export function limitAt(day: string): string {
  const change = (order: string, when: string, column: string) =>
    `(SELECT c.${column} FROM credit_limit_changes c JOIN limit_reviews r ON r.id = c.review_id
       WHERE c.line_id = l.id AND r.status = 'applied' AND r.as_of ${when} ${day} ORDER BY r.as_of ${order}, r.created_at ${order} LIMIT 1)`;
  return `coalesce(${change('DESC', '<=', 'new_limit')}, ${change('ASC', '>', 'old_limit')}, l.credit_limit)::numeric`;
}

/** The line's balance at the end of `day` (0 before its first movement). */
const balanceAt = (day: string) =>
  `coalesce((SELECT d.bal FROM days d WHERE d.line_id = l.id AND d.value_date <= ${day} ORDER BY d.value_date DESC LIMIT 1), 0)`;

/** The line's lowest end-of-day balance over the window of `UTILISATION_JUMP_DAYS` days ending on `day`. */
const lowestIn = (day: string) =>
  `least(${balanceAt(`${day} - ${UTILISATION_JUMP_DAYS}`)},
         (SELECT min(d.bal) FROM days d WHERE d.line_id = l.id AND d.value_date > ${day} - ${UTILISATION_JUMP_DAYS} AND d.value_date <= ${day}))`;

/**
 * The day's utilisation jumps of active credit lines, once per date (in the close's last
 * transaction): the drawn balance is at least 30% of the limit above its lowest end-of-day
 * balance of the last 30 days (a line younger than that counts from 0 before it opened) — and
 * was not yesterday, so a jump alerts once, on its first day. Compared exactly in integers.
 * Returns the number of alerts.
 */
export const INSERT_LINE_ALERTS = `
WITH days AS (
  SELECT line_id, value_date, sum(sum(CASE kind WHEN 'draw' THEN amount ELSE -amount END)) OVER (PARTITION BY line_id ORDER BY value_date) AS bal
    FROM credit_line_transactions WHERE value_date <= $1::date GROUP BY line_id, value_date),
u AS (
  SELECT l.id, l.pd, ${limitAt('$1::date')} AS lim0, ${limitAt('$1::date - 1')} AS lim1,
         ${balanceAt('$1::date')} AS bal0, ${lowestIn('$1::date')} AS low0,
         ${balanceAt('$1::date - 1')} AS bal1, ${lowestIn('$1::date - 1')} AS low1
    FROM credit_lines l WHERE l.state = 'active' AND l.opened_on <= $1::date),
ins AS (
  INSERT INTO loan_alerts (line_id, as_of, kind, dpd, pd, utilisation, utilisation_before)
  SELECT id, $1::date, 'utilisation_jump', 0, pd, (bal0 / lim0)::float8, (low0 / lim0)::float8
    FROM u
   WHERE (bal0 - low0) * 100 >= ${UTILISATION_JUMP_POINTS} * lim0 AND NOT (bal1 - low1) * 100 >= ${UTILISATION_JUMP_POINTS} * lim1
  RETURNING 1)
SELECT count(*) AS n FROM ins`;
