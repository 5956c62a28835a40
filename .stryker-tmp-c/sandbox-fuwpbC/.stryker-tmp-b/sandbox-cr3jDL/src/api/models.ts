/** Public API, models area: training, prediction, metrics, comparison, binning/WOE and scorecards, model import. */
// @ts-nocheck

// 


export { computePsi, type FitBinningOptions, type FittedBinning, fitBinning, profileFrame, transformWoe } from '../ml/binning/index.js';
export { type CompareOptions, type Comparison, compareModels } from '../ml/compare/index.js';
export { type FitModelOptions, fitModel, trainableKinds, trainEnsemble } from '../ml/ensemble/index.js';
export { defaultForestOptions, type ForestOptions, trainForest } from '../ml/forest/index.js';
export {
  defaultGbdtOptions,
  type GbdtOptions,
  type GbdtTrainInput,
  type GbdtTrainResult,
  importLightgbm,
  importXgboost,
  saveEnsembleForModel,
  trainGbdt,
} from '../ml/gbdt/index.js';
export { type LogisticOptions, type SvmOptions, trainLogistic, trainLogisticModel, trainSvm } from '../ml/linear/index.js';
export { type BinaryEvaluation, computeAuc, computeKs, type EvaluateBinaryOptions, evaluateBinary, stratifiedKFold } from '../ml/metrics/index.js';
export { defaultMlpOptions, type MlpOptions, trainMlp } from '../ml/mlp/index.js';
export type { CredoModel, ModelKind } from '../ml/model.js';
export { modelKinds } from '../ml/model.js';
export { predictPd, predictRaw, predictScore } from '../ml/predict-model.js';
export { pdFromScore, type ScorecardOptions, scorecardTable, scoreFromPd, trainScorecard } from '../ml/scorecard/index.js';
export { runSelection, type SelectionMethod } from '../ml/selection/index.js';
export type { TreeEnsemble } from '../ml/tree/index.js';
export { type TuneOptions, type TuneResult, tuneModel } from '../ml/tuning/index.js';
