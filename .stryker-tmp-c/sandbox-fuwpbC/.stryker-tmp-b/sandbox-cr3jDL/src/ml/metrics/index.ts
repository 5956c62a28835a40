/** Model metrics for binary PD models (REFERENCE §1): AUC, Gini, KS, log loss, Brier, threshold metrics, gains, calibration, Hosmer–Lemeshow; stratified folds. */
// @ts-nocheck

// 

export { aucOfSorted, computeAuc } from './auc.js';
export { edgeBands, quantileBands, type ScoreBands } from './bands.js';
export { type CalibrationRow, calibrationTable, type HosmerLemeshow, hosmerLemeshow } from './calibration.js';
export { chiSquareSurvival, lnGamma, regularizedGammaP, regularizedGammaQ } from './chi-square.js';
export { type Confusion, computeConfusion, type ThresholdMetrics, thresholdMetrics } from './confusion.js';
export { type CutoffRow, cutoffsForApprovalRates, cutoffTable, DEFAULT_APPROVAL_RATES } from './cutoff-table.js';
export { type BinaryEvaluation, type EvaluateBinaryOptions, evaluateBinary } from './evaluate-binary.js';
export { type GainsRow, gainsTable } from './gains.js';
export { stratifiedHoldout, timeHoldout } from './holdout-split.js';
export { computeKs, type KsResult, ksOfSorted } from './ks.js';
export { computeBrier, computeLogLoss, LOG_LOSS_EPSILON } from './probability-scores.js';
export { type RocCurve, type RocPoint, rocCurve, thinCurve } from './roc-curve.js';
export { ascendingOrder, comparatorOrder, RADIX_MIN_LENGTH, radixOrder } from './sort-order.js';
export { gatherSorted, type SortedScores } from './sorted-scores.js';
export { stratifiedKFold } from './stratified-k-fold.js';
export { validateBinaryInputs } from './validate.js';
