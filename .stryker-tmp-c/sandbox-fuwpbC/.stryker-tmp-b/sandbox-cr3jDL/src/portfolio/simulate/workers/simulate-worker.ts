/**
 * Worker-thread entry of the parallel Monte Carlo: receives the plan, kernel options and a list of
 * block indices, simulates those blocks and posts back each block's scenario results.
 */
// @ts-nocheck

// 

import { parentPort } from 'node:worker_threads';
import { allocateResults, type KernelOptions, SCENARIO_BLOCK, simulateBlocks } from '../monte-carlo-kernel.js';
import type { SimulationPlan } from '../simulation-plan.js';

interface Job {
  readonly plan: SimulationPlan;
  readonly options: KernelOptions;
  readonly blocks: readonly number[];
}

parentPort?.on('message', (job: Job) => {
  const { plan, options, blocks } = job;
  // Results over all scenarios but only our blocks filled: simple offsets, copied back per block
  const out = allocateResults(plan, options.scenarios);
  const parts: { block: number; loss: Float64Array; weight: Float64Array; segmentLoss: Float64Array }[] = [];
  for (const block of blocks) {
    simulateBlocks(plan, options, block, block + 1, out);
    const first = block * SCENARIO_BLOCK;
    const end = Math.min(options.scenarios, first + SCENARIO_BLOCK);
    parts.push({
      block,
      loss: out.loss.slice(first, end),
      weight: out.weight.slice(first, end),
      segmentLoss: out.segmentLoss.slice(first * plan.segmentCount, end * plan.segmentCount),
    });
    parentPort?.postMessage({ progress: 1 });
  }
  parentPort?.postMessage(parts);
});
