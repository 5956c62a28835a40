import type { TrainBuffers } from './buffers.js';
import { computeGradientRange, type Objective } from './objective.js';
import { quantizeRows } from './quantize.js';

/**
 * The per-row work of a boosting round outside the trees, over fixed blocks of rows: any thread
 * may run any block, and per-block results are combined in block order by the caller, so the
 * result never depends on the thread count. Only rounds that use every row take this path
 * (row sampling and GOSS keep the serial code).
 */

/** Rows per block (16,384: 100,000 rows make seven blocks, which threads share evenly enough). */
export const ROW_BLOCK = 16_384;

/** Adds the last tree's leaf values to the margins (when `applyTree`), then refills gradients and hessians. */
export const ROW_GRADIENTS = 1;
/**
 * ROW_LEAF_OF, and each block's exact [Σg, Σh] of every leaf over its positions (in position order: a
 * leaf's rows are contiguous there, so the sums run in locals), for renewing quantised leaf outputs.
 */
export const ROW_LEAF_SUMS = 3;
/** Every row in the tree: sets `leafOf` of the rows at each block of positions of `indices` from `leafRanges`. */
export const ROW_LEAF_OF = 5;
/** Exact gradients: copies each row's gradient and hessian into `orderedG`/`orderedH` (row order) and sums them per block. */
export const ROW_ORDER = 4;

/** A row pass: the operation and what it needs besides the buffers. */
export interface RowJob {
  readonly op: typeof ROW_GRADIENTS | typeof ROW_LEAF_SUMS | typeof ROW_ORDER | typeof ROW_LEAF_OF;
  readonly objective: Objective;
  /** ROW_GRADIENTS: add `leafValue[leafOf[i]]` to each margin first. */
  readonly applyTree: boolean;
  /** ROW_LEAF_OF and ROW_LEAF_SUMS: number of pairs in `leafRanges`. */
  readonly leaves: number;
}

/** Doubles of `blockStats` per block: max |g|, max h (ROW_ORDER: Σg, Σh), then [Σg, Σh] per leaf slot. */
export function blockStride(maxLeaves: number): number {
  return 2 + 2 * maxLeaves;
}

/** Number of blocks of `rowCount` rows. */
export function blockCount(rowCount: number): number {
  return Math.ceil(rowCount / ROW_BLOCK);
}

/** Runs `job` on blocks `from..to` (exclusive), writing each block's results to `buffers.blockStats`. */
export function runRowBlocks(buffers: RowBuffers, job: RowJob, from: number, to: number): void {
  const n = buffers.data.rowCount;
  const stride = blockStride(buffers.leafValue.length);
  for (let b = from; b < to; b++) {
    const start = b * ROW_BLOCK;
    const end = Math.min(n, start + ROW_BLOCK);
    const at = b * stride;
    if (job.op === ROW_GRADIENTS) gradientBlock(buffers, job, start, end, at);
    else if (job.op === ROW_ORDER) orderBlock(buffers, start, end, at);
    else leafOfBlock(buffers, job.leaves, start, end, job.op === ROW_LEAF_SUMS ? at : -1);
  }
}

/** What a row pass reads and writes (shared with the workers). */
export type RowBuffers = Pick<
  TrainBuffers,
  | 'data'
  | 'score'
  | 'label'
  | 'weight'
  | 'gradients'
  | 'hessians'
  | 'leafOf'
  | 'leafValue'
  | 'orderedG'
  | 'orderedH'
  | 'rowParams'
  | 'blockStats'
  | 'indices'
  | 'leafRanges'
>;

function gradientBlock(buffers: RowBuffers, job: RowJob, start: number, end: number, at: number): void {
  const shift = job.applyTree ? { leaf: buffers.leafOf, value: buffers.leafValue } : undefined;
  computeGradientRange(
    job.objective,
    buffers.score,
    buffers.label,
    buffers.weight,
    buffers.gradients,
    buffers.hessians,
    start,
    end,
    buffers.blockStats,
    at,
    shift,
  );
}

/**
 * Packs the quantised gradients of rows `from..to` into `orderedG` at the same positions (a round on
 * every row, whose leaf order is the row order), on this tree's scales in `rowParams`: the root's build
 * packs each chunk of rows just before adding it (`HistogramBuilder.build`'s `quantizeSeed`).
 */
export function quantizeRowRange(
  buffers: Pick<TrainBuffers, 'gradients' | 'hessians' | 'rowParams' | 'orderedG'>,
  from: number,
  to: number,
  seed: number,
): void {
  const p = buffers.rowParams;
  const q = { scaleG: p[0]!, scaleH: p[1]!, radix: p[2]!, gLevels: p[3]!, hLevels: p[4]! };
  quantizeRows(q, buffers.gradients, buffers.hessians, null, from, to, seed, buffers.orderedG);
}

function orderBlock(buffers: RowBuffers, start: number, end: number, at: number): void {
  const { gradients, hessians, orderedG, orderedH, blockStats } = buffers;
  let g = 0;
  let h = 0;
  for (let i = start; i < end; i++) {
    const gi = gradients[i]!;
    const hi = hessians[i]!;
    orderedG[i] = gi;
    orderedH[i] = hi;
    g += gi;
    h += hi;
  }
  blockStats[at] = g;
  blockStats[at + 1] = h;
}

/**
 * The leaf of each position in `start..end` of `indices` from the leaves' ranges (sorted by start,
 * tiling every row); with `at` ≥ 0, also each leaf's exact [Σg, Σh] over these positions, into
 * `blockStats` from `at + 2` (slots of leaves with no position here are zero).
 */
function leafOfBlock(buffers: RowBuffers, ranges: number, start: number, end: number, at: number): void {
  const { indices, leafOf, leafRanges, gradients, hessians, blockStats } = buffers;
  if (at >= 0) blockStats.fill(0, at + 2, at + 2 + 2 * buffers.leafValue.length);
  let j = 0;
  while (j + 1 < ranges && leafRanges[2 * (j + 1)]! <= start) j++;
  for (let k = start; k < end; j++) {
    const stop = j + 1 < ranges ? Math.min(end, leafRanges[2 * (j + 1)]!) : end;
    const leaf = leafRanges[2 * j + 1]!;
    if (at < 0) for (; k < stop; k++) leafOf[indices[k]!] = leaf;
    else {
      let g = 0;
      let h = 0;
      for (; k < stop; k++) {
        const i = indices[k]!;
        leafOf[i] = leaf;
        g += gradients[i]!;
        h += hessians[i]!;
      }
      blockStats[at + 2 + 2 * leaf] = g;
      blockStats[at + 3 + 2 * leaf] = h;
    }
  }
}
