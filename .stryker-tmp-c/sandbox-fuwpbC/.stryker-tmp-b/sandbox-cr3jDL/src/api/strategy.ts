/** Public API, strategy area: rule sets, sequential lift, swap sets, reject inference. */
// @ts-nocheck

// 

export {
  computeLift,
  computeSwapset,
  inferRejects,
  type LiftOptions,
  type LiftReport,
  parseOutcome,
  parseRule,
  parseStrategy,
  type Strategy,
  type SwapsetOptions,
  type SwapsetReport,
  segmentRows,
} from '../strategy/index.js';
