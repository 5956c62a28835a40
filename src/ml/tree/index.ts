/** The shared tree representation of every tree model (GBDT, forest, imported XGBoost/LightGBM). */
export { goesLeft, isLeaf, leafFor, nodeCount, type Tree, type TreeEnsemble, type TreeFeature } from './tree.js';
