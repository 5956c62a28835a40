import { accumulateRows, type HistogramBuffers, type PartitionBuffers, partitionChunkToScratch, placeChunk } from '../buffers.js';
import type { Quantization } from '../quantize.js';
import { type RowBuffers, type RowJob, runRowBlocks } from '../row-passes.js';

/**
 * Shared control block of the histogram workers (an Int32Array over a SharedArrayBuffer).
 * The main thread writes a job, bumps GEN and wakes the workers; each records the job's
 * generation in its DONE_GEN slot and adds 1 to DONE when its features are built. Worker t of T builds the t-th contiguous share of the job's
 * features (`featureShare`; main is t = 0).
 */
export const CTRL = {
  GEN: 0,
  DONE: 1,
  CMD: 2,
  SLOT: 3,
  START: 4,
  COUNT: 5,
  ALL_ROWS: 6,
  FEATURES: 7,
  ACK: 8,
  /** Set to 1 by a worker whose job threw (the main thread then throws). */
  FAILED: 9,
  /** Partition jobs: the split (numeric only) and, per chunk c, its left count in LEFT + c. */
  FEATURE: 10,
  BIN: 11,
  DEFAULT_LEFT: 12,
  MISSING_BIN: 13,
  /** Slot DONE_GEN + t holds the last job generation worker t finished. */
  DONE_GEN: 16,
  LEFT: 16 + 64,
  /** Row passes: the RowJob's op, objective (0 binary, 1 regression), applyTree flag, leaves and seed (uint32 as int32). */
  ROW_OP: 144,
  ROW_OBJECTIVE: 145,
  ROW_APPLY: 146,
  ROW_LEAVES: 147,
  ROW_SEED: 148,
  /** Build jobs: 1 when split by rows (packed histograms), the next chunk to claim, rows per chunk. */
  BY_ROWS: 149,
  NEXT_CHUNK: 150,
  CHUNK_ROWS: 151,
  /** Partition jobs: the number of chunks (at most MAX_PARTITION_CHUNKS), claimed through NEXT_CHUNK. */
  CHUNKS: 152,
  SIZE: 156,
} as const;

/** Commands in `CTRL.CMD`. */
export const CMD_BUILD = 1;
export const CMD_DETACH = 2;
/** Stable partition, first phase: the threads claim chunks (`chunkStart`) of the rows and partition each into scratch. */
export const CMD_PARTITION = 3;
/** Second phase: the threads claim chunks and place each one's rows (CTRL.LEFT + c: left counts of every chunk). */
export const CMD_PLACE = 4;
/** A row pass: the threads claim blocks of rows until none remain. */
export const CMD_ROWS = 5;
/** Most chunks of one partition (the LEFT slots). */
export const MAX_PARTITION_CHUNKS = 64;

/** Start of chunk `t` of `threads` over `count` rows from `start` (chunk t ends where t + 1 starts). */
export function chunkStart(start: number, count: number, t: number, threads: number): number {
  return start + Math.floor((count * t) / threads);
}

/**
 * Where chunk `c` of a two-phase partition goes: its lefts after the lefts of chunks 0..c−1, its
 * rights after every left and the rights of chunks 0..c−1. Left counts are in CTRL.LEFT + u.
 */
export function chunkTargets(ctrl: Int32Array, start: number, count: number, c: number, chunks: number): { leftTo: number; rightTo: number } {
  let leftsBefore = 0;
  let leftsAll = 0;
  for (let u = 0; u < chunks; u++) {
    if (u < c) leftsBefore += ctrl[CTRL.LEFT + u]!;
    leftsAll += ctrl[CTRL.LEFT + u]!;
  }
  const rowsBefore = chunkStart(start, count, c, chunks) - start;
  return { leftTo: start + leftsBefore, rightTo: start + leftsAll + (rowsBefore - leftsBefore) };
}

/**
 * One phase of a partition job (`CMD_PARTITION` or `CMD_PLACE`): claims chunks until none remain.
 * Claimed, not dealt out, so a thread the machine slows down holds up one chunk, not half the job;
 * placement follows chunk order, so the result never depends on who did which chunk.
 */
export function claimPartitionChunks(ctrl: Int32Array, buffers: PartitionBuffers, phase: number): void {
  const start = ctrl[CTRL.START]!;
  const count = ctrl[CTRL.COUNT]!;
  const chunks = ctrl[CTRL.CHUNKS]!;
  for (;;) {
    const c = Atomics.add(ctrl, CTRL.NEXT_CHUNK, 1);
    if (c >= chunks) return;
    const from = chunkStart(start, count, c, chunks);
    const size = chunkStart(start, count, c + 1, chunks) - from;
    if (phase === CMD_PARTITION) {
      ctrl[CTRL.LEFT + c] = partitionChunkToScratch(
        buffers,
        from,
        size,
        ctrl[CTRL.FEATURE]!,
        ctrl[CTRL.BIN]!,
        ctrl[CTRL.DEFAULT_LEFT] === 1,
        ctrl[CTRL.MISSING_BIN]!,
      );
    } else {
      const { leftTo, rightTo } = chunkTargets(ctrl, start, count, c, chunks);
      placeChunk(buffers, from, size, ctrl[CTRL.LEFT + c]!, leftTo, rightTo);
    }
  }
}

/** A row pass over claimed blocks until none remain (per-block results: any thread may run any block). */
export function claimRowBlocks(ctrl: Int32Array, buffers: RowBuffers, job: RowJob, blocks: number): void {
  for (;;) {
    const b = Atomics.add(ctrl, CTRL.NEXT_CHUNK, 1);
    if (b >= blocks) return;
    runRowBlocks(buffers, job, b, b + 1);
  }
}

/** The buffers a worker needs (all SharedArrayBuffer-backed). */
export interface WorkerBuffers {
  readonly bins: Uint8Array;
  readonly rowCount: number;
  readonly indices: Int32Array;
  readonly orderedG: Float64Array;
  readonly orderedH: Float64Array;
  readonly gradients: Float64Array;
  readonly hessians: Float64Array;
  readonly score: Float64Array;
  readonly label: Float64Array;
  readonly weight: Float64Array;
  readonly leafOf: Uint16Array;
  readonly leafValue: Float64Array;
  readonly rowParams: Float64Array;
  readonly blockStats: Float64Array;
  /** Only whether it is null matters to a worker (packed histograms); the scales stay with the main thread. */
  readonly quantization: Quantization | null;
  readonly scratch: Int32Array;
  readonly scratchG: Float64Array;
  readonly scratchH: Float64Array;
  readonly hist: Float64Array;
  /** Worker t's private histogram for row-split builds: `threadHist[(t − 1)·histSize ..]`. */
  readonly threadHist: Float64Array;
  readonly histSize: number;
  readonly offsets: Int32Array;
}

/**
 * How long a thread busy-waits for a job or a result before it sleeps in `Atomics.wait`. Jobs of
 * one tree come a fraction of a millisecond apart, and a sleeping thread of a virtual machine
 * takes longer than that to run again; OpenMP runtimes spin the same way (GOMP_SPINCOUNT).
 * Measured on 1M × 30, 2 threads: 7% less wall time with 1 ms on both sides; 5 ms was no better.
 */
export const SPIN_MS = 1;

/** Busy-waits up to SPIN_MS while `ctrl[index]` satisfies `waiting`; true when it stopped doing so. */
export function spinWhile(ctrl: Int32Array, index: number, waiting: (value: number) => boolean): boolean {
  const deadline = performance.now() + SPIN_MS;
  for (;;) {
    for (let k = 0; k < 200; k++) if (!waiting(Atomics.load(ctrl, index))) return true;
    if (performance.now() > deadline) return false;
  }
}

/**
 * Row-split build (packed histograms): claims chunks of `CTRL.CHUNK_ROWS` positions of the leaf
 * from the shared counter until none remain, adding each to the histogram at `base` of `target`
 * (zeroed by the caller). Any thread may take any chunk: packed sums are exact integers, so the
 * result does not depend on who added what, or in which order.
 */
export function claimRowChunks(
  ctrl: Int32Array,
  buffers: HistogramBuffers,
  target: Float64Array,
  base: number,
  start: number,
  count: number,
  allRows: boolean,
  features: Int32Array,
  featureCount: number,
): void {
  const chunk = ctrl[CTRL.CHUNK_ROWS]!;
  for (;;) {
    const from = Atomics.add(ctrl, CTRL.NEXT_CHUNK, 1) * chunk;
    if (from >= count) return;
    accumulateRows(buffers, target, base, start + from, Math.min(chunk, count - from), allRows, features, 0, featureCount);
  }
}
