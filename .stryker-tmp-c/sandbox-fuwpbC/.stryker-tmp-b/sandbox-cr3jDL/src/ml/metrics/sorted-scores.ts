/** Scores, labels and weights gathered in ascending score order: the input of the scan kernels. */
// @ts-nocheck

// 

export interface SortedScores {
  readonly score: Float64Array;
  readonly label: Float64Array;
  /** Undefined when every weight is 1. */
  readonly weight: Float64Array | undefined;
}

/** Gathers rows in `order` once, so the AUC and KS scans read memory sequentially. */
export function gatherSorted(score: Float64Array, labels: Float64Array, weights: Float64Array | undefined, order: Int32Array): SortedScores {
  const n = order.length;
  const s = new Float64Array(n);
  const l = new Float64Array(n);
  const w = weights === undefined ? undefined : new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const row = order[k] as number;
    s[k] = score[row] as number;
    l[k] = labels[row] as number;
    if (w !== undefined) w[k] = (weights as Float64Array)[row] as number;
  }
  return { score: s, label: l, weight: w };
}
