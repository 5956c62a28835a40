import type { BinnedData, NumericBinJob } from './bin.js';
import { bindKernel, type HistogramKernel, histogramOffsets, type KernelArrays, passWidths } from './histogram.js';
import { bindPartition, type PartitionLoops } from './partition.js';
import type { Quantization } from './quantize.js';
import { blockCount, blockStride, quantizeRowRange, type RowJob } from './row-passes.js';
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
  /**
   * Scratch for stable partitioning (rows, then their gradients and hessians): a partition on one
   * thread keeps the lefts in place and puts the rights here; chunks partitioned by the threads
   * put their lefts here and their rights in `rightScratch*` (only allocated with `shared`).
   */
  readonly scratch: Int32Array;
  readonly scratchG: Float64Array;
  readonly scratchH: Float64Array;
  readonly rightScratch: Int32Array;
  readonly rightScratchG: Float64Array;
  readonly rightScratchH: Float64Array;
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
  /** The last tree's non-empty leaves as [start in `indices`, leaf index] pairs by start (to fill `leafOf` by blocks of positions). */
  readonly leafRanges: Int32Array;
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
  /**
   * Exact gradients: partial histograms of a leaf's row chunks 1, 2, … (`exactChunks`), added to the
   * leaf's histogram in chunk order; `histSize` doubles each (one on a single thread, since chunks are
   * then summed one after the other; MAX_EXACT_CHUNKS − 1 with `shared`). Empty when quantised.
   */
  readonly chunkHist: Float64Array;
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
    rightScratch: shared ? i32(n) : new Int32Array(0),
    rightScratchG: shared ? f64(n) : new Float64Array(0),
    rightScratchH: shared && quantization === null ? f64(n) : new Float64Array(0),
    gradients: f64(n),
    hessians: f64(n),
    orderedG: f64(n),
    orderedH: quantization === null ? f64(n) : new Float64Array(0),
    quantization,
    leafOf: shared ? new Uint16Array(new SharedArrayBuffer(Math.max(2, n * 2))) : new Uint16Array(n),
    leafRanges: i32(2 * slots),
    score: f64(n),
    label: f64(n),
    weight: f64(n),
    leafValue: f64(slots),
    rowParams: f64(5),
    blockStats: f64(blockCount(n) * blockStride(slots)),
    hist: f64(slots * histSize),
    chunkHist: quantization !== null ? new Float64Array(0) : f64((shared ? MAX_EXACT_CHUNKS - 1 : 1) * histSize),
    histSize,
    offsets,
  };
}

/**
 * Builds a leaf's histogram for the listed features into pool slot `slot`. Implementations must
 * give identical bits whatever their thread count: exact sums chunk by chunk (`exactChunks`), packed sums in any order.
 */
export interface HistogramBuilder {
  /**
   * A leaf's histogram. With `quantizeSeed` (the root of a quantised round on every row), each row's
   * gradients are first packed into `orderedG` on the tree's scales in `rowParams` (`quantizeRowRange`):
   * one pass over the rows instead of a packing pass and then a build.
   */
  build(buffers: TrainBuffers, slot: number, start: number, count: number, allRows: boolean, features: Int32Array, quantizeSeed?: number): void;
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
  /**
   * Optionally, after a split: builds the smaller child's histogram (`small`), makes the larger
   * child's (`largeSlot`, holding the parent's) the parent's minus it, and finds the best split of
   * each of `leaves` (the children that may be split, in order; their `best` empty on entry), all in
   * one job. Returns false when it declines (the caller then builds, subtracts and searches in
   * turn); must give the same histograms and candidates as that sequence.
   */
  buildChildren?(
    buffers: TrainBuffers,
    small: { readonly slot: number; readonly start: number; readonly count: number },
    largeSlot: number,
    features: Int32Array,
    leaves: readonly SplitLeaf[],
    params: SplitParams,
    monotone: Int8Array,
  ): boolean;
  /** Optionally, the numeric columns' binning (a `NumericBinner`) split between threads; must equal `binNumericColumns`. */
  binNumeric?(job: NumericBinJob): Float64Array[];
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
  build(buffers, slot, start, count, allRows, features, quantizeSeed) {
    if (quantizeSeed !== undefined) quantizeRowRange(buffers, start, start + count, quantizeSeed);
    buildFeatureRange(buffers, slot, start, count, allRows, features, 0, features.length);
  },
};

/**
 * Builds features `features[from..to)` of a leaf histogram (the serial builder; the workers' row
 * chunks add up to the same bits). Exact sums are added chunk by chunk (`exactChunks`): each
 * chunk's partial histogram from zero, the partials added in chunk order, so a thread may build
 * any chunk. Packed sums are exact integers and need no such care.
 */
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
  const { hist, offsets } = buffers;
  const { chunks, rows } = buffers.quantization === null ? exactChunks(count) : { chunks: 1, rows: count };
  zeroFeatureBlocks(hist, base, offsets, features, from, to);
  accumulateRows(buffers, hist, base, start, Math.min(rows, count), allRows, features, from, to);
  for (let c = 1; c < chunks; c++) {
    const at = c * rows;
    zeroFeatureBlocks(buffers.chunkHist, 0, offsets, features, from, to);
    accumulateRows(buffers, buffers.chunkHist, 0, start + at, Math.min(rows, count - at), allRows, features, from, to);
    addFeatureBlocks(hist, base, buffers.chunkHist, 0, offsets, features, from, to);
  }
}

/** Most row chunks of one exact histogram (bounds the workers' partial histograms). */
export const MAX_EXACT_CHUNKS = 32;
/**
 * Fewest rows in a chunk of an exact histogram: each extra chunk costs a zeroing and an addition of one
 * histogram (≈ 6% of the updates at 30 features, 255 bins), and leaves of one chunk stay on one thread.
 */
export const MIN_EXACT_CHUNK_ROWS = 4096;

/**
 * How an exact histogram of `count` rows is cut into row chunks: a function of the row count
 * alone, never of the thread count, so the chunk-ordered sums are the same bits on any number of threads.
 */
export function exactChunks(count: number): { chunks: number; rows: number } {
  const rows = Math.max(MIN_EXACT_CHUNK_ROWS, Math.ceil(count / MAX_EXACT_CHUNKS));
  return { chunks: Math.max(1, Math.ceil(count / rows)), rows };
}

/** Adds the blocks of features `features[from..to)` of the histogram at `sourceBase` of `source` into the one at `base` of `hist`. */
export function addFeatureBlocks(
  hist: Float64Array,
  base: number,
  source: Float64Array,
  sourceBase: number,
  offsets: Int32Array,
  features: Int32Array,
  from: number,
  to: number,
): void {
  for (let k = from; k < to; k++) {
    const f = features[k]!;
    for (let b = offsets[f]!; b < offsets[f + 1]!; b++) hist[base + b]! += source[sourceBase + b]!;
  }
}

/**
 * Subtracts the blocks of features `features[from..to)` of the histogram at `small` from the one at
 * `large` (the subtraction trick, per feature: `growTree` subtracts whole histograms, the fused
 * build-and-split job of the workers each thread's share of the features).
 */
export function subtractFeatureBlocks(
  hist: Float64Array,
  large: number,
  small: number,
  offsets: Int32Array,
  features: Int32Array,
  from: number,
  to: number,
): void {
  for (let k = from; k < to; k++) {
    const f = features[k]!;
    for (let b = offsets[f]!; b < offsets[f + 1]!; b++) hist[large + b] = hist[large + b]! - hist[small + b]!;
  }
}

/** What building a histogram reads. */
export type HistogramBuffers = Pick<
  TrainBuffers,
  'data' | 'indices' | 'orderedG' | 'orderedH' | 'quantization' | 'hist' | 'chunkHist' | 'histSize' | 'offsets'
>;

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
  const entries = buffers.quantization === null ? 2 : 1;
  const kernels = kernelsFor(buffers, target);
  let k = from;
  for (const width of passWidths(to - from)) {
    let kernel = kernels.byWidth[width];
    if (kernel === undefined) kernel = kernels.byWidth[width] = bindKernel(width, entries, kernels.arrays);
    kernel(features, k, allRows, start, count, base);
    k += width;
  }
}

/** Kernels bound to one histogram array and the training arrays they read, by pass width. */
interface BoundKernels {
  readonly arrays: KernelArrays;
  readonly byWidth: (HistogramKernel | undefined)[];
}

const boundKernels = new WeakMap<Float64Array, BoundKernels>();

/** The kernels that add to `target` from `buffers`' arrays, compiled the first time they are asked for (see `bindKernel`). */
function kernelsFor(buffers: HistogramBuffers, target: Float64Array): BoundKernels {
  const { data, indices, orderedG, offsets } = buffers;
  const h = buffers.quantization === null ? buffers.orderedH : orderedG;
  const known = boundKernels.get(target);
  const a = known?.arrays;
  if (known !== undefined && a!.bins === data.bins && a!.indices === indices && a!.g === orderedG && a!.h === h && a!.offsets === offsets) return known;
  const fresh: BoundKernels = { arrays: { bins: data.bins, rowCount: data.rowCount, indices, g: orderedG, h, hist: target, offsets }, byWidth: [] };
  boundKernels.set(target, fresh);
  return fresh;
}

/** The arrays a partition touches. */
export type PartitionBuffers = Pick<
  TrainBuffers,
  'data' | 'indices' | 'scratch' | 'orderedG' | 'orderedH' | 'scratchG' | 'scratchH' | 'rightScratch' | 'rightScratchG' | 'rightScratchH'
>;

/**
 * First phase of a stable partition: the rows of one chunk, `[from, from + count)`, go in row
 * order to the scratch arrays at the chunk's own positions, lefts to `scratch*` and rights to
 * `rightScratch*`. Left is bin ≤ `bin` (numeric, `mask` null) or flagged in `mask` (categorical); the
 * missing bin follows `defaultLeft`. Returns the chunk's left count. Threads each take their own
 * chunks, so the phases need no locks; `placeChunk` finishes with two block copies a side.
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
  return partitionLoopsFor(buffers).toScratch(from, count, feature, bin, mask, defaultLeft, missingBin);
}

/**
 * Second phase: copies one chunk's lefts (`left` of them, from `from` in `scratch*`) to `leftTo`
 * and its rights (from `from` in `rightScratch*`) to `rightTo`. Chunks write disjoint ranges of
 * the leaf, so threads place their chunks at the same time.
 */
export function placeChunk(buffers: PartitionBuffers, from: number, count: number, left: number, leftTo: number, rightTo: number): void {
  const { indices, scratch, orderedG, orderedH, scratchG, scratchH, rightScratch, rightScratchG, rightScratchH } = buffers;
  const right = count - left;
  indices.set(scratch.subarray(from, from + left), leftTo);
  orderedG.set(scratchG.subarray(from, from + left), leftTo);
  indices.set(rightScratch.subarray(from, from + right), rightTo);
  orderedG.set(rightScratchG.subarray(from, from + right), rightTo);
  if (orderedH.length > 0) {
    orderedH.set(scratchH.subarray(from, from + left), leftTo);
    orderedH.set(rightScratchH.subarray(from, from + right), rightTo);
  }
}

/**
 * Stable partition of a leaf's rows and their ordered gradients on the calling thread; returns the
 * number that go left. The lefts are compacted in place (a left's new position is never after its
 * old one) and the rights parked in scratch, then copied after them in one block: half the copying
 * of going through scratch for both (0.96 → 0.56 ms for 100,000 rows, measured).
 */
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
  const left = partitionLoopsFor(buffers).inPlace(start, count, feature, bin, mask, defaultLeft, missingBin);
  const { indices, scratch, orderedG, orderedH, scratchG, scratchH } = buffers;
  const end = start + count;
  const rightEnd = end - left;
  indices.set(scratch.subarray(start, rightEnd), start + left);
  orderedG.set(scratchG.subarray(start, rightEnd), start + left);
  if (orderedH.length > 0) orderedH.set(scratchH.subarray(start, rightEnd), start + left);
  return left;
}

const boundPartitions = new WeakMap<Int32Array, { readonly arrays: PartitionBuffers; readonly loops: PartitionLoops }>();

/** The partition loops bound to `buffers`' arrays (`bindPartition`), compiled once per set of arrays. */
function partitionLoopsFor(buffers: PartitionBuffers): PartitionLoops {
  const known = boundPartitions.get(buffers.indices);
  if (known !== undefined) {
    const a = known.arrays;
    const same =
      a.data.bins === buffers.data.bins &&
      a.orderedG === buffers.orderedG &&
      a.orderedH === buffers.orderedH &&
      a.scratch === buffers.scratch &&
      a.scratchG === buffers.scratchG &&
      a.scratchH === buffers.scratchH &&
      a.rightScratch === buffers.rightScratch &&
      a.rightScratchG === buffers.rightScratchG &&
      a.rightScratchH === buffers.rightScratchH;
    if (same) return known.loops;
  }
  const loops = bindPartition({ ...buffers, bins: buffers.data.bins, rowCount: buffers.data.rowCount });
  boundPartitions.set(buffers.indices, { arrays: { ...buffers }, loops });
  return loops;
}
