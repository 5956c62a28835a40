/** Policy optimisation: segment × action assignment solved by HiGHS (REFERENCE §8). */
// @ts-nocheck

// 

export {
  type AssignmentConstraint,
  type AssignmentModel,
  type ExtraLp,
  type Ordering,
  variableName,
  writeAssignmentLp,
} from './assignment-model.js';
export { type CutoffColumns, cutoffSegmentData } from './cutoff-data.js';
export {
  annualProfit,
  buildCutoffProblem,
  type CutoffAction,
  type CutoffConfig,
  type CutoffSegmentData,
  capitalPerUnit,
  type Economics,
} from './cutoff-problem.js';
export { defaultSweep, type PolicyStudy, studyCutoffs } from './cutoff-study.js';
export { buildLimitProblem, type LimitAccounts, type LimitBehaviour, type LimitConfig } from './limit-problem.js';
export { reviewLimits, studyLimits } from './limit-study.js';
export { buildMixProblem, type MixBook, type MixConfig, type MixProblem, mixRisk, simulateSegmentLosses } from './mix-problem.js';
export { studyMix } from './mix-study.js';
export { ConfigReader } from './optimise-config.js';
export {
  computeFrontier,
  type FrontierPoint,
  optimisePolicy,
  type PolicyOptimum,
  type SegmentAssignment,
  type SegmentSwapSet,
  segmentSwapSet,
} from './optimise-policy.js';
export {
  type CommonLimits,
  commonConstraints,
  concentrationConstraint,
  type PolicyKpis,
  type PolicyMetrics,
  type PolicyProblem,
  policyKpis,
} from './policy-problem.js';
export { type PolicySegments, type SegmentationSpec, segmentPolicy, sumBySegment } from './policy-segments.js';
export {
  type AssignmentSolution,
  type InfeasibleResult,
  type LpSolver,
  type ShadowPrice,
  type SolveAssignmentOptions,
  solveAssignment,
  type UnsolvedResult,
} from './solve-assignment.js';
export { solveLpVerified } from './solve-lp-verified.js';
