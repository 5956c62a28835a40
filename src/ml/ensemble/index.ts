/** Ensembles of Credo models (weighted averages and stacking) and the train-any-family entry point. */
export { type FitModelOptions, fitModel, trainableKinds, trainEnsemble } from './fit-model.js';
export type { EnsembleMethod, EnsembleModelBody, MemberSpec } from './model.js';
export { predictEnsembleLogit } from './predict-ensemble.js';
export { defaultEnsembleOptions, type EnsembleOptions, type EnsembleTrainResult } from './train-ensemble.js';
