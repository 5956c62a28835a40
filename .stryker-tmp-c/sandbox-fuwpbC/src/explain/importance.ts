// @ts-nocheck
import type { TreeEnsemble } from '../ml/tree/index.js';
import type { Explanation } from './explanation.js';

/** Global importance of one feature. */
export interface FeatureImportance {
  readonly feature: string;
  /** Total loss reduction of the feature's splits (as trained; the sum over trees). */
  readonly gain: number;
  /** Number of splits on the feature. */
  readonly splits: number;
  /** Mean |SHAP| over the explained rows (NaN-free: null when no data was given). */
  readonly meanAbsShap: number | null;
}

/**
 * Global importance per feature: total gain and split count from the trees, and mean |SHAP| from
 * an explanation of some rows when given (Lundberg et al. 2020 recommend mean |SHAP| as the
 * consistent measure; gain and counts are what XGBoost reports). Sorted by mean |SHAP| when
 * available, else by gain; ties by feature order.
 */
export function featureImportance(ensemble: TreeEnsemble | undefined, features: readonly string[], explanation?: Explanation): FeatureImportance[] {
  const p = features.length;
  const gain = new Float64Array(p);
  const splits = new Float64Array(p);
  for (const tree of ensemble?.trees ?? []) {
    for (let n = 0; n < tree.feature.length; n++) {
      const f = tree.feature[n] as number;
      if (f < 0) continue;
      gain[f] = (gain[f] as number) + (tree.gain[n] as number);
      splits[f] = (splits[f] as number) + 1;
    }
  }
  let meanAbs: Float64Array | undefined;
  if (explanation !== undefined && explanation.rowCount > 0) {
    meanAbs = new Float64Array(p);
    for (let i = 0; i < explanation.rowCount; i++) {
      for (let j = 0; j < p; j++) meanAbs[j] = (meanAbs[j] as number) + Math.abs(explanation.values[i * p + j] as number);
    }
    for (let j = 0; j < p; j++) meanAbs[j] = (meanAbs[j] as number) / explanation.rowCount;
  }
  const rows = features.map((feature, j) => ({
    feature,
    gain: gain[j] as number,
    splits: splits[j] as number,
    meanAbsShap: meanAbs === undefined ? null : (meanAbs[j] as number),
    j,
  }));
  rows.sort((a, b) => (meanAbs === undefined ? b.gain - a.gain : (b.meanAbsShap as number) - (a.meanAbsShap as number)) || a.j - b.j);
  return rows.map(({ j: _j, ...rest }) => rest);
}

/**
 * SHAP dependence data of one feature for plotting: the feature's model-aligned value per row
 * (NaN = missing) beside its contribution.
 */
export function shapDependence(explanation: Explanation, x: Float64Array, feature: number): { value: Float64Array; shap: Float64Array } {
  const p = explanation.features.length;
  const n = explanation.rowCount;
  const value = new Float64Array(n);
  const shap = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    value[i] = x[i * p + feature] as number;
    shap[i] = explanation.values[i * p + feature] as number;
  }
  return { value, shap };
}
