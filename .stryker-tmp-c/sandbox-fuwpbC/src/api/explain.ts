/** Public API, explanations area: TreeSHAP, exact linear/scorecard contributions, permutation Shapley, reasons, counterfactuals. */
// @ts-nocheck

export {
  compileTreeShap,
  decisionPath,
  type Explanation,
  explainRowsSync,
  type FeatureImportance,
  featureImportance,
  linearContributions,
  parseReasonCatalogue,
  principalReasons,
  type Reason,
  rowContributions,
  rowMajorInput,
  scorecardContributions,
  shapleyPermutation,
  type TreeExplainer,
  treeCounterfactual,
  treeExplainerFor,
  treeShapRows,
} from '../explain/index.js';
