import { Type } from 'typebox';
import { ProblemSchema } from './common.js';
import { Ratio } from './portfolio.js';
import { Policy } from './registry.js';

/** A policy issue as the editor shows it: the problem document's error item (YAML path, message, 1-based line and column when known). */
const PolicyIssue = ProblemSchema.properties.errors.items;

/** `POST /api/v1/strategy/check`: the policy parses (its name and rule count, no issues) or every issue it has. */
export const StrategyCheckResponse = Type.Union([
  Type.Object({
    ok: Type.Literal(true),
    name: Type.String({ description: "the strategy's name" }),
    rules: Type.Integer({ minimum: 0, description: 'rules in the strategy (the cutoff not counted)' }),
    issues: Type.Array(PolicyIssue, { maxItems: 0 }),
  }),
  Type.Object({ ok: Type.Literal(false), issues: Type.Array(PolicyIssue, { minItems: 1 }) }),
]);

const Rate = Type.Union([Type.Number(), Type.Null()], { description: 'null where its denominator is 0' });
const RateMap = Type.Record(Type.String(), Rate, { description: 'rate definition (here `bad`) → rate' });
const Amount = Type.Union([Type.Number(), Type.Null()], { description: 'Σ requested_amount (major units); null when the applications carry none' });

/** One row of a sequential lift table: `baseline` first, then the rules in order, the cutoff last. */
const LiftRowSchema = Type.Object({
  rule: Type.String({ description: 'rule id, `baseline` for the first row' }),
  action: Type.Optional(Type.String({ description: "the rule's action (absent on the baseline row)" })),
  touched: Type.Integer({ minimum: 0, description: 'applications the rule newly touches (no earlier rule did)' }),
  touched_share: Ratio,
  touched_amount: Amount,
  cumulative_touched: Type.Integer({ minimum: 0 }),
  hit_rates: RateMap,
  hit_denominators: Type.Record(Type.String(), Type.Number({ minimum: 0 }), { description: 'touched applications with an outcome, per rate' }),
  remaining_rates: RateMap,
  lift: Type.Union([Type.Number(), Type.Null()], {
    description: 'hit rate / baseline rate of the primary definition; null where either is undefined or the baseline is 0',
  }),
  lifts: RateMap,
  capture: Type.Union([Ratio, Type.Null()], {
    description: 'share of all bads captured by this rule and the earlier ones; null on the baseline row or without bads',
  }),
});

/** `POST /api/v1/strategy/lift`: the sequential lift of the edited policy on recent applications. */
export const StrategyLiftResponse = Type.Object({
  strategy: Type.String({ description: "the edited strategy's name" }),
  rows: Type.Integer({ minimum: 0, description: 'recent applications used' }),
  with_outcome: Type.Integer({ minimum: 0, description: 'of which the book knows the outcome' }),
  primary: Type.Union([Type.String(), Type.Null()], { description: 'the definition `lift` and `capture` use (`bad`)' }),
  lift: Type.Array(LiftRowSchema),
});

const SwapStatsSchema = {
  count: Type.Integer({ minimum: 0 }),
  share: Ratio,
  amount: Amount,
  observed: Type.Integer({ minimum: 0, description: 'applications with an observed outcome' }),
  inferred: Type.Integer({ minimum: 0, description: 'applications whose outcome was inferred' }),
  bads: Type.Number({ minimum: 0, description: 'expected bads: observed bads + Σ inferred probabilities' }),
  bad_rate: Type.Union([Ratio, Type.Null()], { description: 'count-weighted, over observed and inferred applications; null when none is known' }),
  bad_rate_amount: Type.Union([Type.Number(), Type.Null()], { description: 'amount-weighted; null when no known application has an amount' }),
  source: Type.String({ description: '`observed`, the inference method, both joined by `+`, or `none`' }),
};
const ApprovedStats = Type.Object({ ...SwapStatsSchema, approval_rate: Ratio });
const Cell = Type.Object(SwapStatsSchema);
const Change = Type.Union([Type.Number(), Type.Null()], { description: 'new − old; null when either is undefined' });

/** `POST /api/v1/strategy/swapset`: the swap set of the active policy (old) against the edited one (new) on recent applications. */
export const StrategySwapsetResponse = Type.Object({
  current: Type.Pick(Policy, ['id', 'name', 'version'], { description: 'the active policy' }),
  edited: Type.String({ description: "the edited strategy's name" }),
  rows: Type.Integer({ minimum: 0, description: 'recent applications used' }),
  with_outcome: Type.Integer({ minimum: 0 }),
  inference: Type.Union([Type.String(), Type.Null()], {
    description: 'the reject-inference method used, in words (e.g. "score-band (pd(champion), 10 bands)"); null with `none`',
  }),
  table: Type.Object({
    applications: Type.Integer({ minimum: 0 }),
    cells: Type.Object(
      { all_in: Cell, swap_out: Cell, swap_in: Cell, all_out: Cell },
      { description: 'old × new decision: both approve, old only, new only, neither' },
    ),
    old_approved: ApprovedStats,
    new_approved: ApprovedStats,
    change: Type.Object({ approval_rate: Type.Number({ minimum: -1, maximum: 1 }), bad_rate: Change, bad_rate_amount: Change }),
  }),
});
