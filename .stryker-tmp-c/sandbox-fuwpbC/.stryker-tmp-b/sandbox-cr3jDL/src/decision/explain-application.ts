// @ts-nocheck
// 
import { CredoError, issuesToError } from '../errors/index.js';
import {
  actionableIndices,
  type ChangeConstraint,
  changeInterval,
  type Explanation,
  marginIsLogOdds,
  modelCounterfactual,
  protectedInCatalogue,
  resolveChangeConstraints,
  rowMajorInput,
  treeExplainerFor,
} from '../explain/index.js';
import type { Frame } from '../frame/index.js';
import { protectedFeatures } from '../ml/checks/index.js';
import type { CredoModel } from '../ml/model.js';
import { predictPd } from '../ml/predict-model.js';
import type { Arm } from './challenger-arm.js';
import { decideOnArm } from './decide-application.js';
import type { BoundModel, DecisionContext, DecisionRecord, InputValue } from './decision-record.js';
import { preparedModel } from './prepared-model.js';
import { applicationInputs, checkData, inputSnapshot } from './validate-application.js';

/** The contributions of one application on one arm: `margin = expectedValue + Σ contribution` (log-odds for PD models). */
export interface ApplicationExplanation {
  readonly arm: Arm;
  readonly method: Explanation['method'];
  readonly expectedValue: number;
  readonly margin: number;
  readonly pd: number;
  /** In the model's feature order, with the application's value of each feature. */
  readonly contributions: readonly { readonly feature: string; readonly value: number | string | null; readonly contribution: number }[];
}

/** Per-feature statistics of recent applications: scale (standard deviation) and plausible range of a counterfactual. */
export type FeatureStats = ReadonlyMap<string, { readonly sd: number; readonly min: number; readonly max: number }>;

/** What would get an application approved: the cheapest change found and the decision the policy makes on the changed data. */
export interface ApplicationCounterfactual {
  readonly arm: Arm;
  /** PD cutoff the change must get below (the policy's `cutoff.pd_above` unless given). */
  readonly cutoff: number;
  readonly constraints: readonly ChangeConstraint[];
  readonly found: boolean;
  readonly pdBefore: number;
  readonly pdAfter: number | null;
  /** Σ weight·|Δ|/sd (weights 1), null when nothing was found. */
  readonly cost: number | null;
  readonly changes: readonly { readonly feature: string; readonly from: number | null; readonly to: number }[];
  /** The full decision on the changed data (rules, limits and pricing still apply), null when nothing was found. */
  readonly decision: DecisionRecord | null;
}

/** The bound model of an arm, or `E_INPUT_VALIDATION` when the context has no challenger. */
function armModel(context: DecisionContext, arm: Arm): BoundModel {
  if (arm === 'champion') return context.champion;
  if (context.challenger === undefined) throw new CredoError('E_INPUT_VALIDATION', { summary: 'arm: there is no challenger model' });
  return context.challenger;
}

/** Validates `data` like a submission and writes it into the arm's one-row frame. */
function prepare(data: Record<string, InputValue>, context: DecisionContext, arm: Arm) {
  const issues = checkData(data, applicationInputs(context), false);
  if (issues.length > 0) throw issuesToError(issues, 'the application');
  const snapshot = inputSnapshot(data, applicationInputs(context));
  const model = armModel(context, arm).model;
  const prepared = preparedModel(context.policy, model, context.asOf);
  prepared.write(snapshot);
  return { snapshot, model, prepared };
}

/**
 * The contributions behind an application's decision on `arm` (the reason codes' waterfall): exact
 * TreeSHAP for tree models, exact additive terms for logistic, SVM and scorecard models, relative
 * to the same reference as the decision's reasons. Writes nothing; throws `E_INPUT_VALIDATION` for
 * invalid data.
 */
export function explainApplication(data: Record<string, InputValue>, context: DecisionContext, arm: Arm): ApplicationExplanation {
  const { snapshot, model, prepared } = prepare(data, context, arm);
  const explanation = prepared.explain();
  let margin = explanation.expectedValue;
  const contributions = explanation.features.map((feature, j) => {
    const contribution = explanation.values[j] as number;
    margin += contribution;
    return { feature, value: snapshot[feature] ?? null, contribution };
  });
  return {
    arm,
    method: explanation.method,
    expectedValue: explanation.expectedValue,
    margin,
    pd: predictPd(model, prepared.frame)[0] as number,
    contributions,
  };
}

/** The model-aligned input row of the one-row frame (tree features with category codes; additive terms in order). */
function modelRow(model: CredoModel, frame: Frame, features: readonly string[]): Float64Array {
  if (model.kind === 'gbdt' || model.kind === 'forest') return rowMajorInput(treeExplainerFor(model).ensemble, frame);
  return Float64Array.from(features, (name) => {
    const column = frame.column(name);
    return column.type === 'number' ? (column.values[0] as number) : (column.codes[0] as number);
  });
}

/**
 * `credo explain --counterfactual` for one application through the API: the cheapest change of
 * the actionable features (default: the model's numeric features the reason catalogue says the
 * applicant can change, never a protected attribute) that brings the arm's PD below `cutoff`
 * (default: the policy's `cutoff.pd_above`), each feature moving only as the catalogue allows and
 * within the range of recent applications, the cost in their standard deviations; then the full
 * decision on the changed data, since knock-out rules, limits and pricing still apply.
 */
export async function applicationCounterfactual(
  data: Record<string, InputValue>,
  context: DecisionContext,
  arm: Arm,
  stats: FeatureStats,
  options: { readonly actionable?: readonly string[]; readonly cutoff?: number } = {},
): Promise<ApplicationCounterfactual> {
  const { snapshot, model, prepared } = prepare(data, context, arm);
  const catalogue = context.policy.catalogue ?? context.catalogue;
  const cutoff = options.cutoff ?? context.policy.strategy.cutoff?.pdAbove;
  if (cutoff === undefined) throw new CredoError('E_INPUT_VALIDATION', { summary: 'cutoff: the policy has no PD cutoff (cutoff.pd_above): give one' });
  const explanation = prepared.explain();
  const names = explanation.features;
  // Protected attributes are never proposed as a change: by name word or as the catalogue marks them.
  const protectedNames = catalogue === undefined ? [] : protectedInCatalogue(catalogue);
  const actionableNames =
    options.actionable ??
    names.filter((name) => {
      const direction = catalogue?.features[name]?.change?.direction;
      return direction !== undefined && direction !== 'none' && protectedFeatures([name], protectedNames).length === 0 && stats.has(name);
    });
  const actionable = actionableIndices(model, names, actionableNames, protectedNames);
  const p = names.length;
  const scale = new Float64Array(p).fill(1);
  const range = actionableNames.map((name, k) => {
    const s = stats.get(name) ?? { sd: 1, min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY };
    scale[actionable[k] as number] = s.sd > 0 ? s.sd : 1;
    return s;
  });
  const constraints = resolveChangeConstraints(actionableNames, range, catalogue);
  const row = modelRow(model, prepared.frame, names);
  const lower = new Float64Array(p).fill(Number.NEGATIVE_INFINITY);
  const upper = new Float64Array(p).fill(Number.POSITIVE_INFINITY);
  actionable.forEach((j, k) => {
    [lower[j], upper[j]] = changeInterval(constraints[k] as ChangeConstraint, row[j] as number);
  });
  let margin = explanation.expectedValue;
  for (let j = 0; j < p; j++) margin += explanation.values[j] as number;
  const logOdds = marginIsLogOdds(model);
  const cutoffMargin = logOdds ? Math.log(cutoff / (1 - cutoff)) : cutoff;
  const toPd = (m: number) => (logOdds ? 1 / (1 + Math.exp(-m)) : m);
  const cf = await modelCounterfactual(model, names, row, margin, { actionable, cutoffMargin, scale, weight: new Float64Array(p).fill(1), lower, upper });
  const changes = (cf?.changes ?? []).map((c) => ({ feature: c.feature, from: Number.isNaN(c.from) ? null : c.from, to: c.to }));
  let decision: DecisionRecord | null = null;
  if (cf !== null) {
    const changed: Record<string, InputValue> = { ...snapshot };
    for (const c of changes) changed[c.feature] = c.to;
    decision = decideOnArm('00000000-0000-0000-0000-000000000000', changed, context, arm, false);
  }
  return {
    arm,
    cutoff,
    constraints,
    found: cf !== null,
    pdBefore: toPd(margin),
    pdAfter: cf === null ? null : toPd(cf.marginAfter),
    cost: cf?.cost ?? null,
    changes,
    decision,
  };
}
