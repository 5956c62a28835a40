import type { Quantization } from '../quantize.js';

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
  /** Partition jobs: the split (numeric only) and, per thread t, its chunk's left count in LEFT + t. */
  FEATURE: 10,
  BIN: 11,
  DEFAULT_LEFT: 12,
  MISSING_BIN: 13,
  /** Slot DONE_GEN + t holds the last job generation worker t finished. */
  DONE_GEN: 16,
  LEFT: 16 + 64,
  SIZE: 16 + 64 + 64,
} as const;

/** Commands in `CTRL.CMD`. */
export const CMD_BUILD = 1;
export const CMD_DETACH = 2;
/** Stable partition: thread t of T partitions chunk t (`chunkStart`) of the rows. */
export const CMD_PARTITION = 3;

/** Start of chunk `t` of `threads` over `count` rows from `start` (chunk t ends where t + 1 starts). */
export function chunkStart(start: number, count: number, t: number, threads: number): number {
  return start + Math.floor((count * t) / threads);
}

/** The buffers a worker needs (all SharedArrayBuffer-backed). */
export interface WorkerBuffers {
  readonly bins: Uint8Array;
  readonly rowCount: number;
  readonly indices: Int32Array;
  readonly orderedG: Float64Array;
  readonly orderedH: Float64Array;
  /** Only whether it is null matters to a worker (packed histograms); the scales stay with the main thread. */
  readonly quantization: Quantization | null;
  readonly scratch: Int32Array;
  readonly scratchG: Float64Array;
  readonly scratchH: Float64Array;
  readonly hist: Float64Array;
  readonly histSize: number;
  readonly offsets: Int32Array;
}
