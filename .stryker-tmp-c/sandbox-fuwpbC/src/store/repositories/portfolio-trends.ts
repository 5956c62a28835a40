// @ts-nocheck
import type { Queryable } from '../queryable.js';

/** One calendar month of the book (money in integer minor units). */
export interface TrendMonth {
  /** YYYY-MM. */
  readonly month: string;
  /** Applications decided in the month (by creation time, UTC) and those approved. */
  readonly decided: number;
  readonly approvals: number;
  /** approvals / decided, or null when none were decided. */
  readonly approvalRate: number | null;
  /** Loans disbursed in the month (by value date) and their principal. */
  readonly disbursements: number;
  readonly disbursed: number;
  /** The month's last close (its month-end once closed), or null when the month had none. */
  readonly asOf: string | null;
  /** Outstanding principal, NPA outstanding and gross NPA ratio at that close (null without one). */
  readonly outstanding: number | null;
  readonly npaAmount: number | null;
  readonly npaRatio: number | null;
}

/**
 * Monthly trends of the last `months` calendar months up to the month of the last close (or the
 * current month before any close), in one query: approvals from the applications, disbursements
 * from the loans, outstanding and NPA from the classification history at each month's last close.
 */
export async function portfolioTrends(q: Queryable, months = 12): Promise<TrendMonth[]> {
  const { rows } = await q.query<Record<string, string | null>>(
    `
    WITH last AS (SELECT date_trunc('month', coalesce((SELECT max(as_of) FROM close_runs), current_date))::date AS m),
    months AS (SELECT (l.m - make_interval(months => k))::date AS m FROM last l CROSS JOIN generate_series(0, $1::int - 1) AS k),
    apps AS (
      SELECT date_trunc('month', created_at AT TIME ZONE 'UTC')::date AS m, count(*) FILTER (WHERE action IS NOT NULL) AS decided,
             count(*) FILTER (WHERE action = 'approve') AS approvals
        FROM applications GROUP BY 1),
    disb AS (SELECT date_trunc('month', disbursed_on)::date AS m, count(*) AS n, sum(principal) AS amount FROM loans WHERE disbursed_on IS NOT NULL GROUP BY 1),
    closes AS (SELECT date_trunc('month', as_of)::date AS m, max(as_of) AS as_of FROM close_runs GROUP BY 1),
    book AS (
      SELECT cl.m, cl.as_of, sum(c.outstanding) AS outstanding, coalesce(sum(c.outstanding) FILTER (WHERE c.npa), 0) AS npa
        FROM closes cl LEFT JOIN loan_classifications c ON c.as_of = cl.as_of GROUP BY cl.m, cl.as_of)
    SELECT to_char(m.m, 'YYYY-MM') AS month, coalesce(a.decided, 0) AS decided, coalesce(a.approvals, 0) AS approvals,
           coalesce(d.n, 0) AS disbursements, coalesce(d.amount, 0) AS disbursed,
           to_char(b.as_of, 'YYYY-MM-DD') AS as_of, CASE WHEN b.as_of IS NULL THEN NULL ELSE coalesce(b.outstanding, 0) END AS outstanding, b.npa
      FROM months m LEFT JOIN apps a ON a.m = m.m LEFT JOIN disb d ON d.m = m.m LEFT JOIN book b ON b.m = m.m
     ORDER BY m.m`,
    [months],
  );
  return rows.map((r) => {
    const decided = Number(r.decided);
    const outstanding = r.outstanding === null ? null : Number(r.outstanding);
    const npa = r.npa === null ? null : Number(r.npa);
    return {
      month: r.month as string,
      decided,
      approvals: Number(r.approvals),
      approvalRate: decided === 0 ? null : Number(r.approvals) / decided,
      disbursements: Number(r.disbursements),
      disbursed: Number(r.disbursed),
      asOf: r.as_of ?? null,
      outstanding,
      npaAmount: npa,
      npaRatio: outstanding === null || npa === null ? null : outstanding > 0 ? npa / outstanding : 0,
    };
  });
}
