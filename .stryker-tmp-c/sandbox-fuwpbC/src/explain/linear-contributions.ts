// @ts-nocheck
import type { Explanation } from './explanation.js';

/**
 * Exact additive contributions of a linear model on its raw (log-odds) scale:
 * φ_ij = β_j·(x_ij − E[x_j]), φ₀ = β₀ + Σ_j β_j·E[x_j], so φ₀ + Σ_j φ_ij = β₀ + Σ_j β_j·x_ij.
 * These are the exact Shapley values of a linear model with independent features (the
 * interventional and observational definitions agree). `x` is row-major `rows × features`
 * (already transformed as the model sees it, e.g. WOE); `mean` is the reference point (training
 * means by default; pass another reference, e.g. applicants just above the cutoff, to explain
 * relative to it).
 */
export function linearContributions(
  features: readonly string[],
  intercept: number,
  beta: ArrayLike<number>,
  mean: ArrayLike<number>,
  x: Float64Array,
  rows: number,
): Explanation {
  const p = features.length;
  const values = new Float64Array(rows * p);
  let expectedValue = intercept;
  for (let j = 0; j < p; j++) expectedValue += (beta[j] as number) * (mean[j] as number);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < p; j++) values[i * p + j] = (beta[j] as number) * ((x[i * p + j] as number) - (mean[j] as number));
  }
  return { features, rowCount: rows, values, expectedValue, method: 'linear' };
}

/**
 * Scorecard contributions in points relative to a reference: φ_ij = reference_j − points_ij, so a
 * positive value means the characteristic cost the applicant points versus the reference (pushes
 * toward decline, the same sign convention as log-odds-of-bad contributions). `points` is
 * row-major `rows × characteristics`; `reference` is e.g. the population-average points per
 * characteristic. φ₀ = Σ reference_j; score = φ₀ − Σ_j φ_ij.
 */
export function scorecardContributions(characteristics: readonly string[], points: Float64Array, rows: number, reference: ArrayLike<number>): Explanation {
  const p = characteristics.length;
  const values = new Float64Array(rows * p);
  let expectedValue = 0;
  for (let j = 0; j < p; j++) expectedValue += reference[j] as number;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < p; j++) values[i * p + j] = (reference[j] as number) - (points[i * p + j] as number);
  }
  return { features: characteristics, rowCount: rows, values, expectedValue, method: 'scorecard-points' };
}

/**
 * The cheapest change that brings a linear margin β₀ + Σβ_j·x_j below `cutoffMargin` under the
 * weighted L1 cost Σ w_j·|Δ_j|/s_j with box bounds: an LP whose optimum moves features in order of
 * cost per unit of margin, w_j/(s_j·|β_j|), each as far as its bound allows (greedy is exact for
 * this fractional-knapsack structure). Returns the new values of the actionable features, or null
 * when the bounds do not allow enough change.
 */
export function linearCounterfactual(
  beta: ArrayLike<number>,
  x: ArrayLike<number>,
  margin: number,
  cutoffMargin: number,
  actionable: readonly number[],
  scale: ArrayLike<number>,
  weight: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): { values: Map<number, number>; cost: number } | null {
  let needed = margin - cutoffMargin + 1e-9 * Math.max(1, Math.abs(cutoffMargin));
  const values = new Map<number, number>();
  if (needed <= 0) return { values, cost: 0 };
  const order = actionable.filter((j) => (beta[j] as number) !== 0).sort((a, b) => unitCost(a) - unitCost(b) || a - b);
  function unitCost(j: number): number {
    return (weight[j] as number) / ((scale[j] as number) * Math.abs(beta[j] as number));
  }
  let cost = 0;
  for (const j of order) {
    const b = beta[j] as number;
    const xj = x[j] as number;
    // lowering the margin: decrease x_j when β_j > 0, increase it when β_j < 0
    const room = b > 0 ? xj - (lower[j] as number) : (upper[j] as number) - xj;
    if (!(room > 0)) continue;
    const step = Math.min(room, needed / Math.abs(b));
    values.set(j, b > 0 ? xj - step : xj + step);
    cost += ((weight[j] as number) * step) / (scale[j] as number);
    needed -= step * Math.abs(b);
    if (needed <= 1e-15) return { values, cost };
  }
  return null;
}
