/** Scorecards: binning → WOE → logistic → points (REFERENCE §2–3), scaling, tables. */
// @ts-nocheck

// 

export { checkScorecardBody } from './check-body.js';
export type { ScorecardCharacteristic, ScorecardModelBody } from './model.js';
export { predictScorecardLogit, scorecardPoints } from './predict-scorecard.js';
export {
  DEFAULT_SCALING,
  pdFromScore,
  resolveScaling,
  type Scaling,
  type ScalingOptions,
  scalingFactor,
  scalingOffset,
  scoreFromLogit,
  scoreFromPd,
  scoresFromPd,
} from './scaling.js';
export { type ScorecardTableRow, scorecardCsv, scorecardTable } from './scorecard-table.js';
export { type DroppedFeature, type ScorecardOptions, type ScorecardTrainResult, trainScorecard } from './train-scorecard.js';
