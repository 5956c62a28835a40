// @ts-nocheck
// 
import { type Column, type ColumnSchema, categoryFromLabels, Frame, numericColumn } from '../frame/index.js';
import type { CredoModel } from '../ml/model.js';
import { predictScore } from '../ml/predict-model.js';
import {
  activeRules,
  computeLift,
  computeSwapset,
  DECISION,
  decide,
  type InferenceMethod,
  inferRejects,
  type LiftReport,
  ruleMasks,
  type Strategy,
  type SwapsetReport,
} from '../strategy/index.js';
import { pdOfInputs } from './model-monitoring.js';
import { DECIDING_MODEL } from './parse-policy.js';
import type { DecisionPolicy } from './policy.js';

/** Reject-inference methods the strategy lab offers, all scored on the champion's PD. */
export type LabInference = 'none' | 'score-band' | 'parcel' | 'fuzzy';

/** Applications to test strategies on: the inputs, `bad` (NaN without an outcome) and the champion's PD and score as `pd(champion)`/`score(champion)`. */
export interface LabData {
  readonly frame: Frame;
  readonly models: Record<string, { readonly pd: Float64Array; readonly score: Float64Array }>;
  readonly withOutcome: number;
}

/**
 * The strategy lab's data: recent applications as a frame over `inputs` (numbers, categories by
 * label, missing as NaN/null), their known outcome as `bad`, and the champion's PD and score
 * computed the way a decision computes them (through `policy`'s prepared frame).
 */
export function labData(
  inputs: readonly ColumnSchema[],
  rows: readonly { readonly input: Readonly<Record<string, unknown>>; readonly bad: 0 | 1 | null }[],
  policy: DecisionPolicy,
  champion: CredoModel,
): LabData {
  const columns: Column[] = inputs.map((c) =>
    c.type === 'number'
      ? numericColumn(
          c.name,
          Float64Array.from(rows, (r) => {
            const v = r.input[c.name];
            return typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : Number.NaN;
          }),
        )
      : categoryFromLabels(
          c.name,
          rows.map((r) => {
            const v = r.input[c.name];
            return typeof v === 'string' ? v : null;
          }),
        ),
  );
  const bad = Float64Array.from(rows, (r) => (r.bad === null ? Number.NaN : r.bad));
  columns.push(numericColumn('bad', bad));
  const pd = pdOfInputs(
    policy,
    champion,
    rows.map((r) => r.input),
  );
  return {
    frame: new Frame(columns, rows.length),
    models: { [DECIDING_MODEL]: { pd, score: predictScore(champion, pd) } },
    withOutcome: rows.filter((r) => r.bad !== null).length,
  };
}

/** Sequential lift of a strategy's rules (cutoff included, as its last rule) on the lab data: the target `bad`, touched amount `requested_amount` when present. */
export function strategyLift(strategy: Strategy, data: LabData): LiftReport {
  const rules = activeRules(strategy);
  const masks = ruleMasks(data.frame, rules, data.models);
  return computeLift(data.frame, rules, masks, {
    target: 'bad',
    ...(data.frame.has('requested_amount') ? { amount: 'requested_amount' } : {}),
    standalone: false,
  });
}

/** 1 where the strategy approves the row. */
function approvals(strategy: Strategy, data: LabData): Uint8Array {
  const rules = activeRules(strategy);
  const { decision } = decide(rules, ruleMasks(data.frame, rules, data.models), data.frame.rowCount);
  return decision.map((d) => (d === DECISION.approve ? 1 : 0));
}

/**
 * The swap set of the current strategy (old) against an edited one (new) on the lab data, rows
 * without an outcome inferred by `inference` over the champion's PD (score bands, parcelling or
 * fuzzy augmentation), or left out of the rates with `none`.
 */
export function strategySwapset(current: Strategy, edited: Strategy, data: LabData, inference: LabInference): SwapsetReport {
  const bad = data.frame.numeric('bad').values;
  const score = (data.models[DECIDING_MODEL] as { pd: Float64Array }).pd;
  const method: InferenceMethod | undefined =
    inference === 'none'
      ? undefined
      : inference === 'fuzzy'
        ? { kind: 'fuzzy', score }
        : inference === 'parcel'
          ? { kind: 'parcel', score, bands: 10, seed: 1 }
          : { kind: 'score-band', score, bands: 10 };
  const inferred = method === undefined ? undefined : inferRejects(bad, method, { scoreName: 'pd(champion)' });
  return computeSwapset(data.frame, approvals(current, data), approvals(edited, data), {
    target: 'bad',
    ...(data.frame.has('requested_amount') ? { amount: 'requested_amount' } : {}),
    ...(inferred === undefined ? {} : { inference: inferred }),
  });
}
