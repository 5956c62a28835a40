// @ts-nocheck
// 
import { parentPort, workerData } from 'node:worker_threads';
import type { InputValue } from '../../decision/index.js';
import { contextOf, type DecideSpec, decideRows } from '../commands/decide-batch.js';

/** Worker side of `decideParallel`: decides its rows with a context built from the spec and posts the outcomes back. */
interface DecideJob {
  readonly spec: DecideSpec;
  readonly ids: readonly string[];
  readonly rows: readonly Record<string, InputValue>[];
}

const job = workerData as DecideJob;
parentPort?.postMessage(decideRows(contextOf(job.spec), job.ids, job.rows));
