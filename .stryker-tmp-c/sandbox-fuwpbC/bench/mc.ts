/**
 * Monte Carlo benchmark: reads a portfolio CSV (peer_mc.py gen format), simulates the one-factor
 * Gaussian copula and prints one JSON line with EL (and its standard error), analytic EL, VaR99,
 * ES99 and the seconds spent after reading the file (as the numpy peer measures).
 * usage: node dist/bench/mc.js PORTFOLIO.csv SCENARIOS SEED [RHO=0.15] [THREADS=cores]
 */
// @ts-nocheck

import { readFrame } from '../src/io/index.js';
import { headline, portfolioFromFrame, simulatePortfolio } from '../src/portfolio/index.js';
import { defaultThreads, parallelKernelRunner } from '../src/portfolio/simulate/workers/run-kernel-parallel.js';

const [file, scenarioText, seedText, rhoText, threadText] = process.argv.slice(2);
if (file === undefined || scenarioText === undefined || seedText === undefined) {
  process.stderr.write('usage: mc.js PORTFOLIO.csv SCENARIOS SEED [RHO] [THREADS]\n');
  process.exit(2);
}
const loans = portfolioFromFrame(await readFrame(file));
const threads = threadText === undefined ? defaultThreads() : Number(threadText);
const started = performance.now();
const [run] = await simulatePortfolio(
  loans,
  { scenarios: Number(scenarioText), seed: Number(seedText), rho: rhoText === undefined ? 0.15 : Number(rhoText) },
  parallelKernelRunner(threads),
);
const seconds = (performance.now() - started) / 1000;
if (run === undefined) throw new Error('no result');
const h = headline(run);
const round = (v: number) => Math.round(v * 100) / 100;
process.stdout.write(
  `${JSON.stringify({
    credo: 'credo-mc',
    loans: loans.pd.length,
    scenarios: Number(scenarioText),
    threads,
    el: round(h.el!.value),
    el_se: round(h.el!.se),
    analytic_el: round(run.analyticEl),
    var99: round(h.var99!.value),
    var99_se: round(h.var99!.se),
    es99: round(h.es99!.value),
    seconds: Math.round(seconds * 1000) / 1000,
  })}\n`,
);
