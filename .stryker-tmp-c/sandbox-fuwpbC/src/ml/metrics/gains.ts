// @ts-nocheck
import type { ScoreBands } from './bands.js';

/**
 * One band of a gains/lift table, bands ordered riskiest first (band 1 = highest PD). The
 * cumulative columns describe the policy "decline bands 1..k": the bads it captures and the
 * approval rate it leaves. Counts are weighted sums when weights are given.
 */
export interface GainsRow {
  /** 1-based band number, 1 = riskiest. */
  readonly band: number;
  /** Lowest and highest PD in the band (null when the band is empty). */
  readonly min_pd: number | null;
  readonly max_pd: number | null;
  readonly count: number;
  readonly bads: number;
  /** bads / count (0 for an empty band). */
  readonly bad_rate: number;
  /** Share of all bads in bands 1..k. */
  readonly cum_bad_capture: number;
  /** Share of all rows in bands k+1..last: the approval rate when bands 1..k are declined. */
  readonly cum_approval_rate: number;
  /** Band bad rate / overall bad rate. */
  readonly lift: number;
  /** Bad rate of bands 1..k / overall bad rate. */
  readonly cum_lift: number;
  /** |cumulative bad share − cumulative good share| after band k. */
  readonly ks: number;
}

/**
 * Gains/lift table over score bands (see `bands.ts`). `includeEmpty` keeps bands with no rows
 * (used for user-given edges); quantile bands drop them. Source: REFERENCE §1; Siddiqi (2006) ch. 6.
 */
export function gainsTable(pd: Float64Array, labels: Float64Array, bands: ScoreBands, weights?: Float64Array, includeEmpty = false): GainsRow[] {
  const k = bands.count;
  const count = new Float64Array(k);
  const bads = new Float64Array(k);
  const minPd = new Float64Array(k).fill(Number.POSITIVE_INFINITY);
  const maxPd = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
  const rows = new Int32Array(k);
  for (let i = 0; i < pd.length; i++) {
    const b = bands.band[i] as number;
    const w = weights === undefined ? 1 : (weights[i] as number);
    const p = pd[i] as number;
    count[b] = (count[b] as number) + w;
    if (labels[i] === 1) bads[b] = (bads[b] as number) + w;
    if (p < (minPd[b] as number)) minPd[b] = p;
    if (p > (maxPd[b] as number)) maxPd[b] = p;
    rows[b] = (rows[b] as number) + 1;
  }
  let total = 0;
  let totalBad = 0;
  for (let b = 0; b < k; b++) {
    total += count[b] as number;
    totalBad += bads[b] as number;
  }
  const totalGood = total - totalBad;
  const overall = totalBad / total;
  const out: GainsRow[] = [];
  let cumCount = 0;
  let cumBad = 0;
  for (let b = 0; b < k; b++) {
    const c = count[b] as number;
    const bad = bads[b] as number;
    cumCount += c;
    cumBad += bad;
    if (rows[b] === 0 && !includeEmpty) continue;
    const rate = c > 0 ? bad / c : 0;
    const cumRate = cumCount > 0 ? cumBad / cumCount : 0;
    out.push({
      band: b + 1,
      min_pd: rows[b] === 0 ? null : (minPd[b] as number),
      max_pd: rows[b] === 0 ? null : (maxPd[b] as number),
      count: c,
      bads: bad,
      bad_rate: rate,
      cum_bad_capture: totalBad > 0 ? cumBad / totalBad : 0,
      cum_approval_rate: (total - cumCount) / total,
      lift: overall > 0 ? rate / overall : 0,
      cum_lift: overall > 0 ? cumRate / overall : 0,
      ks: totalBad > 0 && totalGood > 0 ? Math.abs(cumBad / totalBad - (cumCount - cumBad) / totalGood) : 0,
    });
  }
  return out;
}
