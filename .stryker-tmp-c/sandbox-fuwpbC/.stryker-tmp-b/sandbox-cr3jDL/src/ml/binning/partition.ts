/**
 * Contiguous partitions of ordered pre-bins: the shared vocabulary of the optimal, ChiMerge and
 * tree binners. A partition is the list of exclusive end indices of its bins, e.g. for 5
 * pre-bins `[2, 5]` = bins {0,1} and {2,3,4}.
 */
// @ts-nocheck

// 


/** Event-rate trend imposed on consecutive bins (bad rate in pre-bin order). */
export type MonotoneTrend = 'none' | 'ascending' | 'descending' | 'peak' | 'valley';

/** Constraints on a partition; counts are (weighted) row counts. */
export interface PartitionConstraints {
  readonly minBins?: number;
  readonly maxBins?: number;
  /** Minimum rows per bin (absolute). */
  readonly minBinSize?: number;
  readonly maxBinSize?: number;
  readonly minBads?: number;
  readonly minGoods?: number;
  readonly monotone?: MonotoneTrend;
  /** Minimum difference of bad rates between consecutive bins under a trend (default 0). */
  readonly minRateDiff?: number;
}

/** Pre-bin outcome counts with prefix sums for O(1) bin statistics. */
export interface PrebinCounts {
  readonly goods: Float64Array;
  readonly bads: Float64Array;
}

/** Prefix sums of goods and bads (length n + 1). */
export function prefixSums(counts: PrebinCounts): { g: Float64Array; b: Float64Array } {
  const n = counts.goods.length;
  const g = new Float64Array(n + 1);
  const b = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    g[i + 1] = (g[i] as number) + (counts.goods[i] as number);
    b[i + 1] = (b[i] as number) + (counts.bads[i] as number);
  }
  return { g, b };
}

/**
 * A bin's share of the information value with fixed totals G and B (so the objective is additive
 * over bins): (g/G − b/B)·ln((g/G)/(b/B)), a zero cell counted as 0.5.
 */
export function binIv(g: number, b: number, totalGood: number, totalBad: number): number {
  const pg = (g > 0 ? g : 0.5) / totalGood;
  const pb = (b > 0 ? b : 0.5) / totalBad;
  return (pg - pb) * Math.log(pg / pb);
}

/** Total IV of a partition under `binIv`. */
export function partitionIv(counts: PrebinCounts, ends: readonly number[]): number {
  const { g, b } = prefixSums(counts);
  const n = counts.goods.length;
  const G = g[n] as number;
  const B = b[n] as number;
  let iv = 0;
  let start = 0;
  for (const end of ends) {
    iv += binIv((g[end] as number) - (g[start] as number), (b[end] as number) - (b[start] as number), G, B);
    start = end;
  }
  return iv;
}

/** True when a bin [start, end) meets the per-bin size and outcome constraints. */
export function binAdmissible(g: number, b: number, c: PartitionConstraints): boolean {
  const size = g + b;
  return size > 0 && size >= (c.minBinSize ?? 0) && size <= (c.maxBinSize ?? Number.POSITIVE_INFINITY) && b >= (c.minBads ?? 0) && g >= (c.minGoods ?? 0);
}

/** True when the whole partition satisfies the constraints (used by tests and the brute force). */
export function partitionFeasible(counts: PrebinCounts, ends: readonly number[], c: PartitionConstraints): boolean {
  if (ends.length < (c.minBins ?? 1) || ends.length > (c.maxBins ?? Number.POSITIVE_INFINITY)) return false;
  const { g, b } = prefixSums(counts);
  const rates: number[] = [];
  let start = 0;
  for (const end of ends) {
    const gg = (g[end] as number) - (g[start] as number);
    const bb = (b[end] as number) - (b[start] as number);
    if (!binAdmissible(gg, bb, c)) return false;
    rates.push(bb / (gg + bb));
    start = end;
  }
  return trendHolds(rates, c.monotone ?? 'none', c.minRateDiff ?? 0);
}

/** True when the rates follow the trend (peak: ascending then descending; valley: the reverse). */
export function trendHolds(rates: readonly number[], trend: MonotoneTrend, diff = 0): boolean {
  let phase = 0;
  for (let k = 1; k < rates.length; k++) {
    const prev = rates[k - 1] as number;
    const next = rates[k] as number;
    const up = prev <= next - diff;
    const down = prev >= next + diff;
    if (trend === 'ascending' && !up) return false;
    if (trend === 'descending' && !down) return false;
    if (trend === 'peak' || trend === 'valley') {
      const first = trend === 'peak' ? up : down;
      const second = trend === 'peak' ? down : up;
      if (phase === 0 && !first) {
        if (!second) return false;
        phase = 1;
      } else if (phase === 1 && !second) return false;
    }
  }
  return true;
}
