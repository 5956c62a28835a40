import type { Queryable } from '../queryable.js';

/**
 * The inputs of the `limit` most recent applications (newest first), exactly as submitted: the
 * sample the dashboard's monitoring (PSI/CSI, SHAP summary) and counterfactual ranges are taken from.
 */
export async function recentApplicationInputs(q: Queryable, limit: number): Promise<Record<string, unknown>[]> {
  const { rows } = await q.query<{ input: Record<string, unknown> }>('SELECT input FROM applications ORDER BY created_at DESC, id DESC LIMIT $1', [limit]);
  return rows.map((r) => r.input);
}
