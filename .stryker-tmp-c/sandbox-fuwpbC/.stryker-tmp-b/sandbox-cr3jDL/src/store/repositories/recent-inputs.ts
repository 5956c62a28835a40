// @ts-nocheck
// 
import type { Queryable } from '../queryable.js';

/**
 * The inputs of the `limit` most recent applications (newest first), exactly as submitted: the
 * sample the dashboard's monitoring (PSI/CSI, SHAP summary) and counterfactual ranges are taken from.
 */
export async function recentApplicationInputs(q: Queryable, limit: number): Promise<Record<string, unknown>[]> {
  const { rows } = await q.query<{ input: Record<string, unknown> }>('SELECT input FROM applications ORDER BY created_at DESC, id DESC LIMIT $1', [limit]);
  return rows.map((r) => r.input);
}

/**
 * The `limit` most recent applications with their inputs and what the book knows of their
 * outcome: 1 when the loan made from them was written off or ever became an NPA, 0 when a loan
 * was disbursed and did neither, null without a disbursed loan (declined, referred or not taken
 * up: the rows reject inference is for).
 */
export async function recentApplicationOutcomes(q: Queryable, limit: number): Promise<{ input: Record<string, unknown>; bad: 0 | 1 | null }[]> {
  const { rows } = await q.query<{ input: Record<string, unknown>; bad: number | null }>(
    `SELECT a.input,
            CASE WHEN l.id IS NULL OR l.disbursed_on IS NULL THEN NULL
                 WHEN l.written_off > 0 OR l.npa_since IS NOT NULL OR EXISTS (SELECT 1 FROM loan_classifications c WHERE c.loan_id = l.id AND c.npa) THEN 1
                 ELSE 0 END AS bad
       FROM applications a LEFT JOIN loans l ON l.application_id = a.id
      ORDER BY a.created_at DESC, a.id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ input: r.input, bad: r.bad === null ? null : r.bad === 1 ? 1 : 0 }));
}

/** Active loans as exposures: the PD they were decided with, the outstanding principal (minor units), the annual rate and the IFRS 9 stage of the last close. */
export async function activeExposures(q: Queryable): Promise<{ pd: number; outstanding: number; rate: number; stage: number }[]> {
  const { rows } = await q.query<{ pd: number; outstanding: string; rate: string; stage: number }>(
    "SELECT pd, outstanding_principal::text AS outstanding, annual_rate::text AS rate, ifrs9_stage AS stage FROM loans WHERE state = 'active' AND outstanding_principal > 0 ORDER BY id",
  );
  return rows.map((r) => ({ pd: Number(r.pd), outstanding: Number(r.outstanding), rate: Number(r.rate), stage: Number(r.stage) }));
}
