/** Ensembles of Credo models (weighted averages and stacking) and the train-any-family entry point. */
// @ts-nocheck

// 

export { binaryLabels, type FitModelOptions, fitModel, trainableKinds } from './fit-model.js';
export type { EnsembleMethod, EnsembleModelBody, MemberSpec } from './model.js';
export { predictEnsembleLogit } from './predict-ensemble.js';
export { defaultEnsembleOptions, type EnsembleOptions, type EnsembleTrainResult, trainEnsemble } from './train-ensemble.js';
