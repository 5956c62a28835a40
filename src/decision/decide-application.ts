import { CredoError, issuesToError } from '../errors/index.js';
import { principalReasons, type ReasonCatalogue } from '../explain/index.js';
import { formatMoney } from '../finance/index.js';
import { predictPd, predictScore } from '../ml/predict-model.js';
import { type Arm, challengerArm } from './challenger-arm.js';
import type { BoundModel, DecisionAction, DecisionContext, DecisionReason, DecisionRecord, InputValue } from './decision-record.js';
import { formatBasisPoints, limitMinor, priceBp } from './limit-and-price.js';
import { preparedModel } from './prepared-model.js';
import { applicationInputs, checkData, inputSnapshot } from './validate-application.js';

/**
 * Decides one application (the one decision function of the API, `credo decide`, the bulk upload
 * and replay). The arm is `challengerArm(armKey, share)` when the context has a challenger, where
 * `armKey` is the lender's own application id when there is one (the API's `external_id`, the
 * CLI's id column; default `applicationId`), so the API and the CLI put the same application on
 * the same arm.
 * On the arm's model, in order: PD (`predictPd`) and the whole-point score (`predictScore`,
 * REFERENCE §3); the policy's rules in order, reading the inputs and `pd/score(champion)` (the
 * arm's model): the first rule that holds decides (decline, refer or approve), approve when none
 * does; the principal reasons (TreeSHAP or additive contributions, ranked toward decline, texts
 * from the catalogue); then, when approved, the limit and the risk-based rate. A challenger
 * decision carries the champion's decision of the same input as `shadow`. Throws
 * `E_INPUT_VALIDATION` listing every problem of `data` (see `validateApplicationData`).
 */
export function decideApplication(
  applicationId: string,
  data: Record<string, InputValue>,
  context: DecisionContext,
  armKey: string = applicationId,
): DecisionRecord {
  return decideOnArm(applicationId, data, context, armOf(context, armKey), false);
}

/**
 * `decideApplication` on data the caller has already checked: `snapshot` is `inputSnapshot` of
 * data that passed `checkData` for `applicationInputs(context)` (the API checks once, to answer
 * 422 with its own paths, and does not pay for the check twice).
 */
export function decideChecked(
  applicationId: string,
  snapshot: Readonly<Record<string, number | string | null>>,
  context: DecisionContext,
  armKey: string = applicationId,
): DecisionRecord {
  checkDecision(applicationId, context);
  return decideSnapshot(applicationId, snapshot, context, armOf(context, armKey));
}

function armOf(context: DecisionContext, armKey: string): Arm {
  return context.challenger === undefined ? 'champion' : challengerArm(armKey, context.challenger.share);
}

/**
 * `decideApplication` with the arm given (replay decides on the stored arm). `allowExtra` keeps
 * fields no input reads in the snapshot instead of refusing them (a stored snapshot may carry the
 * inputs of a challenger that is not part of the replay context).
 */
export function decideOnArm(applicationId: string, data: Record<string, unknown>, context: DecisionContext, arm: Arm, allowExtra: boolean): DecisionRecord {
  checkDecision(applicationId, context);
  const inputs = applicationInputs(context);
  const issues = checkData(data, inputs, allowExtra);
  if (issues.length > 0) throw issuesToError(issues, `application "${applicationId}"`);
  return decideSnapshot(applicationId, inputSnapshot(data, inputs), context, arm);
}

function checkDecision(applicationId: string, context: DecisionContext): void {
  if (typeof applicationId !== 'string' || applicationId === '')
    throw new CredoError('E_INPUT_VALIDATION', { summary: 'the application id must be a non-empty string' });
  if (context.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(context.asOf))
    throw new CredoError('E_INPUT_VALIDATION', { summary: `the decision date must be YYYY-MM-DD, got "${context.asOf}"` });
}

function decideSnapshot(applicationId: string, snapshot: Readonly<Record<string, number | string | null>>, context: DecisionContext, arm: Arm): DecisionRecord {
  const catalogue = context.policy.catalogue ?? context.catalogue;
  if (catalogue === undefined)
    throw new CredoError('E_EXPLAIN_CATALOGUE', {
      source: `policy "${context.policy.source}"`,
      path: 'reasons.catalogue',
      problem: 'no reason catalogue: give the policy one or pass the default (data/reasons.json) in the decision context',
    });
  if (arm === 'champion') return decideWith(applicationId, snapshot, context, context.champion, 'champion', catalogue);
  const challenger = context.challenger;
  if (challenger === undefined)
    throw new CredoError('E_INPUT_VALIDATION', { summary: `application "${applicationId}" was decided by a challenger, but the context has none` });
  const shadow = decideWith(applicationId, snapshot, context, context.champion, 'champion', catalogue);
  return { ...decideWith(applicationId, snapshot, context, challenger, 'challenger', catalogue), shadow };
}

function decideWith(
  applicationId: string,
  snapshot: Readonly<Record<string, number | string | null>>,
  context: DecisionContext,
  bound: BoundModel,
  arm: Arm,
  catalogue: ReasonCatalogue,
): DecisionRecord {
  const { policy } = context;
  const model = bound.model;
  const prepared = preparedModel(policy, model, context.asOf);
  prepared.write(snapshot);
  const pdValues = predictPd(model, prepared.frame);
  const pd = pdValues[0] as number;
  // extreme inputs to a linear model can give +∞ − ∞ on the logit
  if (Number.isNaN(pd)) throw new CredoError('E_INPUT_VALIDATION', { summary: `application "${applicationId}": the model gives no PD for these input values` });
  const score = predictScore(model, pdValues)[0] as number;
  prepared.outputs.pd[0] = pd;
  prepared.outputs.score[0] = score;

  let action: DecisionAction = 'approve';
  let decidingRule: string | undefined;
  const rulesFired: string[] = [];
  for (const rule of prepared.rules) {
    if (rule.mask()[0] !== 1) continue;
    rulesFired.push(rule.id);
    if (decidingRule === undefined) {
      action = rule.action;
      decidingRule = rule.id;
    }
  }

  const explanation = prepared.explain();
  let reasons: DecisionReason[] = principalReasons(explanation, 0, (j) => snapshot[explanation.features[j] as string] ?? null, catalogue, {
    count: policy.reasonCount,
  }).map((r) => ({ code: r.code, feature: r.feature, text: r.text }));
  const ruleReasons = policy.ruleReasons;
  const ruleReason =
    decidingRule === undefined || action === 'approve' || ruleReasons === undefined || !Object.hasOwn(ruleReasons, decidingRule)
      ? undefined
      : ruleReasons[decidingRule];
  if (ruleReason !== undefined) {
    // the rule that declined or referred comes first; the model's reasons fill the rest
    const first = { code: ruleReason.code, feature: `rule:${decidingRule}`, text: ruleReason.text };
    reasons = [first, ...reasons.filter((r) => r.code !== first.code)].slice(0, Math.max(policy.reasonCount, reasons.length));
  }

  let limit: string | null = null;
  let rate: string | null = null;
  if (action === 'approve' && policy.limits !== undefined) {
    const minor = limitMinor(policy.limits, score, snapshot, policy.currency);
    if (minor < policy.limits.minMinor) {
      action = policy.limits.belowMin;
      rulesFired.push('limits.min');
    } else {
      limit = formatMoney(minor, policy.currency);
      if (policy.pricing !== undefined) {
        const price = priceBp(policy.pricing, pd, minor, policy.currency);
        if (price.aboveCap) rulesFired.push('pricing.cap');
        if (price.aboveCap && policy.pricing.aboveCap !== 'cap') {
          action = policy.pricing.aboveCap;
          limit = null;
        } else rate = formatBasisPoints(price.bp);
      }
    }
  }

  return {
    applicationId,
    action,
    pd,
    score,
    reasons,
    limit,
    rate,
    currency: policy.currency.code,
    policyId: context.policyId,
    policyVersion: context.policyVersion,
    modelHash: bound.hash,
    ...(bound.id === undefined ? {} : { modelId: bound.id }),
    arm,
    rulesFired,
    ...(context.asOf === undefined ? {} : { asOf: context.asOf }),
    inputSnapshot: snapshot,
  };
}
