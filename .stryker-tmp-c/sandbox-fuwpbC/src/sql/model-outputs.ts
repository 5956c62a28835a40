// @ts-nocheck
import { FOREST_PD_FLOOR } from '../ml/forest/predict-forest.js';
import type { CredoModel } from '../ml/model.js';
import { scoreScaling } from '../ml/predict-model.js';
import { resolveScaling } from '../ml/scorecard/scaling.js';
import type { SqlDialect } from './dialects.js';
import type { ModelPieces } from './model-terms.js';
import { sumBalanced } from './sum-balanced.js';

/**
 * The raw margin of tree pieces given the SQL of the trees' sum: base + sum, or base + sum × (1/n)
 * for averaging ensembles (the same multiplication as `predictEnsembleRange`).
 */
export function treeMarginSql(pieces: Extract<ModelPieces, { kind: 'trees' }>, d: SqlDialect, sum: string): string {
  const n = pieces.trees.length;
  return pieces.averaging && n > 0 ? `${d.formatDouble(pieces.base)} + ${sum} * ${d.formatDouble(1 / n)}` : `${d.formatDouble(pieces.base)} + ${sum}`;
}

/** A random forest's PD clamped to [1e-12, 1 − 1e-12], as `predictForestLogit`. */
export function forestClampSql(d: SqlDialect, margin: string): string {
  return `LEAST(${d.formatDouble(1 - FOREST_PD_FLOOR)}, GREATEST(${d.formatDouble(FOREST_PD_FLOOR)}, ${margin}))`;
}

/** Log-odds of a probability column `p`. */
export function logitSql(d: SqlDialect, p: string): string {
  return `LN(${p} / (${d.formatDouble(1)} - ${p}))`;
}

/** Raw log-odds of terms pieces: intercept + terms left to right (balanced batches past 50 terms). */
export function termsRawSql(pieces: Extract<ModelPieces, { kind: 'terms' }>, d: SqlDialect): string {
  return pieces.terms.length > 50
    ? `${d.formatDouble(pieces.intercept)} + ${sumBalanced(pieces.terms)}`
    : [d.formatDouble(pieces.intercept), ...pieces.terms].join(' + ');
}

/**
 * PD of a raw log-odds column: 1 / (1 + exp(−raw)) as `predictPd`; below −709 exp(−raw) would
 * overflow (an error in PostgreSQL) and the in-process PD is 0 to within 1e-308, so 0.
 */
export function pdSql(d: SqlDialect, raw: string): string {
  const one = d.formatDouble(1);
  return `CASE WHEN ${raw} < ${d.formatDouble(-709)} THEN ${d.formatDouble(0)} ELSE ${one} / (${one} + EXP(-${raw})) END`;
}

/**
 * Reported score of a PD column, as `predictScore`: the model's scaling (REFERENCE §3), clamped,
 * rounded half up with FLOOR(x + 0.5) (PostgreSQL's ROUND on doubles rounds half to even).
 */
export function scoreSql(d: SqlDialect, model: CredoModel, pd: string): string {
  const s = resolveScaling(scoreScaling(model));
  const one = d.formatDouble(1);
  const max = d.formatDouble(s.max);
  const min = d.formatDouble(s.min);
  return (
    `CASE WHEN ${pd} <= ${d.formatDouble(0)} THEN ${max} WHEN ${pd} >= ${one} THEN ${min} ` +
    `ELSE FLOOR(LEAST(${max}, GREATEST(${min}, ${d.formatDouble(s.offset)} - ${d.formatDouble(s.factor)} * ${logitSql(d, pd)})) + ${d.formatDouble(0.5)}) END`
  );
}
