import type { Queryable } from '../queryable.js';

/**
 * Rewrites the paid totals of a loan's instalments (every loan's when `loanId` is null) from its
 * live allocations: principal and interest paid, P+I paid by the due date and by the late-fee
 * check (due date + the product's grace days), and the latest allocation's value date. Called
 * wherever allocations are rewritten (`resync`), so the totals always equal the allocations' sums
 * (property-tested); the daily close reads them instead of aggregating the allocations.
 */
export async function refreshPaidTotals(q: Queryable, loanId: string | null): Promise<void> {
  await q.query(
    `UPDATE loan_instalments i
        SET paid_principal = s.principal, paid_interest = s.interest, paid_on_time = s.on_time, paid_by_check = s.by_check, last_paid_on = s.last
       FROM (SELECT i.loan_id, i.n, coalesce(sum(a.principal), 0) AS principal, coalesce(sum(a.interest), 0) AS interest,
                    coalesce(sum(a.principal + a.interest) FILTER (WHERE a.value_date <= i.due_date), 0) AS on_time,
                    coalesce(sum(a.principal + a.interest) FILTER (WHERE a.value_date <= i.due_date + coalesce((p.product->>'lateFeeGraceDays')::int, 0)), 0) AS by_check,
                    max(a.value_date) AS last
               FROM loan_instalments i JOIN loan_product_snapshots p ON p.loan_id = i.loan_id
               LEFT JOIN loan_allocations a ON a.loan_id = i.loan_id AND a.n = i.n
              WHERE $1::uuid IS NULL OR i.loan_id = $1::uuid
              GROUP BY i.loan_id, i.n, p.loan_id) s
      WHERE i.loan_id = s.loan_id AND i.n = s.n
        AND (i.paid_principal, i.paid_interest, i.paid_on_time, i.paid_by_check, i.last_paid_on)
            IS DISTINCT FROM (s.principal, s.interest, s.on_time, s.by_check, s.last)`,
    [loanId],
  );
}
