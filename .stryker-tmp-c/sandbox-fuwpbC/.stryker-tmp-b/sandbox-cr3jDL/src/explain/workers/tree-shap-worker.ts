// @ts-nocheck
// 
import { parentPort, workerData } from 'node:worker_threads';
import type { TreeShapModel } from '../compile-tree-shap.js';
import { createTreeShapScratch, treeShapRows } from '../tree-shap.js';

/** Worker side of `treeShapParallel`: explains rows `rowStart..rowEnd` into the shared output. */
interface TreeShapJob {
  readonly model: TreeShapModel;
  readonly x: Float64Array;
  readonly out: Float64Array;
  readonly rowStart: number;
  readonly rowEnd: number;
}

/** Rows between progress messages. */
const CHUNK = 2048;

const job = workerData as TreeShapJob;
const scratch = createTreeShapScratch(job.model);
for (let start = job.rowStart; start < job.rowEnd; start += CHUNK) {
  const end = Math.min(job.rowEnd, start + CHUNK);
  treeShapRows(job.model, job.x, start, end, job.out, scratch);
  parentPort?.postMessage({ rows: end - start });
}
parentPort?.postMessage('done');
