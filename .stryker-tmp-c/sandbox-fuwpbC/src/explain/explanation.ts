/**
 * Per-row additive explanations of a model's raw output (log-odds for PD models): row i's
 * contributions are `values[i·features.length + j]`, and `expectedValue + Σ_j` equals the row's
 * raw output (local accuracy). `method` names how they were computed.
 */
// @ts-nocheck

export interface Explanation {
  readonly features: readonly string[];
  readonly rowCount: number;
  /** Row-major contributions, `rowCount × features.length`. */
  readonly values: Float64Array;
  /** φ₀: the reference output (training mean for trees, the output at the reference point for linear models). */
  readonly expectedValue: number;
  readonly method: 'tree-shap-path-dependent' | 'linear' | 'scorecard-points' | 'shapley-permutation-interventional';
  /** Standard error of each value (row-major like `values`) when the values are sampling estimates; absent for exact methods. */
  readonly standardErrors?: Float64Array;
}

/** Row i's contributions (a view, not a copy). */
export function rowContributions(explanation: Explanation, row: number): Float64Array {
  const p = explanation.features.length;
  return explanation.values.subarray(row * p, (row + 1) * p);
}
