// @ts-nocheck
import type { GbdtOptions } from '../options.js';
import { type GbdtTrainInput, type GbdtTrainResult, trainGbdt } from '../train.js';
import { HistogramWorkerPool } from './histogram-pool.js';

/**
 * Trains with `threads` threads (feature-parallel histograms over shared memory). Gives
 * bit-identical models to `trainGbdt` for the same seed; `threads` ≤ 1 runs single-threaded.
 * `onTree` reports progress after each tree.
 */
export async function trainGbdtThreaded(
  input: GbdtTrainInput,
  options: Partial<GbdtOptions>,
  threads: number,
  onTree?: (done: number, total: number) => void,
): Promise<GbdtTrainResult> {
  if (threads <= 1) return trainGbdt(input, options, onTree === undefined ? {} : { onTree });
  const pool = new HistogramWorkerPool(threads);
  try {
    return trainGbdt(input, options, onTree === undefined ? { builder: pool, shared: true } : { builder: pool, shared: true, onTree });
  } finally {
    await pool.close();
  }
}
