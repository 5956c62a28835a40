// @ts-nocheck
// 
import type { PartitionConstraints, PrebinCounts } from './partition.js';

/**
 * Decision-tree binning (CART with Gini impurity, Breiman et al. 1984; the pre-binning step of
 * optbinning): grow best-first over ordered pre-bins, always splitting the leaf whose best split
 * most reduces the weighted Gini impurity, each child at least `minBinSize` rows, until
 * `maxBins` leaves (default 10) or no split reduces impurity. Returns the partition's end indices.
 */
export function treePartition(counts: PrebinCounts, c: PartitionConstraints = {}): number[] {
  const n = counts.goods.length;
  const maxBins = c.maxBins ?? 10;
  const minSize = Math.max(c.minBinSize ?? 0, Number.MIN_VALUE);
  const g = new Float64Array(n + 1);
  const b = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) {
    g[k + 1] = (g[k] as number) + (counts.goods[k] as number);
    b[k + 1] = (b[k] as number) + (counts.bads[k] as number);
  }
  // Weighted Gini impurity of [s, e): size·2p(1−p).
  const impurity = (s: number, e: number) => {
    const gg = (g[e] as number) - (g[s] as number);
    const bb = (b[e] as number) - (b[s] as number);
    const size = gg + bb;
    return size > 0 ? (2 * gg * bb) / size : 0;
  };
  const bestSplit = (s: number, e: number): { at: number; gain: number } => {
    const parent = impurity(s, e);
    let at = -1;
    let gain = 0;
    for (let k = s + 1; k < e; k++) {
      const left = (g[k] as number) - (g[s] as number) + (b[k] as number) - (b[s] as number);
      const right = (g[e] as number) - (g[k] as number) + (b[e] as number) - (b[k] as number);
      if (left < minSize || right < minSize) continue;
      const d = parent - impurity(s, k) - impurity(k, e);
      if (d > gain + 1e-12) {
        gain = d;
        at = k;
      }
    }
    return { at, gain };
  };
  const leaves: { s: number; e: number; at: number; gain: number }[] = [{ s: 0, e: n, ...bestSplit(0, n) }];
  while (leaves.length < maxBins) {
    let pick = -1;
    for (let l = 0; l < leaves.length; l++) {
      const leaf = leaves[l] as { at: number; gain: number };
      if (leaf.at >= 0 && (pick < 0 || leaf.gain > (leaves[pick] as { gain: number }).gain)) pick = l;
    }
    if (pick < 0) break;
    const { s, e, at } = leaves[pick] as { s: number; e: number; at: number };
    leaves.splice(pick, 1, { s, e: at, ...bestSplit(s, at) }, { s: at, e, ...bestSplit(at, e) });
  }
  return leaves.map((leaf) => leaf.e).sort((x, y) => x - y);
}
