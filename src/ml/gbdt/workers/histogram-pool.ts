import { Worker } from 'node:worker_threads';
import { CredoError } from '../../../errors/index.js';
import { applyNumericBins, binNumericColumns, type NumericBinJob } from '../bin.js';
import {
  addFeatureBlocks,
  exactChunks,
  findSplitsSerial,
  type HistogramBuilder,
  partitionRows,
  type SplitLeaf,
  serialHistogramBuilder,
  type TrainBuffers,
  zeroFeatureBlocks,
} from '../buffers.js';
import { blockCount, type RowJob, runRowBlocks } from '../row-passes.js';
import type { SplitParams } from '../split.js';
import { binJobCuts, claimFrontBinFeatures, shareBinJob, workerBinFeatures } from './bin-job.js';
import {
  allocateSplitShared,
  BUILD_EXACT,
  BUILD_PACKED,
  CMD_BUILD,
  CMD_BUILD_CHILDREN,
  CMD_DETACH,
  CMD_PARTITION,
  CMD_ROWS,
  CMD_SPLIT,
  CTRL,
  claimExactChunks,
  claimRowBlocks,
  claimRowChunks,
  MAX_PARTITION_CHUNKS,
  readSplitCandidate,
  runBuildChildrenJob,
  runPartitionJob,
  runSplitShare,
  type SplitShared,
  spinWhile,
  type WorkerBuffers,
  writeSplitJob,
} from './protocol.js';

/**
 * Default row × feature updates below which a histogram is built on the calling thread alone (≈ 30 µs
 * of work; threads that spin between jobs wake fast enough for that: 7% less histogram time than at
 * 262,144 on the 1M-row bench, best of four runs each).
 */
export const MIN_PARALLEL_WORK = 32_768;

/**
 * Largest smaller child built by feature shares in the children job. Each thread then reads every
 * row of the child for its features, so a large child's rows cross memory once per thread; above
 * this the child is built by row chunks (each row read once) and merged, as before the job existed.
 */
const CHILDREN_JOB_MAX_ROWS = 65_536;

/**
 * The training's parallel work over worker threads and SharedArrayBuffers, synchronous for the
 * caller: the main thread posts a job, does its share, then waits on an Atomics counter. Every
 * job gives the same bits whatever the thread count:
 * - histograms by chunks of rows claimed from a shared counter: packed (quantised) ones into
 *   per-thread histograms (exact integer sums: any split of the rows adds up the same); exact
 *   ones by the fixed chunks of `exactChunks`, each into a histogram of its own, added in chunk
 *   order afterwards (the serial builder's order). Exact histograms used to be split by features
 *   between the threads, which left the gradient passes and the root's sums on one thread;
 * - partitions, row passes and split searches: see `partition`, `rows` and `findSplits`.
 * Source: LightGBM docs "Parallel Learning Guide" (data parallel within one machine).
 */
export class HistogramWorkerPool implements HistogramBuilder {
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(CTRL.SIZE * 4));
  private readonly jobFeatures = new Int32Array(new SharedArrayBuffer(4 * 65536));
  private readonly workers: Worker[] = [];
  private attached: TrainBuffers | null = null;
  private threadHist: Float64Array | null = null;
  private split: SplitShared | null = null;
  private readonly splitScratch = new Float64Array(2 * 256);
  /** Histograms built with the workers so far (tests check the parallel path ran). */
  parallelJobs = 0;
  /** Splits whose children were built, subtracted and searched in one job with the workers (`buildChildren`). */
  parallelChildJobs = 0;
  /** Partitions run with the workers so far (each one hand-off: both phases in one job). */
  parallelPartitions = 0;
  /** Row passes run with the workers so far. */
  parallelRowJobs = 0;
  /** Numeric binnings shared with the workers so far. */
  parallelBinJobs = 0;

  /**
   * Starts `threads - 1` workers (the calling thread is the first of `threads`). Leaves with
   * fewer than `minParallelWork` row × feature updates are built by the calling thread alone.
   */
  constructor(
    readonly threads: number,
    private readonly minParallelWork = MIN_PARALLEL_WORK,
  ) {
    for (let t = 1; t < threads; t++) {
      this.workers.push(
        new Worker(new URL('./histogram-worker.js', import.meta.url), {
          workerData: { ctrl: this.ctrl, jobFeatures: this.jobFeatures, index: t, threads },
        }),
      );
    }
  }

  build(buffers: TrainBuffers, slot: number, start: number, count: number, allRows: boolean, features: Int32Array, quantizeSeed?: number): void {
    // Small leaves are built here: waking a worker (and, on a busy machine, waiting for it to be
    // scheduled) costs more than the work. Same kernel either way, so the bits do not change.
    // An exact histogram of one chunk (≤ 4,096 rows) would keep one thread busy and wake the others for nothing.
    const single = buffers.quantization === null && exactChunks(count).chunks < 2;
    if (this.workers.length === 0 || count * features.length < this.minParallelWork || single) {
      serialHistogramBuilder.build(buffers, slot, start, count, allRows, features, quantizeSeed);
      return;
    }
    if (this.attached !== buffers) this.attach(buffers);
    this.parallelJobs++;
    const ctrl = this.ctrl;
    const n = features.length;
    const packed = buffers.quantization !== null;
    const exact = exactChunks(count);
    this.jobFeatures.set(features);
    ctrl[CTRL.CMD] = CMD_BUILD;
    ctrl[CTRL.SLOT] = slot;
    ctrl[CTRL.START] = start;
    ctrl[CTRL.COUNT] = count;
    ctrl[CTRL.ALL_ROWS] = allRows ? 1 : 0;
    ctrl[CTRL.FEATURES] = n;
    ctrl[CTRL.BY_ROWS] = packed ? BUILD_PACKED : BUILD_EXACT;
    ctrl[CTRL.QUANTIZE] = packed && quantizeSeed !== undefined ? 1 : 0;
    ctrl[CTRL.QUANTIZE_SEED] = (quantizeSeed ?? 0) | 0;
    ctrl[CTRL.NEXT_CHUNK] = 0;
    // Packed: about eight chunks a thread, so whichever thread is faster at the moment takes more of them.
    ctrl[CTRL.CHUNK_ROWS] = packed ? Math.max(2048, Math.ceil(count / (8 * this.threads))) : exact.rows;
    ctrl[CTRL.CHUNKS] = exact.chunks;
    const gen = this.start();
    const base = slot * buffers.histSize;
    const { hist, offsets } = buffers;
    if (packed) {
      zeroFeatureBlocks(hist, base, offsets, features, 0, n);
      claimRowChunks(ctrl, buffers, hist, base, start, count, allRows, features, n);
    } else claimExactChunks(ctrl, buffers, slot, start, count, allRows, features, n);
    this.finish(gen);
    if (packed) {
      // Each worker's private sums into the leaf's histogram (exact integers: order-free).
      for (let w = 0; w < this.workers.length; w++) addFeatureBlocks(hist, base, this.threadHist!, w * buffers.histSize, offsets, features, 0, n);
    } else {
      for (let c = 1; c < exact.chunks; c++) addFeatureBlocks(hist, base, buffers.chunkHist, (c - 1) * buffers.histSize, offsets, features, 0, n);
    }
  }

  /**
   * Row-parallel stable partition in two phases over chunks of the leaf's rows claimed by the
   * threads, in one job with a barrier between them (`runPartitionJob`): (1) split decisions, each
   * chunk's lefts and rights to two scratch areas; (2) once every chunk's left count is known, each
   * chunk copied to its final place. The result
   * is the same arrays as the serial `partitionRows` (a stable partition is unique). Copying the
   * chunks in place on the calling thread alone was a tenth of a 2-thread training (measured).
   */
  partition(buffers: TrainBuffers, start: number, count: number, feature: number, bin: number, defaultLeft: boolean, missingBin: number): number {
    // A row's split decision costs roughly eight histogram updates (both are a cache miss per row).
    if (this.workers.length === 0 || count * 8 < this.minParallelWork) return partitionRows(buffers, start, count, feature, bin, null, defaultLeft, missingBin);
    if (this.attached !== buffers) this.attach(buffers);
    this.parallelPartitions++;
    const ctrl = this.ctrl;
    // About sixteen thousand rows a chunk, at least one per thread.
    const chunks = Math.min(MAX_PARTITION_CHUNKS, Math.max(this.threads, Math.ceil(count / 16_384)));
    ctrl[CTRL.CMD] = CMD_PARTITION;
    ctrl[CTRL.START] = start;
    ctrl[CTRL.COUNT] = count;
    ctrl[CTRL.CHUNKS] = chunks;
    ctrl[CTRL.FEATURE] = feature;
    ctrl[CTRL.BIN] = bin;
    ctrl[CTRL.DEFAULT_LEFT] = defaultLeft ? 1 : 0;
    ctrl[CTRL.MISSING_BIN] = missingBin;
    ctrl[CTRL.NEXT_CHUNK] = 0;
    ctrl[CTRL.NEXT_PLACE] = 0;
    ctrl[CTRL.ARRIVED] = 0;
    const gen = this.start();
    runPartitionJob(ctrl, buffers, this.threads);
    this.finish(gen);
    let left = 0;
    for (let c = 0; c < chunks; c++) left += ctrl[CTRL.LEFT + c]!;
    return left;
  }

  /** A row pass over every block, the blocks claimed by the threads (see row-passes.ts). */
  rows(buffers: TrainBuffers, job: RowJob): void {
    const blocks = blockCount(buffers.data.rowCount);
    if (this.workers.length === 0 || blocks < this.threads) {
      runRowBlocks(buffers, job, 0, blocks);
      return;
    }
    if (this.attached !== buffers) this.attach(buffers);
    this.parallelRowJobs++;
    const ctrl = this.ctrl;
    ctrl[CTRL.CMD] = CMD_ROWS;
    ctrl[CTRL.ROW_OP] = job.op;
    ctrl[CTRL.ROW_OBJECTIVE] = job.objective === 'binary' ? 0 : 1;
    ctrl[CTRL.ROW_APPLY] = job.applyTree ? 1 : 0;
    ctrl[CTRL.ROW_LEAVES] = job.leaves;
    ctrl[CTRL.NEXT_CHUNK] = 0;
    const gen = this.start();
    claimRowBlocks(ctrl, buffers, job, blocks);
    this.finish(gen);
  }

  /**
   * The numeric columns' binning, the features claimed by the threads: the calling thread from the
   * front, from the columns themselves, the workers (which start while it bins its first features) from
   * the back among the features whose values were copied for them (`shareBinJob`). Binning was a serial
   * fifth of a 2-thread fit at 100,000 rows. With a sample, the threads find the cut points and the
   * calling thread writes the bins.
   */
  binNumeric(job: NumericBinJob): Float64Array[] {
    // The claim counter holds each end's count in 16 bits.
    if (this.workers.length === 0 || job.features.length < 2 || job.features.length > 0xffff || !(job.bins.buffer instanceof SharedArrayBuffer))
      return binNumericColumns(job);
    // Attached workers wait on the control block, not on messages.
    if (this.attached !== null) this.detach();
    this.parallelBinJobs++;
    const shared = shareBinJob(job, workerBinFeatures(job.features.length, this.threads));
    const ctrl = this.ctrl;
    Atomics.store(ctrl, CTRL.DONE, 0);
    Atomics.store(ctrl, CTRL.FAILED, 0);
    Atomics.store(ctrl, CTRL.NEXT_CHUNK, 0);
    for (const w of this.workers) w.postMessage({ binJob: shared });
    const own = claimFrontBinFeatures(ctrl, job);
    this.waitFor(CTRL.DONE, this.workers.length);
    if (Atomics.load(ctrl, CTRL.FAILED) !== 0) throw new CredoError('E_INTERNAL', { summary: 'a histogram worker failed' });
    return job.features.map((f, k) => {
      const cuts = own[k] ?? binJobCuts(shared, k);
      const column = job.columns[f]!;
      if (!shared.apply && column.type === 'number') applyNumericBins(column.values, cuts, job.bins.subarray(f * job.rowCount, (f + 1) * job.rowCount));
      return cuts;
    });
  }

  /** Resets the job counters, bumps the generation and wakes the workers; returns the generation. */
  private start(): number {
    const ctrl = this.ctrl;
    Atomics.store(ctrl, CTRL.DONE, 0);
    Atomics.store(ctrl, CTRL.FAILED, 0);
    const gen = Atomics.add(ctrl, CTRL.GEN, 1) + 1;
    Atomics.notify(ctrl, CTRL.GEN);
    return gen;
  }

  /** Waits until every worker finished job `gen`; throws if one failed. */
  private finish(gen: number): void {
    const ctrl = this.ctrl;
    this.waitFor(CTRL.DONE, this.workers.length);
    // Every worker must have finished THIS generation (not merely bumped the counter).
    for (let t = 1; t < this.threads; t++) this.waitForValue(CTRL.DONE_GEN + t, gen);
    if (Atomics.load(ctrl, CTRL.FAILED) !== 0) throw new CredoError('E_INTERNAL', { summary: 'a histogram worker failed' });
  }

  /** Hands a run's buffers to every worker and waits until all listen. */
  private attach(buffers: TrainBuffers): void {
    if (this.attached !== null) this.detach();
    const message: WorkerBuffers = {
      bins: buffers.data.bins,
      rowCount: buffers.data.rowCount,
      indices: buffers.indices,
      orderedG: buffers.orderedG,
      orderedH: buffers.orderedH,
      gradients: buffers.gradients,
      hessians: buffers.hessians,
      score: buffers.score,
      label: buffers.label,
      weight: buffers.weight,
      leafOf: buffers.leafOf,
      leafRanges: buffers.leafRanges,
      leafValue: buffers.leafValue,
      rowParams: buffers.rowParams,
      blockStats: buffers.blockStats,
      quantization: buffers.quantization,
      scratch: buffers.scratch,
      scratchG: buffers.scratchG,
      scratchH: buffers.scratchH,
      rightScratch: buffers.rightScratch,
      rightScratchG: buffers.rightScratchG,
      rightScratchH: buffers.rightScratchH,
      hist: buffers.hist,
      chunkHist: buffers.chunkHist,
      threadHist: this.threadHistFor(buffers),
      split: this.splitFor(buffers),
      histSize: buffers.histSize,
      offsets: buffers.offsets,
    };
    if (!(message.hist.buffer instanceof SharedArrayBuffer) || !(message.bins.buffer instanceof SharedArrayBuffer)) {
      throw new CredoError('E_INTERNAL', { summary: 'HistogramWorkerPool needs buffers allocated with shared: true' });
    }
    Atomics.store(this.ctrl, CTRL.ACK, 0);
    for (const w of this.workers) w.postMessage(message);
    this.waitFor(CTRL.ACK, this.workers.length);
    this.attached = buffers;
  }

  /** Split jobs' shared memory for this run's features. */
  private splitFor(buffers: TrainBuffers): SplitShared {
    this.split = allocateSplitShared(buffers.data.features, this.threads);
    return this.split;
  }

  /**
   * Each leaf's best split, the features split between the threads in contiguous shares of equal
   * bin totals (`binShare`); the threads' winners are merged in feature order, a later one taken only
   * when strictly better — the serial scan's answer. Split finding was a serial twentieth of a
   * 2-thread training.
   */
  findSplits(buffers: TrainBuffers, leaves: readonly SplitLeaf[], features: Int32Array, params: SplitParams, monotone: Int8Array): void {
    const n = features.length;
    if (this.workers.length === 0) {
      findSplitsSerial(buffers, leaves, features, params, monotone, this.splitScratch);
      return;
    }
    if (this.attached !== buffers) this.attach(buffers);
    const split = this.split!;
    const ctrl = this.ctrl;
    writeSplitJob(split, leaves, params, monotone);
    this.jobFeatures.set(features);
    ctrl[CTRL.CMD] = CMD_SPLIT;
    ctrl[CTRL.FEATURES] = n;
    ctrl[CTRL.SPLIT_LEAVES] = leaves.length;
    const gen = this.start();
    runSplitShare(split, buffers, features, n, leaves.length, 0, this.threads, this.splitScratch);
    this.finish(gen);
    this.mergeCandidates(leaves);
  }

  /**
   * A split's children in one job (`runBuildChildrenJob`): each thread builds the smaller child's
   * packed histogram on its share of the features, subtracts it from the larger child's and scans
   * both; the threads' winners merged as in `findSplits`. One hand-off a split instead of two, no
   * per-thread histograms to zero and merge, no barrier. Small children too: their split search
   * was a job of its own anyway, so building them inside it costs no extra hand-off (summed over a
   * 100k fit's splits, load ~3: 801 → 643, 1,334 → 714, 1,503 → 1,539 ms). Declines (false) exact
   * histograms, and smaller children over `CHILDREN_JOB_MAX_ROWS` (built by row chunks instead).
   */
  buildChildren(
    buffers: TrainBuffers,
    small: { readonly slot: number; readonly start: number; readonly count: number },
    largeSlot: number,
    features: Int32Array,
    leaves: readonly SplitLeaf[],
    params: SplitParams,
    monotone: Int8Array,
  ): boolean {
    const n = features.length;
    if (this.workers.length === 0 || buffers.quantization === null || small.count > CHILDREN_JOB_MAX_ROWS) return false;
    if (this.attached !== buffers) this.attach(buffers);
    this.parallelChildJobs++;
    const split = this.split!;
    const ctrl = this.ctrl;
    writeSplitJob(split, leaves, params, monotone);
    this.jobFeatures.set(features);
    ctrl[CTRL.CMD] = CMD_BUILD_CHILDREN;
    ctrl[CTRL.SLOT] = small.slot;
    ctrl[CTRL.LARGE_SLOT] = largeSlot;
    ctrl[CTRL.START] = small.start;
    ctrl[CTRL.COUNT] = small.count;
    ctrl[CTRL.ALL_ROWS] = 0;
    ctrl[CTRL.FEATURES] = n;
    ctrl[CTRL.SPLIT_LEAVES] = leaves.length;
    const gen = this.start();
    runBuildChildrenJob(ctrl, buffers, split, features, 0, this.threads, this.splitScratch);
    this.finish(gen);
    this.mergeCandidates(leaves);
    return true;
  }

  /** Each leaf's best of the threads' candidates, in thread order, a later one only when strictly better (the serial scan's answer). */
  private mergeCandidates(leaves: readonly SplitLeaf[]): void {
    leaves.forEach((leaf, j) => {
      for (let t = 0; t < this.threads; t++) {
        const candidate = readSplitCandidate(this.split!, t, j);
        if (candidate.gain > leaf.best.gain) leaf.best = candidate;
      }
    });
  }

  /** The workers' private histograms for row-split builds (one leaf histogram each). */
  private threadHistFor(buffers: TrainBuffers): Float64Array {
    this.threadHist = new Float64Array(new SharedArrayBuffer(Math.max(1, this.workers.length * buffers.histSize) * 8));
    return this.threadHist;
  }

  /** Releases the current run's buffers (workers return to their event loops). */
  detach(): void {
    if (this.attached === null || this.workers.length === 0) return;
    Atomics.store(this.ctrl, CTRL.ACK, 0);
    this.ctrl[CTRL.CMD] = CMD_DETACH;
    Atomics.add(this.ctrl, CTRL.GEN, 1);
    Atomics.notify(this.ctrl, CTRL.GEN);
    this.waitFor(CTRL.ACK, this.workers.length);
    this.attached = null;
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.detach();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Blocks until `ctrl[index] === value` (a worker's finished generation). */
  private waitForValue(index: number, value: number): void {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const v = Atomics.load(this.ctrl, index);
      if (v === value) return;
      if (Date.now() > deadline) throw new CredoError('E_INTERNAL', { summary: 'a histogram worker did not finish its job' });
      Atomics.wait(this.ctrl, CTRL.DONE, Atomics.load(this.ctrl, CTRL.DONE), 1);
    }
  }

  /** Blocks until `ctrl[index] >= target`; gives up after `timeoutMs` (a worker that never started). */
  private waitFor(index: number, target: number, timeoutMs = 120_000): void {
    if (spinWhile(this.ctrl, index, (value) => value < target)) return;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = Atomics.load(this.ctrl, index);
      if (v >= target) return;
      if (Date.now() > deadline) throw new CredoError('E_INTERNAL', { summary: `histogram workers did not answer within ${timeoutMs / 1000} s` });
      Atomics.wait(this.ctrl, index, v, 1_000);
    }
  }
}
