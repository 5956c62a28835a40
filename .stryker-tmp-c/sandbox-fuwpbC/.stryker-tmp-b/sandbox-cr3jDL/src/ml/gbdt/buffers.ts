// @ts-nocheck
// 
import type { BinnedData } from './bin.js';
import { histogramKernel, histogramOffsets, passWidths } from './histogram.js';
import type { Quantization } from './quantize.js';
import { blockCount, blockStride, type RowJob } from './row-passes.js';
import { findBestInRange, type LeafSums, type SplitCandidate, type SplitParams } from './split.js';

/**
 * The working memory of one training run, allocated once: the row partition, gradients, the
 * leaf's ordered gradients and a pool of leaf histograms. With `shared`, every array lives in a
 * SharedArrayBuffer so histogram workers can read and write it without copies.
 */
export interface TrainBuffers {
  readonly data: BinnedData;
  /** Rows of every leaf, each leaf a contiguous range (LightGBM's DataPartition). */
  readonly indices: Int32Array;
  /** Scratch for stable partitioning (rows, then their gradients and hessians). */
  readonly scratch: Int32Array;
  readonly scratchG: Float64Array;
  readonly scratchH: Float64Array;
  readonly gradients: Float64Array;
  readonly hessians: Float64Array;
  /**
   * Gradients in `indices` order (LightGBM's ordered gradients): `orderedG[k]` belongs to row
   * `indices[k]`. They are partitioned together with `indices`, so every leaf's gradients are
   * already contiguous: moving them is a sequential copy, where gathering a leaf's gradients
   * from `gradients` was a cache miss per row (a tenth of single-threaded training, measured).
   */
  readonly orderedG: Float64Array;
  readonly orderedH: Float64Array;
  /**
   * With quantised gradients (quantize.ts), `orderedG` holds the packed values, histograms one
   * packed entry per bin, and `orderedH`/`scratchH` are empty.
   */
  readonly quantization: Quantization | null;
  /** After `growTree` on every row, each row's leaf (its index in `BinnedTree.leaves`); rounds on a sample leave it stale. */
  readonly leafOf: Uint16Array;
  /** Row passes (row-passes.ts): margins, labels, weights, the last tree's leaf values, the quantisation scales, per-block results. */
  readonly score: Float64Array;
  readonly label: Float64Array;
  readonly weight: Float64Array;
  readonly leafValue: Float64Array;
  /** [scaleG, scaleH, radix, gLevels, hLevels] of the current tree. */
  readonly rowParams: Float64Array;
  readonly blockStats: Float64Array;
  /** `slots` leaf histograms of `histSize` doubles each. */
  readonly hist: Float64Array;
  readonly histSize: number;
  readonly offsets: Int32Array;
}

/**
 * Allocates the buffers for `slots` simultaneous leaf histograms (packed ones with a
 * `quantization`); `slots` is also the most leaves a tree may have.
 */
export function allocateBuffers(data: BinnedData, slots: number, shared: boolean, quantization: Quantization | null = null): TrainBuffers {
  const n = data.rowCount;
  const offsets = histogramOffsets(
    data.features.map((f) => f.binCount),
    quantization === null ? 2 : 1,
  );
  const histSize = offsets[offsets.length - 1]!;
  const f64 = (size: number) => (shared ? new Float64Array(new SharedArrayBuffer(Math.max(1, size) * 8)) : new Float64Array(size));
  const i32 = (size: number) => (shared ? new Int32Array(new SharedArrayBuffer(Math.max(1, size) * 4)) : new Int32Array(size));
  return {
    data,
    indices: i32(n),
    scratch: i32(n),
    scratchG: f64(n),
    scratchH: quantization === null ? f64(n) : new Float64Array(0),
    gradients: f64(n),
    hessians: f64(n),
    orderedG: f64(n),
    orderedH: quantization === null ? f64(n) : new Float64Array(0),
    quantization,
    leafOf: shared ? new Uint16Array(new SharedArrayBuffer(Math.max(2, n * 2))) : new Uint16Array(n),
    score: f64(n),
    label: f64(n),
    weight: f64(n),
    leafValue: f64(slots),
    rowParams: f64(5),
    blockStats: f64(blockCount(n) * blockStride(slots)),
    hist: f64(slots * histSize),
    histSize,
    offsets,
  };
}

/**
 * Builds a leaf's histogram for the listed features into pool slot `slot`. Implementations must
 * give identical bits whatever their thread count: each feature's block is summed in row order.
 */
export interface HistogramBuilder {
  build(buffers: TrainBuffers, slot: number, start: number, count: number, allRows: boolean, features: Int32Array): void;
  /**
   * Optionally, a numeric split's stable partition (`partitionRows` without a mask); must give
   * the same arrays as `partitionRows`.
   */
  partition?(buffers: TrainBuffers, start: number, count: number, feature: number, bin: number, defaultLeft: boolean, missingBin: number): number;
  /** Optionally, a row pass (row-passes.ts) over every block, split between threads; must equal `runRowBlocks` on all blocks. */
  rows?(buffers: TrainBuffers, job: RowJob): void;
  /**
   * Optionally, each leaf's best split over `features` into its `best` (an empty candidate on entry),
   * split between threads; must equal `findBestInRange` over all the features.
   */
  findSplits?(buffers: TrainBuffers, leaves: readonly SplitLeaf[], features: Int32Array, params: SplitParams, monotone: Int8Array): void;
}

/** A leaf whose best split is wanted: its sums, its histogram slot and the candidate to fill. */
export interface SplitLeaf extends LeafSums {
  readonly slot: number;
  best: SplitCandidate;
}

/** Each leaf's best split over every feature, on the calling thread (`scratch`: 2 × 256 doubles). */
export function findSplitsSerial(
  buffers: TrainBuffers,
  leaves: readonly SplitLeaf[],
  features: Int32Array,
  params: SplitParams,
  monotone: Int8Array,
  scratch: Float64Array,
): void {
  for (const leaf of leaves) {
    const base = leaf.slot * buffers.histSize;
    findBestInRange(
      buffers.hist,
      base,
      buffers.offsets,
      buffers.data.features,
      features,
      0,
      features.length,
      monotone,
      leaf,
      params,
      buffers.quantization,
      scratch,
      leaf.best,
    );
  }
}

/** The single-threaded builder. */
export const serialHistogramBuilder: HistogramBuilder = {
  build(buffers, slot, start, count, allRows, features) {
    buildFeatureRange(buffers, slot, start, count, allRows, features, 0, features.length);
  },
};

/** Builds features `features[from..to)` of a leaf histogram (shared by the serial builder and workers). */
export function buildFeatureRange(
  buffers: HistogramBuffers,
  slot: number,
  start: number,
  count: number,
  allRows: boolean,
  features: Int32Array,
  from: number,
  to: number,
): void {
  const base = slot * buffers.histSize;
  zeroFeatureBlocks(buffers.hist, base, buffers.offsets, features, from, to);
  accumulateRows(buffers, buffers.hist, base, start, count, allRows, features, from, to);
}

/** What building a histogram reads. */
export type HistogramBuffers = Pick<TrainBuffers, 'data' | 'indices' | 'orderedG' | 'orderedH' | 'quantization' | 'hist' | 'histSize' | 'offsets'>;

/** Zeroes the blocks of features `features[from..to)` of the histogram at `base` of `hist`. */
export function zeroFeatureBlocks(hist: Float64Array, base: number, offsets: Int32Array, features: Int32Array, from: number, to: number): void {
  for (let k = from; k < to; k++) {
    const f = features[k]!;
    hist.fill(0, base + offsets[f]!, base + offsets[f + 1]!);
  }
}

/**
 * Adds rows `start..start + count` of the leaf order (positions in `indices`, or the rows
 * themselves with `allRows`) to features `features[from..to)` of the histogram at `base` of `target`.
 */
export function accumulateRows(
  buffers: HistogramBuffers,
  target: Float64Array,
  base: number,
  start: number,
  count: number,
  allRows: boolean,
  features: Int32Array,
  from: number,
  to: number,
): void {
  const { data, offsets } = buffers;
  const entries = buffers.quantization === null ? 2 : 1;
  const g = buffers.orderedG.subarray(start, start + count);
  const h = entries === 2 ? buffers.orderedH.subarray(start, start + count) : g;
  const indices = allRows ? null : buffers.indices;
  let k = from;
  for (const width of passWidths(to - from)) {
    histogramKernel(width, entries)(data.bins, data.rowCount, features, k, indices, start, count, g, h, target, base, offsets);
    k += width;
  }
}

/** The arrays a partition touches. */
export type PartitionBuffers = Pick<TrainBuffers, 'data' | 'indices' | 'scratch' | 'orderedG' | 'orderedH' | 'scratchG' | 'scratchH'>;

/**
 * First phase of a stable partition: the rows of one chunk, `[from, from + count)`, go to the
 * scratch arrays at the same positions, lefts ascending from `from` and rights descending from the
 * chunk's end. Left is bin ≤ `bin` (numeric, `mask` null) or flagged in `mask` (categorical); the
 * missing bin follows `defaultLeft`. Returns the chunk's left count. Threads each take their own
 * chunks, so the phases need no locks; `placeChunk` finishes.
 */
export function partitionChunkToScratch(
  buffers: PartitionBuffers,
  from: number,
  count: number,
  feature: number,
  bin: number,
  mask: Uint8Array | null,
  defaultLeft: boolean,
  missingBin: number,
): number {
  const { indices, scratch, orderedG, orderedH, scratchG, scratchH } = buffers;
  const bins = buffers.data.bins;
  const base = feature * buffers.data.rowCount;
  const pairs = orderedH.length > 0;
  // The missing bin is the largest, so a numeric "left" is b ≤ bin, or b = missing when missing goes left.
  const missingLeft = defaultLeft ? 1 : 0;
  let l = from;
  let r = from + count - 1;
  for (let k = from; k < from + count; k++) {
    const i = indices[k]!;
    const b = bins[base + i]!;
    // Branch-free (flags and a mask, not a jump): the direction is a coin flip to the predictor.
    const left = (mask === null ? +(b <= bin) : b === missingBin ? 0 : mask[b]!) | (missingLeft & +(b === missingBin));
    const at = r + ((l - r) & -left);
    l += left;
    r -= left ^ 1;
    scratch[at] = i;
    scratchG[at] = orderedG[k]!;
    if (pairs) scratchH[at] = orderedH[k]!;
  }
  return l - from;
}

/**
 * Second phase: copies one chunk's lefts (`left` of them, ascending in scratch from `from`) to
 * `leftTo` and its rights (descending from the chunk's end) to `rightTo`, in row order. Chunks
 * write disjoint ranges of the leaf, so threads place their chunks at the same time.
 */
export function placeChunk(buffers: PartitionBuffers, from: number, count: number, left: number, leftTo: number, rightTo: number): void {
  const { indices, scratch, orderedG, orderedH, scratchG, scratchH } = buffers;
  const pairs = orderedH.length > 0;
  indices.set(scratch.subarray(from, from + left), leftTo);
  orderedG.set(scratchG.subarray(from, from + left), leftTo);
  if (pairs) orderedH.set(scratchH.subarray(from, from + left), leftTo);
  const last = from + count - 1;
  for (let j = 0; j < count - left; j++) {
    indices[rightTo + j] = scratch[last - j]!;
    orderedG[rightTo + j] = scratchG[last - j]!;
    if (pairs) orderedH[rightTo + j] = scratchH[last - j]!;
  }
}

/** Stable partition of a leaf's rows and their ordered gradients on the calling thread (one chunk); returns the number that go left. */
export function partitionRows(
  buffers: PartitionBuffers,
  start: number,
  count: number,
  feature: number,
  bin: number,
  mask: Uint8Array | null,
  defaultLeft: boolean,
  missingBin: number,
): number {
  const left = partitionChunkToScratch(buffers, start, count, feature, bin, mask, defaultLeft, missingBin);
  placeChunk(buffers, start, count, left, start, start + left);
  return left;
}
