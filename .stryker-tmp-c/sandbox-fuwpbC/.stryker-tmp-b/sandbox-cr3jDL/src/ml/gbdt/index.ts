/** Histogram gradient boosting: Credo's main PD model. */
// @ts-nocheck

// 


export { type BinnedData, binFeatures, type FeatureBins } from './bin.js';
export { allocateBuffers, buildFeatureRange, type HistogramBuilder, serialHistogramBuilder, type TrainBuffers } from './buffers.js';
export { gossSample } from './goss.js';
export { type BinnedTree, binnedTreeOutput, type GrowParams, growTree } from './grow.js';
// Model import converters live in io (pure text → model, no file access); re-exported for ml users.
export { importLightgbm, nextDoubleUp } from './import-lightgbm.js';
export { type ImportOptions, importXgboost } from './import-xgboost.js';
export { type GbdtModelBody, saveEnsembleForModel } from './model.js';
export { defaultGbdtOptions, type GbdtOptions, resolveGbdtOptions } from './options.js';
export { toTree } from './to-tree.js';
export { type GbdtRuntime, type GbdtTrainInput, type GbdtTrainResult, monotoneVector, splitRows, trainGbdt } from './train.js';
