import type { Queryable } from '../queryable.js';

/** Repayment behaviour of the book up to a date (money in integer minor units). */
export interface RepaymentStatistics {
  /** The date the figures are as of (the last close when not given; today before any close). */
  readonly asOf: string;
  /** Instalments of disbursed loans that fell due before `asOf`. */
  readonly instalmentsDue: number;
  /** … whose principal and interest were fully paid by the due date. */
  readonly paidOnTime: number;
  /** … fully paid after the due date (by `asOf`). */
  readonly paidLate: number;
  /** … still not fully paid on `asOf`. */
  readonly overdue: number;
  /** paidOnTime / instalmentsDue (0 when none fell due). */
  readonly onTimeRate: number;
  /** Late fees charged (the product's fee on an instalment unpaid after its grace days, as `replayLoan` charges them). */
  readonly lateFeesCharged: number;
  readonly lateFeesChargedAmount: number;
  /** Late fees paid (allocations to penalty). */
  readonly lateFeesCollected: number;
  /** Live (not reversed) repayments with value date ≤ `asOf`, and reversed ones. */
  readonly repayments: number;
  readonly repaidAmount: number;
  readonly reversedRepayments: number;
}

/**
 * Repayment statistics in one set-based query over the schedules and the stored allocations
 * (what each live repayment paid per instalment, with its value date): an instalment is paid on
 * time when the allocations to its principal and interest dated on or before its due date cover
 * them, late when those dated by `asOf` do, overdue otherwise. A late fee is charged where those
 * dated by due date + grace days do not cover them and that day has passed — `replayLoan`'s rule.
 */
export async function repaymentStatistics(q: Queryable, asOf?: string): Promise<RepaymentStatistics> {
  const { rows } = await q.query<Record<string, string>>(
    `
    WITH d AS (SELECT coalesce($1::date, (SELECT max(as_of) FROM close_runs), current_date) AS as_of),
    inst AS (
      SELECT i.loan_id, i.n, i.due_date, i.principal + i.interest AS owed,
             (ps.product->>'lateFee')::bigint AS late_fee, (ps.product->>'lateFeeGraceDays')::int AS grace
        FROM loan_instalments i JOIN loans l ON l.id = i.loan_id JOIN loan_product_snapshots ps ON ps.loan_id = l.id CROSS JOIN d
       WHERE l.disbursed_on IS NOT NULL AND i.due_date < d.as_of),
    paid AS (
      SELECT i.loan_id, i.n, i.owed, i.late_fee, i.due_date + i.grace + 1 AS fee_day,
             coalesce(sum(a.principal + a.interest) FILTER (WHERE a.value_date <= i.due_date), 0) AS by_due,
             coalesce(sum(a.principal + a.interest) FILTER (WHERE a.value_date <= i.due_date + i.grace), 0) AS by_grace,
             coalesce(sum(a.principal + a.interest) FILTER (WHERE a.value_date <= d.as_of), 0) AS by_as_of
        FROM inst i CROSS JOIN d LEFT JOIN loan_allocations a ON a.loan_id = i.loan_id AND a.n = i.n
       GROUP BY i.loan_id, i.n, i.owed, i.late_fee, i.due_date, i.grace),
    fees AS (
      SELECT count(*) FILTER (WHERE p.by_due >= p.owed) AS on_time,
             count(*) FILTER (WHERE p.by_due < p.owed AND p.by_as_of >= p.owed) AS late,
             count(*) FILTER (WHERE p.by_as_of < p.owed) AS overdue,
             count(*) AS due,
             count(*) FILTER (WHERE p.late_fee > 0 AND p.by_grace < p.owed AND p.fee_day <= d.as_of) AS fees,
             coalesce(sum(p.late_fee) FILTER (WHERE p.late_fee > 0 AND p.by_grace < p.owed AND p.fee_day <= d.as_of), 0) AS fee_amount
        FROM paid p CROSS JOIN d)
    SELECT to_char(d.as_of, 'YYYY-MM-DD') AS as_of, f.*,
           (SELECT coalesce(sum(a.penalty), 0) FROM loan_allocations a WHERE a.value_date <= d.as_of) AS collected,
           (SELECT count(*) FROM loan_transactions t WHERE t.kind = 'repayment' AND t.reversed_at IS NULL AND t.value_date <= d.as_of) AS repayments,
           (SELECT coalesce(sum(t.amount), 0) FROM loan_transactions t WHERE t.kind = 'repayment' AND t.reversed_at IS NULL AND t.value_date <= d.as_of) AS repaid,
           (SELECT count(*) FROM loan_transactions t WHERE t.kind = 'repayment' AND t.reversed_at IS NOT NULL AND t.value_date <= d.as_of) AS reversed
      FROM d CROSS JOIN fees f`,
    [asOf ?? null],
  );
  const r = rows[0] as Record<string, string>;
  const due = Number(r.due);
  return {
    asOf: r.as_of as string,
    instalmentsDue: due,
    paidOnTime: Number(r.on_time),
    paidLate: Number(r.late),
    overdue: Number(r.overdue),
    onTimeRate: due === 0 ? 0 : Number(r.on_time) / due,
    lateFeesCharged: Number(r.fees),
    lateFeesChargedAmount: Number(r.fee_amount),
    lateFeesCollected: Number(r.collected),
    repayments: Number(r.repayments),
    repaidAmount: Number(r.repaid),
    reversedRepayments: Number(r.reversed),
  };
}
