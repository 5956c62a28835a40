import {
  accumulateRows,
  type HistogramBuffers,
  type PartitionBuffers,
  partitionChunkToScratch,
  placeChunk,
  type SplitLeaf,
  subtractFeatureBlocks,
  type TrainBuffers,
  zeroFeatureBlocks,
} from '../buffers.js';
import type { Quantization } from '../quantize.js';
import { quantizeRowRange, type RowBuffers, type RowJob, runRowBlocks } from '../row-passes.js';
import { emptyCandidate, findBestInRange, type SplitCandidate, type SplitFeature, type SplitParams } from '../split.js';

/**
 * Shared control block of the histogram workers (an Int32Array over a SharedArrayBuffer).
 * The main thread writes a job, bumps GEN and wakes the workers; each records the job's
 * generation in its DONE_GEN slot and adds 1 to DONE when its share of the job is done. Threads
 * claim the chunks of a job (rows, blocks) from NEXT_CHUNK; split jobs give thread t of T its
 * `binShare` of the features (main is t = 0).
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
  /** Row passes: the RowJob's op, objective (0 binary, 1 regression), applyTree flag and leaves. */
  ROW_OP: 144,
  ROW_OBJECTIVE: 145,
  ROW_APPLY: 146,
  ROW_LEAVES: 147,
  /** Packed build jobs: 1 when each chunk's rows are packed first (`quantizeRowRange`), with the seed in QUANTIZE_SEED (uint32 as int32). */
  QUANTIZE: 148,
  /**
   * Build jobs: BUILD_PACKED (packed histograms into per-thread sums) or BUILD_EXACT (exact ones by
   * `exactChunks`, CHUNKS of them), the next chunk to claim, rows per chunk.
   */
  BY_ROWS: 149,
  NEXT_CHUNK: 150,
  CHUNK_ROWS: 151,
  /** Partition jobs: the number of chunks (at most MAX_PARTITION_CHUNKS), claimed through NEXT_CHUNK; exact build jobs: their row chunks. */
  CHUNKS: 152,
  /** Split jobs: how many leaves (1 or 2) are described in `SplitShared.leaves`. */
  SPLIT_LEAVES: 153,
  /** Partition jobs: threads done with the first phase (the barrier), and the next chunk to place in the second. */
  ARRIVED: 154,
  NEXT_PLACE: 155,
  /** Build-and-split jobs: the larger child's histogram slot. */
  LARGE_SLOT: 156,
  QUANTIZE_SEED: 157,
  SIZE: 158,
} as const;

/** Commands in `CTRL.CMD`. */
export const CMD_BUILD = 1;
export const CMD_DETACH = 2;
/**
 * Stable partition (`runPartitionJob`), first phase: the threads claim chunks (`chunkStart`) of the rows and
 * partition each into scratch; then, after a barrier, the second phase (`CMD_PLACE`) places them.
 */
export const CMD_PARTITION = 3;
/** The second phase of a partition job: the threads claim chunks and place each one's rows (CTRL.LEFT + c: left counts of every chunk). */
export const CMD_PLACE = 4;
/** A row pass: the threads claim blocks of rows until none remain. */
export const CMD_ROWS = 5;
/** Split finding: thread t of T scans its share of the features (`binShare`) for each leaf and writes its best. */
export const CMD_SPLIT = 6;
/**
 * Build-and-split (`runBuildChildrenJob`): each thread, on its share of the features (`binShare`),
 * builds the smaller child's packed histogram (slot SLOT, rows START..START + COUNT of the leaf
 * order), makes the larger child's (LARGE_SLOT) the parent's minus it and scans both as CMD_SPLIT's.
 */
export const CMD_BUILD_CHILDREN = 7;
/** `CTRL.BY_ROWS` of a build job: packed sums into per-thread histograms, or exact sums by fixed row chunks. */
export const BUILD_PACKED = 1;
export const BUILD_EXACT = 2;
/** Most chunks of one partition (the LEFT slots). */
export const MAX_PARTITION_CHUNKS = 64;

/** Start of share `t` of `threads` over `count` items from `start` (share t ends where t + 1 starts): row chunks, feature shares. */
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
 * This thread's part of a partition job: first-phase chunks until none remain, the barrier, then
 * second-phase chunks. One hand-off from the calling thread instead of one per phase (a hand-off
 * wakes the workers, and on a busy machine waits for a core each time); the caller resets
 * NEXT_CHUNK, NEXT_PLACE and ARRIVED. A failed thread ends the barrier and skips the placing
 * (the caller then throws).
 */
export function runPartitionJob(ctrl: Int32Array, buffers: PartitionBuffers, threads: number): void {
  try {
    claimPartitionChunks(ctrl, buffers, CMD_PARTITION);
  } catch (error) {
    // Release the threads waiting at the barrier before giving up.
    Atomics.store(ctrl, CTRL.FAILED, 1);
    Atomics.notify(ctrl, CTRL.ARRIVED);
    throw error;
  }
  if (arriveAndWait(ctrl, CTRL.ARRIVED, threads)) claimPartitionChunks(ctrl, buffers, CMD_PLACE);
}

/**
 * This thread's part of a build-and-split job (`CMD_BUILD_CHILDREN`), all on its share of the
 * features (`binShare`, as a split job's): the smaller child's histogram over every row of the child
 * (LightGBM's feature-parallel build), the larger child's made the parent's minus it, and the split
 * scan of both (`runSplitShare`). No thread reads another's features, so the job needs no barrier,
 * no per-thread histograms and no merge; packed sums are exact integers, so the bits are those of
 * the row-chunked build.
 */
export function runBuildChildrenJob(
  ctrl: Int32Array,
  buffers: HistogramBuffers & Pick<TrainBuffers, 'rowParams'>,
  shared: SplitShared,
  features: Int32Array,
  t: number,
  threads: number,
  scratch: Float64Array,
): void {
  const n = ctrl[CTRL.FEATURES]!;
  const { hist, histSize, offsets } = buffers;
  const small = ctrl[CTRL.SLOT]! * histSize;
  const from = binShare(shared, features, n, t, threads);
  const to = binShare(shared, features, n, t + 1, threads);
  zeroFeatureBlocks(hist, small, offsets, features, from, to);
  accumulateRows(buffers, hist, small, ctrl[CTRL.START]!, ctrl[CTRL.COUNT]!, false, features, from, to);
  subtractFeatureBlocks(hist, ctrl[CTRL.LARGE_SLOT]! * histSize, small, offsets, features, from, to);
  runSplitShare(shared, buffers, features, n, ctrl[CTRL.SPLIT_LEAVES]!, t, threads, scratch);
}

/**
 * A barrier inside a job: counts this thread in at `ctrl[index]` and waits (spinning first, as
 * between jobs) until `threads` threads have arrived; false if a thread failed meanwhile. The
 * atomic add orders this thread's earlier writes (the chunks' left counts) before the others' reads.
 */
export function arriveAndWait(ctrl: Int32Array, index: number, threads: number): boolean {
  Atomics.add(ctrl, index, 1);
  Atomics.notify(ctrl, index);
  const waiting = (value: number) => value < threads && Atomics.load(ctrl, CTRL.FAILED) === 0;
  if (!spinWhile(ctrl, index, waiting)) {
    for (let v = Atomics.load(ctrl, index); waiting(v); v = Atomics.load(ctrl, index)) Atomics.wait(ctrl, index, v, 1_000);
  }
  return Atomics.load(ctrl, CTRL.FAILED) === 0;
}

/**
 * One phase of a partition job (`CMD_PARTITION` or `CMD_PLACE`, each with its own chunk counter):
 * claims chunks until none remain. Claimed, not dealt out, so a thread the machine slows down holds
 * up one chunk, not half the job; placement follows chunk order, so the result never depends on who
 * did which chunk.
 */
export function claimPartitionChunks(ctrl: Int32Array, buffers: PartitionBuffers, phase: number): void {
  const start = ctrl[CTRL.START]!;
  const count = ctrl[CTRL.COUNT]!;
  const chunks = ctrl[CTRL.CHUNKS]!;
  const counter = phase === CMD_PARTITION ? CTRL.NEXT_CHUNK : CTRL.NEXT_PLACE;
  for (;;) {
    const c = Atomics.add(ctrl, counter, 1);
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
        null,
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
  readonly leafRanges: Int32Array;
  readonly leafValue: Float64Array;
  readonly rowParams: Float64Array;
  readonly blockStats: Float64Array;
  /** Only whether it is null matters to a worker (packed histograms); the scales stay with the main thread. */
  readonly quantization: Quantization | null;
  readonly scratch: Int32Array;
  readonly scratchG: Float64Array;
  readonly scratchH: Float64Array;
  readonly rightScratch: Int32Array;
  readonly rightScratchG: Float64Array;
  readonly rightScratchH: Float64Array;
  readonly hist: Float64Array;
  readonly chunkHist: Float64Array;
  /** Split jobs' shared memory. */
  readonly split: SplitShared;
  /** Worker t's private histogram for row-split builds: `threadHist[(t − 1)·histSize ..]`. */
  readonly threadHist: Float64Array;
  readonly histSize: number;
  readonly offsets: Int32Array;
}

/**
 * The longest a thread busy-waits for a job or a result before it sleeps in `Atomics.wait`. Jobs of
 * one tree come a fraction of a millisecond apart, and a sleeping thread of a virtual machine
 * takes longer than that to run again; OpenMP runtimes spin the same way (GOMP_SPINCOUNT).
 * Measured on 1M × 30, 2 threads: 7% less wall time with 1 ms on both sides; 5 ms was no better.
 */
export const SPIN_MS = 1;

/**
 * The shortest busy-wait. A spin that runs out means the other thread was not on a core (a busy
 * machine) or had long work: each one halves this thread's next spin down to this, each spin that
 * ends in time doubles it back up to SPIN_MS. libgomp likewise spins less when threads outnumber cores.
 */
export const SPIN_MIN_MS = 1 / 32;

/** This thread's current spin (each worker has its own copy of this module). */
let spinMs = SPIN_MS;

/** This thread's current spin in milliseconds (between SPIN_MIN_MS and SPIN_MS). */
export function currentSpinMs(): number {
  return spinMs;
}

/** Busy-waits up to this thread's current spin while `ctrl[index]` satisfies `waiting`; true when it stopped doing so. */
export function spinWhile(ctrl: Int32Array, index: number, waiting: (value: number) => boolean): boolean {
  const deadline = performance.now() + spinMs;
  for (;;) {
    for (let k = 0; k < 200; k++) {
      if (!waiting(Atomics.load(ctrl, index))) {
        spinMs = Math.min(SPIN_MS, 2 * spinMs);
        return true;
      }
    }
    if (performance.now() > deadline) {
      spinMs = Math.max(SPIN_MIN_MS, spinMs / 2);
      return false;
    }
  }
}

/**
 * Row-split build (packed histograms): claims chunks of `CTRL.CHUNK_ROWS` positions of the leaf
 * from the shared counter until none remain, adding each to the histogram at `base` of `target`
 * (zeroed by the caller). Any thread may take any chunk: packed sums are exact integers, so the
 * result does not depend on who added what, or in which order. With `CTRL.QUANTIZE` (the root of a
 * round on every row), each chunk's rows are packed first: a row's rounding depends on its row alone.
 */
export function claimRowChunks(
  ctrl: Int32Array,
  buffers: HistogramBuffers & Pick<TrainBuffers, 'gradients' | 'hessians' | 'rowParams'>,
  target: Float64Array,
  base: number,
  start: number,
  count: number,
  allRows: boolean,
  features: Int32Array,
  featureCount: number,
): void {
  const chunk = ctrl[CTRL.CHUNK_ROWS]!;
  const quantize = ctrl[CTRL.QUANTIZE] === 1;
  const seed = ctrl[CTRL.QUANTIZE_SEED]! >>> 0;
  for (;;) {
    const from = Atomics.add(ctrl, CTRL.NEXT_CHUNK, 1) * chunk;
    if (from >= count) return;
    const rows = Math.min(chunk, count - from);
    if (quantize) quantizeRowRange(buffers, start + from, start + from + rows, seed);
    accumulateRows(buffers, target, base, start + from, rows, allRows, features, 0, featureCount);
  }
}

/**
 * Exact build (`BUILD_EXACT`): claims row chunks (`CTRL.CHUNK_ROWS` rows, `CTRL.CHUNKS` of them, as
 * `exactChunks` cuts them) until none remain; chunk 0 goes to the leaf's histogram in slot `slot`,
 * chunk c ≥ 1 to partial histogram c − 1 of `chunkHist`, each from zero. The caller then adds the
 * partials in chunk order (`addFeatureBlocks`): the serial builder's bits on any thread count.
 */
export function claimExactChunks(
  ctrl: Int32Array,
  buffers: HistogramBuffers,
  slot: number,
  start: number,
  count: number,
  allRows: boolean,
  features: Int32Array,
  featureCount: number,
): void {
  const rows = ctrl[CTRL.CHUNK_ROWS]!;
  const chunks = ctrl[CTRL.CHUNKS]!;
  for (;;) {
    const c = Atomics.add(ctrl, CTRL.NEXT_CHUNK, 1);
    if (c >= chunks) return;
    const target = c === 0 ? buffers.hist : buffers.chunkHist;
    const base = c === 0 ? slot * buffers.histSize : (c - 1) * buffers.histSize;
    zeroFeatureBlocks(target, base, buffers.offsets, features, 0, featureCount);
    accumulateRows(buffers, target, base, start + c * rows, Math.min(rows, count - c * rows), allRows, features, 0, featureCount);
  }
}

/** Doubles per leaf in `SplitShared.leaves`: slot, g, h, count, lower, upper, parentGain, countPerHessian. */
const LEAF_FIELDS = 8;
/** Doubles per candidate in `SplitShared.out`: gain, feature, bin, defaultLeft, categorical, leftG, leftH, leftOutput, rightOutput. */
const CANDIDATE_FIELDS = 9;

/**
 * Shared memory of split jobs: the split parameters, the leaves, the feature layout and, per
 * thread and leaf, that thread's best candidate (categorical left bins as a 256-byte mask).
 */
export interface SplitShared {
  /** lambdaL1, lambdaL2, minChildWeight, minDataInLeaf, minSplitGain, catSmooth. */
  readonly params: Float64Array;
  readonly leaves: Float64Array;
  readonly monotone: Int8Array;
  readonly binCounts: Int32Array;
  readonly otherBins: Int32Array;
  readonly categorical: Uint8Array;
  readonly out: Float64Array;
  readonly masks: Uint8Array;
}

/** Allocates the split-job memory for `featureCount` features and `threads` threads. */
export function allocateSplitShared(features: readonly SplitFeature[], threads: number): SplitShared {
  const f64 = (n: number) => new Float64Array(new SharedArrayBuffer(n * 8));
  const n = Math.max(1, features.length);
  const shared = {
    params: f64(6),
    leaves: f64(2 * LEAF_FIELDS),
    monotone: new Int8Array(new SharedArrayBuffer(n)),
    binCounts: new Int32Array(new SharedArrayBuffer(n * 4)),
    otherBins: new Int32Array(new SharedArrayBuffer(n * 4)),
    categorical: new Uint8Array(new SharedArrayBuffer(n)),
    out: f64(threads * 2 * CANDIDATE_FIELDS),
    masks: new Uint8Array(new SharedArrayBuffer(threads * 2 * 256)),
  };
  features.forEach((f, k) => {
    shared.binCounts[k] = f.binCount;
    shared.otherBins[k] = f.otherBin;
    shared.categorical[k] = f.type === 'category' ? 1 : 0;
  });
  return shared;
}

/** Writes a split job's parameters, leaves and constraints (the calling thread, before waking the others). */
export function writeSplitJob(shared: SplitShared, leaves: readonly SplitLeaf[], params: SplitParams, monotone: Int8Array): void {
  shared.params.set([params.lambdaL1, params.lambdaL2, params.minChildWeight, params.minDataInLeaf, params.minSplitGain, params.catSmooth]);
  shared.monotone.set(monotone);
  leaves.forEach((leaf, j) => {
    shared.leaves.set([leaf.slot, leaf.g, leaf.h, leaf.count, leaf.lower, leaf.upper, leaf.parentGain, leaf.countPerHessian], j * LEAF_FIELDS);
  });
}

/** Thread `t`'s share of a split job: its best candidate per leaf, written to `shared.out` / `shared.masks`. */
export function runSplitShare(
  shared: SplitShared,
  buffers: Pick<TrainBuffers, 'hist' | 'histSize' | 'offsets' | 'rowParams' | 'quantization'>,
  features: Int32Array,
  featureCount: number,
  leafCount: number,
  t: number,
  threads: number,
  scratch: Float64Array,
): void {
  const p = shared.params;
  const params: SplitParams = { lambdaL1: p[0]!, lambdaL2: p[1]!, minChildWeight: p[2]!, minDataInLeaf: p[3]!, minSplitGain: p[4]!, catSmooth: p[5]! };
  const specs = splitFeatures(shared);
  const q = buffers.quantization !== null ? { scaleG: buffers.rowParams[0]!, scaleH: buffers.rowParams[1]!, radix: buffers.rowParams[2]! } : null;
  const from = binShare(shared, features, featureCount, t, threads);
  const to = binShare(shared, features, featureCount, t + 1, threads);
  for (let j = 0; j < leafCount; j++) {
    const l = shared.leaves.subarray(j * LEAF_FIELDS, (j + 1) * LEAF_FIELDS);
    const leaf = { g: l[1]!, h: l[2]!, count: l[3]!, lower: l[4]!, upper: l[5]!, parentGain: l[6]!, countPerHessian: l[7]! };
    const best = emptyCandidate();
    findBestInRange(buffers.hist, l[0]! * buffers.histSize, buffers.offsets, specs, features, from, to, shared.monotone, leaf, params, q, scratch, best);
    const at = (t * 2 + j) * CANDIDATE_FIELDS;
    shared.out.set(
      [best.gain, best.feature, best.bin, best.defaultLeft ? 1 : 0, best.categorical ? 1 : 0, best.leftG, best.leftH, best.leftOutput, best.rightOutput],
      at,
    );
    const mask = shared.masks.subarray((t * 2 + j) * 256, (t * 2 + j + 1) * 256);
    mask.fill(0);
    for (const b of best.leftBins) mask[b] = 1;
  }
}

/**
 * Where thread `t`'s features start in a split job: shares of equal bin totals, not of equal
 * feature counts (a 5-bin feature is scanned 50 times faster than a 255-bin one; with equal counts
 * one thread of the 1M-row bench took 60% longer than the other).
 */
export function binShare(shared: SplitShared, features: Int32Array, featureCount: number, t: number, threads: number): number {
  if (t <= 0) return 0;
  if (t >= threads) return featureCount;
  let total = 0;
  for (let k = 0; k < featureCount; k++) total += shared.binCounts[features[k]!]! + 1;
  const target = (total * t) / threads;
  let sum = 0;
  for (let k = 0; k < featureCount; k++) {
    if (sum >= target) return k;
    sum += shared.binCounts[features[k]!]! + 1;
  }
  return featureCount;
}

/** Thread `t`'s candidate for leaf `j`, as a SplitCandidate. */
export function readSplitCandidate(shared: SplitShared, t: number, j: number): SplitCandidate {
  const o = shared.out.subarray((t * 2 + j) * CANDIDATE_FIELDS, (t * 2 + j + 1) * CANDIDATE_FIELDS);
  const mask = shared.masks.subarray((t * 2 + j) * 256, (t * 2 + j + 1) * 256);
  const leftBins: number[] = [];
  if (o[4] === 1) for (let b = 0; b < 256; b++) if (mask[b] === 1) leftBins.push(b);
  return {
    gain: o[0]!,
    feature: o[1]!,
    bin: o[2]!,
    defaultLeft: o[3] === 1,
    categorical: o[4] === 1,
    leftBins,
    leftG: o[5]!,
    leftH: o[6]!,
    leftOutput: o[7]!,
    rightOutput: o[8]!,
  };
}

function splitFeatures(shared: SplitShared): SplitFeature[] {
  return Array.from(shared.binCounts, (binCount, k) => ({
    type: shared.categorical[k] === 1 ? 'category' : 'number',
    binCount,
    otherBin: shared.otherBins[k]!,
  }));
}
