// @ts-nocheck
import type { PartitionConstraints, PrebinCounts } from './partition.js';

/** χ² critical value at 95% with 1 degree of freedom: ChiMerge's default merge threshold. */
export const CHI2_95_DF1 = 3.841458820694124;

/**
 * ChiMerge (Kerber, 1992): start from the pre-bins and repeatedly merge the adjacent pair with
 * the smallest χ² statistic of its 2×2 (bin × good/bad) table while that χ² is below
 * `threshold`, there are more than `maxBins` bins, or a bin is smaller than `minBinSize`
 * (then its neighbour with the smaller χ² absorbs it). Returns the partition's end indices.
 */
export function chiMergePartition(counts: PrebinCounts, c: PartitionConstraints & { readonly threshold?: number } = {}): number[] {
  const threshold = c.threshold ?? CHI2_95_DF1;
  const maxBins = c.maxBins ?? Number.POSITIVE_INFINITY;
  const minSize = c.minBinSize ?? 0;
  const goods = Array.from(counts.goods);
  const bads = Array.from(counts.bads);
  const ends = goods.map((_, k) => k + 1);
  const chi = (k: number) => chiSquare2x2(goods[k] as number, bads[k] as number, goods[k + 1] as number, bads[k + 1] as number);
  const merge = (k: number) => {
    goods[k] = (goods[k] as number) + (goods[k + 1] as number);
    bads[k] = (bads[k] as number) + (bads[k + 1] as number);
    goods.splice(k + 1, 1);
    bads.splice(k + 1, 1);
    ends.splice(k, 1);
  };
  while (goods.length > 1) {
    let smallest = -1;
    let smallestChi = Number.POSITIVE_INFINITY;
    for (let k = 0; k + 1 < goods.length; k++) {
      const x = chi(k);
      if (x < smallestChi) {
        smallestChi = x;
        smallest = k;
      }
    }
    let tiny = -1;
    for (let k = 0; k < goods.length; k++) {
      if ((goods[k] as number) + (bads[k] as number) < minSize) {
        tiny = k;
        break;
      }
    }
    if (tiny >= 0) {
      const left = tiny > 0 ? chi(tiny - 1) : Number.POSITIVE_INFINITY;
      const right = tiny + 1 < goods.length ? chi(tiny) : Number.POSITIVE_INFINITY;
      merge(left <= right ? tiny - 1 : tiny);
      continue;
    }
    if (goods.length > maxBins || smallestChi < threshold) merge(smallest);
    else break;
  }
  return ends;
}

/** Pearson χ² of the 2×2 table [[g1, b1], [g2, b2]]; 0 when a margin is empty. */
export function chiSquare2x2(g1: number, b1: number, g2: number, b2: number): number {
  const n1 = g1 + b1;
  const n2 = g2 + b2;
  const g = g1 + g2;
  const b = b1 + b2;
  const n = n1 + n2;
  if (n1 === 0 || n2 === 0 || g === 0 || b === 0) return 0;
  const d = g1 * b2 - g2 * b1;
  return (n * d * d) / (n1 * n2 * g * b);
}
