import { parentPort, workerData } from 'node:worker_threads';
import type { BinnedData } from '../bin.js';
import { buildFeatureRange, featureShare, partitionChunk } from '../buffers.js';
import { CMD_DETACH, CMD_PARTITION, CTRL, chunkStart, type WorkerBuffers } from './protocol.js';

/**
 * Histogram worker: after receiving a run's shared buffers it blocks on the control block,
 * builds its share of each job's features (or partitions its chunk of a leaf's rows), and returns to its event loop on DETACH.
 */
const { ctrl, jobFeatures, index, threads } = workerData as { ctrl: Int32Array; jobFeatures: Int32Array; index: number; threads: number };

parentPort!.on('message', (b: WorkerBuffers) => {
  const buffers = {
    data: { bins: b.bins, rowCount: b.rowCount } as BinnedData,
    indices: b.indices,
    orderedG: b.orderedG,
    orderedH: b.orderedH,
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
  for (;;) {
    Atomics.wait(ctrl, CTRL.GEN, gen);
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
      if (Atomics.load(ctrl, CTRL.CMD) === CMD_PARTITION) {
        const from = chunkStart(start, count, index, threads);
        const to = chunkStart(start, count, index + 1, threads);
        const left = partitionChunk(
          buffers,
          from,
          to - from,
          ctrl[CTRL.FEATURE]!,
          ctrl[CTRL.BIN]!,
          null,
          ctrl[CTRL.DEFAULT_LEFT] === 1,
          ctrl[CTRL.MISSING_BIN]!,
          from,
        );
        ctrl[CTRL.LEFT + index] = left;
      } else {
        buildFeatureRange(buffers, slot, start, count, allRows, jobFeatures, featureShare(n, index, threads), featureShare(n, index + 1, threads));
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
