// @ts-nocheck
import type { Tree } from '../tree/index.js';
import type { BinnedData } from './bin.js';
import type { BinnedTree } from './grow.js';

/**
 * Converts a tree grown in bin space to the shared `Tree`: numeric bin b becomes the threshold
 * `thresholds[b]` (bin ≤ b ⟺ x < thresholds[b]); a categorical left set becomes the sorted
 * training dictionary codes of its bins (the "other" bin is never in it, so rare and unseen
 * categories go right).
 */
export function toTree(grown: BinnedTree, data: BinnedData): Tree {
  const size = grown.feature.length;
  const feature = Int32Array.from(grown.feature);
  const threshold = new Float64Array(size);
  const categoryStart = new Int32Array(size).fill(-1);
  const categoryCount = new Int32Array(size);
  const categories: number[] = [];
  for (let n = 0; n < size; n++) {
    const f = grown.feature[n]!;
    if (f < 0) continue;
    const spec = data.features[f]!;
    const mask = grown.leftMask[n];
    if (mask) {
      const codes: number[] = [];
      for (let b = 0; b < spec.binCount; b++) if (mask[b] === 1) codes.push(spec.codeOfBin[b]!);
      codes.sort((a, b) => a - b);
      categoryStart[n] = categories.length;
      categoryCount[n] = codes.length;
      categories.push(...codes);
    } else threshold[n] = spec.thresholds[grown.bin[n]!]!;
  }
  return {
    feature,
    threshold,
    left: Int32Array.from(grown.left),
    right: Int32Array.from(grown.right),
    defaultLeft: Uint8Array.from(grown.defaultLeft, (d) => (d ? 1 : 0)),
    categoryStart,
    categoryCount,
    categories: Int32Array.from(categories),
    value: Float64Array.from(grown.value),
    cover: Float64Array.from(grown.cover),
    gain: Float64Array.from(grown.gain),
  };
}
