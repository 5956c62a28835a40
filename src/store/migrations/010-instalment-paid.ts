/**
 * Migration 010: each instalment keeps what its live allocations paid (`paid_principal`,
 * `paid_interest`; P+I paid by its due date, `paid_on_time`, and by the late-fee check, due date +
 * the product's grace days, `paid_by_check`) and the latest value date of those allocations
 * (`last_paid_on`). They are derived from `loan_allocations` and rewritten with them whenever the
 * loan is replayed (`refreshPaidTotals`), so the daily close reads them instead of aggregating
 * every allocation of the book; it still sums the allocations of an instalment paid after the date
 * being closed. Existing instalments are filled from their allocations here.
 */
export const sql = `
ALTER TABLE loan_instalments
  ADD COLUMN paid_principal bigint NOT NULL DEFAULT 0,
  ADD COLUMN paid_interest bigint NOT NULL DEFAULT 0,
  ADD COLUMN paid_on_time bigint NOT NULL DEFAULT 0,
  ADD COLUMN paid_by_check bigint NOT NULL DEFAULT 0,
  ADD COLUMN last_paid_on date;

UPDATE loan_instalments i
   SET paid_principal = s.principal, paid_interest = s.interest, paid_on_time = s.on_time, paid_by_check = s.by_check, last_paid_on = s.last
  FROM (SELECT i.loan_id, i.n, sum(a.principal) AS principal, sum(a.interest) AS interest,
               coalesce(sum(a.principal + a.interest) FILTER (WHERE a.value_date <= i.due_date), 0) AS on_time,
               coalesce(sum(a.principal + a.interest) FILTER (WHERE a.value_date <= i.due_date + coalesce((l.product->>'lateFeeGraceDays')::int, 0)), 0) AS by_check,
               max(a.value_date) AS last
          FROM loan_allocations a JOIN loan_instalments i ON i.loan_id = a.loan_id AND i.n = a.n JOIN loans l ON l.id = a.loan_id
         GROUP BY i.loan_id, i.n, l.id) s
 WHERE i.loan_id = s.loan_id AND i.n = s.n;
`;
