/** Feature selection: filters (missing, IV, correlation, VIF), stepwise logistic (AIC/BIC/AUC/KS), recursive elimination. */
export { type DroppedFeature, type FeatureFacts, type FilterOptions, filterFeatures, pearson } from './filter-features.js';
export { recursiveElimination } from './rfe.js';
export { type StepwiseCriterion, type StepwiseOptions, type StepwiseStep, stepwiseSelect } from './stepwise.js';
