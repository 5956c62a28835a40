// @ts-nocheck
import type { ScoreBands } from './bands.js';
import { chiSquareSurvival } from './chi-square.js';

/** One band of a calibration table (bands riskiest first, as in the gains table). */
export interface CalibrationRow {
  /** 1-based band number, 1 = riskiest. */
  readonly band: number;
  readonly count: number;
  /** Mean predicted PD in the band. */
  readonly mean_pd: number;
  /** Observed bad rate in the band. */
  readonly observed_bad_rate: number;
  /** Σ PD over the band (expected number of bads). */
  readonly expected_bads: number;
  readonly observed_bads: number;
  /** expected_bads / observed_bads; null when the band has no bads (the ratio is undefined). */
  readonly expected_observed_ratio: number | null;
}

/** Hosmer–Lemeshow goodness-of-fit over the calibration bands. */
export interface HosmerLemeshow {
  /** H = Σ_g (O_g − E_g)² / (E_g·(1 − E_g/n_g)), over bands with 0 < E_g < n_g. */
  readonly statistic: number;
  /** Degrees of freedom: (number of bands used) − 2, at least 1. */
  readonly df: number;
  /** P(χ²(df) > H). */
  readonly p_value: number;
}

/**
 * Calibration table: mean predicted PD vs observed bad rate per band; empty bands omitted.
 * Weighted sums when weights are given. Source: REFERENCE §1.
 */
export function calibrationTable(pd: Float64Array, labels: Float64Array, bands: ScoreBands, weights?: Float64Array): CalibrationRow[] {
  const k = bands.count;
  const count = new Float64Array(k);
  const expected = new Float64Array(k);
  const observed = new Float64Array(k);
  const rows = new Int32Array(k);
  for (let i = 0; i < pd.length; i++) {
    const b = bands.band[i] as number;
    const w = weights === undefined ? 1 : (weights[i] as number);
    count[b] = (count[b] as number) + w;
    expected[b] = (expected[b] as number) + w * (pd[i] as number);
    if (labels[i] === 1) observed[b] = (observed[b] as number) + w;
    rows[b] = (rows[b] as number) + 1;
  }
  const out: CalibrationRow[] = [];
  for (let b = 0; b < k; b++) {
    if (rows[b] === 0) continue;
    const c = count[b] as number;
    const e = expected[b] as number;
    const o = observed[b] as number;
    out.push({
      band: b + 1,
      count: c,
      mean_pd: c > 0 ? e / c : 0,
      observed_bad_rate: c > 0 ? o / c : 0,
      expected_bads: e,
      observed_bads: o,
      expected_observed_ratio: o > 0 ? e / o : null,
    });
  }
  return out;
}

/**
 * Hosmer–Lemeshow statistic over calibration rows (usually PD deciles), df = groups − 2,
 * p-value from the chi-square survival function. Bands whose expected count is 0 or equals the
 * band size contribute nothing (their variance is zero). Source: Hosmer & Lemeshow, Applied
 * Logistic Regression (2nd ed., 2000) §5.2.2.
 */
export function hosmerLemeshow(rows: readonly CalibrationRow[]): HosmerLemeshow {
  let statistic = 0;
  let groups = 0;
  for (const row of rows) {
    const e = row.expected_bads;
    const variance = e * (1 - e / row.count);
    if (!(variance > 0)) continue;
    const d = row.observed_bads - e;
    statistic += (d * d) / variance;
    groups++;
  }
  const df = Math.max(1, groups - 2);
  return { statistic, df, p_value: chiSquareSurvival(statistic, df) };
}
