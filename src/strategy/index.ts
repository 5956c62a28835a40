/** Strategy analytics: rule sets, sequential lift, swap sets, reject inference (REFERENCE §7). */
export { type ActiveRule, type ActiveRulesOptions, activeRules, modelReferences } from './active-rules.js';
export { type CellSums, sumByCell } from './aggregate.js';
export { DECISION, decide, firstHits, ruleMasks } from './evaluate-rules.js';
export { computeLift, type LiftOptions, type LiftReport, type LiftRow } from './lift.js';
export { type OrderingStep, proposeRuleOrder } from './ordering.js';
export { checkBinaryTarget, type OutcomeDefinition, parseOutcome, type RateOptions, type RateSpec, rateSpecs } from './outcomes.js';
export { type InferenceContext, type InferenceMethod, type InferenceResult, inferRejects } from './reject-inference.js';
export * from './rules/index.js';
export { MISSING_SEGMENT, type Segmentation, segmentRows } from './segments.js';
export type { RuleAction, Strategy, StrategyCutoff, StrategyRule } from './strategy.js';
export { parseStrategy, safeParseStrategy, unresolvedTag } from './strategy-file.js';
export {
  computeSwapset,
  SWAP_CELLS,
  type SwapCell,
  type SwapStats,
  type SwapsetOptions,
  type SwapsetReport,
  type SwapsetTable,
  swapCells,
} from './swapset.js';
