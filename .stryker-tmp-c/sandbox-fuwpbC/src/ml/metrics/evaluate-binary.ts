// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import { aucOfSorted } from './auc.js';
import { edgeBands, quantileBands } from './bands.js';
import { type CalibrationRow, calibrationTable, type HosmerLemeshow, hosmerLemeshow } from './calibration.js';
import { type Confusion, computeConfusion, thresholdMetrics } from './confusion.js';
import { type GainsRow, gainsTable } from './gains.js';
import { ksOfSorted } from './ks.js';
import { computeBrier, computeLogLoss } from './probability-scores.js';
import { ascendingOrder } from './sort-order.js';
import { gatherSorted } from './sorted-scores.js';
import { validateBinaryInputs } from './validate.js';

/** Options of `evaluateBinary`. */
export interface EvaluateBinaryOptions {
  /** PD at or above which a row is predicted bad (default 0.5). */
  readonly threshold?: number;
  /** Non-negative row weights (default all 1). */
  readonly weights?: Float64Array;
  /** Number of quantile bands of the gains and calibration tables (default 10, deciles). */
  readonly bands?: number;
  /** Ascending PD cut points instead of quantile bands: bands (−∞, e0], (e0, e1], … (empty bands kept in the gains table). */
  readonly bandEdges?: readonly number[];
}

/** Every metric of a binary PD model, as printed by `credo evaluate --json` (snake_case keys). */
export interface BinaryEvaluation {
  readonly rows: number;
  readonly bads: number;
  readonly bad_rate: number;
  readonly auc: number;
  /** 2·AUC − 1 (accuracy ratio), not Gini impurity. */
  readonly gini: number;
  readonly ks: number;
  /** PD where KS is reached: rows with pd ≤ ks_threshold vs above. */
  readonly ks_threshold: number;
  readonly logloss: number;
  readonly brier: number;
  readonly threshold: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly accuracy: number;
  readonly confusion: Confusion;
  readonly gains: GainsRow[];
  readonly calibration: CalibrationRow[];
  readonly hosmer_lemeshow: HosmerLemeshow;
}

/**
 * Evaluates predicted PDs against outcomes (label 1 = bad): discrimination (AUC, Gini, KS),
 * probability accuracy (log loss, Brier), threshold metrics, gains/lift and calibration tables
 * and Hosmer–Lemeshow. Validates its inputs (lengths, labels 0/1, PDs in [0, 1], both classes
 * present) and throws input-kind CredoErrors. Definitions: REFERENCE §1.
 */
export function evaluateBinary(pd: Float64Array, labels: Float64Array, options: EvaluateBinaryOptions = {}): BinaryEvaluation {
  const threshold = options.threshold ?? 0.5;
  const bandCount = options.bands ?? 10;
  const weights = options.weights;
  if (!(threshold >= 0 && threshold <= 1)) throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'threshold', problem: 'must be in [0, 1]', value: threshold });
  if (!Number.isInteger(bandCount) || bandCount < 1)
    throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'bands', problem: 'must be a whole number ≥ 1', value: bandCount });
  const edges = options.bandEdges;
  if (edges !== undefined) {
    for (let j = 0; j < edges.length; j++) {
      if (!Number.isFinite(edges[j]) || (j > 0 && (edges[j] as number) <= (edges[j - 1] as number))) {
        throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'bands', problem: 'band edges must be finite and strictly increasing', value: edges.join(',') });
      }
    }
  }
  validateBinaryInputs('evaluate', labels, { values: pd, name: 'pd', lo: 0, hi: 1 }, weights);

  const order = ascendingOrder(pd);
  const sorted = gatherSorted(pd, labels, weights, order);
  const auc = aucOfSorted(sorted);
  const ks = ksOfSorted(sorted);
  const bands = edges === undefined ? quantileBands(pd, order, bandCount, weights) : edgeBands(pd, edges);
  const calibration = calibrationTable(pd, labels, bands, weights);
  const t = thresholdMetrics(computeConfusion(pd, labels, threshold, weights));
  let total = 0;
  let bads = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    total += w;
    if (labels[i] === 1) bads += w;
  }
  return {
    rows: labels.length,
    bads,
    bad_rate: bads / total,
    auc,
    gini: 2 * auc - 1,
    ks: ks.ks,
    ks_threshold: ks.threshold,
    logloss: computeLogLoss(pd, labels, weights),
    brier: computeBrier(pd, labels, weights),
    threshold,
    precision: t.precision,
    recall: t.recall,
    f1: t.f1,
    accuracy: t.accuracy,
    confusion: t.confusion,
    gains: gainsTable(pd, labels, bands, weights, edges !== undefined),
    calibration,
    hosmer_lemeshow: hosmerLemeshow(calibration),
  };
}
