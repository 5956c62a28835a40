/** Probabilities are clipped to [LOG_LOSS_EPSILON, 1 − LOG_LOSS_EPSILON] before taking logs. */
// @ts-nocheck

// 

export const LOG_LOSS_EPSILON = 1e-15;

/**
 * Mean binary cross-entropy −[y·ln p + (1−y)·ln(1−p)] of predicted PDs (natural log), PDs
 * clipped by LOG_LOSS_EPSILON so a confident miss is large but finite. Weighted mean when
 * `weights` given. Matches sklearn `log_loss` away from the clip.
 */
export function computeLogLoss(pd: Float64Array, labels: Float64Array, weights?: Float64Array): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < pd.length; i++) {
    const p = Math.min(1 - LOG_LOSS_EPSILON, Math.max(LOG_LOSS_EPSILON, pd[i] as number));
    const w = weights === undefined ? 1 : (weights[i] as number);
    sum -= w * (labels[i] === 1 ? Math.log(p) : Math.log(1 - p));
    total += w;
  }
  return sum / total;
}

/** Brier score: mean squared difference (p − y)² between predicted PD and outcome (weighted mean). Matches sklearn `brier_score_loss`. */
export function computeBrier(pd: Float64Array, labels: Float64Array, weights?: Float64Array): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < pd.length; i++) {
    const d = (pd[i] as number) - (labels[i] as number);
    const w = weights === undefined ? 1 : (weights[i] as number);
    sum += w * d * d;
    total += w;
  }
  return sum / total;
}
