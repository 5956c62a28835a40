/** Feature selection: filters (missing, IV, correlation, VIF), stepwise logistic (AIC/BIC/AUC/KS), recursive elimination. */

export { type BorutaFeature, type BorutaOptions, type BorutaResult, binomialUpperTail, borutaSelect } from './boruta.js';
export { type DroppedFeature, type FeatureFacts, type FilterOptions, filterFeatures, pearson } from './filter-features.js';
export { entropyBits, type InformationGain, informationGain, levelCounts } from './information-gain.js';
export {
  type PermutationImportance,
  type PermutationOptions,
  permutationImportance,
  permutationSeed,
  permuteColumn,
  permutedOrder,
} from './permutation-importance.js';
export { recursiveElimination } from './rfe.js';
export { jaccardIndex, type SelectionStability, selectionStability } from './selection-stability.js';
export { type StepwiseCriterion, type StepwiseOptions, type StepwiseStep, stepwiseSelect } from './stepwise.js';
