// @ts-nocheck
// 
import { resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { readFrame } from '../../io/index.js';
import { backtestPolicies, type PolicyBacktest } from '../../portfolio/index.js';
import { defaultThreads, parallelKernelRunner } from '../../portfolio/simulate/workers/run-kernel-parallel.js';
import { computeSwapset, type InferenceMethod, inferRejects, SWAP_CELLS, segmentRows, swapCells } from '../../strategy/index.js';
import { defineCommand } from '../command.js';
import { type Cell, formatCount, formatPercent, formatTable, printResult } from '../output.js';
import { policyApprovals } from './policy-approvals.js';

/** `credo backtest`: champion vs challenger strategy on historical applications. */
export const backtestCommand = defineCommand({
  name: 'backtest',
  summary: 'Champion/challenger on history: approvals, observed and inferred bad rates, expected profit, swap set and Monte Carlo losses side by side',
  details:
    '--champion/--challenger take a strategy file (YAML/JSON) or column:NAME (a recorded decision: approve label or 1).\n' +
    'Outcomes exist only where the historical policy approved; other rows get inferred rates with --infer\n' +
    '(random-test | score-band:COLUMN), labelled by method. Expected profit and losses use --pd (a PD column).\n' +
    'Example: credo backtest --data world.csv --champion examples/strategies/old-policy.yaml --challenger examples/strategies/new-policy.yaml --infer random-test',
  flags: {
    data: { type: 'string', required: true, description: 'historical applications (.csv or .parquet)' },
    champion: { type: 'string', required: true, description: 'champion strategy file, or column:NAME' },
    challenger: { type: 'string', required: true, description: 'challenger strategy file, or column:NAME' },
    infer: { type: 'string', description: 'reject inference for rows without an outcome: random-test | score-band:COLUMN' },
    target: { type: 'string', default: 'bad', description: '0/1 outcome column (empty = no outcome)' },
    pd: { type: 'string', description: 'PD column for expected profit and losses (default: true_pd when present)' },
    amount: { type: 'string', default: 'requested_amount', description: 'amount (EAD) column' },
    rate: { type: 'string', default: 'interest_rate', description: 'annual interest rate column' },
    by: { type: 'string', description: 'segment column for the swap set and loss contributions' },
    lgd: { type: 'number', default: 0.6, min: 0, max: 1, description: 'loss given default' },
    'funding-rate': { type: 'number', default: 0.06, min: -1, max: 1, description: 'annual funding rate' },
    opex: { type: 'number', default: 0, min: 0, description: 'operating cost per approved account per year' },
    hurdle: { type: 'number', default: 0.12, min: 0, max: 1, description: 'cost of capital on IRB capital' },
    rho: { type: 'number', default: 0.12, min: 0, max: 0.99, description: 'asset correlation of the loss simulation' },
    scenarios: { type: 'int', default: 5000, min: 100, max: 10_000_000, description: 'Monte Carlo scenarios' },
    seed: { type: 'int', default: 1, min: 0, description: 'random seed' },
    threads: { type: 'int', min: 1, max: 256, description: 'worker threads (default: available cores)' },
    'random-test': { type: 'string', default: 'random_test', description: 'column marking the random test group (1 = in it)' },
    bands: { type: 'int', default: 10, min: 2, max: 100, description: 'score bands for score-band inference' },
  },
  async run(args, _positionals, context) {
    const frame = await readFrame(resolve(context.cwd, args.data));
    const champion = await policyApprovals(args.champion, 'champion', frame, context.cwd);
    const challenger = await policyApprovals(args.challenger, 'challenger', frame, context.cwd);
    const pdColumn = args.pd ?? (frame.has('true_pd') ? 'true_pd' : undefined);
    if (pdColumn === undefined) throw new CredoError('E_INPUT_FLAG_MISSING', { flag: 'pd' });
    const target = frame.numeric(args.target).values;
    const strata = segmentRows(frame, args.by);
    let inference: ReturnType<typeof inferRejects> | undefined;
    if (args.infer !== undefined) {
      inference = inferRejects(target, inferenceMethod(args.infer, frame, args['random-test'], args.bands), {
        groups: swapCells(champion.approved, challenger.approved),
        groupCount: 4,
        strata: strata.codes,
        strataCount: strata.labels.length,
      });
    }
    const swapset = computeSwapset(frame, champion.approved, challenger.approved, {
      target: args.target,
      amount: args.amount,
      ...(frame.has('true_bad') ? { trueTarget: 'true_bad' } : {}),
      ...(args.by === undefined ? {} : { by: args.by }),
      ...(inference === undefined ? {} : { inference }),
    });
    const sides = await backtestPolicies(
      [champion, challenger],
      {
        target,
        ...(inference === undefined ? {} : { inference }),
        pd: frame.numeric(pdColumn).values,
        amount: frame.numeric(args.amount).values,
        rate: frame.numeric(args.rate).values,
        segment: strata.codes,
        segments: strata.labels,
      },
      {
        economics: { lgd: args.lgd, funding_rate: args['funding-rate'], opex: args.opex, hurdle_rate: args.hurdle },
        scenarios: args.scenarios,
        seed: args.seed,
        rho: args.rho,
        runner: parallelKernelRunner(args.threads ?? defaultThreads()),
      },
    );
    const result = { pd: pdColumn, inference: inference?.method ?? null, champion: sides[0], challenger: sides[1], swap_set: swapset };
    printResult(context, result, () => renderBacktest(sides, swapset.segments.ALL, inference?.method));
    return 0;
  },
});

function inferenceMethod(spec: string, frame: Frame, randomTest: string, bands: number): InferenceMethod {
  if (spec === 'random-test') return { kind: 'random-test', randomTest: frame.numeric(randomTest).values };
  if (spec.startsWith('score-band:')) return { kind: 'score-band', score: frame.numeric(spec.slice('score-band:'.length)).values, bands };
  throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'infer', problem: 'must be random-test or score-band:COLUMN', value: spec });
}

function renderBacktest(
  sides: PolicyBacktest[],
  all: { cells: Record<string, { count: number; bad_rate: number | null }> } | undefined,
  method: string | undefined,
): string {
  const pct = (v: number | null) => (v === null ? 'n/a' : formatPercent(v));
  const money = (v: number) => Math.round(v);
  const grouped = (v: number) => formatCount(money(v));
  const ci = (f: { value: number; ci95: readonly [number, number] }) => `${grouped(f.value)} [${grouped(f.ci95[0])} – ${grouped(f.ci95[1])}]`;
  const rows: [string, (s: PolicyBacktest) => Cell][] = [
    ['approved', (s) => s.approved],
    ['approval rate', (s) => pct(s.approval_rate)],
    ['approved amount', (s) => money(s.amount)],
    ['observed / inferred rows', (s) => `${s.observed} / ${s.inferred}`],
    [`bad rate (observed${method === undefined ? '' : ` + ${method}`})`, (s) => pct(s.bad_rate)],
    ['expected bad rate (mean PD)', (s) => pct(s.expected_bad_rate)],
    ['expected profit', (s) => money(s.expected_profit)],
    ['EL (Monte Carlo)', (s) => ci(s.losses.el)],
    ['VaR 99%', (s) => ci(s.losses.var99)],
    ['ES 99%', (s) => ci(s.losses.es99)],
    ['VaR 99.9%', (s) => ci(s.losses.var999)],
    ['EC (VaR99.9 − EL)', (s) => money(s.losses.ec.value)],
  ];
  let out = formatTable(
    ['', ...sides.map((s) => s.name)],
    rows.map(([label, f]) => [label, ...sides.map(f)]),
    { title: 'Champion vs challenger on history' },
  );
  if (all !== undefined) {
    out += `\n${formatTable(
      ['cell', 'count', 'bad rate'],
      SWAP_CELLS.map((c) => [c, all.cells[c]?.count ?? 0, pct(all.cells[c]?.bad_rate ?? null)]),
      { title: 'Swap set (all applications)' },
    )}`;
  }
  return out;
}
