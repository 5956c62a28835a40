// @ts-nocheck
import type { CredoModel } from '../ml/model.js';
import type { SqlDialect } from './dialects.js';
import { forestClampSql, logitSql, pdSql, scoreSql, termsRawSql, treeMarginSql } from './model-outputs.js';
import { inlineRef, modelPieces } from './model-terms.js';
import { sumBalanced } from './sum-balanced.js';

/** A CTE that adds one column to the rows of the previous one (`SELECT *, expr AS name FROM prev`). */
export interface AddColumnCte {
  readonly column: string;
  readonly expression: string;
}

/**
 * The CTE steps that add a model's `pd` and `score` as columns `credo_pd_<i>` / `credo_score_<i>`
 * to every row of a table, reading the table's own columns (cast inline): used where rules call
 * `pd(m)` / `score(m)`. Same arithmetic as `compileModelSql`, without staging (meant for the
 * models a policy refers to, not for 500-tree batch scoring: use `credo sql model` for that).
 */
export function modelColumnSteps(model: CredoModel, d: SqlDialect, i: number | string): { steps: AddColumnCte[]; pd: string; score: string } {
  const pieces = modelPieces(model, d, inlineRef(d));
  const raw = `credo_raw_${i}`;
  const pd = `credo_pd_${i}`;
  const score = `credo_score_${i}`;
  const steps: AddColumnCte[] = [];
  if (pieces.kind === 'terms') steps.push({ column: raw, expression: termsRawSql(pieces, d) });
  else {
    const margin = treeMarginSql(pieces, d, pieces.trees.length === 0 ? d.formatDouble(0) : sumBalanced(pieces.trees.map((t) => `(${t})`)));
    if (pieces.probability) {
      steps.push({ column: `credo_p_${i}`, expression: forestClampSql(d, margin) });
      steps.push({ column: raw, expression: logitSql(d, `credo_p_${i}`) });
    } else steps.push({ column: raw, expression: margin });
  }
  steps.push({ column: pd, expression: pdSql(d, raw) });
  steps.push({ column: score, expression: scoreSql(d, model, pd) });
  return { steps, pd, score };
}
