/**
 * Explanations: exact path-dependent TreeSHAP for tree ensembles, exact contributions for linear
 * models and scorecards, permutation-sampled interventional Shapley values for any model (MLPs,
 * ensembles), principal reasons from an editable catalogue, decision paths, global importance
 * and counterfactuals (MILP over tree thresholds with HiGHS).
 */
// @ts-nocheck


export { additiveExplanation, additiveTerms } from './additive-explanation.js';
export { bruteForceShap, conditionalMargin } from './brute-force-shap.js';
export {
  type ChangeConstraint,
  changeInterval,
  describeChangeConstraint,
  parseChangeFlags,
  resolveChangeConstraints,
} from './change-constraints.js';
export { type CompileTreeShapOptions, compileTreeShap, type TreeShapModel } from './compile-tree-shap.js';
export { type DecisionPath, decisionPath, formatDecisionPath, type PathStep } from './decision-path.js';
export { type Explanation, rowContributions } from './explanation.js';
export { type FeatureImportance, featureImportance, shapDependence } from './importance.js';
export { linearContributions, linearCounterfactual, scorecardContributions } from './linear-contributions.js';
export {
  actionableIndices,
  type ModelCounterfactual,
  type ModelCounterfactualOptions,
  marginIsLogOdds,
  modelCounterfactual,
} from './model-counterfactual.js';
export { type RandomTreeEnsembleOptions, randomRows, randomTreeEnsemble } from './random-tree-ensemble.js';
export {
  CHANGE_DIRECTIONS,
  type ChangeDirection,
  type ChangeRule,
  type FeatureReason,
  parseReasonCatalogue,
  protectedInCatalogue,
  type ReasonCatalogue,
  type ReasonText,
  reasonFor,
  type SpecialReason,
  unmappedFeatures,
} from './reason-catalogue.js';
export { justAboveCutoff, principalReasons, type Reason, type ReasonOptions, referenceContributions } from './reasons.js';
export { type BinMove, binMoves, scorecardCounterfactual } from './scorecard-counterfactual.js';
export {
  backgroundSample,
  defaultShapleyPermutationOptions,
  type ShapleyPermutationOptions,
  shapleyPermutation,
} from './shapley-permutation.js';
export { type Counterfactual, ensembleMargin, type FeatureChange, type TreeCounterfactualOptions, treeCounterfactual } from './tree-counterfactual.js';
export { ensembleOf, explainRowsSync, rowMajorInput, type TreeExplainer, treeExplainerFor, treeExplainerOf } from './tree-explainer.js';
export { createTreeShapScratch, type TreeShapScratch, treeShapRows } from './tree-shap.js';
