import { parentPort, workerData } from 'node:worker_threads';
import type { BinnedData } from '../bin.js';
import { zeroFeatureBlocks } from '../buffers.js';
import { blockCount, type RowJob } from '../row-passes.js';
import { claimBinFeatures, type SharedBinJob } from './bin-job.js';
import {
  BUILD_PACKED,
  CMD_BUILD_CHILDREN,
  CMD_DETACH,
  CMD_PARTITION,
  CMD_ROWS,
  CMD_SPLIT,
  CTRL,
  claimExactChunks,
  claimRowBlocks,
  claimRowChunks,
  runBuildChildrenJob,
  runPartitionJob,
  runSplitShare,
  spinWhile,
  type WorkerBuffers,
} from './protocol.js';

/**
 * Histogram worker: after receiving a run's shared buffers it blocks on the control block,
 * claims chunks of each job (a leaf's rows for histograms and partitions, blocks of rows for row passes) or scans its share of the features for splits, and returns to its event loop on DETACH.
 */
const { ctrl, jobFeatures, index, threads } = workerData as { ctrl: Int32Array; jobFeatures: Int32Array; index: number; threads: number };
const splitScratch = new Float64Array(2 * 256);

parentPort!.on('message', (message: WorkerBuffers | { binJob: SharedBinJob }) => {
  if ('binJob' in message) {
    binShare(message.binJob);
    return;
  }
  const b = message;
  const buffers = {
    data: { bins: b.bins, rowCount: b.rowCount } as BinnedData,
    indices: b.indices,
    orderedG: b.orderedG,
    orderedH: b.orderedH,
    gradients: b.gradients,
    hessians: b.hessians,
    score: b.score,
    label: b.label,
    weight: b.weight,
    leafOf: b.leafOf,
    leafRanges: b.leafRanges,
    leafValue: b.leafValue,
    rowParams: b.rowParams,
    blockStats: b.blockStats,
    quantization: b.quantization,
    scratch: b.scratch,
    scratchG: b.scratchG,
    scratchH: b.scratchH,
    rightScratch: b.rightScratch,
    rightScratchG: b.rightScratchG,
    rightScratchH: b.rightScratchH,
    hist: b.hist,
    chunkHist: b.chunkHist,
    histSize: b.histSize,
    offsets: b.offsets,
  };
  let gen = Atomics.load(ctrl, CTRL.GEN);
  Atomics.add(ctrl, CTRL.ACK, 1);
  Atomics.notify(ctrl, CTRL.ACK);
  const idle = (value: number) => value === gen;
  for (;;) {
    if (!spinWhile(ctrl, CTRL.GEN, idle)) Atomics.wait(ctrl, CTRL.GEN, gen);
    const next = Atomics.load(ctrl, CTRL.GEN);
    // Never run a job twice (a wake-up without a new generation does nothing).
    if (next === gen) continue;
    gen = next;
    if (Atomics.load(ctrl, CTRL.CMD) === CMD_DETACH) {
      Atomics.add(ctrl, CTRL.ACK, 1);
      Atomics.notify(ctrl, CTRL.ACK);
      return;
    }
    const slot = ctrl[CTRL.SLOT]!;
    const start = ctrl[CTRL.START]!;
    const count = ctrl[CTRL.COUNT]!;
    const allRows = ctrl[CTRL.ALL_ROWS] === 1;
    const n = ctrl[CTRL.FEATURES]!;
    try {
      const cmd = Atomics.load(ctrl, CTRL.CMD);
      if (cmd === CMD_SPLIT) {
        runSplitShare(b.split, buffers, jobFeatures, n, ctrl[CTRL.SPLIT_LEAVES]!, index, threads, splitScratch);
      } else if (cmd === CMD_ROWS) {
        const job: RowJob = {
          op: ctrl[CTRL.ROW_OP]! as RowJob['op'],
          objective: ctrl[CTRL.ROW_OBJECTIVE] === 0 ? 'binary' : 'regression',
          applyTree: ctrl[CTRL.ROW_APPLY] === 1,
          leaves: ctrl[CTRL.ROW_LEAVES]!,
        };
        claimRowBlocks(ctrl, buffers, job, blockCount(b.rowCount));
      } else if (cmd === CMD_PARTITION) {
        runPartitionJob(ctrl, buffers, threads);
      } else if (cmd === CMD_BUILD_CHILDREN) {
        runBuildChildrenJob(ctrl, buffers, b.split, jobFeatures, index, threads, splitScratch);
      } else if (ctrl[CTRL.BY_ROWS] === BUILD_PACKED) {
        const base = (index - 1) * b.histSize;
        zeroFeatureBlocks(b.threadHist, base, b.offsets, jobFeatures, 0, n);
        claimRowChunks(ctrl, buffers, b.threadHist, base, start, count, allRows, jobFeatures, n);
      } else {
        claimExactChunks(ctrl, buffers, slot, start, count, allRows, jobFeatures, n);
      }
    } catch {
      // Never leave the main thread waiting: flag the failure and still count this job as done.
      Atomics.store(ctrl, CTRL.FAILED, 1);
    }
    Atomics.store(ctrl, CTRL.DONE_GEN + index, gen);
    Atomics.add(ctrl, CTRL.DONE, 1);
    Atomics.notify(ctrl, CTRL.DONE);
  }
});

/** This thread's share of a numeric binning job (see `HistogramWorkerPool.binNumeric`), then back to the event loop. */
function binShare(job: SharedBinJob): void {
  try {
    claimBinFeatures(ctrl, job);
  } catch {
    Atomics.store(ctrl, CTRL.FAILED, 1);
  }
  Atomics.add(ctrl, CTRL.DONE, 1);
  Atomics.notify(ctrl, CTRL.DONE);
}
