// @ts-nocheck
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import type { Column } from '../../frame/index.js';
import { parseYaml } from '../../io/index.js';
// the simulation's own folder, not portfolio/index.js: the optimiser and its solver stay unloaded
import {
  blockCount,
  headline,
  parseMacroConfig,
  portfolioFromFrame,
  type ScenarioSimulation,
  type SimulationOptions,
  simulatePortfolio,
  TARGET_PRECISION,
  tailWarnings,
} from '../../portfolio/simulate/index.js';
import { KernelPool } from '../../portfolio/simulate/workers/run-kernel-parallel.js';
import { defineCommand } from '../command.js';
import { readDataFile, schemaFlag } from '../data-input.js';
import { type Cell, formatCount, formatPercent, formatTable, printResult, startProgress } from '../output.js';
import { chooseThreads, MIN_WORK_PER_THREAD } from '../threads.js';
import { printWarnings } from '../warnings.js';

/** `credo simulate --portfolio FILE`: Monte Carlo loss distribution of a loan portfolio (Gaussian copula). */
export const simulateCommand = defineCommand({
  name: 'simulate',
  summary: 'Monte Carlo loss distribution of a loan portfolio: EL, VaR, ES, EC with confidence intervals, by segment',
  details:
    'One row per loan with pd, lgd, ead (and segment). Gaussian copula: default when √ρ·Y + √(1−ρ)·ε < Φ⁻¹(pd).\n' +
    'VaR = empirical quantile, ES = mean of the worst (1−α) share, EC = VaR99.9 − EL; intervals are 95%.\n' +
    '--macro FILE (YAML/JSON) gives scenarios (factor shifts, PD multipliers) and optionally a multi-factor model.\n' +
    'Example: credo simulate --portfolio loans.csv --rho 0.15 --scenarios 20000 --seed 7',
  flags: {
    portfolio: { type: 'string', required: true, description: 'portfolio file (.csv or .parquet), one row per loan' },
    ...schemaFlag,
    rho: { type: 'number', default: 0.15, min: 0, max: 0.99, description: 'asset correlation of the one-factor model' },
    scenarios: { type: 'int', default: 10_000, min: 10, max: 100_000_000, description: 'Monte Carlo scenarios' },
    macro: { type: 'string', description: 'macro scenario file (YAML or JSON): scenarios and factor model' },
    seed: { type: 'int', default: 1, min: 0, description: 'random seed (same seed → same numbers, any thread count)' },
    threads: { type: 'int', min: 1, max: 256, description: 'worker threads (default: one per 2,000,000 loans × scenarios, at most the cores)' },
    periods: { type: 'int', default: 1, min: 1, max: 100, description: 'horizon in periods (PD per period), EAD amortising straight-line' },
    'lgd-sd': { type: 'number', default: 0, min: 0, max: 0.49, description: 'Beta-distributed LGD with this sd around each loan’s LGD (0 = fixed)' },
    'importance-shift': {
      type: 'number',
      default: 0,
      min: -6,
      max: 6,
      description: 'importance sampling: shift of the factor normals (e.g. -2.5 for tail quantiles; 0 = off)',
    },
    budget: { type: 'number', min: 0, description: 'loss budget: report P(loss > budget)' },
    bins: { type: 'int', default: 40, min: 2, max: 1000, description: 'histogram bins' },
    'loan-id-col': { type: 'string', default: 'loan_id', description: 'loan id column (optional in the file; ids must be unique)' },
    'segment-col': { type: 'string', default: 'segment', description: 'segment column' },
    'pd-col': { type: 'string', default: 'pd', description: 'PD column' },
    'lgd-col': { type: 'string', default: 'lgd', description: 'LGD column' },
    'ead-col': { type: 'string', default: 'ead', description: 'EAD column' },
  },
  async run(args, _positionals, context) {
    // the workers start loading the kernel while the file is read
    const pool = new KernelPool(args.threads ?? availableParallelism());
    try {
      const frame = await readDataFile(context, args.portfolio, args);
      const loans = portfolioFromFrame(frame, { segment: args['segment-col'], pd: args['pd-col'], lgd: args['lgd-col'], ead: args['ead-col'] });
      if (frame.has(args['loan-id-col'])) checkUniqueIds(frame.column(args['loan-id-col']));
      const options: { -readonly [K in keyof SimulationOptions]: SimulationOptions[K] } = {
        scenarios: args.scenarios,
        seed: args.seed,
        rho: args.rho,
        periods: args.periods,
        lgdSd: args['lgd-sd'],
        importanceShift: args['importance-shift'],
        histogramBins: args.bins,
      };
      if (args.budget !== undefined) options.budget = args.budget;
      if (args.macro !== undefined) {
        const macroFile = resolve(context.cwd, args.macro);
        const text = await readFile(macroFile, 'utf8').catch(() => {
          throw new CredoError('E_FILE_NOT_FOUND', { file: macroFile });
        });
        const raw = parseYaml(text, macroFile);
        const config = parseMacroConfig(raw, loans.segments, args.rho, macroFile);
        options.model = config.model;
        options.macro = config.scenarios;
      }
      const threads = args.threads ?? chooseThreads(loans.pd.length * args.scenarios, MIN_WORK_PER_THREAD.monteCarlo, undefined, 'ignore');
      const started = performance.now();
      const progress = startProgress(context, 'simulating', blockCount(args.scenarios) * (options.macro?.length ?? 1));
      let blocks = 0;
      const runs = await simulatePortfolio(
        loans,
        options,
        pool.runner(threads, () => progress.tick(++blocks)),
      );
      progress.done();
      const seconds = (performance.now() - started) / 1000;
      const result = simulationReport(runs, { seconds, threads, loans: loans.pd.length, seed: args.seed });
      printWarnings(context, result.warnings);
      printResult(context, result, () => renderSimulation(runs, result));
      return 0;
    } finally {
      await pool.close();
    }
  },
});

/** Rejects a portfolio whose loan ids repeat, naming the first repeated id and its row. */
function checkUniqueIds(column: Column): void {
  const seen = new Set<number | string>();
  const n = column.type === 'number' ? column.values.length : column.codes.length;
  for (let i = 0; i < n; i++) {
    const id = column.type === 'number' ? (column.values[i] as number) : (column.codes[i] as number);
    if (seen.has(id)) {
      const label = column.type === 'number' ? String(id) : (column.dictionary[id as number] ?? '(missing)');
      throw new CredoError('E_PORTFOLIO_LOAN_INVALID', { row: i + 1, problem: `loan id "${label}" appears more than once` });
    }
    seen.add(id);
  }
}

/** The JSON shape: the first scenario's figures at the top, every scenario under `macro`. */
export function simulationReport(runs: readonly ScenarioSimulation[], meta: { seconds: number; threads: number; loans: number; seed: number }) {
  const scenarioReport = (run: ScenarioSimulation) => {
    const h = headline(run);
    const e = run.estimates;
    const values = Object.fromEntries(Object.entries(h).map(([k, v]) => [k, v.value]));
    return {
      scenario: run.scenario,
      ...values,
      ec99: e.tails[0]?.ec.value,
      analytic_el: run.analyticEl,
      ci95: Object.fromEntries(Object.entries(h).map(([k, v]) => [k, v.ci])),
      se: Object.fromEntries(Object.entries(h).map(([k, v]) => [k, v.se])),
      histogram: { edges: e.histogram.edges, probability: e.histogram.probability },
      by_segment: run.segments.map((segment, k) => ({
        segment,
        el: e.elBySegment[k],
        el_share: e.el.value > 0 ? (e.elBySegment[k] as number) / e.el.value : 0,
        es99: e.tails[0]?.esBySegment[k],
        es999: e.tails[1]?.esBySegment[k],
      })),
      ...(e.exceedBudget === undefined
        ? {}
        : { budget: { amount: e.exceedBudget.budget, probability: e.exceedBudget.probability.value, ci95: e.exceedBudget.probability.ci } }),
      tail_scenarios: { var99: e.tails[0]?.tailScenarios, var999: e.tails[1]?.tailScenarios },
      scenarios_for_es_precision: {
        precision: TARGET_PRECISION,
        es99: e.tails[0]?.scenariosForPrecision,
        es999: e.tails[1]?.scenariosForPrecision,
      },
      importance_sampling:
        run.importanceShift === 0
          ? null
          : { shift: run.importanceShift, variance_reduction99: e.tails[0]?.varianceReduction, variance_reduction999: e.tails[1]?.varianceReduction },
    };
  };
  const [first, ...rest] = runs.map(scenarioReport);
  const warnings = runs.flatMap((run) => tailWarnings(run.estimates, run.importanceShift !== 0).map((w) => (runs.length > 1 ? `${run.scenario}: ${w}` : w)));
  return {
    ...first,
    warnings,
    scenarios: runs[0]?.estimates.scenarios,
    loans: meta.loans,
    seed: meta.seed,
    threads: meta.threads,
    seconds: Math.round(meta.seconds * 1000) / 1000,
    conventions:
      'VaR = empirical alpha-quantile of simulated losses; ES = mean of the worst (1-alpha) share; EC = VaR99.9 - EL; ci95 = 95% Monte Carlo intervals (ES = VaR + mean excess over VaR, the excess interval clipped at 0, so ES intervals never fall below VaR)',
    macro: rest.length === 0 ? undefined : [first, ...rest],
  };
}

function renderSimulation(runs: readonly ScenarioSimulation[], report: ReturnType<typeof simulationReport>): string {
  const money = (v: number) => Math.round(v);
  const rows: Cell[][] = runs.map((run) => {
    const h = headline(run);
    const grouped = (v: number) => formatCount(money(v));
    const cell = (k: string) => `${grouped(h[k]!.value)} [${grouped(h[k]!.ci[0])} – ${grouped(h[k]!.ci[1])}]`;
    return [run.scenario, money(run.analyticEl), cell('el'), cell('var99'), cell('var999'), cell('es99'), cell('es999'), money(h.ec!.value)];
  });
  let out = `${report.loans} loans, ${report.scenarios} scenarios, seed ${report.seed}, ${report.threads} threads, ${report.seconds} s\n`;
  out += formatTable(['scenario', 'analytic EL', 'EL [95% CI]', 'VaR99', 'VaR99.9', 'ES99', 'ES99.9', 'EC'], rows);
  const first = runs[0];
  if (first !== undefined) {
    const e = first.estimates;
    out += `\n${formatTable(
      ['segment', 'EL', 'EL share', 'ES99 contribution', 'ES99.9 contribution'],
      first.segments.map((segment, k) => [
        segment,
        money(e.elBySegment[k] as number),
        formatPercent((e.elBySegment[k] as number) / (e.el.value || 1)),
        money(e.tails[0]!.esBySegment[k] as number),
        money(e.tails[1]!.esBySegment[k] as number),
      ]),
      { title: `Euler allocation (${first.scenario})` },
    )}`;
    if (e.exceedBudget !== undefined) {
      const p = e.exceedBudget.probability;
      out += `\nP(loss > ${e.exceedBudget.budget}) = ${formatPercent(p.value)} [${formatPercent(p.ci[0])}, ${formatPercent(p.ci[1])}]\n`;
    }
    if (first.importanceShift !== 0) {
      out += `\nimportance sampling shift ${first.importanceShift}: variance reduction ${e.tails[0]!.varianceReduction.toFixed(1)}× at 99%, ${e.tails[1]!.varianceReduction.toFixed(1)}× at 99.9%\n`;
    }
  }
  return out;
}
