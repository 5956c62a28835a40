/**
 * Gradient histograms: per feature and bin, the sums of gradient and hessian (interleaved as
 * [g, h] per bin). Row counts are not accumulated: like LightGBM, split finding estimates a
 * side's count as its hessian × (leaf rows / leaf hessian), which saves a third of the work.
 * Layout of one leaf's histogram: feature f occupies `offsets[f] .. offsets[f + 1]`, i.e.
 * (binCount + 1) × 2 doubles (the last bin is missing).
 * Source: Ke et al., "LightGBM" (NIPS 2017) Alg. 1; Chen & Guestrin, "XGBoost" (KDD 2016) §3.
 */

/** Offsets of each feature's block in a leaf histogram; the last entry is the histogram size. */
export function histogramOffsets(binCounts: readonly number[]): Int32Array {
  const offsets = new Int32Array(binCounts.length + 1);
  for (let f = 0; f < binCounts.length; f++) offsets[f + 1] = offsets[f]! + (binCounts[f]! + 1) * 2;
  return offsets;
}

/**
 * Adds the rows of one leaf to feature `feature`'s block of `hist` (which the caller zeroed).
 * With `allRows`, the leaf is every row in order and `orderedG[k]` belongs to row k; otherwise
 * row `indices[start + k]` has gradient `orderedG[k]` (gathered by the caller, LightGBM's
 * ordered gradients, so only the bin lookup is scattered).
 */
export function buildFeatureHistogram(
  bins: Uint8Array,
  rowCount: number,
  feature: number,
  indices: Int32Array,
  start: number,
  count: number,
  allRows: boolean,
  orderedG: Float64Array,
  orderedH: Float64Array,
  hist: Float64Array,
  offset: number,
  blockSize: number,
): void {
  hist.fill(0, offset, offset + blockSize);
  const base = feature * rowCount;
  if (allRows) {
    for (let k = 0; k < count; k++) {
      const b = offset + bins[base + k]! * 2;
      hist[b]! += orderedG[k]!;
      hist[b + 1]! += orderedH[k]!;
    }
    return;
  }
  for (let k = 0; k < count; k++) {
    const b = offset + bins[base + indices[start + k]!]! * 2;
    hist[b]! += orderedG[k]!;
    hist[b + 1]! += orderedH[k]!;
  }
}

/** `target[block] = parent[block] - target[block]` for one feature block: the subtraction trick. */
export function subtractFeatureHistogram(parent: Float64Array, parentOffset: number, target: Float64Array, targetOffset: number, blockSize: number): void {
  for (let k = 0; k < blockSize; k++) target[targetOffset + k] = parent[parentOffset + k]! - target[targetOffset + k]!;
}

/**
 * Builds four features' blocks in one pass over the leaf's rows (each row's index and gradients
 * are loaded once, and the four independent accumulations overlap). Each feature's sums are
 * still added in row order, so the result is bit-identical to four `buildFeatureHistogram` calls.
 */
export function buildFourFeatureHistograms(
  bins: Uint8Array,
  rowCount: number,
  features: Int32Array,
  at: number,
  indices: Int32Array,
  start: number,
  count: number,
  allRows: boolean,
  orderedG: Float64Array,
  orderedH: Float64Array,
  hist: Float64Array,
  base: number,
  offsets: Int32Array,
): void {
  const f0 = features[at]!;
  const f1 = features[at + 1]!;
  const f2 = features[at + 2]!;
  const f3 = features[at + 3]!;
  const o0 = base + offsets[f0]!;
  const o1 = base + offsets[f1]!;
  const o2 = base + offsets[f2]!;
  const o3 = base + offsets[f3]!;
  hist.fill(0, o0, base + offsets[f0 + 1]!);
  hist.fill(0, o1, base + offsets[f1 + 1]!);
  hist.fill(0, o2, base + offsets[f2 + 1]!);
  hist.fill(0, o3, base + offsets[f3 + 1]!);
  const b0 = f0 * rowCount;
  const b1 = f1 * rowCount;
  const b2 = f2 * rowCount;
  const b3 = f3 * rowCount;
  for (let k = 0; k < count; k++) {
    const i = allRows ? k : indices[start + k]!;
    const g = orderedG[k]!;
    const h = orderedH[k]!;
    const p0 = o0 + bins[b0 + i]! * 2;
    const p1 = o1 + bins[b1 + i]! * 2;
    const p2 = o2 + bins[b2 + i]! * 2;
    const p3 = o3 + bins[b3 + i]! * 2;
    hist[p0]! += g;
    hist[p0 + 1]! += h;
    hist[p1]! += g;
    hist[p1 + 1]! += h;
    hist[p2]! += g;
    hist[p2 + 1]! += h;
    hist[p3]! += g;
    hist[p3 + 1]! += h;
  }
}

/** Eight features per pass over the leaf's rows (see `buildFourFeatureHistograms`; 15% faster again, measured). */
export function buildEightFeatureHistograms(
  bins: Uint8Array,
  rowCount: number,
  features: Int32Array,
  at: number,
  indices: Int32Array,
  start: number,
  count: number,
  allRows: boolean,
  orderedG: Float64Array,
  orderedH: Float64Array,
  hist: Float64Array,
  base: number,
  offsets: Int32Array,
): void {
  // Sixteen locals rather than small arrays: no allocation per call, and V8 keeps them in registers.
  const f0 = features[at]!;
  const f1 = features[at + 1]!;
  const f2 = features[at + 2]!;
  const f3 = features[at + 3]!;
  const f4 = features[at + 4]!;
  const f5 = features[at + 5]!;
  const f6 = features[at + 6]!;
  const f7 = features[at + 7]!;
  const o0 = base + offsets[f0]!;
  const o1 = base + offsets[f1]!;
  const o2 = base + offsets[f2]!;
  const o3 = base + offsets[f3]!;
  const o4 = base + offsets[f4]!;
  const o5 = base + offsets[f5]!;
  const o6 = base + offsets[f6]!;
  const o7 = base + offsets[f7]!;
  const b0 = f0 * rowCount;
  const b1 = f1 * rowCount;
  const b2 = f2 * rowCount;
  const b3 = f3 * rowCount;
  const b4 = f4 * rowCount;
  const b5 = f5 * rowCount;
  const b6 = f6 * rowCount;
  const b7 = f7 * rowCount;
  for (let j = 0; j < 8; j++) {
    const f = features[at + j]!;
    hist.fill(0, base + offsets[f]!, base + offsets[f + 1]!);
  }
  for (let k = 0; k < count; k++) {
    const i = allRows ? k : indices[start + k]!;
    const g = orderedG[k]!;
    const h = orderedH[k]!;
    let p = o0 + bins[b0 + i]! * 2;
    hist[p]! += g;
    hist[p + 1]! += h;
    p = o1 + bins[b1 + i]! * 2;
    hist[p]! += g;
    hist[p + 1]! += h;
    p = o2 + bins[b2 + i]! * 2;
    hist[p]! += g;
    hist[p + 1]! += h;
    p = o3 + bins[b3 + i]! * 2;
    hist[p]! += g;
    hist[p + 1]! += h;
    p = o4 + bins[b4 + i]! * 2;
    hist[p]! += g;
    hist[p + 1]! += h;
    p = o5 + bins[b5 + i]! * 2;
    hist[p]! += g;
    hist[p + 1]! += h;
    p = o6 + bins[b6 + i]! * 2;
    hist[p]! += g;
    hist[p + 1]! += h;
    p = o7 + bins[b7 + i]! * 2;
    hist[p]! += g;
    hist[p + 1]! += h;
  }
}

/**
 * Two features per pass (see `buildFourFeatureHistograms`): the remainder after groups of eight
 * and four (e.g. 30 features = 8 + 8 + 8 + 4 + 2) costs about a third less than two single passes.
 */
export function buildTwoFeatureHistograms(
  bins: Uint8Array,
  rowCount: number,
  features: Int32Array,
  at: number,
  indices: Int32Array,
  start: number,
  count: number,
  allRows: boolean,
  orderedG: Float64Array,
  orderedH: Float64Array,
  hist: Float64Array,
  base: number,
  offsets: Int32Array,
): void {
  const f0 = features[at]!;
  const f1 = features[at + 1]!;
  const o0 = base + offsets[f0]!;
  const o1 = base + offsets[f1]!;
  hist.fill(0, o0, base + offsets[f0 + 1]!);
  hist.fill(0, o1, base + offsets[f1 + 1]!);
  const b0 = f0 * rowCount;
  const b1 = f1 * rowCount;
  for (let k = 0; k < count; k++) {
    const i = allRows ? k : indices[start + k]!;
    const g = orderedG[k]!;
    const h = orderedH[k]!;
    const p0 = o0 + bins[b0 + i]! * 2;
    const p1 = o1 + bins[b1 + i]! * 2;
    hist[p0]! += g;
    hist[p0 + 1]! += h;
    hist[p1]! += g;
    hist[p1 + 1]! += h;
  }
}
