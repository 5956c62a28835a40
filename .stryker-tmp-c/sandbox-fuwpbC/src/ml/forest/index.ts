/** Random forests on the GBDT's histogram machinery: bagged regression trees whose mean is the PD. */
// @ts-nocheck

export type { ForestModelBody } from './model.js';
export { defaultForestOptions, type ForestOptions, featuresPerDraw, type MaxFeatures, resolveForestOptions } from './options.js';
export { FOREST_PD_FLOOR, predictForestLogit, predictForestPd } from './predict-forest.js';
export { type ForestTrainResult, forestModelBody, trainForest } from './train-forest.js';
