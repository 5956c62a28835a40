/**
 * The Node runner of the Monte Carlo kernel over threads. Blocks of SCENARIO_BLOCK scenarios are
 * dealt round-robin to the threads; each block draws from its own stream deriveSeed(seed, block)
 * and lands at its own offset, so the results are identical whatever the thread count.
 */
// @ts-nocheck

// 

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { allocateResults, blockCount, type KernelOptions, SCENARIO_BLOCK, type ScenarioResults, simulateBlocks } from '../monte-carlo-kernel.js';
import type { KernelRunner } from '../simulate-portfolio.js';
import { runKernelInline } from '../simulate-portfolio.js';
import type { SimulationPlan } from '../simulation-plan.js';

interface Part {
  readonly block: number;
  readonly loss: Float64Array;
  readonly weight: Float64Array;
  readonly segmentLoss: Float64Array;
}

/** Default thread count: the machine's available parallelism. */
export function defaultThreads(): number {
  return availableParallelism();
}

/**
 * Threads for the kernel, started ahead of the work: `threads − 1` worker threads plus the calling
 * thread, which simulates its own share of the blocks while the workers do theirs (so a run on
 * two threads starts one worker, not two). Start the pool before reading the portfolio and the
 * workers load the kernel meanwhile; `close()` ends them.
 */
export class KernelPool {
  readonly #workers: Worker[];

  /** Starts `threads − 1` workers (none for 1 thread). */
  constructor(readonly threads: number) {
    this.#workers = Array.from({ length: Math.max(0, threads - 1) }, () => {
      const worker = new Worker(new URL('./simulate-worker.js', import.meta.url));
      // an idle pool never keeps the process alive (a failed read must not hang the command)
      worker.unref();
      return worker;
    });
  }

  /**
   * A runner on the first `threads` threads of the pool (at most its size). `onBlock` is called
   * after each block (e.g. for a progress bar; `blockCount(scenarios)` blocks per macro scenario).
   */
  runner(threads = this.threads, onBlock?: () => void): KernelRunner {
    const used = Math.max(1, Math.min(threads, this.threads));
    if (used <= 1 && onBlock === undefined) return runKernelInline;
    return async (plan: SimulationPlan, options: KernelOptions): Promise<ScenarioResults> => {
      const blocks = blockCount(options.scenarios);
      const participants = Math.min(used, blocks);
      const out = allocateResults(plan, options.scenarios);
      const jobs: Promise<Part[]>[] = [];
      for (let w = 1; w < participants; w++) jobs.push(runWorker(this.#workers[w - 1] as Worker, plan, options, blocksOf(w, participants, blocks), onBlock));
      // the calling thread's share, while the workers run theirs
      for (const b of blocksOf(0, participants, blocks)) {
        simulateBlocks(plan, options, b, b + 1, out);
        onBlock?.();
      }
      for (const parts of await Promise.all(jobs)) {
        for (const part of parts) {
          const first = part.block * SCENARIO_BLOCK;
          out.loss.set(part.loss, first);
          out.weight.set(part.weight, first);
          out.segmentLoss.set(part.segmentLoss, first * plan.segmentCount);
        }
      }
      return out;
    };
  }

  /** Ends the workers. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}

/**
 * A runner using `threads` threads (1 = inline on this thread, no worker): a `KernelPool` started
 * per run and ended after it. `onBlock` is called after each block of SCENARIO_BLOCK scenarios.
 */
export function parallelKernelRunner(threads: number, onBlock?: () => void): KernelRunner {
  if (threads <= 1) return new KernelPool(1).runner(1, onBlock);
  return async (plan: SimulationPlan, options: KernelOptions): Promise<ScenarioResults> => {
    const pool = new KernelPool(threads);
    try {
      return await pool.runner(threads, onBlock)(plan, options);
    } finally {
      await pool.close();
    }
  };
}

/** Blocks of participant `w` of `participants`: w, w + participants, … */
function blocksOf(w: number, participants: number, blocks: number): number[] {
  const mine: number[] = [];
  for (let b = w; b < blocks; b += participants) mine.push(b);
  return mine;
}

function runWorker(worker: Worker, plan: SimulationPlan, options: KernelOptions, blocks: number[], onBlock?: () => void): Promise<Part[]> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Part[] | { progress: number }) => {
      if (!Array.isArray(message)) {
        onBlock?.();
        return;
      }
      worker.off('message', onMessage);
      worker.off('error', reject);
      worker.unref();
      resolve(message);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    // referenced while it works, so the process waits for its answer
    worker.ref();
    worker.postMessage({ plan, options, blocks });
  });
}
