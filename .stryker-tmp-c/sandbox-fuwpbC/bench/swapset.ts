/**
 * Swap-set benchmark: old-policy.yaml vs new-policy.yaml (examples/strategies) on the synthetic world,
 * per segment, with random-test and score-band reject inference. Times everything after reading the
 * file: parsing and compiling both strategies, deciding every row, inference and the 2×2 tables.
 * Reports the first (cold) run's wall time and its CPU time (single-threaded; equal to wall time on an
 * idle machine, and steadier when other processes share the cores).
 * usage (from the repository root): node dist/bench/swapset.js world.parquet   → JSON lines
 */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { readFrame } from '../src/io/index.js';
import {
  activeRules,
  computeSwapset,
  DECISION,
  decide,
  type InferenceMethod,
  inferRejects,
  parseStrategy,
  ruleMasks,
  type SwapsetReport,
  segmentRows,
  swapCells,
} from '../src/strategy/index.js';

const [dataPath] = process.argv.slice(2);
if (dataPath === undefined) throw new Error('usage: swapset.js world.parquet');
let started = performance.now();
const frame = await readFrame(dataPath);
const readSeconds = (performance.now() - started) / 1000;
const oldText = readFileSync('examples/strategies/old-policy.yaml', 'utf8');
const newText = readFileSync('examples/strategies/new-policy.yaml', 'utf8');

function approvals(text: string): Uint8Array {
  const rules = activeRules(parseStrategy(text));
  const { decision } = decide(rules, ruleMasks(frame, rules), frame.rowCount);
  const out = new Uint8Array(frame.rowCount);
  for (let i = 0; i < out.length; i++) out[i] = +(decision[i] === DECISION.approve);
  return out;
}

function swapset(kind: 'random-test' | 'score-band'): SwapsetReport {
  const oldApproved = approvals(oldText);
  const newApproved = approvals(newText);
  const strata = segmentRows(frame, 'segment');
  const method: InferenceMethod =
    kind === 'random-test' ? { kind, randomTest: frame.numeric('random_test').values } : { kind, score: frame.numeric('old_score').values, bands: 10 };
  const inference = inferRejects(frame.numeric('bad').values, method, {
    groups: swapCells(oldApproved, newApproved),
    groupCount: 4,
    strata: strata.codes,
    strataCount: strata.labels.length,
    scoreName: 'old_score',
  });
  return computeSwapset(frame, oldApproved, newApproved, { target: 'bad', amount: 'requested_amount', trueTarget: 'true_bad', by: 'segment', inference });
}

const results: Record<string, { seconds: number; cpu: number; swapIn: number | null; trueSwapIn: number | null }> = {};
for (const kind of ['random-test', 'score-band'] as const) {
  const times: number[] = [];
  const cpu: number[] = [];
  let report: SwapsetReport | undefined;
  for (let run = 0; run < 3; run++) {
    started = performance.now();
    const cpuStart = process.cpuUsage();
    report = swapset(kind);
    const used = process.cpuUsage(cpuStart);
    times.push((performance.now() - started) / 1000);
    // CPU time of this single-threaded computation: what the wall time would be on an idle machine.
    cpu.push((used.user + used.system) / 1e6);
  }
  const swapIn = report?.segments.ALL?.cells.swap_in;
  results[kind] = { seconds: times[0] as number, cpu: cpu[0] as number, swapIn: swapIn?.bad_rate ?? null, trueSwapIn: swapIn?.true_bad_rate ?? null };
  console.log(
    JSON.stringify({
      bench: 'swapset',
      infer: kind,
      rows: frame.rowCount,
      seconds: round(times[0] as number),
      cpu_seconds: round(cpu[0] as number),
      best_seconds: round(Math.min(...times)),
      swap_in_bad_rate: swapIn?.bad_rate,
      swap_in_true_bad_rate: swapIn?.true_bad_rate,
    }),
  );
}
const worst = Math.max(...Object.values(results).map((r) => r.seconds));
const worstCpu = Math.max(...Object.values(results).map((r) => r.cpu));
console.log(
  JSON.stringify({
    bench: 'swapset',
    rows: frame.rowCount,
    read_seconds: round(readSeconds),
    seconds: round(worst),
    cpu_seconds: round(worstCpu),
    target_seconds: 1,
    under_target: worst < 1,
    under_target_cpu: worstCpu < 1,
  }),
);

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
