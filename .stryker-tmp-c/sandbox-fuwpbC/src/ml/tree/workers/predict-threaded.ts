// @ts-nocheck
import { Worker } from 'node:worker_threads';
import { Frame } from '../../../frame/index.js';
import { type FeatureMatrix, featureMatrix } from '../feature-matrix.js';
import { predictEnsembleRange, predictEnsembleRaw } from '../predict.js';
import type { TreeEnsemble } from '../tree.js';

/** Below this many rows a single thread is faster than starting workers. */
const MIN_ROWS_PER_THREAD = 20_000;

/**
 * `predictEnsembleRaw` over `threads` threads: the matrix is copied once into a
 * SharedArrayBuffer, each worker scores a contiguous row range and the calling thread scores the
 * first. Every row's margin is computed exactly as single-threaded (same code, same order), so
 * the result is identical for any thread count.
 */
export async function predictEnsembleRawThreaded(ensemble: TreeEnsemble, input: Frame | FeatureMatrix, threads: number): Promise<Float64Array> {
  const m = input instanceof Frame ? featureMatrix(ensemble.features, input, ensemble.inputPrecision) : input;
  const n = m.rowCount;
  const used = Math.max(1, Math.min(threads, Math.floor(n / MIN_ROWS_PER_THREAD)));
  if (used <= 1) return predictEnsembleRaw(ensemble, m);
  const width = m.columns.length;
  const values = new Float64Array(new SharedArrayBuffer(Math.max(1, n * width) * 8));
  m.columns.forEach((c, f) => {
    values.set(c, f * n);
  });
  const out = new Float64Array(new SharedArrayBuffer(Math.max(1, n) * 8));
  const bounds = Array.from({ length: used + 1 }, (_, t) => Math.round((t * n) / used));
  const done = bounds.slice(1, -1).map(
    (from, k) =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL('./predict-worker.js', import.meta.url), {
          workerData: { ensemble, values, rowCount: n, width, from, to: bounds[k + 2]!, out },
        });
        worker.once('message', () => {
          void worker.terminate();
          resolve();
        });
        worker.once('error', reject);
      }),
  );
  predictEnsembleRange(ensemble, m, 0, bounds[1]!, out);
  await Promise.all(done);
  return new Float64Array(out);
}
