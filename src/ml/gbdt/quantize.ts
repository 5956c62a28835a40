import { seedMix, streamBits } from '../../random/index.js';

/**
 * Quantised gradients (LightGBM's quantised training): each row's gradient and hessian are
 * rounded stochastically to small integers gq ∈ [−G, G], hq ∈ [0, H] on per-tree scales, and
 * packed into ONE double, gq·R + hq, with the radix R larger than any leaf's hessian total. Sums
 * of packed values are then exact integers whatever their order, so a histogram needs one
 * addition per row and feature instead of two (the kernel runs 1.85× faster, measured) and
 * a leaf's [Σgq, Σhq] is read back exactly: Σgq = ⌊v / R⌋, Σhq = v − Σgq·R.
 * The resolution adapts to the row count n so that n·G·R + n·H < 2^53 (every sum stays an exact
 * double): 2·⌈log2(n + 1)⌉ + bits(G) + bits(H) ≤ 52, at most 15 bits each. A million rows get
 * 63 levels a side, a thousand rows 32,767 (LightGBM's default is 4). Splits are chosen on the
 * quantised sums; the grower then recomputes every leaf's output from the exact gradients
 * (LightGBM `quant_train_renew_leaf`), so only the choice of splits sees the rounding.
 * Source: Shi, Ke et al., "Quantized Training of Gradient Boosting Decision Trees" (NeurIPS 2022).
 */
export interface Quantization {
  /** Largest |gq| (2^gBits − 1). */
  readonly gLevels: number;
  /** Largest hq (2^hBits − 1). */
  readonly hLevels: number;
  /** R = 2^(⌈log2(n + 1)⌉ + hBits): above any sum of n hessians. */
  readonly radix: number;
  /** This tree's scales: gradient = gq × scaleG, hessian = hq × scaleH. */
  scaleG: number;
  scaleH: number;
}

const DITHER = 1 / 65536;

/** Fewest bits a side (G = 7, H = 7 levels): below this, `quantizationFor` declines and training stays exact. */
export const MIN_QUANTIZATION_BITS = 3;
const MAX_BITS = 15;

/**
 * The packing for `rowCount` training rows, or null when the rows are too many for even
 * MIN_QUANTIZATION_BITS a side (2^23 = 8.4 million or more): the caller then trains on exact sums.
 */
export function quantizationFor(rowCount: number): Quantization | null {
  const rowBits = Math.ceil(Math.log2(rowCount + 1));
  const free = 52 - 2 * rowBits;
  if (free < 2 * MIN_QUANTIZATION_BITS) return null;
  const gBits = Math.min(MAX_BITS, Math.ceil(free / 2));
  const hBits = Math.min(MAX_BITS, free - gBits);
  return { gLevels: 2 ** gBits - 1, hLevels: 2 ** hBits - 1, radix: 2 ** (rowBits + hBits), scaleG: 0, scaleH: 0 };
}

/**
 * Quantises the gradients of rows `indices[0..count)` (or rows 0..count when `indices` is null)
 * into `packed[k]` in that order, setting `q.scaleG`/`q.scaleH` from these rows' largest |g| and
 * h. Returns the packed total of the rows.
 */
export function quantizeGradients(
  q: Quantization,
  gradients: Float64Array,
  hessians: Float64Array,
  indices: Int32Array | null,
  count: number,
  seed: number,
  packed: Float64Array,
): number {
  let maxG = 0;
  let maxH = 0;
  for (let k = 0; k < count; k++) {
    const i = indices === null ? k : indices[k]!;
    maxG = Math.max(maxG, Math.abs(gradients[i]!));
    maxH = Math.max(maxH, hessians[i]!);
  }
  setScales(q, maxG, maxH);
  return quantizeRows(q, gradients, hessians, indices, 0, count, seed, packed);
}

/** Sets this tree's scales from the largest |g| and h of its rows. */
export function setScales(q: Quantization, maxG: number, maxH: number): void {
  q.scaleG = maxG > 0 ? maxG / q.gLevels : 1;
  q.scaleH = maxH > 0 ? maxH / q.hLevels : 1;
}

/**
 * Packs positions `from..to` (rows `indices[k]`, or k itself) on the current scales; returns
 * their packed total. Stochastic rounding (⌊x + u⌋) keeps each quantised value unbiased; u comes
 * from a hash of (`seed`, row) (`deriveSeed`'s low 32 bits; `seed` a safe integer), so a row's
 * rounding does not depend on which thread or block packs it. One 32-bit hash gives both dithers (16 bits each: a bias below 2^-16 of a level).
 */
export function quantizeRows(
  q: Quantization,
  gradients: Float64Array,
  hessians: Float64Array,
  indices: Int32Array | null,
  from: number,
  to: number,
  seed: number,
  packed: Float64Array,
): number {
  const invG = 1 / q.scaleG;
  const invH = 1 / q.scaleH;
  const { gLevels, hLevels, radix } = q;
  const mix = seedMix(seed);
  let total = 0;
  for (let k = from; k < to; k++) {
    const i = indices === null ? k : indices[k]!;
    // deriveSeed(seed, i)'s low 32 bits (the seed is mixed once, above); the masks read the same bits signed.
    const u = streamBits(mix, i);
    // Clamped: x·(1/scale) may exceed the level count by an ulp.
    const gq = Math.max(-gLevels, Math.min(gLevels, Math.floor(gradients[i]! * invG + (u & 0xffff) * DITHER)));
    const hq = Math.min(hLevels, Math.floor(hessians[i]! * invH + ((u >>> 16) & 0xffff) * DITHER));
    const v = gq * radix + hq;
    packed[k] = v;
    total += v;
  }
  return total;
}

/** The quantised gradient sum of a packed total (exact). */
export function packedG(q: Quantization, v: number): number {
  return Math.floor(v / q.radix);
}

/** The quantised hessian sum of a packed total (exact). */
export function packedH(q: Quantization, v: number): number {
  return v - Math.floor(v / q.radix) * q.radix;
}

/**
 * Unpacks `bins` packed histogram entries from `hist[offset..]` into [g, h] pairs of `out` from 0,
 * on this tree's scales, for the split finders (which read the exact layout).
 */
export function unpackHistogram(
  q: Pick<Quantization, 'radix' | 'scaleG' | 'scaleH'>,
  hist: Float64Array,
  offset: number,
  bins: number,
  out: Float64Array,
): void {
  const { radix, scaleG, scaleH } = q;
  // The radix is a power of two: multiplying by its inverse is the same division, exactly, and cheaper.
  const inverse = 1 / radix;
  for (let b = 0; b < bins; b++) {
    const v = hist[offset + b]!;
    const gq = Math.floor(v * inverse);
    out[2 * b] = gq * scaleG;
    out[2 * b + 1] = (v - gq * radix) * scaleH;
  }
}
