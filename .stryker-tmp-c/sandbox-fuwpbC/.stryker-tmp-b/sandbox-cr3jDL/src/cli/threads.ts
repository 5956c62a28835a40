// @ts-nocheck
// 
import { availableParallelism, loadavg } from 'node:os';

/**
 * Work units one extra thread needs before it pays for itself. GBDT: rows × features per tree
 * (histograms are merged after every tree, so small data spends its time in hand-offs: HMEQ,
 * 5,960 × 12, trained 500 trees in 6.7–8.8 s on one thread and 101–109 s on two on a shared
 * 2-core machine; docs/performance.md). TreeSHAP: rows; Monte Carlo: loans × scenarios (both
 * independent per row or scenario block, no hand-offs: 500 loans × 50,000 scenarios took 5.4 s on
 * one thread and 4.1 s on two on the same busy machine). Permutation Shapley: model evaluations, rows
 * × permutations × (features − 1) × background rows (about 16 rows of a 20-feature model at the defaults).
 */
export const MIN_WORK_PER_THREAD = { gbdt: 1_000_000, treeShap: 2000, monteCarlo: 2_000_000, shapley: 1_000_000 } as const;

/** What `chooseThreads` reads from the machine (tests pass their own). */
export interface MachineLoad {
  readonly cores: number;
  /** One-minute load average. */
  readonly load: number;
}

/**
 * The default `--threads`: one thread per `minPerThread` units of `work`, at most the cores. With
 * `whenBusy` = `one` (kernels that hand work over many times, like GBDT's per-tree histograms), one
 * thread when the machine is already busy (load average ≥ cores): those threads would wait for a
 * core at every hand-off and make the job slower. Results never depend on the thread count.
 */
export function chooseThreads(
  work: number,
  minPerThread: number,
  machine: MachineLoad = { cores: availableParallelism(), load: loadavg()[0] ?? 0 },
  whenBusy: 'one' | 'ignore' = 'one',
): number {
  if (whenBusy === 'one' && machine.load >= machine.cores) return 1;
  return Math.max(1, Math.min(machine.cores, Math.floor(work / minPerThread)));
}
