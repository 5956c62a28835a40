import type { GbdtOptions } from '../options.js';
import { type GbdtTrainInput, type GbdtTrainResult, trainGbdt } from '../train.js';
import { HistogramWorkerPool } from './histogram-pool.js';

/**
 * Trains with `threads` threads (feature-parallel histograms over shared memory). Gives
 * bit-identical models to `trainGbdt` for the same seed; `threads` ≤ 1 runs single-threaded.
 */
export async function trainGbdtThreaded(input: GbdtTrainInput, options: Partial<GbdtOptions>, threads: number): Promise<GbdtTrainResult> {
  if (threads <= 1) return trainGbdt(input, options);
  const pool = new HistogramWorkerPool(threads);
  try {
    return trainGbdt(input, options, { builder: pool, shared: true });
  } finally {
    await pool.close();
  }
}
