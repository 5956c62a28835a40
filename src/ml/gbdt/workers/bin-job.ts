import { applyNumericBins, type NumericBinJob, numericCutPoints } from '../bin.js';
import { CTRL } from './protocol.js';

/** Most cut points of one feature (255 value bins). */
const MAX_CUTS = 256;

/**
 * A numeric binning job in shared memory, which the threads claim feature by feature: the values
 * each feature's cut points are taken from (the sampled rows, or every row), the cut points found
 * and, when `apply` (no sample: `values` are whole columns), the rows' bins too.
 */
export interface SharedBinJob {
  /** Feature k's values at `values[k·valueCount ..]`. */
  readonly values: Float64Array;
  readonly valueCount: number;
  /** Column index of each numeric feature k (its bins start at `feature · rowCount`). */
  readonly features: Int32Array;
  readonly maxBins: number;
  readonly rowCount: number;
  readonly bins: Uint8Array;
  /** Whether the threads write the bins (their values are whole columns). */
  readonly apply: boolean;
  /** Feature k's cut points at `cuts[k·MAX_CUTS ..]`, `cutCounts[k]` of them. */
  readonly cuts: Float64Array;
  readonly cutCounts: Int32Array;
}

/**
 * Copies a `NumericBinJob`'s values into shared memory: whole columns when every row is sketched,
 * else only the sampled values (a sample's worth of memory, not a copy of the data set).
 */
export function shareBinJob(job: NumericBinJob): SharedBinJob {
  const count = job.sample === undefined ? job.rowCount : job.sample.length;
  const n = job.features.length;
  const values = new Float64Array(new SharedArrayBuffer(Math.max(1, n * count) * 8));
  job.features.forEach((f, k) => {
    const column = job.columns[f]!;
    if (column.type !== 'number') throw new RangeError(`shareBinJob: column ${f} is not numeric`);
    const out = values.subarray(k * count, (k + 1) * count);
    if (job.sample === undefined) out.set(column.values.subarray(0, count));
    else for (let j = 0; j < count; j++) out[j] = column.values[job.sample[j]!]!;
  });
  return {
    values,
    valueCount: count,
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
 * Claims features of the job from `CTRL.NEXT_CHUNK` until none remain: each one's cut points
 * (the serial binner's, as its values are the same) and, when `apply`, its rows' bins.
 */
export function claimBinFeatures(ctrl: Int32Array, job: SharedBinJob): void {
  const n = job.features.length;
  const count = job.valueCount;
  for (;;) {
    const k = Atomics.add(ctrl, CTRL.NEXT_CHUNK, 1);
    if (k >= n) return;
    const values = job.values.subarray(k * count, (k + 1) * count);
    const cuts = numericCutPoints(values, undefined, job.maxBins);
    job.cuts.set(cuts, k * MAX_CUTS);
    job.cutCounts[k] = cuts.length;
    if (job.apply) {
      const f = job.features[k]!;
      applyNumericBins(values, cuts, job.bins.subarray(f * job.rowCount, (f + 1) * job.rowCount));
    }
  }
}

/** Feature k's cut points from a finished job (copied out of shared memory). */
export function binJobCuts(job: SharedBinJob, k: number): Float64Array {
  return job.cuts.slice(k * MAX_CUTS, k * MAX_CUTS + job.cutCounts[k]!);
}
