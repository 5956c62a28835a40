// @ts-nocheck
// 
import { parentPort, workerData } from 'node:worker_threads';
import type { BinnedData } from '../bin.js';
import { buildFeatureRange, zeroFeatureBlocks } from '../buffers.js';
import { blockCount, type RowJob } from '../row-passes.js';
import {
  CMD_DETACH,
  CMD_PARTITION,
  CMD_PLACE,
  CMD_ROWS,
  CMD_SPLIT,
  CTRL,
  chunkStart,
  claimPartitionChunks,
  claimRowBlocks,
  claimRowChunks,
  runSplitShare,
  spinWhile,
  type WorkerBuffers,
} from './protocol.js';

/**
 * Histogram worker: after receiving a run's shared buffers it blocks on the control block,
 * builds its share of each job's features (or partitions its chunk of a leaf's rows), and returns to its event loop on DETACH.
 */
const { ctrl, jobFeatures, index, threads } = workerData as { ctrl: Int32Array; jobFeatures: Int32Array; index: number; threads: number };
const splitScratch = new Float64Array(2 * 256);

parentPort!.on('message', (b: WorkerBuffers) => {
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
    leafValue: b.leafValue,
    rowParams: b.rowParams,
    blockStats: b.blockStats,
    quantization: b.quantization,
    scratch: b.scratch,
    scratchG: b.scratchG,
    scratchH: b.scratchH,
    hist: b.hist,
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
          seed: ctrl[CTRL.ROW_SEED]! >>> 0,
        };
        claimRowBlocks(ctrl, buffers, job, blockCount(b.rowCount));
      } else if (cmd === CMD_PARTITION || cmd === CMD_PLACE) {
        claimPartitionChunks(ctrl, buffers, cmd);
      } else if (ctrl[CTRL.BY_ROWS] === 1) {
        const base = (index - 1) * b.histSize;
        zeroFeatureBlocks(b.threadHist, base, b.offsets, jobFeatures, 0, n);
        claimRowChunks(ctrl, buffers, b.threadHist, base, start, count, allRows, jobFeatures, n);
      } else {
        buildFeatureRange(buffers, slot, start, count, allRows, jobFeatures, chunkStart(0, n, index, threads), chunkStart(0, n, index + 1, threads));
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
