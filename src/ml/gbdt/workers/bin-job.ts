import { applyNumericBins, type NumericBinJob, numericCutPoints } from '../bin.js';
import { CTRL } from './protocol.js';

/** Most cut points of one feature (255 value bins). */
const MAX_CUTS = 256;

/**
 * A numeric binning job in shared memory. The calling thread claims features from the front and bins
 * them from the columns themselves; the workers claim from the back among the last features, whose
 * values (the sampled rows', or whole columns) are copied here: only those, since the workers start
 * some 50 ms after the call (thread start, module loading) and bin their first columns cold, while
 * copying every column first held the calling thread up (24 MB, 17–23 ms at 100,000 × 30).
 */
export interface SharedBinJob {
  /** Feature k ≥ `first`'s values at `values[(k − first)·valueCount ..]`. */
  readonly values: Float64Array;
  readonly valueCount: number;
  /** The first feature (index into `features`) whose values are shared: the workers bin only from there on. */
  readonly first: number;
  /** Column index of each numeric feature k (its bins start at `feature · rowCount`). */
  readonly features: Int32Array;
  readonly maxBins: number;
  readonly rowCount: number;
  readonly bins: Uint8Array;
  /** Whether the threads write the bins (the values are whole columns). */
  readonly apply: boolean;
  /** Feature k's cut points at `cuts[k·MAX_CUTS ..]`, `cutCounts[k]` of them (features binned by a worker). */
  readonly cuts: Float64Array;
  readonly cutCounts: Int32Array;
}

/**
 * The share of a job's features the workers may take: the calling thread starts at once and warm,
 * so it gets more than an even share (0.8 of the workers' even share, from the back).
 */
export function workerBinFeatures(features: number, threads: number): number {
  return Math.min(features, Math.ceil((0.8 * features * (threads - 1)) / threads));
}

/** Copies the values of a `NumericBinJob`'s last `shared` features into shared memory (whole columns, or the sampled rows'). */
export function shareBinJob(job: NumericBinJob, shared: number): SharedBinJob {
  const count = job.sample === undefined ? job.rowCount : job.sample.length;
  const n = job.features.length;
  const first = n - shared;
  const values = new Float64Array(new SharedArrayBuffer(Math.max(1, shared * count) * 8));
  for (let k = first; k < n; k++) {
    const column = job.columns[job.features[k]!]!;
    if (column.type !== 'number') throw new RangeError(`shareBinJob: column ${job.features[k]} is not numeric`);
    const out = values.subarray((k - first) * count, (k - first + 1) * count);
    if (job.sample === undefined) out.set(column.values.subarray(0, count));
    else for (let j = 0; j < count; j++) out[j] = column.values[job.sample[j]!]!;
  }
  return {
    values,
    valueCount: count,
    first,
    features: Int32Array.from(job.features),
    maxBins: job.maxBins,
    rowCount: job.rowCount,
    bins: job.bins,
    apply: job.sample === undefined,
    cuts: new Float64Array(new SharedArrayBuffer(Math.max(1, n * MAX_CUTS) * 8)),
    cutCounts: new Int32Array(new SharedArrayBuffer(Math.max(1, n) * 4)),
  };
}

/**
 * The next feature of an `n`-feature job, claimed from the front or (`fromBack`) from the back but not
 * below `floor`; −1 when none is left to this side. `CTRL.NEXT_CHUNK` holds both counts (front in the
 * low 16 bits), changed together by compare-and-exchange, so no feature is claimed twice.
 */
export function claimBinFeature(ctrl: Int32Array, n: number, fromBack: boolean, floor: number): number {
  for (;;) {
    const v = Atomics.load(ctrl, CTRL.NEXT_CHUNK);
    const front = v & 0xffff;
    const back = v >>> 16;
    if (front + back >= n) return -1;
    const k = fromBack ? n - 1 - back : front;
    if (fromBack && k < floor) return -1;
    if (Atomics.compareExchange(ctrl, CTRL.NEXT_CHUNK, v, fromBack ? v + 0x10000 : v + 1) === v) return k;
  }
}

/**
 * A worker's part: claims features from the back among the shared ones until none remain, each one's
 * cut points (the serial binner's: the values are the same) and, when `apply`, its rows' bins.
 */
export function claimBinFeatures(ctrl: Int32Array, job: SharedBinJob): void {
  const n = job.features.length;
  const count = job.valueCount;
  for (let k = claimBinFeature(ctrl, n, true, job.first); k >= 0; k = claimBinFeature(ctrl, n, true, job.first)) {
    const values = job.values.subarray((k - job.first) * count, (k - job.first + 1) * count);
    const cuts = numericCutPoints(values, undefined, job.maxBins);
    job.cuts.set(cuts, k * MAX_CUTS);
    job.cutCounts[k] = cuts.length;
    if (job.apply) {
      const f = job.features[k]!;
      applyNumericBins(values, cuts, job.bins.subarray(f * job.rowCount, (f + 1) * job.rowCount));
    }
  }
}

/**
 * The calling thread's part: claims features from the front until none remain, each one binned from
 * its column (as the serial binner does: cut points from the sample, the rows' bins when every row
 * was sketched). Returns the cut points of the features it binned, by feature (others undefined).
 */
export function claimFrontBinFeatures(ctrl: Int32Array, job: NumericBinJob): (Float64Array | undefined)[] {
  const n = job.features.length;
  const cuts: (Float64Array | undefined)[] = new Array(n).fill(undefined);
  for (let k = claimBinFeature(ctrl, n, false, 0); k >= 0; k = claimBinFeature(ctrl, n, false, 0)) {
    const f = job.features[k]!;
    const column = job.columns[f]!;
    if (column.type !== 'number') throw new RangeError(`claimFrontBinFeatures: column ${f} is not numeric`);
    cuts[k] = numericCutPoints(column.values, job.sample, job.maxBins);
    if (job.sample === undefined) applyNumericBins(column.values, cuts[k]!, job.bins.subarray(f * job.rowCount, (f + 1) * job.rowCount));
  }
  return cuts;
}

/** Feature k's cut points from a finished job (copied out of shared memory). */
export function binJobCuts(job: SharedBinJob, k: number): Float64Array {
  return job.cuts.slice(k * MAX_CUTS, k * MAX_CUTS + job.cutCounts[k]!);
}
