// @ts-nocheck
// 
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { parseYaml } from '../../io/index.js';
import { type PolicyKpis, type PolicyStudy, studyCutoffs, studyLimits, studyMix } from '../../portfolio/index.js';
import { workerLpSolver } from '../../portfolio/optimise/workers/worker-lp-solver.js';
import { defineCommand } from '../command.js';
import { readDataFile, schemaFlag } from '../data-input.js';
import { type Cell, formatCount, formatPercent, formatPoints, formatTable, type Progress, printResult, startProgress } from '../output.js';

type Study = (frame: Frame, raw: unknown, file: string, options: Parameters<typeof studyCutoffs>[3]) => Promise<PolicyStudy>;

const flags = {
  data: { type: 'string', required: true, description: 'data file (.csv or .parquet)' },
  ...schemaFlag,
  config: { type: 'string', required: true, description: 'optimisation config (YAML or JSON); see examples/optimise/' },
  frontier: { type: 'boolean', description: 'also re-solve over a sweep of the risk cap (the efficient frontier)' },
} as const;

/** Reads a YAML/JSON config file, naming the file on errors. */
export async function readConfigFile(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new CredoError('E_FILE_NOT_FOUND', { file: path });
  });
  return parseYaml(text, path);
}

function optimiseCommand(kind: 'cutoffs' | 'limits' | 'mix', summary: string, details: string, study: Study) {
  return defineCommand({
    name: `optimise ${kind}`,
    summary,
    details,
    flags,
    async run(args, _positionals, context) {
      const configFile = resolve(context.cwd, args.config);
      const raw = await readConfigFile(configFile);
      const frame = await readDataFile(context, args.data, args);
      const solver = workerLpSolver();
      const started = performance.now();
      let result: PolicyStudy;
      try {
        let progress: Progress | undefined;
        const onFrontierPoint = (done: number, total: number) => {
          progress ??= startProgress(context, 'frontier points', total);
          progress.tick(done);
        };
        result = await study(frame, raw, configFile, { frontier: args.frontier, solver, onFrontierPoint });
        progress?.done();
      } finally {
        await solver.close();
      }
      const seconds = Math.round(performance.now() - started) / 1000;
      if (result.result.status === 'infeasible') {
        const conflict = result.result.conflict;
        throw new CredoError('E_PORTFOLIO_INFEASIBLE', {
          conflict: conflict.length === 0 ? 'the fixed structure (knock-outs, monotonicity, step limits) alone' : conflict.map((c) => c.label).join('; '),
          constraints: conflict,
        });
      }
      printResult(context, { ...result, seconds }, () => renderStudy(result, seconds));
      // A solver failure on the main problem is reported (status, message, any frontier) and exits 1.
      return result.result.status === 'unsolved' ? 1 : 0;
    },
  });
}

type KpiFormat = 'count' | 'percent' | 'multiple';

/**
 * The KPI rows of each problem. In `mix` the "approved" accounts are volume-weighted and their ratio
 * to today's book is a volume multiple (1.19 = 19% more loans), not an approval rate; in `limits`
 * every account is kept.
 */
function kpiRows(problem: PolicyStudy['problem']): [keyof PolicyKpis, string, KpiFormat][] {
  const volume: [keyof PolicyKpis, string, KpiFormat][] =
    problem === 'mix'
      ? [
          ['approved', 'accounts (volume-weighted)', 'count'],
          ['approval_rate', 'volume vs current book', 'multiple'],
        ]
      : problem === 'limits'
        ? [['approved', 'accounts kept', 'count']]
        : [
            ['approved', 'approved', 'count'],
            ['approval_rate', 'approval rate', 'percent'],
          ];
  return [
    ...volume,
    ['bad_rate', 'bad rate (count)', 'percent'],
    ['bad_rate_amount', 'bad rate (amount)', 'percent'],
    ['amount', 'exposure', 'count'],
    ['el', 'expected loss', 'count'],
    ['capital', 'capital', 'count'],
    ['profit', 'expected profit', 'count'],
  ];
}

/** A KPI value; a change of a rate is in percentage points, of a multiple in its own units. */
function formatKpi(v: number, format: KpiFormat, change = false): Cell {
  const sign = change && v > 0 ? '+' : '';
  if (format === 'percent') return change ? formatPoints(v) : formatPercent(v);
  if (format === 'multiple') return change ? `${sign}${v.toFixed(4)}` : `×${v.toFixed(4)}`;
  return change ? `${sign}${formatCount(Math.round(v))}` : Math.round(v);
}

function renderStudy(study: PolicyStudy, seconds: number): string {
  const r = study.result;
  if (r.status === 'infeasible') return '';
  if (r.status === 'unsolved') return `optimise ${study.problem}: not solved (${r.solver_status}): ${r.message}\n${renderFrontier(study)}`;
  let out = `optimise ${study.problem}: ${study.segments} segments × ${study.actions.length} actions, ${r.status}, ${seconds} s\n\n`;
  out += formatTable(
    ['KPI', ...(r.current === undefined ? [] : ['current']), 'optimised', ...(r.delta === undefined ? [] : ['change'])],
    kpiRows(study.problem).map(([key, label, format]) => [
      label,
      ...(r.current === undefined ? [] : [formatKpi(r.current[key], format)]),
      formatKpi(r.kpis[key], format),
      ...(r.delta === undefined ? [] : [formatKpi(r.delta[key], format, true)]),
    ]),
  );
  if (study.problem === 'cutoffs' && r.current !== undefined)
    out += 'current = the rows the current policy approved (the `current` column), at the first approving action\n';
  out += `\n${formatTable(
    ['segment', 'accounts', 'action', ...(r.assignment[0]?.current_approved_share === undefined || study.problem !== 'cutoffs' ? [] : ['current approved'])],
    r.assignment.map((a) => [
      a.segment,
      Math.round(a.accounts),
      Object.keys(a.shares).length > 1
        ? Object.entries(a.shares)
            .map(([k, v]) => `${k} ${formatPercent(v)}`)
            .join(', ')
        : a.action,
      ...(a.current_approved_share === undefined || study.problem !== 'cutoffs' ? [] : [formatPercent(a.current_approved_share)]),
    ]),
    { title: 'Assignment' },
  )}`;
  if (r.swap_set !== undefined) {
    out += `\n${formatTable(
      ['cell', 'accounts', 'expected bads', 'bad rate'],
      Object.entries(r.swap_set.cells).map(([cell, c]) => [cell, Math.round(c.count), Math.round(c.bads), formatPercent(c.bad_rate)]),
      { title: 'Swap set vs current policy (expected bads from PD)' },
    )}`;
  }
  if (r.shadow_prices !== undefined && r.shadow_prices.length > 0) {
    out += `\n${formatTable(
      ['constraint', 'activity', 'shadow price (per unit of rhs)', 'per unit of parameter'],
      r.shadow_prices.map((p) => [p.label, p.activity, p.dual, p.parameter?.shadowPrice ?? '']),
      { title: `Shadow prices (LP relaxation, profit bound ${Math.round(r.relaxation_profit ?? 0)})`, digits: 4 },
    )}`;
  }
  if (study.risk !== undefined) {
    const rows: Cell[][] = study.risk.stressed_el.map((r) => [`EL in ${r.scenario}`, Math.round(r.value), Math.round(r.max)]);
    if (study.risk.cvar !== undefined)
      rows.push([`CVaR ${(study.risk.cvar.alpha * 100).toFixed(1)}%`, Math.round(study.risk.cvar.value), Math.round(study.risk.cvar.max)]);
    out += `\n${formatTable(['risk of the optimised mix', 'value', 'limit'], rows, { title: 'Stressed losses and CVaR (Monte Carlo draws)' })}`;
  }
  return out + renderFrontier(study);
}

/** The frontier table, with a note under it for each point the solver failed on or needed a retry for. */
function renderFrontier(study: PolicyStudy): string {
  let out = '';
  if (study.frontier !== undefined) {
    out += `\n${formatTable(
      [study.frontier.parameter, 'status', 'profit', study.problem === 'mix' ? 'volume vs current' : 'approval rate', 'bad rate', 'bad rate (amount)', 'EL'],
      study.frontier.points.map((p) => [
        p.value,
        p.status,
        p.profit === null ? '' : Math.round(p.profit),
        p.kpis === null ? '' : formatKpi(p.kpis.approval_rate, study.problem === 'mix' ? 'multiple' : 'percent'),
        p.kpis === null ? '' : formatPercent(p.kpis.bad_rate),
        p.kpis === null ? '' : formatPercent(p.kpis.bad_rate_amount),
        p.kpis === null ? '' : Math.round(p.kpis.el),
      ]),
      { title: 'Efficient frontier' },
    )}`;
    for (const p of study.frontier.points) if (p.message !== undefined) out += `${study.frontier.parameter} ${p.value}: ${p.message}\n`;
  }
  return out;
}

/** `credo optimise cutoffs`: per-segment approval cutoffs and tiers that maximise expected profit. */
export const optimiseCutoffsCommand = optimiseCommand(
  'cutoffs',
  'New-customer approval: per-segment decline/approve tiers maximising expected profit under bad-rate, volume, EL, capital and concentration limits',
  'Segments = score bands × categorical columns. Profit = interest − funding − opex − EL + return on capital − hurdle × capital.\n' +
    'Solved by HiGHS (MIP to the configured gap) in a worker thread; shadow prices from the LP relaxation.\n' +
    'Example: credo optimise cutoffs --data world.csv --config examples/optimise/cutoffs.yaml --frontier',
  studyCutoffs,
);

/** `credo optimise limits`: credit-limit changes per behavioural segment. */
export const optimiseLimitsCommand = optimiseCommand(
  'limits',
  'Dynamic credit-limit management: limit increase/decrease per behavioural segment, provision change counted at once, limits monotone in score',
  'Example: credo optimise limits --data accounts.csv --config examples/optimise/limits.yaml',
  studyLimits,
);

/** `credo optimise mix`: product/segment mix under stressed-loss and CVaR limits. */
export const optimiseMixCommand = optimiseCommand(
  'mix',
  'Portfolio rebalancing: segment volumes maximising expected value under stressed-loss limits per macro scenario and a CVaR limit (Rockafellar–Uryasev)',
  'Example: credo optimise mix --data book.csv --config examples/optimise/mix.yaml --frontier',
  studyMix,
);
