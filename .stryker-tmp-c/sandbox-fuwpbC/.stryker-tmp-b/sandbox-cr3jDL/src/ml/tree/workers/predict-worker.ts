// @ts-nocheck
// 
import { parentPort, workerData } from 'node:worker_threads';
import { predictEnsembleRange } from '../predict.js';
import type { TreeEnsemble } from '../tree.js';

/** Prediction worker: scores rows [from, to) of the shared column-major matrix into the shared output. */
const { ensemble, values, rowCount, width, from, to, out } = workerData as {
  ensemble: TreeEnsemble;
  values: Float64Array;
  rowCount: number;
  width: number;
  from: number;
  to: number;
  out: Float64Array;
};
const columns = Array.from({ length: width }, (_, f) => values.subarray(f * rowCount, (f + 1) * rowCount));
predictEnsembleRange(ensemble, { rowCount, columns }, from, to, out);
parentPort!.postMessage('done');
