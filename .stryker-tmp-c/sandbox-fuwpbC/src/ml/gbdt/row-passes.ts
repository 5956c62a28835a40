// @ts-nocheck
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
/** Packs every row's quantised gradients into `orderedG` (row order), on the scales in `rowParams`. */
export const ROW_QUANTIZE = 2;
/** Sums the exact gradients and hessians of every leaf (through `leafOf`). */
export const ROW_LEAF_SUMS = 3;

/** A row pass: the operation and what it needs besides the buffers. */
export interface RowJob {
  readonly op: typeof ROW_GRADIENTS | typeof ROW_QUANTIZE | typeof ROW_LEAF_SUMS;
  readonly objective: Objective;
  /** ROW_GRADIENTS: add `leafValue[leafOf[i]]` to each margin first. */
  readonly applyTree: boolean;
  /** ROW_LEAF_SUMS: number of leaves. */
  readonly leaves: number;
  /** ROW_QUANTIZE: the tree's rounding seed. */
  readonly seed: number;
}

/** Doubles of `blockStats` per block: max |g|, max h, packed total, then [Σg, Σh] per leaf slot. */
export function blockStride(maxLeaves: number): number {
  return 3 + 2 * maxLeaves;
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
    else if (job.op === ROW_QUANTIZE) quantizeBlock(buffers, job, start, end, at);
    else leafSumBlock(buffers, job.leaves, start, end, at);
  }
}

/** What a row pass reads and writes (shared with the workers). */
export type RowBuffers = Pick<
  TrainBuffers,
  'data' | 'score' | 'label' | 'weight' | 'gradients' | 'hessians' | 'leafOf' | 'leafValue' | 'orderedG' | 'rowParams' | 'blockStats'
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

function quantizeBlock(buffers: RowBuffers, job: RowJob, start: number, end: number, at: number): void {
  const p = buffers.rowParams;
  const q = { scaleG: p[0]!, scaleH: p[1]!, radix: p[2]!, gLevels: p[3]!, hLevels: p[4]! };
  buffers.blockStats[at + 2] = quantizeRows(q, buffers.gradients, buffers.hessians, null, start, end, job.seed, buffers.orderedG);
}

function leafSumBlock(buffers: RowBuffers, leaves: number, start: number, end: number, at: number): void {
  const { gradients, hessians, leafOf, blockStats } = buffers;
  blockStats.fill(0, at + 3, at + 3 + 2 * leaves);
  for (let i = start; i < end; i++) {
    const p = at + 3 + 2 * leafOf[i]!;
    blockStats[p]! += gradients[i]!;
    blockStats[p + 1]! += hessians[i]!;
  }
}
