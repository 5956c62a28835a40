/**
 * Best split of one feature from its histogram block: numeric splits scan bins in order with the
 * missing bin tried on both sides (XGBoost's sparsity-aware split finding); categorical splits
 * sort categories by g/(h + catSmooth) and scan prefixes (LightGBM's many-vs-many method, after
 * Fisher 1958). Gains use L1/L2-regularised leaf outputs clamped to monotone bounds
 * (LightGBM's "basic" monotone method).
 * Source: Chen & Guestrin (2016) eq. 7 and Alg. 3; LightGBM feature_histogram.hpp.
 */

import { type Quantization, unpackHistogram } from './quantize.js';

/** Regularisation and size limits used when scoring candidate splits. */
export interface SplitParams {
  readonly lambdaL1: number;
  readonly lambdaL2: number;
  readonly minChildWeight: number;
  readonly minDataInLeaf: number;
  readonly minSplitGain: number;
  readonly catSmooth: number;
}

/** A candidate split of a leaf (mutable scratch, reused per leaf). */
export interface SplitCandidate {
  gain: number;
  feature: number;
  /** Numeric: bins ≤ `bin` go left. */
  bin: number;
  defaultLeft: boolean;
  categorical: boolean;
  /** Categorical: the value bins sent left. */
  leftBins: number[];
  leftG: number;
  leftH: number;
  leftOutput: number;
  rightOutput: number;
}

/** An empty candidate (gain -Infinity). */
export function emptyCandidate(): SplitCandidate {
  return {
    gain: Number.NEGATIVE_INFINITY,
    feature: -1,
    bin: -1,
    defaultLeft: false,
    categorical: false,
    leftBins: [],
    leftG: 0,
    leftH: 0,
    leftOutput: 0,
    rightOutput: 0,
  };
}

/** Soft-thresholds the gradient sum by the L1 penalty. */
export function thresholdL1(g: number, l1: number): number {
  return g > l1 ? g - l1 : g < -l1 ? g + l1 : 0;
}

/** Optimal leaf output −T(G)/(H + λ), clamped to [lower, upper]. */
export function leafOutput(g: number, h: number, params: SplitParams, lower: number, upper: number): number {
  const w = -thresholdL1(g, params.lambdaL1) / (h + params.lambdaL2);
  return Math.min(upper, Math.max(lower, w));
}

/** Loss reduction of a leaf with output w: −(2·T(G)·w + (H + λ)·w²). */
export function leafGain(g: number, h: number, w: number, params: SplitParams): number {
  return -(2 * thresholdL1(g, params.lambdaL1) * w + (h + params.lambdaL2) * w * w);
}

/** The leaf being split: its sums, output bounds and the gain of leaving it whole. */
export interface LeafSums {
  readonly g: number;
  readonly h: number;
  readonly count: number;
  readonly lower: number;
  readonly upper: number;
  readonly parentGain: number;
  /** leaf rows / leaf hessian, to estimate counts from hessian sums. */
  readonly countPerHessian: number;
}

/**
 * Scores a (left sums) candidate and updates `best` when it wins. Returns nothing; `best` carries
 * the outputs. `monotone` is the feature's constraint (+1, −1, 0).
 */
function consider(best: SplitCandidate, leaf: LeafSums, params: SplitParams, monotone: number, lg: number, lh: number): boolean {
  // Estimated row counts (LightGBM): hessian share of the leaf's rows.
  const lc = Math.round(lh * leaf.countPerHessian);
  const rc = leaf.count - lc;
  if (lc < params.minDataInLeaf || rc < params.minDataInLeaf) return false;
  const rh = leaf.h - lh;
  if (lh < params.minChildWeight || rh < params.minChildWeight) return false;
  const rg = leaf.g - lg;
  if (params.lambdaL1 === 0 && monotone === 0 && leaf.lower === Number.NEGATIVE_INFINITY && leaf.upper === Number.POSITIVE_INFINITY) {
    // Unconstrained, no L1: w = −G/(H + λ) and the gain term is G²/(H + λ); outputs only for a winner
    // (this path is most of split finding's time).
    const gain = (lg * lg) / (lh + params.lambdaL2) + (rg * rg) / (rh + params.lambdaL2) - leaf.parentGain;
    if (gain <= params.minSplitGain || gain <= best.gain) return false;
    best.gain = gain;
    best.leftG = lg;
    best.leftH = lh;
    best.leftOutput = -lg / (lh + params.lambdaL2);
    best.rightOutput = -rg / (rh + params.lambdaL2);
    return true;
  }
  const wl = leafOutput(lg, lh, params, leaf.lower, leaf.upper);
  const wr = leafOutput(rg, rh, params, leaf.lower, leaf.upper);
  if ((monotone > 0 && wl > wr) || (monotone < 0 && wl < wr)) return false;
  const gain = leafGain(lg, lh, wl, params) + leafGain(rg, rh, wr, params) - leaf.parentGain;
  if (gain <= params.minSplitGain || gain <= best.gain) return false;
  best.gain = gain;
  best.leftG = lg;
  best.leftH = lh;
  best.leftOutput = wl;
  best.rightOutput = wr;
  return true;
}

/** Best numeric split of one feature; updates `best` (which may already hold another feature's). */
export function findNumericSplit(
  hist: Float64Array,
  offset: number,
  binCount: number,
  feature: number,
  monotone: number,
  leaf: LeafSums,
  params: SplitParams,
  best: SplitCandidate,
): void {
  if (isPlain(monotone, leaf, params)) {
    findPlainNumericSplit(hist, offset, binCount, feature, leaf, params, best, null);
    return;
  }
  const m = offset + binCount * 2;
  const mg = hist[m]!;
  const mh = hist[m + 1]!;
  let lg = 0;
  let lh = 0;
  for (let b = 0; b < binCount - 1; b++) {
    const o = offset + b * 2;
    // An empty bin moves no rows: its split ties the previous one, which already had its chance.
    if (hist[o] === 0 && hist[o + 1] === 0) continue;
    lg += hist[o]!;
    lh += hist[o + 1]!;
    if (lh === 0) continue;
    if (consider(best, leaf, params, monotone, lg, lh)) {
      best.feature = feature;
      best.bin = b;
      best.categorical = false;
      // With no missing rows in training, missing follows the child with more cover.
      best.defaultLeft = mh === 0 && lh > leaf.h - lh;
    }
    if (mh > 0 && consider(best, leaf, params, monotone, lg + mg, lh + mh)) {
      best.feature = feature;
      best.bin = b;
      best.categorical = false;
      best.defaultLeft = true;
    }
  }
}

/**
 * `findNumericSplit` without L1, monotone constraint or output bounds (the common case), as one
 * loop: the same candidates, limits, gain formula and strict comparisons as `consider`'s
 * unconstrained path, with the running best in locals (the call per bin and the writes to `best`
 * were most of split finding: 28 → 10 ns per bin with the unpacking, measured). Outputs only for
 * the winner. With `q`, `hist` holds one packed entry per bin (quantize.ts) and each bin is
 * unpacked as `unpackHistogram` does, in the scan itself: an empty bin (packed 0, exactly when
 * both its sums are 0) is skipped before unpacking, and no scratch block is written and read back.
 */
function findPlainNumericSplit(
  hist: Float64Array,
  offset: number,
  binCount: number,
  feature: number,
  leaf: LeafSums,
  params: SplitParams,
  best: SplitCandidate,
  q: PackedScales | null,
): void {
  // The radix is a power of two: multiplying by its inverse is the division, exactly (as in unpackHistogram).
  const radix = q === null ? 0 : q.radix;
  const inverse = q === null ? 0 : 1 / q.radix;
  const scaleG = q === null ? 0 : q.scaleG;
  const scaleH = q === null ? 0 : q.scaleH;
  let mg: number;
  let mh: number;
  if (q === null) {
    mg = hist[offset + binCount * 2]!;
    mh = hist[offset + binCount * 2 + 1]!;
  } else {
    const v = hist[offset + binCount]!;
    const gq = Math.floor(v * inverse);
    mg = gq * scaleG;
    mh = (v - gq * radix) * scaleH;
  }
  const { g, h, count, countPerHessian, parentGain } = leaf;
  const { lambdaL2, minChildWeight, minDataInLeaf, minSplitGain } = params;
  let bestGain = best.gain;
  let bestBin = -1;
  let bestG = 0;
  let bestH = 0;
  let bestLeft = false;
  // Math.round(ch·cph) ≥ minData ⟺ ch·cph ≥ minData − ½, and count − Math.round(ch·cph) ≥ minData ⟺
  // ch·cph < count − minData + ½: the row-count limits as bounds on the hessian, no rounding per bin.
  const lowCount = minDataInLeaf - 0.5;
  const highCount = count - minDataInLeaf + 0.5;
  const sides = mh > 0 ? 2 : 1;
  if (q !== null && sides === 1) {
    findPackedSplitNoMissing(hist, offset, binCount, feature, leaf, params, best, q);
    return;
  }
  let lowTarget = rejectBelow(Math.max(bestGain, minSplitGain), parentGain);
  let lg = 0;
  let lh = 0;
  for (let b = 0; b < binCount - 1; b++) {
    let bg: number;
    let bh: number;
    if (q === null) {
      bg = hist[offset + b * 2]!;
      bh = hist[offset + b * 2 + 1]!;
      if (bg === 0 && bh === 0) continue;
    } else {
      const v = hist[offset + b]!;
      if (v === 0) continue;
      const gq = Math.floor(v * inverse);
      bg = gq * scaleG;
      bh = (v - gq * radix) * scaleH;
    }
    lg += bg;
    lh += bh;
    if (lh === 0) continue;
    for (let side = 0; side < sides; side++) {
      // side 0: missing goes right (or there is none); side 1: missing goes left.
      const cg = side === 0 ? lg : lg + mg;
      const ch = side === 0 ? lh : lh + mh;
      const c = ch * countPerHessian;
      if (c < lowCount || c >= highCount) continue;
      const gain = plainGain(cg, ch, g, h, lambdaL2, minChildWeight, lowTarget, parentGain);
      if (gain <= minSplitGain || gain <= bestGain) continue;
      bestGain = gain;
      lowTarget = rejectBelow(Math.max(bestGain, minSplitGain), parentGain);
      bestBin = b;
      bestG = cg;
      bestH = ch;
      // With no missing rows in training, missing follows the child with more cover.
      bestLeft = side === 1 || (mh === 0 && ch > h - ch);
    }
  }
  if (bestBin >= 0) setNumericWinner(best, feature, bestGain, bestBin, bestG, bestH, bestLeft, leaf, lambdaL2);
}

/**
 * `findPlainNumericSplit` on a packed block with no missing rows (most features, most leaves): one
 * candidate a bin, not a loop over the two missing directions, and the scan stops at the first bin
 * whose left side leaves the right fewer than `minDataInLeaf` rows (the left count only grows from
 * there, hessians being ≥ 0). The same candidates, formulas and strict comparisons, so the same
 * winner bit for bit: 6.0–6.6 → 4.4–4.6 ns a bin (30 features × 255 bins, leaves of 300–30,000 rows).
 */
function findPackedSplitNoMissing(
  hist: Float64Array,
  offset: number,
  binCount: number,
  feature: number,
  leaf: LeafSums,
  params: SplitParams,
  best: SplitCandidate,
  q: PackedScales,
): void {
  const { radix, scaleG, scaleH } = q;
  const inverse = 1 / radix;
  const { g, h, count, countPerHessian, parentGain } = leaf;
  const { lambdaL2, minChildWeight, minDataInLeaf, minSplitGain } = params;
  const lowCount = minDataInLeaf - 0.5;
  const highCount = count - minDataInLeaf + 0.5;
  let bestGain = best.gain;
  let bestBin = -1;
  let bestG = 0;
  let bestH = 0;
  let lowTarget = rejectBelow(Math.max(bestGain, minSplitGain), parentGain);
  let lg = 0;
  let lh = 0;
  for (let b = 0; b < binCount - 1; b++) {
    const v = hist[offset + b]!;
    if (v === 0) continue;
    const gq = Math.floor(v * inverse);
    lg += gq * scaleG;
    lh += (v - gq * radix) * scaleH;
    const c = lh * countPerHessian;
    if (lh === 0 || c < lowCount) continue;
    if (c >= highCount) break;
    const gain = plainGain(lg, lh, g, h, lambdaL2, minChildWeight, lowTarget, parentGain);
    if (gain <= minSplitGain || gain <= bestGain) continue;
    bestGain = gain;
    lowTarget = rejectBelow(Math.max(bestGain, minSplitGain), parentGain);
    bestBin = b;
    bestG = lg;
    bestH = lh;
  }
  // With no missing rows in training, missing follows the child with more cover.
  if (bestBin >= 0) setNumericWinner(best, feature, bestGain, bestBin, bestG, bestH, bestH > h - bestH, leaf, lambdaL2);
}

/**
 * The plain scans' gain of a left side [cg, ch] (−∞ when a side's hessian is under
 * `minChildWeight`): the terms over a common denominator first, without dividing, so a candidate
 * clearly below the running best (`lowTarget`, see rejectBelow) is dropped before the exact formula.
 */
function plainGain(cg: number, ch: number, g: number, h: number, lambdaL2: number, minChildWeight: number, lowTarget: number, parentGain: number): number {
  const rh = h - ch;
  if (ch < minChildWeight || rh < minChildWeight) return Number.NEGATIVE_INFINITY;
  const rg = g - cg;
  const dl = ch + lambdaL2;
  const dr = rh + lambdaL2;
  const denominator = dl * dr;
  if (denominator > 0 && (cg * cg * dr + rg * rg * dl) * REJECT_SLACK < lowTarget * denominator) return Number.NEGATIVE_INFINITY;
  return (cg * cg) / dl + (rg * rg) / dr - parentGain;
}

/** Writes a plain scan's winning numeric split into `best`, with both children's outputs. */
function setNumericWinner(
  best: SplitCandidate,
  feature: number,
  gain: number,
  bin: number,
  leftG: number,
  leftH: number,
  defaultLeft: boolean,
  leaf: LeafSums,
  lambdaL2: number,
): void {
  best.gain = gain;
  best.feature = feature;
  best.bin = bin;
  best.categorical = false;
  best.defaultLeft = defaultLeft;
  best.leftG = leftG;
  best.leftH = leftH;
  best.leftOutput = -leftG / (leftH + lambdaL2);
  best.rightOutput = -(leaf.g - leftG) / (leaf.h - leftH + lambdaL2);
}

/** This tree's packing of a quantised histogram (quantize.ts). */
type PackedScales = Pick<Quantization, 'radix' | 'scaleG' | 'scaleH'>;

/** Whether a numeric split is scored without L1, monotone constraint or output bounds (`findPlainNumericSplit`). */
function isPlain(monotone: number, leaf: LeafSums, params: SplitParams): boolean {
  return params.lambdaL1 === 0 && monotone === 0 && leaf.lower === Number.NEGATIVE_INFINITY && leaf.upper === Number.POSITIVE_INFINITY;
}

/** 1 + 10⁻⁹: the relative slack of the division-free rejection in `findPlainNumericSplit`. */
const REJECT_SLACK = 1 + 1e-9;

/**
 * The division-free test of the plain split scan: with dl = ch + λ, dr = rh + λ (both > 0), the
 * exact gain cg²/dl + rg²/dr − parentGain can only beat `threshold` (max of the running best and
 * minSplitGain) when cg²·dr + rg²·dl ≥ (threshold + parentGain)·dl·dr. A candidate is dropped
 * without dividing when (cg²·dr + rg²·dl)·(1 + 10⁻⁹) < (threshold + parentGain − 10⁻⁹·(|threshold| + |parentGain|))·dl·dr,
 * the value returned here: a margin of 10⁻⁹ of the magnitudes, a million times the rounding of
 * either side (a few units of 2⁻⁵³), so a dropped candidate's exact gain is always ≤ threshold and
 * the scan keeps the same winner, bit for bit. The two divisions were most of the scan's time.
 */
function rejectBelow(threshold: number, parentGain: number): number {
  return threshold + parentGain - 1e-9 * (Math.abs(threshold) + Math.abs(parentGain));
}

/** Best categorical split of one feature (categories sorted by g/(h + catSmooth), prefixes go left). */
export function findCategoricalSplit(
  hist: Float64Array,
  offset: number,
  binCount: number,
  otherBin: number,
  feature: number,
  leaf: LeafSums,
  params: SplitParams,
  best: SplitCandidate,
): void {
  const used: number[] = [];
  for (let b = 0; b < binCount; b++) if (b !== otherBin && hist[offset + b * 2 + 1]! > 0) used.push(b);
  if (used.length === 0) return;
  const ratio = (b: number) => hist[offset + b * 2]! / (hist[offset + b * 2 + 1]! + params.catSmooth);
  used.sort((a, b) => ratio(a) - ratio(b) || a - b);
  const m = offset + binCount * 2;
  const mg = hist[m]!;
  const mh = hist[m + 1]!;
  let lg = 0;
  let lh = 0;
  for (let k = 0; k < used.length; k++) {
    const o = offset + used[k]! * 2;
    lg += hist[o]!;
    lh += hist[o + 1]!;
    const right = consider(best, leaf, params, 0, lg, lh);
    const left = mh > 0 && consider(best, leaf, params, 0, lg + mg, lh + mh);
    if (right || left) {
      best.feature = feature;
      best.bin = -1;
      best.categorical = true;
      best.defaultLeft = left || (mh === 0 && lh > leaf.h - lh);
      best.leftBins = used.slice(0, k + 1).sort((a, b) => a - b);
    }
  }
}

/** What the split finders need to know of a feature's bins. */
export interface SplitFeature {
  readonly type: 'number' | 'category';
  readonly binCount: number;
  readonly otherBin: number;
}

/**
 * Best split of a leaf over features `features[from..to)` in order, into `best` (which may hold an
 * earlier range's winner: a later feature must do strictly better). The leaf's histogram is at
 * `base` of `hist`; packed histograms (`q` given) are unpacked by the plain numeric scan itself,
 * else a feature at a time into `scratch` (2 × 256 doubles). Features split between threads give the serial answer when each range's
 * winner is merged in range order with the same strict comparison.
 */
export function findBestInRange(
  hist: Float64Array,
  base: number,
  offsets: Int32Array,
  specs: readonly SplitFeature[],
  features: Int32Array,
  from: number,
  to: number,
  monotone: Int8Array,
  leaf: LeafSums,
  params: SplitParams,
  q: PackedScales | null,
  scratch: Float64Array,
  best: SplitCandidate,
): void {
  for (let k = from; k < to; k++) {
    const f = features[k]!;
    const spec = specs[f]!;
    let block = hist;
    let offset = base + offsets[f]!;
    if (q !== null && spec.type === 'number' && isPlain(monotone[f]!, leaf, params)) {
      // The common packed case unpacks inside the scan (no scratch round trip).
      findPlainNumericSplit(hist, offset, spec.binCount, f, leaf, params, best, q);
      continue;
    }
    if (q !== null) {
      unpackHistogram(q, hist, offset, spec.binCount + 1, scratch);
      block = scratch;
      offset = 0;
    }
    if (spec.type === 'number') findNumericSplit(block, offset, spec.binCount, f, monotone[f]!, leaf, params, best);
    else findCategoricalSplit(block, offset, spec.binCount, spec.otherBin, f, leaf, params, best);
  }
}
