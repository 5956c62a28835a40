import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { type ForestOptions, forestModelBody, trainForest } from '../forest/index.js';
import { type GbdtOptions, saveEnsembleForModel, trainGbdt } from '../gbdt/index.js';
import { type SvmOptions, trainLogisticModel, trainSvm } from '../linear/index.js';
import { type MlpOptions, trainMlp } from '../mlp/index.js';
import type { CredoModel, ModelKind } from '../model.js';
import { outcomeLabels } from '../outcome-labels.js';
import { trainScorecard } from '../scorecard/index.js';
import type { MemberSpec } from './model.js';
import { type EnsembleOptions, type EnsembleTrainResult, trainEnsembleWith } from './train-ensemble.js';

/** Every family `fitModel` trains, in the order `credo compare` lists them by default. */
export const trainableKinds: readonly ModelKind[] = ['gbdt', 'logistic', 'scorecard', 'forest', 'mlp', 'svm', 'ensemble'];

/** Options of `fitModel` beyond the member spec. */
export interface FitModelOptions {
  /** ISO-8601 creation time written into the model (the core never reads the clock) [''] */
  readonly createdAt?: string;
  /** Seed used when the params give none [0]. */
  readonly seed?: number;
}

/**
 * Trains a model of any family on `features` of `frame` against the 0/1 `target` and returns the
 * complete Credo model (schema, params, body; metrics empty). `spec.params` are the family's
 * option names: `GbdtOptions` (+ `validFraction`, default 0.1, for early stopping), `{l1, l2, missingIndicators, monotone}`
 * (logistic), `{minIv, l2, maxBins, pdo, baseScore, baseOdds}` (scorecard), `ForestOptions`,
 * `MlpOptions`, `SvmOptions`, `EnsembleOptions` (ensemble). The common entry point of
 * `credo compare`, `credo tune` and ensemble members.
 */
export async function fitModel(
  spec: MemberSpec | { kind: 'ensemble'; params?: Readonly<Record<string, unknown>> },
  frame: Frame,
  target: string,
  features: readonly string[],
  options: FitModelOptions = {},
): Promise<CredoModel> {
  const labels = outcomeLabels(frame, target);
  const params = { seed: options.seed ?? 0, ...(spec.params ?? {}) } as Record<string, unknown>;
  const envelope = { target, createdAt: options.createdAt ?? '', metrics: {}, params };
  const schemaOf = (names: readonly string[]) => frame.select(names).schema();
  switch (spec.kind) {
    case 'gbdt': {
      const { validFraction, ...gbdt } = params as Partial<GbdtOptions> & { validFraction?: number };
      const fraction = validFraction ?? 0.1;
      const result = trainGbdt({ frame, target, features, validFraction: fraction > 0 && frame.rowCount >= 20 ? fraction : undefined }, gbdt);
      return { ...envelope, kind: 'gbdt', schema: schemaOf(features), body: saveEnsembleForModel(result) };
    }
    case 'logistic': {
      const p = params as { l1?: number; l2?: number; missingIndicators?: boolean; monotone?: Record<string, number> };
      const body = trainLogisticModel(frame, labels, features, {
        l1: p.l1 ?? 0,
        l2: p.l2 ?? 0,
        missingIndicators: p.missingIndicators ?? true,
        monotone: p.monotone ?? {},
      });
      return { ...envelope, kind: 'logistic', schema: schemaOf(features), body };
    }
    case 'scorecard': {
      const p = params as { minIv?: number; l2?: number; maxBins?: number; pdo?: number; baseScore?: number; baseOdds?: number };
      const result = await trainScorecard(frame, labels, features, {
        binning: { maxBins: p.maxBins ?? 8 },
        minIv: p.minIv ?? 0.02,
        l2: p.l2 ?? 0,
        scaling: { pdo: p.pdo ?? 20, baseScore: p.baseScore ?? 600, baseOdds: p.baseOdds ?? 50 },
      });
      const used = result.body.characteristics.map((c) => c.feature);
      return { ...envelope, kind: 'scorecard', schema: schemaOf(used), body: result.body };
    }
    case 'forest': {
      const result = trainForest(frame, labels, features, params as Partial<ForestOptions>);
      return { ...envelope, params: { ...result.options }, kind: 'forest', schema: schemaOf(features), body: forestModelBody(result) };
    }
    case 'mlp':
      return { ...envelope, kind: 'mlp', schema: schemaOf(features), body: trainMlp(frame, labels, features, params as Partial<MlpOptions>) };
    case 'svm':
      return { ...envelope, kind: 'svm', schema: schemaOf(features), body: trainSvm(frame, labels, features, params as Partial<SvmOptions>) };
    case 'ensemble': {
      const result = await trainEnsemble(frame, target, features, params as Partial<EnsembleOptions>, options);
      return { ...envelope, kind: 'ensemble', schema: schemaOf(features), body: result.body };
    }
    default:
      throw new CredoError('E_MODEL_KIND', { kind: String((spec as { kind: unknown }).kind), problem: 'no trainer is registered for this kind' });
  }
}

/**
 * Trains an ensemble of any Credo families (see `trainEnsembleWith`), each member by `fitModel` with
 * `fit`'s creation time.
 */
export function trainEnsemble(
  frame: Frame,
  target: string,
  features: readonly string[],
  options: Partial<EnsembleOptions> = {},
  fit: FitModelOptions = {},
): Promise<EnsembleTrainResult> {
  return trainEnsembleWith((spec, data) => fitModel(spec, data, target, features, fit), frame, target, options);
}
