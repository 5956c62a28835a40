// @ts-nocheck
// 
import { parentPort, workerData } from 'node:worker_threads';
import { Frame } from '../../frame/index.js';
import { shapleyPermutation } from '../shapley-permutation.js';
import { SHAPLEY_PROGRESS_ROWS, type ShapleyPermutationJob } from './shapley-permutation-parallel.js';

/** Worker side of `shapleyPermutationParallel`: explains rows `rowStart..rowEnd` into the shared outputs. */
const job = workerData as ShapleyPermutationJob;
const frame = new Frame(job.columns, job.rowCount);
const background = new Frame(job.background, job.backgroundRows);
const p = job.model.schema.columns.length;
const rowOffset = job.options.rowOffset ?? 0;
for (let start = job.rowStart; start < job.rowEnd; start += SHAPLEY_PROGRESS_ROWS) {
  const end = Math.min(job.rowEnd, start + SHAPLEY_PROGRESS_ROWS);
  // the background is already drawn: asking for all of its rows keeps it as it is
  const part = shapleyPermutation(job.model, frame.slice(start, end), background, {
    ...job.options,
    background: job.backgroundRows,
    rowOffset: rowOffset + start,
  });
  job.values.set(part.values, start * p);
  if (part.standardErrors !== undefined) job.standardErrors.set(part.standardErrors, start * p);
  parentPort?.postMessage({ rows: end - start });
}
parentPort?.postMessage('done');
