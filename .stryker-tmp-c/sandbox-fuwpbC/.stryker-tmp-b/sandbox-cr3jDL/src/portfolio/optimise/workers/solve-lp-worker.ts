/** Worker-thread entry: solves LP text with HiGHS (ml/solver) for `workerLpSolver`, one request at a time. */
// @ts-nocheck

// 

import { parentPort } from 'node:worker_threads';
import { solveLpVerified as solveLp } from '../solve-lp-verified.js';

parentPort?.on('message', async (request: { id: number; lp: string; options: Parameters<typeof solveLp>[1] }) => {
  try {
    parentPort?.postMessage({ id: request.id, solution: await solveLp(request.lp, request.options) });
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
