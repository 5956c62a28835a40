import type { Column } from '../../frame/index.js';
import { deriveSeed, Rng } from '../../random/index.js';
import { sortValues } from '../metrics/sort-order.js';

/**
 * How one feature is binned for histogram training. Numeric: value bins 0..`binCount`-1 where bin b
 * holds values in [thresholds[b-1], thresholds[b]) — so "bin ≤ b" is exactly "x < thresholds[b]",
 * the tree's strict-less-than routing. Categorical: the `binCount` most frequent categories get a
 * bin each (`binOfCode`), rarer ones share an "other" bin that is never sent left. The missing bin
 * is always `binCount` (value ≤ 255, so bins fit a Uint8Array).
 */
export interface FeatureBins {
  readonly type: 'number' | 'category';
  /** Number of value bins (the missing bin is `binCount`). */
  readonly binCount: number;
  /** Numeric: `binCount - 1` ascending cut points. */
  readonly thresholds: Float64Array;
  /** Categorical: bin of each dictionary code; -1 marks the shared "other" bin. */
  readonly binOfCode: Int32Array;
  /** Categorical: dictionary code of each value bin. */
  readonly codeOfBin: Int32Array;
  /** Categorical: the bin that collects categories beyond the cap (-1 when none). */
  readonly otherBin: number;
}

/** Binned training data: one Uint8Array column per feature, concatenated column-major. */
export interface BinnedData {
  readonly rowCount: number;
  readonly featureCount: number;
  /** `bins[f * rowCount + i]` is row i's bin for feature f. */
  readonly bins: Uint8Array;
  readonly features: readonly FeatureBins[];
}

/** Options of `binFeatures`. */
export interface BinOptions {
  /** Maximum value bins per feature, 2..255 (the missing bin comes on top). */
  readonly maxBins: number;
  /** Rows sampled for the quantile sketch (LightGBM's bin_construct_sample_cnt). */
  readonly sampleRows: number;
  readonly seed: number;
  /** Allocate `bins` in a SharedArrayBuffer (for worker threads). */
  readonly shared?: boolean;
}

/**
 * The numeric columns' share of binning: each one's cut points (`numericCutPoints` over the sample)
 * and its rows' bins written to `bins` (`applyNumericBins`). Returns the cut points in the order of
 * `job.features`. The serial default is `binNumericColumns`; a thread pool may share the columns out
 * (cut points depend on the column alone, so the bins are the same on any thread).
 */
export type NumericBinner = (job: NumericBinJob) => Float64Array[];

/** What a `NumericBinner` bins. */
export interface NumericBinJob {
  readonly columns: readonly Column[];
  /** Indices into `columns` of the numeric ones, ascending. */
  readonly features: readonly number[];
  /** Sorted rows to sketch cut points from, or undefined for every row (`binSample`). */
  readonly sample: Int32Array | undefined;
  readonly maxBins: number;
  readonly rowCount: number;
  /** Column-major bins of every column (`bins[f * rowCount + i]`). */
  readonly bins: Uint8Array;
}

/**
 * Bins every column (LightGBM-style: quantile cut points from a sample, midpoints between
 * distinct values, greedy equal-count bins that never split a tied value). `numeric` bins the
 * numeric columns (default: one after another on this thread).
 * Source: Ke et al., "LightGBM" (NIPS 2017) §2; LightGBM's bin.cpp GreedyFindBin.
 */
export function binFeatures(columns: readonly Column[], rowCount: number, options: BinOptions, numeric: NumericBinner = binNumericColumns): BinnedData {
  const size = columns.length * rowCount;
  const bins = options.shared ? new Uint8Array(new SharedArrayBuffer(Math.max(1, size))) : new Uint8Array(size);
  const sample = binSample(rowCount, options);
  const numericAt = columns.flatMap((column, f) => (column.type === 'number' ? [f] : []));
  const cuts = numeric({ columns, features: numericAt, sample, maxBins: options.maxBins, rowCount, bins });
  let k = 0;
  const features = columns.map((column, f) => {
    if (column.type === 'number') return numericBins(cuts[k++]!);
    const spec = categoryBins(column.codes, column.dictionary.length, options.maxBins);
    applyCategoryBins(column.codes, spec, bins.subarray(f * rowCount, (f + 1) * rowCount));
    return spec;
  });
  return { rowCount, featureCount: columns.length, bins, features };
}

/** The serial `NumericBinner`: each numeric column's cut points and bins, in turn. */
export function binNumericColumns(job: NumericBinJob): Float64Array[] {
  return job.features.map((f) => {
    const column = job.columns[f]!;
    if (column.type !== 'number') throw new RangeError(`binNumericColumns: column ${f} is not numeric`);
    const thresholds = numericCutPoints(column.values, job.sample, job.maxBins);
    applyNumericBins(column.values, thresholds, job.bins.subarray(f * job.rowCount, (f + 1) * job.rowCount));
    return thresholds;
  });
}

/** Sorted row indices to sketch cut points from: all rows (undefined) when few, else a seeded sample with replacement. */
function binSample(rowCount: number, options: Pick<BinOptions, 'sampleRows' | 'seed'>): Int32Array | undefined {
  if (rowCount <= options.sampleRows) return undefined;
  const rng = new Rng(deriveSeed(options.seed, 101));
  const picked = new Int32Array(options.sampleRows);
  for (let k = 0; k < picked.length; k++) picked[k] = rng.nextInt(rowCount);
  return picked.sort();
}

/** The numeric bin spec for given cut points. */
export function numericBins(thresholds: Float64Array): FeatureBins {
  return { type: 'number', binCount: thresholds.length + 1, thresholds, binOfCode: new Int32Array(0), codeOfBin: new Int32Array(0), otherBin: -1 };
}

/**
 * Greedy equal-count cut points over the non-missing sampled values (≤ maxBins bins). Each loop is
 * a function of its own: V8 compiles small functions after their first calls, where one function
 * holding every loop ran the first columns mostly in the interpreter (see `sortValues`).
 */
export function numericCutPoints(values: Float64Array, sample: Int32Array | undefined, maxBins: number): Float64Array {
  const sorted = sortValues(nonMissing(values, sample));
  const m = sorted.length;
  // Distinct values and their counts (typed arrays: pushing to plain arrays made this a third of the cut-point time).
  const distinct = new Float64Array(m);
  const counts = new Int32Array(m);
  const d = distinctCounts(sorted, distinct, counts);
  if (d <= maxBins) return midpoints(distinct, d);
  return greedyCuts(distinct, counts, d, m, maxBins);
}

/** The non-NaN values of the sampled rows (every row when `sample` is undefined), in row order. */
function nonMissing(values: Float64Array, sample: Int32Array | undefined): Float64Array {
  const n = sample === undefined ? values.length : sample.length;
  const out = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const v = values[sample === undefined ? k : sample[k]!]!;
    if (!Number.isNaN(v)) out[m++] = v;
  }
  return out.subarray(0, m);
}

/** The distinct values of ascending `sorted` into `distinct` and their counts into `counts`; returns how many. */
function distinctCounts(sorted: Float64Array, distinct: Float64Array, counts: Int32Array): number {
  let d = 0;
  for (let k = 0; k < sorted.length; k++) {
    const v = sorted[k]!;
    if (k > 0 && v === sorted[k - 1]) counts[d - 1]!++;
    else {
      distinct[d] = v;
      counts[d++] = 1;
    }
  }
  return d;
}

/** A cut between each pair of neighbours of the first `d` distinct values. */
function midpoints(distinct: Float64Array, d: number): Float64Array {
  const cuts = new Float64Array(Math.max(0, d - 1));
  for (let k = 1; k < d; k++) cuts[k - 1] = midpoint(distinct[k - 1]!, distinct[k]!);
  return cuts;
}

/** Greedy: close a bin once it holds its share of the remaining `m` rows (`d` distinct values, at most `maxBins` bins). */
function greedyCuts(distinct: Float64Array, counts: Int32Array, d: number, m: number, maxBins: number): Float64Array {
  const cuts: number[] = [];
  let remaining = m;
  let binsLeft = maxBins;
  let inBin = 0;
  for (let k = 0; k < d - 1 && binsLeft > 1; k++) {
    inBin += counts[k]!;
    const target = remaining / binsLeft;
    const next = counts[k + 1]!;
    // Close before the next value when adding it would overshoot the target by more than stopping here undershoots.
    if (inBin >= target || inBin + next - target > target - inBin) {
      cuts.push(midpoint(distinct[k]!, distinct[k + 1]!));
      remaining -= inBin;
      binsLeft--;
      inBin = 0;
    }
  }
  return Float64Array.from(cuts);
}

/** A cut strictly above `a` and at most `b`, so `a` falls left and `b` right under `x < cut`. */
function midpoint(a: number, b: number): number {
  const mid = a + (b - a) / 2;
  return mid > a ? mid : b;
}

/**
 * Writes each value's bin: the number of cut points ≤ v (NaN goes to the missing bin). A
 * fixed-depth search over the cut points padded to 256 with +Infinity: eight steps with no
 * data-dependent loop exit.
 */
export function applyNumericBins(values: Float64Array, thresholds: Float64Array, out: Uint8Array): void {
  const missing = thresholds.length + 1;
  const padded = new Float64Array(256).fill(Number.POSITIVE_INFINITY);
  padded.set(thresholds);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      out[i] = missing;
      continue;
    }
    // Invariant: padded[j] <= v for every j < pos. `+(a <= b)` compiles to a flag, not a branch,
    // which is 4× faster than a branchy binary search on unpredictable data (measured).
    let pos = +(padded[127]! <= v) << 7;
    pos += +(padded[pos + 63]! <= v) << 6;
    pos += +(padded[pos + 31]! <= v) << 5;
    pos += +(padded[pos + 15]! <= v) << 4;
    pos += +(padded[pos + 7]! <= v) << 3;
    pos += +(padded[pos + 3]! <= v) << 2;
    pos += +(padded[pos + 1]! <= v) << 1;
    pos += +(padded[pos]! <= v);
    out[i] = pos;
  }
}

/** Categorical bins: the most frequent categories (up to maxBins - 1 when capped) plus "other". */
function categoryBins(codes: Int32Array, dictionarySize: number, maxBins: number): FeatureBins {
  const counts = new Float64Array(dictionarySize);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0) counts[c]!++;
  }
  const order = Array.from({ length: dictionarySize }, (_, k) => k).filter((k) => counts[k]! > 0);
  const capped = order.length > maxBins;
  // Frequency order when capped (ties by code), code order otherwise: deterministic either way.
  if (capped) order.sort((a, b) => counts[b]! - counts[a]! || a - b);
  const kept = capped ? order.slice(0, maxBins - 1).sort((a, b) => a - b) : order;
  const binOfCode = new Int32Array(dictionarySize).fill(-1);
  const codeOfBin = new Int32Array(kept.length);
  kept.forEach((code, bin) => {
    binOfCode[code] = bin;
    codeOfBin[bin] = code;
  });
  const otherBin = capped ? kept.length : -1;
  const binCount = otherBin >= 0 ? kept.length + 1 : Math.max(1, kept.length);
  return { type: 'category', binCount, thresholds: new Float64Array(0), binOfCode, codeOfBin, otherBin };
}

function applyCategoryBins(codes: Int32Array, spec: FeatureBins, out: Uint8Array): void {
  const missing = spec.binCount;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c < 0) out[i] = missing;
    else {
      const b = spec.binOfCode[c]!;
      // Codes absent from training (binOfCode -1 without a cap) cannot occur here; treat as missing.
      out[i] = b >= 0 ? b : spec.otherBin >= 0 ? spec.otherBin : missing;
    }
  }
}
