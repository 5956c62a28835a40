/**
 * The row loops of a leaf's stable partition, compiled afresh for one training's arrays (as the
 * histogram kernels are, `bindKernel`): with the arrays in its closure, V8 compiles them in as
 * constants, and a partition of 100,000 rows by a random split ran 4.9 → 2.9 ns a row
 * (microbenchmark); passing the same arrays as arguments reloads their lengths and data pointers
 * after every store. A row's direction is one lookup in a 256-byte table of the split's bins, so the
 * loop neither branches on the direction (both sides are written, one cursor moves) nor tests the
 * split's kind; with exact gradients the hessians move too (a constant of the closure, folded away).
 * The loops hold nothing after the row loop: V8 compiles a long first call's loop on the fly (OSR)
 * before code after it ever ran, and such code made it drop the compiled loop at every call's end
 * (1,711 deoptimisations in a 100-tree training, traced).
 */

import type { BinnedData } from './bin.js';
import type { PartitionBuffers } from './buffers.js';

/**
 * The arrays a partition moves: row indices and their ordered gradients (hessians empty when
 * quantised), in place and through scratch; `rightScratch*` hold the rights of chunks partitioned
 * by the threads (empty on a single thread). `bins[f * rowCount + i]` is row i's bin of feature f.
 */
export type PartitionArrays = Omit<PartitionBuffers, 'data'> & Pick<BinnedData, 'bins' | 'rowCount'>;

/**
 * A split's rows by direction: bin ≤ `bin` goes left (numeric, `mask` null) or bins flagged in
 * `mask` (categorical); the missing bin (the largest) goes left exactly when `defaultLeft`.
 */
export type PartitionLoop = (
  from: number,
  count: number,
  feature: number,
  bin: number,
  mask: Uint8Array | null,
  defaultLeft: boolean,
  missingBin: number,
) => number;

/** The two loops over one training's arrays. */
export interface PartitionLoops {
  /**
   * First half of a stable partition of positions `[from, from + count)` in place: the lefts
   * compacted (a left's new position is never after its old one), the rights parked in scratch from
   * `from`; the caller copies them after the lefts. Returns the left count.
   */
  readonly inPlace: PartitionLoop;
  /**
   * One chunk of a threaded partition: its lefts to `scratch*` and its rights to `rightScratch*`,
   * each from `from`, in row order. Returns the chunk's left count.
   */
  readonly toScratch: PartitionLoop;
}

/**
 * One row loop: row `indices[k]` and its gradients go to position l of the `left` arrays or r of the
 * `right` arrays ([indices, g, h] names each), whichever its direction says; both are written.
 */
function rowLoop(name: string, lefts: readonly string[], rights: readonly string[]): string {
  return `function ${name}(from, count, feature, bin, mask, defaultLeft, missingBin) {
    const rows = bins.subarray(feature * rowCount, (feature + 1) * rowCount);
    const direction = directions(bin, mask, defaultLeft, missingBin);
    const end = from + count;
    let l = from;
    let r = from;
    for (let k = from; k < end; k++) {
      const i = indices[k];
      const left = direction[rows[i]];
      const g = orderedG[k];
      ${lefts[0]}[l] = i;
      ${lefts[1]}[l] = g;
      ${rights[0]}[r] = i;
      ${rights[1]}[r] = g;
      if (pairs) {
        const h = orderedH[k];
        ${lefts[2]}[l] = h;
        ${rights[2]}[r] = h;
      }
      l += left;
      r += left ^ 1;
    }
    return l - from;
  }`;
}

const SOURCE = `'use strict';
  const pairs = orderedH.length > 0;
  function directions(bin, mask, defaultLeft, missingBin) {
    const direction = new Uint8Array(256);
    for (let b = 0; b < 256; b++) direction[b] = b === missingBin ? (defaultLeft ? 1 : 0) : mask === null ? +(b <= bin) : mask[b];
    return direction;
  }
  ${rowLoop('inPlace', ['indices', 'orderedG', 'orderedH'], ['scratch', 'scratchG', 'scratchH'])}
  ${rowLoop('toScratch', ['scratch', 'scratchG', 'scratchH'], ['rightScratch', 'rightScratchG', 'rightScratchH'])}
  return { inPlace, toScratch };`;

/** The partition loops bound to `arrays` (compiled on each call: keep the result for the training). */
export function bindPartition(arrays: PartitionArrays): PartitionLoops {
  const { bins, rowCount, indices, orderedG, orderedH, scratch, scratchG, scratchH, rightScratch, rightScratchG, rightScratchH } = arrays;
  const names = ['bins', 'rowCount', 'indices', 'orderedG', 'orderedH', 'scratch', 'scratchG', 'scratchH', 'rightScratch', 'rightScratchG', 'rightScratchH'];
  const make = new Function(...names, SOURCE);
  return make(bins, rowCount, indices, orderedG, orderedH, scratch, scratchG, scratchH, rightScratch, rightScratchG, rightScratchH) as PartitionLoops;
}
