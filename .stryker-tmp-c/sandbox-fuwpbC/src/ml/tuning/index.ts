/** Hyperparameter search: random search and TPE over declared spaces, stratified k-fold CV, time budget. */
// @ts-nocheck

export { parseBudget } from './parse-budget.js';
export { type Observation, sampleRandom, sampleTpe, type TpeOptions } from './samplers.js';
export { fromInternal, internalBounds, type ParamRange, type SearchSpace, searchSpaceOf, searchSpaces, toInternal } from './search-space.js';
export { type TuneOptions, type TuneResult, type TuneTrial, tuneModel } from './tune-model.js';
