/**
 * Score bands for gains and calibration tables. Band 0 is the RISKIEST (highest PD). Rows with
 * tied PDs always share a band. Returns the band of every row and the number of bands.
 */
// @ts-nocheck

export interface ScoreBands {
  /** Band of each row, 0 = riskiest. */
  readonly band: Int32Array;
  /** Number of bands (some may be empty when given by edges). */
  readonly count: number;
}

/**
 * Quantile bands: `bands` groups of (weighted) equal size, ordered from highest PD down. A
 * group of tied PDs goes to the band in which its first row (in descending order) falls, so
 * heavy ties can leave a band empty. `orderAsc` is the ascending order of `pd`.
 */
export function quantileBands(pd: Float64Array, orderAsc: Int32Array, bands: number, weights?: Float64Array): ScoreBands {
  const n = orderAsc.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights === undefined ? 1 : (weights[i] as number);
  const band = new Int32Array(n);
  let before = 0;
  let k = n - 1;
  while (k >= 0) {
    const p = pd[orderAsc[k] as number] as number;
    const b = Math.min(bands - 1, Math.floor((bands * before) / total + 1e-9));
    while (k >= 0 && pd[orderAsc[k] as number] === p) {
      const row = orderAsc[k] as number;
      band[row] = b;
      before += weights === undefined ? 1 : (weights[row] as number);
      k--;
    }
  }
  return { band, count: bands };
}

/**
 * Bands from ascending PD edges e_0 < … < e_{m−1}: intervals (−∞, e_0], (e_0, e_1], …, (e_{m−1}, ∞),
 * numbered riskiest first (band 0 = PD > e_{m−1}).
 */
export function edgeBands(pd: Float64Array, edges: readonly number[]): ScoreBands {
  const m = edges.length;
  const band = new Int32Array(pd.length);
  for (let i = 0; i < pd.length; i++) {
    const p = pd[i] as number;
    let lo = 0;
    let hi = m;
    // Number of edges strictly below p (binary search).
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((edges[mid] as number) < p) lo = mid + 1;
      else hi = mid;
    }
    band[i] = m - lo;
  }
  return { band, count: m + 1 };
}
