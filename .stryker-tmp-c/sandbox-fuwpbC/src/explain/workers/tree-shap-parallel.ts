// @ts-nocheck
import { Worker } from 'node:worker_threads';
import type { TreeShapModel } from '../compile-tree-shap.js';
import { createTreeShapScratch, treeShapRows } from '../tree-shap.js';

/** Below this many rows per extra thread, starting workers costs more than it saves. */
const MIN_ROWS_PER_THREAD = 2000;

/** Rows between progress reports (the workers use the same chunk). */
const PROGRESS_CHUNK = 2048;

/**
 * TreeSHAP of every row of the row-major matrix `x` on `threads` worker threads (contiguous row
 * ranges; inputs and outputs in SharedArrayBuffers). Each row is computed by the same kernel in
 * the same order, so the values do not depend on the thread count. Returns `rows × featureCount`
 * contributions, row-major. `onRows(done)` reports the rows explained so far (every 2,048 rows of a
 * thread), e.g. for a progress bar.
 */
export async function treeShapParallel(
  model: TreeShapModel,
  x: Float64Array,
  rows: number,
  threads: number,
  onRows: (done: number) => void = () => {},
): Promise<Float64Array> {
  const p = model.featureCount;
  const useThreads = plannedThreads(rows, threads);
  if (useThreads <= 1) {
    const out = new Float64Array(rows * p);
    const scratch = createTreeShapScratch(model);
    for (let start = 0; start < rows; start += PROGRESS_CHUNK) {
      const end = Math.min(rows, start + PROGRESS_CHUNK);
      treeShapRows(model, x, start, end, out, scratch);
      onRows(end);
    }
    return out;
  }
  const sharedX = new Float64Array(new SharedArrayBuffer(rows * p * 8));
  sharedX.set(x.subarray(0, rows * p));
  const out = new Float64Array(new SharedArrayBuffer(rows * p * 8));
  const shared = shareModel(model);
  const url = new URL('./tree-shap-worker.js', import.meta.url);
  const jobs: Promise<void>[] = [];
  let done = 0;
  for (let k = 0; k < useThreads; k++) {
    const rowStart = Math.floor((rows * k) / useThreads);
    const rowEnd = Math.floor((rows * (k + 1)) / useThreads);
    jobs.push(
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(url, { workerData: { model: shared, x: sharedX, out, rowStart, rowEnd } });
        worker.on('message', (message: 'done' | { rows: number }) => {
          if (message === 'done') resolve();
          else onRows((done += message.rows));
        });
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`TreeSHAP worker stopped with exit code ${code}`));
        });
      }),
    );
  }
  await Promise.all(jobs);
  return out;
}

/** Worker threads `treeShapParallel` starts for `rows` rows when allowed `threads` (1 = the calling thread only). */
export function plannedThreads(rows: number, threads: number): number {
  return Math.max(1, Math.min(threads, Math.floor(rows / MIN_ROWS_PER_THREAD)));
}

/** The model with its large arrays moved into SharedArrayBuffers, so workers read one copy. */
function shareModel(model: TreeShapModel): TreeShapModel {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(model)) {
    if (value instanceof Float64Array || value instanceof Int32Array || value instanceof Uint8Array) {
      const Ctor = value.constructor as new (buffer: SharedArrayBuffer) => typeof value;
      const shared = new Ctor(new SharedArrayBuffer(value.byteLength));
      shared.set(value as never);
      copy[key] = shared;
    } else {
      copy[key] = value;
    }
  }
  return copy as unknown as TreeShapModel;
}
