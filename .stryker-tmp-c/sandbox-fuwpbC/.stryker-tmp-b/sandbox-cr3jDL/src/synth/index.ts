/** The synthetic lending world: a documented causal generator of applications, decisions and outcomes (docs/data.md). */
// @ts-nocheck

// 

export { type ApplicantColumns, drawApplicants, MEDIAN_MONTHLY_INCOME } from './applicant.js';
export { daysInMonth, formatMonth, parseMonth, VOLUME_GROWTH, vintageCounts } from './calendar.js';
export {
  CHANNEL_WEIGHTS,
  CHANNELS,
  DECISIONS,
  EMPLOYMENT_TYPES,
  EMPLOYMENT_WEIGHTS,
  PRODUCT_WEIGHTS,
  PRODUCTS,
  PURPOSE_WEIGHTS,
  PURPOSES,
  REGION_WEIGHTS,
  REGIONS,
  SEGMENT_WEIGHTS,
  SEGMENTS,
} from './categories.js';
export { computeBaseLogit, computeTruePd, TRUE_PD_MODEL } from './causal-model.js';
export { CARD_RATE, CARD_TERM_MONTHS, LOAN_TERMS } from './loan-terms.js';
export { DOWNTURN_LENGTH, DOWNTURN_SHIFT, DOWNTURN_START, isDownturn, macroFactors } from './macro.js';
export { OLD_POLICY, SCORE_FACTOR, SCORE_OFFSET } from './old-policy.js';
export { MOB4, OUTCOME_MODEL } from './outcomes.js';
export { OBSERVATION_LAG_MONTHS } from './performance.js';
export { balanceAfter, CHARGE_OFF_MISSED, DAYS_PER_MISSED, missedAt } from './repayment.js';
export { generateWorld, STREAMS, SYNTH_DEFAULTS, type SynthOptions, type SynthWorld } from './world.js';
export { summarizeWorld, summarizeWorldBy, type WorldGroupSummary, type WorldSummary } from './world-summary.js';
