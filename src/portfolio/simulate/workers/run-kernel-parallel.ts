/**
 * The Node runner of the Monte Carlo kernel over worker threads. Blocks of SCENARIO_BLOCK scenarios
 * are dealt round-robin to the threads; each block draws from its own stream deriveSeed(seed, block)
 * and lands at its own offset, so the results are identical whatever the thread count.
 */
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
 * A runner using `threads` worker threads (1 = inline on this thread, no worker). The workers are
 * started per run and ended after it. `onBlock` is called after each block of SCENARIO_BLOCK
 * scenarios (e.g. for a progress bar; `blockCount(scenarios)` blocks per macro scenario).
 */
export function parallelKernelRunner(threads: number, onBlock?: () => void): KernelRunner {
  if (threads <= 1) {
    if (onBlock === undefined) return runKernelInline;
    return (plan: SimulationPlan, options: KernelOptions): ScenarioResults => {
      const out = allocateResults(plan, options.scenarios);
      for (let b = 0; b < blockCount(options.scenarios); b++) {
        simulateBlocks(plan, options, b, b + 1, out);
        onBlock();
      }
      return out;
    };
  }
  return async (plan: SimulationPlan, options: KernelOptions): Promise<ScenarioResults> => {
    const blocks = blockCount(options.scenarios);
    const used = Math.min(threads, blocks);
    const out = allocateResults(plan, options.scenarios);
    const jobs = Array.from({ length: used }, (_, w) => {
      const mine: number[] = [];
      for (let b = w; b < blocks; b += used) mine.push(b);
      return runWorker(plan, options, mine, onBlock);
    });
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

function runWorker(plan: SimulationPlan, options: KernelOptions, blocks: number[], onBlock?: () => void): Promise<Part[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./simulate-worker.js', import.meta.url));
    worker.on('message', (message: Part[] | { progress: number }) => {
      if (!Array.isArray(message)) {
        onBlock?.();
        return;
      }
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.postMessage({ plan, options, blocks });
  });
}
