/**
 * Gradient histograms: per feature and bin, the sums of gradient and hessian, either exact
 * (interleaved as [g, h] per bin: two entries) or as one packed quantised value per bin (one
 * entry, see quantize.ts). Row counts are not accumulated: like LightGBM, split finding estimates
 * a side's count as its hessian × (leaf rows / leaf hessian), which saves a third of the work.
 * Layout of one leaf's histogram: feature f occupies `offsets[f] .. offsets[f + 1]`, i.e.
 * (binCount + 1) × entries doubles (the last bin is missing).
 * Source: Ke et al., "LightGBM" (NIPS 2017) Alg. 1; Chen & Guestrin, "XGBoost" (KDD 2016) §3.
 */
// @ts-nocheck


/** Doubles per histogram bin: 2 for exact [g, h] sums, 1 for packed quantised sums. */
export type HistogramEntries = 1 | 2;

/** Offsets of each feature's block in a leaf histogram; the last entry is the histogram size. */
export function histogramOffsets(binCounts: readonly number[], entries: HistogramEntries = 2): Int32Array {
  const offsets = new Int32Array(binCounts.length + 1);
  for (let f = 0; f < binCounts.length; f++) offsets[f + 1] = offsets[f]! + (binCounts[f]! + 1) * entries;
  return offsets;
}

/**
 * Adds the rows of one leaf to the blocks of features `features[at..at + width)` of a histogram
 * in `hist` from `base`, in one pass over the rows (the caller zeroes the blocks first). The rows
 * are `indices[start..start + count)` (or, when `indices` is null, rows start..start + count in
 * order) and `g[k]`, `h[k]` are the k-th row's gradients (LightGBM's ordered gradients: only the
 * bin lookups are scattered). Packed kernels read only `g` (the packed values).
 */
export type HistogramKernel = (
  bins: Uint8Array,
  rowCount: number,
  features: Int32Array,
  at: number,
  indices: Int32Array | null,
  start: number,
  count: number,
  g: Float64Array,
  h: Float64Array,
  hist: Float64Array,
  base: number,
  offsets: Int32Array,
) => void;

/** Widest pass: each pass loads a row's index and gradients once for this many features. */
export const MAX_KERNEL_WIDTH = 8;

/**
 * The kernel of `width` features per pass. Several features per pass let the independent
 * accumulations overlap and load each row's index and gradients once (one feature per pass
 * 10.7 s → eight 7.2 s, measured); each feature's sums are still added in row order, so every
 * width gives the same bits. The unrolled loop is generated once per width rather than written
 * out eight times: V8 keeps the per-feature offsets in registers only when they are plain locals.
 */
export function histogramKernel(width: number, entries: HistogramEntries): HistogramKernel {
  if (!(Number.isInteger(width) && width >= 1 && width <= MAX_KERNEL_WIDTH)) throw new RangeError(`kernel width must be 1..${MAX_KERNEL_WIDTH}`);
  return KERNELS[entries - 1]![width - 1]!;
}

function generateKernel(width: number, entries: HistogramEntries): HistogramKernel {
  const lanes = Array.from({ length: width }, (_, j) => j);
  const setup = lanes
    .map((j) => `const f${j} = features[at + ${j}]; const o${j} = base + offsets[f${j}]; const b${j} = f${j} * rowCount + first;`)
    .join('\n  ');
  const update = entries === 2 ? 'p = o$ + bins[b$ + ROW] * 2; hist[p] += gk; hist[p + 1] += hk;' : 'hist[o$ + bins[b$ + ROW]] += gk;';
  const body = (row: string) => lanes.map((j) => update.replaceAll('$', String(j)).replace('ROW', row)).join('\n      ');
  const source = `'use strict';
  const first = indices === null ? start : 0;
  ${setup}
  let p = 0;
  if (indices === null) {
    for (let k = 0; k < count; k++) {
      const gk = g[k];${entries === 2 ? ' const hk = h[k];' : ''}
      ${body('k')}
    }
  } else {
    for (let k = 0; k < count; k++) {
      const i = indices[start + k]; const gk = g[k];${entries === 2 ? ' const hk = h[k];' : ''}
      ${body('i')}
    }
  }`;
  return new Function('bins', 'rowCount', 'features', 'at', 'indices', 'start', 'count', 'g', 'h', 'hist', 'base', 'offsets', source) as HistogramKernel;
}

const KERNELS: readonly (readonly HistogramKernel[])[] = ([1, 2] as const).map((entries) =>
  Array.from({ length: MAX_KERNEL_WIDTH }, (_, j) => generateKernel(j + 1, entries)),
);

/**
 * Splits `count` features into passes of at most MAX_KERNEL_WIDTH, as even as possible (15 → 8 + 7,
 * 30 → 8 + 8 + 7 + 7): every pass costs a sweep over the leaf's rows, so fewer is better.
 */
export function passWidths(count: number): number[] {
  const passes = Math.ceil(count / MAX_KERNEL_WIDTH);
  return Array.from({ length: passes }, (_, p) => Math.floor((count * (p + 1)) / passes) - Math.floor((count * p) / passes));
}
