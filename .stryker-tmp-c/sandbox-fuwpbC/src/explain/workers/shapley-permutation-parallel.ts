// @ts-nocheck
import { Worker } from 'node:worker_threads';
import type { Column, Frame } from '../../frame/index.js';
import type { CredoModel } from '../../ml/model.js';
import type { Explanation } from '../explanation.js';
import { backgroundSample, defaultShapleyPermutationOptions, type ShapleyPermutationOptions, shapleyPermutation } from '../shapley-permutation.js';

/** What one worker of `shapleyPermutationParallel` receives (columns as plain objects: a `Frame` does not survive cloning). */
export interface ShapleyPermutationJob {
  readonly model: CredoModel;
  readonly columns: readonly Column[];
  readonly rowCount: number;
  readonly background: readonly Column[];
  readonly backgroundRows: number;
  readonly options: ShapleyPermutationOptions;
  readonly rowStart: number;
  readonly rowEnd: number;
  /** Shared outputs, rows × features, row-major. */
  readonly values: Float64Array;
  readonly standardErrors: Float64Array;
}

/** Rows a worker explains between progress messages (any value gives the same numbers). */
export const SHAPLEY_PROGRESS_ROWS = 8;

/**
 * `shapleyPermutation` on `threads` worker threads, each explaining a contiguous range of rows
 * into SharedArrayBuffers. The background is drawn once here and handed to every worker; row i
 * draws its permutations from stream `rowOffset + i` whichever thread explains it, and the model
 * evaluates every row on its own, so the values and standard errors are the same bytes for any
 * thread count (1 runs on the calling thread). `onRows(done)` reports the rows explained so far.
 */
export async function shapleyPermutationParallel(
  model: CredoModel,
  frame: Frame,
  reference: Frame = frame,
  options: ShapleyPermutationOptions = {},
  threads = 1,
  onRows: (done: number) => void = () => {},
): Promise<Explanation> {
  const n = frame.rowCount;
  const useThreads = Math.max(1, Math.min(threads, n));
  if (useThreads <= 1) {
    const explanation = shapleyPermutation(model, frame, reference, options);
    onRows(n);
    return explanation;
  }
  const o = { ...defaultShapleyPermutationOptions, ...options };
  // validates the options and gives φ₀ and the feature list the same way a single thread does
  const background = backgroundSample(reference, o.background, o.seed);
  const head = shapleyPermutation(model, frame.slice(0, 0), background, { ...o, background: background.rowCount });
  const p = head.features.length;
  // only the model's columns travel to the workers
  const inputs = frame.select(head.features);
  const values = new Float64Array(new SharedArrayBuffer(n * p * 8));
  const standardErrors = new Float64Array(new SharedArrayBuffer(n * p * 8));
  const url = new URL('./shapley-permutation-worker.js', import.meta.url);
  let done = 0;
  const jobs: Promise<void>[] = [];
  for (let k = 0; k < useThreads; k++) {
    const job: ShapleyPermutationJob = {
      model,
      columns: inputs.columns,
      rowCount: n,
      background: background.select(head.features).columns,
      backgroundRows: background.rowCount,
      options: o,
      rowStart: Math.floor((n * k) / useThreads),
      rowEnd: Math.floor((n * (k + 1)) / useThreads),
      values,
      standardErrors,
    };
    jobs.push(
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(url, { workerData: job });
        worker.on('message', (message: 'done' | { rows: number }) => {
          if (message === 'done') resolve();
          else onRows((done += message.rows));
        });
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`Shapley worker stopped with exit code ${code}`));
        });
      }),
    );
  }
  await Promise.all(jobs);
  return { ...head, rowCount: n, values, standardErrors };
}
