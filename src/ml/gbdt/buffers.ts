import type { BinnedData } from './bin.js';
import { buildEightFeatureHistograms, buildFeatureHistogram, buildFourFeatureHistograms, buildTwoFeatureHistograms, histogramOffsets } from './histogram.js';

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
  /** `slots` leaf histograms of `histSize` doubles each. */
  readonly hist: Float64Array;
  readonly histSize: number;
  readonly offsets: Int32Array;
}

/** Allocates the buffers for `slots` simultaneous leaf histograms. */
export function allocateBuffers(data: BinnedData, slots: number, shared: boolean): TrainBuffers {
  const n = data.rowCount;
  const offsets = histogramOffsets(data.features.map((f) => f.binCount));
  const histSize = offsets[offsets.length - 1]!;
  const f64 = (size: number) => (shared ? new Float64Array(new SharedArrayBuffer(Math.max(1, size) * 8)) : new Float64Array(size));
  const i32 = (size: number) => (shared ? new Int32Array(new SharedArrayBuffer(Math.max(1, size) * 4)) : new Int32Array(size));
  return {
    data,
    indices: i32(n),
    scratch: new Int32Array(n),
    scratchG: new Float64Array(n),
    scratchH: new Float64Array(n),
    gradients: f64(n),
    hessians: f64(n),
    orderedG: f64(n),
    orderedH: f64(n),
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
}

/** The single-threaded builder. */
export const serialHistogramBuilder: HistogramBuilder = {
  build(buffers, slot, start, count, allRows, features) {
    buildFeatureRange(buffers, slot, start, count, allRows, features, 0, features.length);
  },
};

/** Features per histogram pass (see `buildEightFeatureHistograms`); threads split work in groups of this size. */
export const FEATURE_GROUP = 8;

/** Builds features `features[from..to)` of a leaf histogram (shared by the serial builder and workers). */
export function buildFeatureRange(
  buffers: Pick<TrainBuffers, 'data' | 'indices' | 'gradients' | 'hessians' | 'orderedG' | 'orderedH' | 'hist' | 'histSize' | 'offsets'>,
  slot: number,
  start: number,
  count: number,
  allRows: boolean,
  features: Int32Array,
  from: number,
  to: number,
): void {
  const { data, offsets } = buffers;
  const g = allRows ? buffers.gradients : buffers.orderedG.subarray(start, start + count);
  const h = allRows ? buffers.hessians : buffers.orderedH.subarray(start, start + count);
  const base = slot * buffers.histSize;
  let k = from;
  for (; k + 8 <= to; k += 8) {
    buildEightFeatureHistograms(data.bins, data.rowCount, features, k, buffers.indices, start, count, allRows, g, h, buffers.hist, base, offsets);
  }
  for (; k + 4 <= to; k += 4) {
    buildFourFeatureHistograms(data.bins, data.rowCount, features, k, buffers.indices, start, count, allRows, g, h, buffers.hist, base, offsets);
  }
  for (; k + 2 <= to; k += 2) {
    buildTwoFeatureHistograms(data.bins, data.rowCount, features, k, buffers.indices, start, count, allRows, g, h, buffers.hist, base, offsets);
  }
  for (; k < to; k++) {
    const f = features[k]!;
    const offset = base + offsets[f]!;
    buildFeatureHistogram(data.bins, data.rowCount, f, buffers.indices, start, count, allRows, g, h, buffers.hist, offset, offsets[f + 1]! - offsets[f]!);
  }
}
