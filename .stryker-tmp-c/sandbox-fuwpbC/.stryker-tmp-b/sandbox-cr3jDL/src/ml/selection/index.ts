/**
 * Feature selection: filters (missing, IV, correlation, VIF), stepwise logistic (AIC/BIC/AUC/KS),
 * recursive elimination, information gain, permutation importance, Boruta shadow features, and
 * their side-by-side comparison with stability over CV folds.
 */
// @ts-nocheck

// 


export { type BorutaFeature, type BorutaOptions, type BorutaResult, binomialUpperTail, borutaSelect } from './boruta.js';
export { type CompareSelectionOptions, compareSelection, type FinalChoice, type SelectionComparison } from './compare-selection.js';
export { computeFeatureFacts } from './feature-facts.js';
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
export { bestRfeSize, type RfeStep, recursiveElimination } from './rfe.js';
export {
  type MethodScore,
  type RunSelectionOptions,
  runSelection,
  type SelectionMethod,
  type SelectionRun,
  sampleFrame,
  selectionMethods,
  votesNeeded,
} from './run-selection.js';
export { jaccardIndex, type SelectionStability, selectionStability } from './selection-stability.js';
export { type StepwiseCriterion, type StepwiseOptions, type StepwiseStep, stepwiseSelect } from './stepwise.js';
