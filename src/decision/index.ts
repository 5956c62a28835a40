/**
 * The decision path (pure, no I/O): one function from (application input, policy, champion and
 * optional challenger model) to an explained decision with limit and price, shared by the API,
 * `credo decide`, the bulk upload and replay so they cannot disagree. See docs/decision.md.
 */
export { type Arm, challengerArm, stableUnit } from './challenger-arm.js';
export { decideApplication, decideChecked } from './decide-application.js';
export type { BoundModel, DecisionAction, DecisionContext, DecisionReason, DecisionRecord, InputValue } from './decision-record.js';
export {
  type ApplicationCounterfactual,
  type ApplicationExplanation,
  applicationCounterfactual,
  explainApplication,
  type FeatureStats,
} from './explain-application.js';
export { featureStats } from './feature-stats.js';
export { formatBasisPoints, limitMinor, priceBp } from './limit-and-price.js';
export {
  type FeatureReference,
  isTrainingReference,
  PSI_THRESHOLDS,
  pdOfInputs,
  type StabilityRow,
  type StabilityStatus,
  shapOfInputs,
  stabilityReport,
  stabilityStatus,
  type TrainingReference,
  trainingReference,
  type ValidationSample,
  validationPerformance,
} from './model-monitoring.js';
export { DECIDING_MODEL, type PolicyParseResult, parsePolicy, safeParsePolicy } from './parse-policy.js';
export type { AffordabilityPolicy, DecisionPolicy, LimitPolicy, LimitTier, PolicyInput, PolicyIssue, PricingPolicy } from './policy.js';
export { BOOK_SCENARIOS, FRONTIER_BAD_RATES, optimiseCutoffs, simulateBook } from './portfolio-lab.js';
export { type ReplayResult, replayDecision } from './replay-decision.js';
export { type LabData, type LabInference, labData, strategyLift, strategySwapset } from './strategy-lab.js';
export { applicationInputs, checkData, inputSnapshot, validateApplicationData } from './validate-application.js';
