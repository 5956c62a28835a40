/**
 * An `LpSolver` that runs HiGHS in a worker thread under a wall-clock limit: HiGHS gets the time
 * limit itself (and returns its best solution when it is reached); should it not return within the
 * limit plus a grace period, the worker is terminated and the solve fails with E_PORTFOLIO_SOLVER,
 * so a runaway solve never blocks the CLI or server thread.
 */
// @ts-nocheck

// 

import { Worker } from 'node:worker_threads';
import { CredoError } from '../../../errors/index.js';
import type { LpSolution, SolveLpOptions } from '../../../ml/solver/index.js';
import type { LpSolver } from '../solve-assignment.js';

/** Seconds allowed beyond HiGHS's own time limit before the worker is killed. */
const GRACE_SECONDS = 5;

/** A worker-backed solver; call `close()` when done (the worker does not keep the process alive anyway). */
export function workerLpSolver(defaultLimitSeconds = 60): LpSolver & { close(): Promise<void> } {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: (s: LpSolution) => void; reject: (e: unknown) => void }>();
  const start = () => {
    const w = new Worker(new URL('./solve-lp-worker.js', import.meta.url));
    w.unref();
    w.on('message', (message: { id: number; solution?: LpSolution; error?: string }) => {
      const entry = pending.get(message.id);
      pending.delete(message.id);
      if (message.solution !== undefined) entry?.resolve(message.solution);
      else entry?.reject(new CredoError('E_SOLVER_FAILED', { problem: message.error ?? 'unknown' }));
    });
    w.on('error', (error) => {
      for (const entry of pending.values()) entry.reject(error);
      pending.clear();
      worker = undefined;
    });
    return w;
  };
  const solve = (lp: string, options: SolveLpOptions): Promise<LpSolution> => {
    worker ??= start();
    const active = worker;
    const limit = options.timeLimit ?? defaultLimitSeconds;
    const id = nextId++;
    return new Promise<LpSolution>((resolve, reject) => {
      const timer = setTimeout(
        () => {
          pending.delete(id);
          worker = undefined;
          void active.terminate();
          reject(new CredoError('E_PORTFOLIO_SOLVER', { problem: `no answer within the wall-clock limit of ${limit + GRACE_SECONDS} s` }));
        },
        (limit + GRACE_SECONDS) * 1000,
      );
      pending.set(id, {
        resolve: (s) => {
          clearTimeout(timer);
          resolve(s);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      active.postMessage({ id, lp, options: { ...options, timeLimit: limit } });
    });
  };
  return Object.assign(solve, {
    async close() {
      const w = worker;
      worker = undefined;
      if (w !== undefined) await w.terminate();
    },
  });
}
