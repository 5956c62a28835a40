// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';
import { protectedFeatures } from '../ml/checks/index.js';
import type { LogisticModelBody } from '../ml/linear/index.js';
import type { CredoModel } from '../ml/model.js';
import { linearCounterfactual } from './linear-contributions.js';
import { scorecardCounterfactual } from './scorecard-counterfactual.js';
import { type FeatureChange, treeCounterfactual } from './tree-counterfactual.js';
import { ensembleOf } from './tree-explainer.js';

/** What `modelCounterfactual` searches with: indices into the model's features, all arrays of the feature count. */
export interface ModelCounterfactualOptions {
  /** Feature indices the applicant can change (numeric features only). */
  readonly actionable: readonly number[];
  /** Approve when the margin is below this (the logit of the PD cutoff). */
  readonly cutoffMargin: number;
  readonly scale: Float64Array;
  readonly weight: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/** The cheapest change found, its weighted L1 cost and the margin after it; null when no allowed change approves. */
export type ModelCounterfactual = { readonly changes: readonly FeatureChange[]; readonly cost: number; readonly marginAfter: number } | null;

/**
 * The counterfactual engine of `credo explain --counterfactual` and the API's
 * `POST /api/v1/decisions/counterfactual`: the cheapest change (Σ weight·|Δ|/scale) of the
 * actionable features that brings one row's margin below `cutoffMargin`, by model family: a MILP
 * over the tree thresholds (`treeCounterfactual`), bin moves of a scorecard, or the closed form of
 * a logistic or linear SVM model. `row` is the model-aligned input (tree features in ensemble
 * order with category codes; additive models in term order), `margin` its current log-odds.
 * Throws `E_MODEL_KIND` for other families.
 */
export async function modelCounterfactual(
  model: CredoModel,
  names: readonly string[],
  row: Float64Array,
  margin: number,
  options: ModelCounterfactualOptions,
): Promise<ModelCounterfactual> {
  const { actionable, cutoffMargin, scale, weight, lower, upper } = options;
  const ensemble = model.kind === 'gbdt' || model.kind === 'forest' ? ensembleOf(model) : undefined;
  if (ensemble !== undefined) return treeCounterfactual(ensemble, row, options);
  if (model.kind === 'scorecard') return scorecardCounterfactual(model.body, row, margin, cutoffMargin, actionable, scale, weight, lower, upper);
  const logistic = model.kind === 'logistic' ? model.body : model.kind === 'svm' ? model.body.logit : undefined;
  if (logistic !== undefined) return logisticCounterfactual(logistic, names, row, margin, options);
  throw new CredoError('E_MODEL_KIND', { kind: model.kind, problem: 'counterfactuals need a tree, logistic, SVM or scorecard model' });
}

/**
 * The model feature indices of `actionable` feature names, checked: the model family supports
 * counterfactuals (`E_MODEL_KIND` otherwise), and each name is a numeric feature of the model that
 * is not a protected attribute — by name word (`protectedFeatures`) or listed in `protectedNames`,
 * e.g. the reason catalogue's (`E_EXPLAIN_ACTIONABLE` otherwise).
 */
export function actionableIndices(
  model: CredoModel,
  names: readonly string[],
  actionable: readonly string[],
  protectedNames: readonly string[] = [],
): number[] {
  if (!['gbdt', 'forest', 'logistic', 'svm', 'scorecard'].includes(model.kind))
    throw new CredoError('E_MODEL_KIND', { kind: model.kind, problem: 'counterfactuals need a tree, logistic, SVM or scorecard model' });
  return actionable.map((name) => {
    const j = names.indexOf(name);
    if (j < 0) throw new CredoError('E_EXPLAIN_ACTIONABLE', { feature: name, problem: `the model has no such feature (features: ${names.join(', ')})` });
    if (protectedFeatures([name], protectedNames).length > 0)
      throw new CredoError('E_EXPLAIN_ACTIONABLE', { feature: name, problem: 'a protected attribute can never be a proposed change' });
    if (featureType(model, j) !== 'number') throw new CredoError('E_EXPLAIN_ACTIONABLE', { feature: name, problem: 'only numeric features can be changed' });
    return j;
  });
}

/** True when the model's margin is a log-odds (a PD model); false for a regression ensemble. */
export function marginIsLogOdds(model: CredoModel): boolean {
  return !(model.kind === 'gbdt' || model.kind === 'forest') || ensembleOf(model)?.objective !== 'regression';
}

function featureType(model: CredoModel, j: number): string | undefined {
  if (model.kind === 'gbdt' || model.kind === 'forest') return ensembleOf(model)?.features[j]?.type;
  if (model.kind === 'logistic') return model.body.terms[j]?.type;
  if (model.kind === 'svm') return model.body.logit.terms[j]?.type;
  if (model.kind === 'scorecard') return model.body.characteristics[j]?.spec.type;
  return undefined;
}

/**
 * The closed-form counterfactual of a logistic model. A missing actionable value whose missing
 * indicator raises the margin may be supplied: it starts at the term's fill value (the training
 * mean) with the indicator's effect removed, and is reported as a change from missing; other
 * missing actionable values stay fixed.
 */
function logisticCounterfactual(
  body: LogisticModelBody,
  names: readonly string[],
  row: Float64Array,
  margin: number,
  { actionable, cutoffMargin, scale, weight, lower, upper }: ModelCounterfactualOptions,
): ModelCounterfactual {
  const beta = body.terms.map((t) => (t.type === 'number' ? t.coefficient : 0));
  const start = Float64Array.from(row);
  const supplied: number[] = [];
  let base = margin;
  for (const j of actionable) {
    const term = body.terms[j];
    if (!Number.isNaN(row[j] as number) || term?.type !== 'number' || !((term.missing ?? 0) > 0)) continue;
    start[j] = term.fill;
    base -= term.missing as number;
    supplied.push(j);
  }
  const usable = actionable.filter((j) => !Number.isNaN(start[j] as number));
  const result = linearCounterfactual(beta, start, base, cutoffMargin, usable, scale, weight, lower, upper);
  if (result === null) return null;
  let marginAfter = base;
  for (const j of supplied) if (!result.values.has(j)) result.values.set(j, start[j] as number);
  const changes = [...result.values].map(([j, to]) => {
    marginAfter += (beta[j] as number) * (to - (start[j] as number));
    return { feature: names[j] as string, from: row[j] as number, to };
  });
  return { changes, cost: result.cost, marginAfter };
}
