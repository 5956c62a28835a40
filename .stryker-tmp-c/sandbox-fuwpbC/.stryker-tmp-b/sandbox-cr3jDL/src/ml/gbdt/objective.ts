/**
 * Objectives: per-row gradient and hessian of the loss with respect to the raw margin, scaled
 * by the row weight, and the constant starting margin.
 * Binary log loss: p = σ(s), g = p − y, h = p(1 − p). L2 regression: g = s − y, h = 1.
 * Source: Friedman (2001) "Greedy function approximation"; XGBoost docs "binary:logistic".
 */
// @ts-nocheck

// 

export type Objective = 'binary' | 'regression';

/** Fills gradients and hessians from the current margins. */
export function computeGradients(
  objective: Objective,
  score: Float64Array,
  label: Float64Array,
  weight: Float64Array,
  g: Float64Array,
  h: Float64Array,
  n: number,
): void {
  computeGradientRange(objective, score, label, weight, g, h, 0, n, new Float64Array(2), 0);
}

/**
 * Fills gradients and hessians of rows `start..end` from the current margins, and writes their
 * largest |g| and h to `maxima[at]`, `maxima[at + 1]` (the quantisation scales need them). With
 * `shift`, each margin first moves by its row's leaf value of the last tree (`value[leaf[i]]`):
 * one pass over the rows instead of two.
 */
export function computeGradientRange(
  objective: Objective,
  score: Float64Array,
  label: Float64Array,
  weight: Float64Array,
  g: Float64Array,
  h: Float64Array,
  start: number,
  end: number,
  maxima: Float64Array,
  at: number,
  shift?: { readonly leaf: Uint16Array; readonly value: Float64Array },
): void {
  let maxG = 0;
  let maxH = 0;
  const leaf = shift?.leaf;
  const value = shift?.value ?? new Float64Array(0);
  if (objective === 'binary') {
    for (let i = start; i < end; i++) {
      let s = score[i]!;
      if (leaf !== undefined) score[i] = s += value[leaf[i]!]!;
      const p = 1 / (1 + Math.exp(-s));
      const w = weight[i]!;
      const gi = (p - label[i]!) * w;
      // Floor the hessian so saturated rows never produce a zero denominator.
      const hi = Math.max(p * (1 - p), 1e-16) * w;
      g[i] = gi;
      h[i] = hi;
      maxG = Math.max(maxG, Math.abs(gi));
      maxH = Math.max(maxH, hi);
    }
  } else {
    for (let i = start; i < end; i++) {
      let s = score[i]!;
      if (leaf !== undefined) score[i] = s += value[leaf[i]!]!;
      const w = weight[i]!;
      const gi = (s - label[i]!) * w;
      g[i] = gi;
      h[i] = w;
      maxG = Math.max(maxG, Math.abs(gi));
      maxH = Math.max(maxH, w);
    }
  }
  maxima[at] = maxG;
  maxima[at + 1] = maxH;
}

/** The best constant margin: log-odds of the weighted mean label (binary), or the weighted mean. */
export function initialScore(objective: Objective, label: Float64Array, weight: Float64Array): number {
  let sw = 0;
  let sy = 0;
  for (let i = 0; i < label.length; i++) {
    sw += weight[i]!;
    sy += weight[i]! * label[i]!;
  }
  const mean = sw > 0 ? sy / sw : 0;
  if (objective === 'regression') return mean;
  const p = Math.min(1 - 1e-15, Math.max(1e-15, mean));
  return Math.log(p / (1 - p));
}

/** Mean loss of margins against labels (log loss, or mean squared error), weighted. */
export function meanLoss(objective: Objective, score: Float64Array, label: Float64Array, weight: Float64Array): number {
  let sw = 0;
  let sl = 0;
  for (let i = 0; i < score.length; i++) {
    const s = score[i]!;
    const y = label[i]!;
    const w = weight[i]!;
    let loss: number;
    if (objective === 'binary') {
      // log(1 + e^{-s}) for y = 1, log(1 + e^{s}) for y = 0, computed stably.
      const z = y === 1 ? -s : s;
      loss = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    } else loss = (s - y) * (s - y);
    sl += w * loss;
    sw += w;
  }
  return sw > 0 ? sl / sw : 0;
}
