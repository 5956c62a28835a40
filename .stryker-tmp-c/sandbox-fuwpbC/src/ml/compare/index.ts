/** Cross-validated comparison of model families: AUC, KS, Gini, precision, recall, F1, Brier, training time (mean ± sd). */
// @ts-nocheck

export {
  type CompareOptions,
  type CompareSpec,
  type Comparison,
  type ComparisonMetric,
  compareModels,
  comparisonMetrics,
  type ModelComparison,
  summarise,
} from './compare-models.js';
export { type FoldFit, outOfFoldPd } from './out-of-fold.js';
