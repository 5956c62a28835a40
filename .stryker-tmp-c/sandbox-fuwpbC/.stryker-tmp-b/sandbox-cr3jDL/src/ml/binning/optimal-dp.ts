// @ts-nocheck
// 
import { binAdmissible, binIv, type MonotoneTrend, type PartitionConstraints, type PrebinCounts, prefixSums } from './partition.js';

/** A partition and its objective, or null when no partition satisfies the constraints. */
export interface PartitionResult {
  readonly ends: number[];
  readonly iv: number;
}

/**
 * Exact maximum-IV contiguous partition of pre-bins under the constraints, by dynamic
 * programming over (bins so far, last bin, trend phase): O(M·n³) for n pre-bins and M bins
 * (M = 1 when no bin-count limits). Exact because IV is additive over bins and every
 * constraint involves one bin or two consecutive bins. The same optimum as the MIP of
 * `optimal-mip.ts` (tested against both it and exhaustive search); the fast path for many
 * pre-bins and for peak/valley trends.
 */
export function optimalPartitionDp(counts: PrebinCounts, c: PartitionConstraints): PartitionResult | null {
  const n = counts.goods.length;
  if (n === 0) return null;
  const { g, b } = prefixSums(counts);
  const G = g[n] as number;
  const B = b[n] as number;
  const trend: MonotoneTrend = c.monotone ?? 'none';
  const diff = c.minRateDiff ?? 0;
  const countBins = c.minBins !== undefined || c.maxBins !== undefined;
  const maxBins = Math.min(n, c.maxBins ?? n);
  const minBins = c.minBins ?? 1;
  const M = countBins ? maxBins : 1;
  const phases = trend === 'peak' || trend === 'valley' ? 2 : 1;
  // value[(((p·M + m)·(n+1)) + j)·(n+1) + i]: best IV of [0, i) in m+1 bins (or any count), last bin [j, i), phase p.
  const stride = n + 1;
  const size = phases * M * stride * stride;
  const value = new Float64Array(size).fill(Number.NEGATIVE_INFINITY);
  const back = new Int32Array(size).fill(-1);
  const idx = (p: number, m: number, j: number, i: number) => ((p * M + m) * stride + j) * stride + i;
  const ok = new Uint8Array(stride * stride);
  const iv = new Float64Array(stride * stride);
  const rate = new Float64Array(stride * stride);
  for (let j = 0; j < n; j++) {
    for (let i = j + 1; i <= n; i++) {
      const gg = (g[i] as number) - (g[j] as number);
      const bb = (b[i] as number) - (b[j] as number);
      if (!binAdmissible(gg, bb, c)) continue;
      ok[j * stride + i] = 1;
      iv[j * stride + i] = binIv(gg, bb, G, B);
      rate[j * stride + i] = bb / (gg + bb);
    }
  }
  for (let i = 1; i <= n; i++) {
    if (ok[i] === 1) value[idx(0, 0, 0, i)] = iv[i] as number;
    for (let j = 1; j < i; j++) {
      if (ok[j * stride + i] !== 1) continue;
      const v = iv[j * stride + i] as number;
      const r = rate[j * stride + i] as number;
      for (let k = 0; k < j; k++) {
        if (ok[k * stride + j] !== 1) continue;
        const prev = rate[k * stride + j] as number;
        const up = prev <= r - diff;
        const down = prev >= r + diff;
        for (let p = 0; p < phases; p++) {
          // Phase the new bin ends in, given the previous bin's phase p (−1 = not allowed).
          let q = -1;
          if (trend === 'none') q = 0;
          else if (trend === 'ascending') q = up ? 0 : -1;
          else if (trend === 'descending') q = down ? 0 : -1;
          else {
            const first = trend === 'peak' ? up : down;
            const second = trend === 'peak' ? down : up;
            q = p === 0 ? (first ? 0 : second ? 1 : -1) : second ? 1 : -1;
          }
          if (q < 0) continue;
          for (let m = countBins ? 1 : 0; m < M; m++) {
            const from = idx(p, countBins ? m - 1 : 0, k, j);
            const base = value[from] as number;
            if (base === Number.NEGATIVE_INFINITY) continue;
            const to = idx(q, m, j, i);
            if (base + v > (value[to] as number)) {
              value[to] = base + v;
              back[to] = from;
            }
          }
        }
      }
    }
  }
  let best = Number.NEGATIVE_INFINITY;
  let bestAt = -1;
  for (let p = 0; p < phases; p++) {
    for (let m = countBins ? minBins - 1 : 0; m < M; m++) {
      for (let j = 0; j < n; j++) {
        const at = idx(p, m, j, n);
        if ((value[at] as number) > best + 1e-12) {
          best = value[at] as number;
          bestAt = at;
        }
      }
    }
  }
  if (bestAt < 0) return null;
  const ends: number[] = [];
  for (let at = bestAt; at >= 0; at = back[at] as number) ends.push(at % stride);
  ends.reverse();
  return { ends, iv: best };
}
