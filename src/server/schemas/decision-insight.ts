import { Type } from 'typebox';
import { DecisionSummary, ExplainedValue } from './applications.js';
import { Ratio } from './portfolio.js';

const Arm = Type.Union([Type.Literal('champion'), Type.Literal('challenger')]);
const Action = DecisionSummary.properties.action;
const RulesFired = Type.Array(Type.String(), { description: 'ids of the rules that held, in policy order (also `limits.min`, `pricing.cap`)' });

/** A decision made without storing it: the summary, the rules that held and the policy currency. */
export const PreviewDecision = Type.Object({
  ...DecisionSummary.properties,
  id: Type.String({ format: 'uuid', description: 'the nil UUID: nothing is stored' }),
  rules_fired: RulesFired,
});

/** `200` of `POST /api/v1/decisions/preview`: the decision a submission of the data would get. */
export const PreviewResponse = Type.Object({
  ...PreviewDecision.properties,
  currency: Type.String({ description: 'ISO 4217 code of `limit`' }),
});

/** `200` of `POST /api/v1/decisions/explain`: `expected_value + Σ contribution = margin` (log-odds). */
export const ExplainResponse = Type.Object({
  arm: Arm,
  method: Type.Union(
    [Type.Literal('tree-shap-path-dependent'), Type.Literal('linear'), Type.Literal('scorecard-points'), Type.Literal('shapley-permutation-interventional')],
    { description: 'how the contributions were computed' },
  ),
  expected_value: Type.Number({ description: 'the reference margin (log-odds) the contributions start from' }),
  margin: Type.Number({ description: 'the model output (log-odds) of the data' }),
  pd: Ratio,
  contributions: Type.Array(
    Type.Object({
      feature: Type.String(),
      value: ExplainedValue,
      contribution: Type.Number({ description: 'log-odds; positive raises the PD' }),
    }),
    { description: "in the model's feature order" },
  ),
});

const Bound = (side: string) =>
  Type.Union([Type.Number(), Type.Null()], { description: `${side} bound of the feature's value; null when unbounded (no recent applications give a range)` });

/** `200` of `POST /api/v1/decisions/counterfactual`: the cheapest change found and the decision on the changed data. */
export const CounterfactualResponse = Type.Object({
  arm: Arm,
  cutoff: Type.Number({ minimum: 0, maximum: 1, description: "PD the change must get below (the policy's cutoff.pd_above unless given)" }),
  found: Type.Boolean(),
  pd_before: Type.Number({ description: 'PD of the data as sent' }),
  pd_after: Type.Union([Type.Number(), Type.Null()], { description: 'PD of the changed data; null when nothing was found' }),
  cost: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], { description: 'Σ |Δ| / sd over the changes; null when nothing was found' }),
  changes: Type.Array(
    Type.Object({
      feature: Type.String(),
      from: Type.Union([Type.Number(), Type.Null()], { description: 'null when the value was missing' }),
      to: Type.Number(),
    }),
  ),
  constraints: Type.Array(
    Type.Object({
      feature: Type.String(),
      direction: Type.Union([Type.Literal('decrease'), Type.Literal('increase'), Type.Literal('any')]),
      lower: Bound('lower'),
      upper: Bound('upper'),
      source: Type.Union([Type.Literal('flag'), Type.Literal('catalogue'), Type.Literal('default')], {
        description: '`catalogue`: the reason catalogue says how it may change; `default`: any direction within the data range',
      }),
    }),
  ),
  decision: Type.Union([PreviewDecision, Type.Null()], {
    description: 'the decision on the changed data (rules, limits and pricing still apply); null when nothing was found',
  }),
});

/** `200` of `GET /api/v1/decisions/:id/path`: the decision's path through its policy and the champion's shadow. */
export const DecisionPathResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Union([Type.Literal('automatic'), Type.Literal('shadow'), Type.Literal('override')]),
  arm: Type.Union([Arm, Type.Null()]),
  action: Action,
  policy: Type.Union([Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), version: Type.Integer({ minimum: 1 }) }), Type.Null()], {
    description: 'null when the decision names no policy (then `steps` is empty)',
  }),
  steps: Type.Array(
    Type.Object({
      id: Type.String({ description: 'rule id; `cutoff`, then `limits.min` and `pricing.cap` when they applied' }),
      when: Type.String({ description: 'the rule text as written' }),
      action: Action,
      held: Type.Boolean(),
      decided: Type.Boolean({ description: 'the first rule that held decides' }),
    }),
  ),
  shadow: Type.Union(
    [
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        action: Action,
        pd: DecisionSummary.properties.pd,
        score: DecisionSummary.properties.score,
        limit: DecisionSummary.properties.limit,
        rate: DecisionSummary.properties.rate,
        model_hash: DecisionSummary.properties.model_hash,
      }),
      Type.Null(),
    ],
    { description: "the champion's decision on a challenger's automatic decision; null otherwise" },
  ),
});
