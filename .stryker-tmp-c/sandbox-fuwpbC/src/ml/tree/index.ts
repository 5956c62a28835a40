/** The shared tree representation of every tree model (GBDT, forest, imported XGBoost/LightGBM). */
// @ts-nocheck

export { type FeatureMatrix, featureMatrix } from './feature-matrix.js';
export { addTreeOutput, predictEnsembleRange, predictEnsembleRaw } from './predict.js';
export { ensembleFromSaved, type SavedEnsemble, type SavedTree, saveEnsemble, saveTree } from './saved.js';
export { goesLeft, isLeaf, leafFor, nodeCount, type Tree, type TreeEnsemble, type TreeFeature, ZERO_THRESHOLD } from './tree.js';
