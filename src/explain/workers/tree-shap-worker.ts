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

const job = workerData as TreeShapJob;
treeShapRows(job.model, job.x, job.rowStart, job.rowEnd, job.out, createTreeShapScratch(job.model));
parentPort?.postMessage('done');
