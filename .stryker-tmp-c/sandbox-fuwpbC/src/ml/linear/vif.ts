// @ts-nocheck
import { inverseSpd } from './dense.js';

/**
 * Variance inflation factors VIF_j = 1 / (1 − R_j²), R_j² from regressing feature j on the
 * others with an intercept; computed as the diagonal of the inverse correlation matrix
 * (Belsley, Kuh & Welsch 1980). A constant feature or an exactly collinear set gives
 * +Infinity (printed as null in JSON). Rule of thumb: > 5 worth a look, > 10 serious.
 */
export function computeVif(columns: readonly Float64Array[]): Float64Array {
  const p = columns.length;
  const out = new Float64Array(p);
  if (p === 0) return out;
  if (p === 1) {
    out[0] = 1;
    return out;
  }
  const n = (columns[0] as Float64Array).length;
  const mean = new Float64Array(p);
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const c = columns[j] as Float64Array;
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i] as number;
    mean[j] = s / n;
    let v = 0;
    for (let i = 0; i < n; i++) v += ((c[i] as number) - (mean[j] as number)) ** 2;
    scale[j] = Math.sqrt(v);
  }
  const corr = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    for (let k = j; k < p; k++) {
      const a = columns[j] as Float64Array;
      const b = columns[k] as Float64Array;
      let s = 0;
      for (let i = 0; i < n; i++) s += ((a[i] as number) - (mean[j] as number)) * ((b[i] as number) - (mean[k] as number));
      const r = (scale[j] as number) > 0 && (scale[k] as number) > 0 ? s / ((scale[j] as number) * (scale[k] as number)) : j === k ? 1 : 0;
      corr[j * p + k] = r;
      corr[k * p + j] = r;
    }
  }
  const inv = inverseSpd(corr, p);
  for (let j = 0; j < p; j++) {
    const v = inv === null || !((scale[j] as number) > 0) ? Number.POSITIVE_INFINITY : (inv[j * p + j] as number);
    out[j] = v > 1e12 ? Number.POSITIVE_INFINITY : v;
  }
  return out;
}
