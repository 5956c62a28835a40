// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';
import { assertSchema, type Frame } from '../frame/index.js';
import { predictEnsembleLogit } from './ensemble/predict-ensemble.js';
import { predictForestLogit } from './forest/predict-forest.js';
import { predictLogisticLogit } from './linear/index.js';
import { predictMlpLogit } from './mlp/train-mlp.js';
import type { CredoModel } from './model.js';
import { predictScorecardLogit } from './scorecard/index.js';
import { type ScalingOptions, scoresFromPd } from './scorecard/scaling.js';
import { ensembleFromSaved, predictEnsembleRaw, type TreeEnsemble } from './tree/index.js';

const ensembles = new WeakMap<object, TreeEnsemble>();

/**
 * Raw model output per row of `frame` (log-odds for PD models, the prediction for regression).
 * Checks the frame against the model's training schema first: a missing feature column or a
 * wrong column type throws `E_INPUT_SCHEMA_MISMATCH` naming the columns. Categories unseen in
 * training are accepted: tree models route them right at every categorical split (see
 * `featureMatrix`).
 */
export function predictRaw(model: CredoModel, frame: Frame): Float64Array {
  assertSchema(frame, model.schema, { unseenCategories: false });
  switch (model.kind) {
    case 'gbdt': {
      let ensemble = ensembles.get(model.body);
      if (ensemble === undefined) {
        ensemble = ensembleFromSaved(model.body.ensemble);
        ensembles.set(model.body, ensemble);
      }
      return predictEnsembleRaw(ensemble, frame);
    }
    case 'logistic':
      return predictLogisticLogit(model.body, frame);
    case 'scorecard':
      return predictScorecardLogit(model.body, frame);
    case 'forest':
      return predictForestLogit(model.body, frame);
    case 'mlp':
      return predictMlpLogit(model.body, frame);
    case 'svm':
      return predictLogisticLogit(model.body.logit, frame);
    case 'ensemble':
      return predictEnsembleLogit(model.body, frame, predictRaw);
    default:
      throw new CredoError('E_MODEL_KIND', { kind: (model as { kind: string }).kind, problem: 'no predictor is registered for this kind yet' });
  }
}

/** True when the model's raw output is a log-odds (binary PD model). */
export function isBinaryModel(model: CredoModel): boolean {
  if (model.kind === 'gbdt') return model.body.ensemble.objective === 'binary';
  return true;
}

/** Probability of default per row: the logistic of `predictRaw`. Throws for regression models. */
export function predictPd(model: CredoModel, frame: Frame): Float64Array {
  if (!isBinaryModel(model)) throw new CredoError('E_MODEL_KIND', { kind: model.kind, problem: 'a regression model does not predict a PD' });
  const raw = predictRaw(model, frame);
  const pd = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) pd[i] = 1 / (1 + Math.exp(-raw[i]!));
  return pd;
}

/**
 * The score scaling of a model's reported 300–850 scores (REFERENCE §3): a scorecard keeps the
 * PDO, base score and base odds it was built with; every other model uses Credo's defaults
 * (600 points at 50:1, PDO 20).
 */
export function scoreScaling(model: CredoModel): ScalingOptions {
  if (model.kind !== 'scorecard') return {};
  const s = model.body.scaling;
  return { baseScore: s.base_score, baseOdds: s.base_odds, pdo: s.pdo, min: s.min, max: s.max };
}

/** Reported score per row: the model's PD on its own scale (see `scoreScaling`), rounded to whole points. */
export function predictScore(model: CredoModel, pd: Float64Array): Float64Array {
  const scores = scoresFromPd(pd, scoreScaling(model));
  for (let i = 0; i < scores.length; i++) scores[i] = Math.round(scores[i] as number);
  return scores;
}
