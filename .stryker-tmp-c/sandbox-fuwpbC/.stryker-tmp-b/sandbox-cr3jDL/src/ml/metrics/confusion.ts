/** Confusion counts at a threshold (weighted sums when weights are given). Positive = predicted bad. */
// @ts-nocheck

// 

export interface Confusion {
  /** Bads predicted bad (pd ≥ threshold). */
  readonly tp: number;
  /** Goods predicted bad. */
  readonly fp: number;
  /** Goods predicted good (pd < threshold). */
  readonly tn: number;
  /** Bads predicted good. */
  readonly fn: number;
}

/** Threshold metrics derived from a confusion matrix; an undefined ratio (0/0) is reported as 0, as sklearn's zero_division=0. */
export interface ThresholdMetrics {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly accuracy: number;
  readonly confusion: Confusion;
}

/** Confusion matrix of `pd ≥ threshold` (predicted bad) against labels (1 = bad). */
export function computeConfusion(pd: Float64Array, labels: Float64Array, threshold: number, weights?: Float64Array): Confusion {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < pd.length; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    const predictedBad = (pd[i] as number) >= threshold;
    if (labels[i] === 1) {
      if (predictedBad) tp += w;
      else fn += w;
    } else if (predictedBad) fp += w;
    else tn += w;
  }
  return { tp, fp, tn, fn };
}

/** Precision tp/(tp+fp), recall tp/(tp+fn), F1 (harmonic mean), accuracy (tp+tn)/n from a confusion matrix. */
export function thresholdMetrics(confusion: Confusion): ThresholdMetrics {
  const { tp, fp, tn, fn } = confusion;
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = 2 * tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
  const total = tp + fp + tn + fn;
  const accuracy = total > 0 ? (tp + tn) / total : 0;
  return { precision, recall, f1, accuracy, confusion };
}
