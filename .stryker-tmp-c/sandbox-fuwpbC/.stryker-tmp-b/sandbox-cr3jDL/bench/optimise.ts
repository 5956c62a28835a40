/**
 * Optimiser benchmark: a random cutoff problem of SEGMENTS segments × ACTIONS actions (decline and
 * approve tiers with their limits and prices) with a bad-rate cap and a minimum approval volume,
 * solved by HiGHS to a 1e-4 relative gap. Prints one JSON line with the seconds, status and the
 * gap to the LP relaxation bound.
 * usage: node dist/bench/optimise.js [SEGMENTS=2000] [ACTIONS=8] [SEED=1]
 */
// @ts-nocheck

// 

import { buildCutoffProblem, type CutoffAction, optimisePolicy } from '../src/portfolio/index.js';
import { Rng } from '../src/random/index.js';

const segments = Number(process.argv[2] ?? 2000);
const actionCount = Number(process.argv[3] ?? 8);
const rng = new Rng(Number(process.argv[4] ?? 1));
const count = Float64Array.from({ length: segments }, () => 20 + rng.nextInt(500));
const pd = Float64Array.from({ length: segments }, () => Math.min(0.4, 0.002 * Math.exp(4 * rng.nextDouble())));
const amount = Float64Array.from({ length: segments }, () => 2000 + 20000 * rng.nextDouble());
const actions: CutoffAction[] = [{ name: 'decline' }];
for (let a = 1; a < actionCount; a++) actions.push({ name: `tier${a}`, limit: 0.5 + 0.25 * a, rate: 0.1 + 0.015 * a });
const problem = buildCutoffProblem(
  {
    labels: Array.from({ length: segments }, (_, s) => `s${s}`),
    band: Int32Array.from({ length: segments }, (_, s) => s % 20),
    group: Int32Array.from({ length: segments }, (_, s) => Math.floor(s / 20)),
    values: {},
    count,
    pdSum: count.map((n, s) => n * (pd[s] as number)),
    amountSum: count.map((n, s) => n * (amount[s] as number)),
    pdAmountSum: count.map((n, s) => n * (amount[s] as number) * (pd[s] as number)),
    rateAmountSum: count.map((n, s) => n * (amount[s] as number) * 0.15),
    capitalSum: count.map((n, s) => n * (amount[s] as number) * 0.08),
  },
  { actions, economics: { lgd: 0.6, funding_rate: 0.04, opex: 150, hurdle_rate: 0.1 }, limits: { bad_rate_max: 0.02, approval_min: 0.6 }, monotone: false },
);
const started = performance.now();
const result = await optimisePolicy(problem, { gap: 1e-4, timeLimit: 60 });
const seconds = (performance.now() - started) / 1000;
const out =
  result.status === 'infeasible' || result.status === 'unsolved'
    ? { status: result.status }
    : {
        status: result.status,
        profit: Math.round(result.profit),
        relaxation_profit: Math.round(result.relaxation_profit ?? Number.NaN),
        gap_to_relaxation: result.relaxation_profit === undefined ? null : (result.relaxation_profit - result.profit) / Math.abs(result.relaxation_profit),
        bad_rate: result.kpis.bad_rate,
        approval_rate: result.kpis.approval_rate,
      };
process.stdout.write(`${JSON.stringify({ credo: 'credo-optimise', segments, actions: actionCount, ...out, seconds: Math.round(seconds * 1000) / 1000 })}\n`);
