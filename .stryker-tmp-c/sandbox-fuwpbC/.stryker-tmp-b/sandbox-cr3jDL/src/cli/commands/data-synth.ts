// @ts-nocheck
// 
import { resolve } from 'node:path';
import { formatOf, writeFrame } from '../../io/index.js';
import { generateWorld, SYNTH_DEFAULTS, summarizeWorld } from '../../synth/index.js';
import { defineCommand } from '../command.js';
import { outputPath } from '../data-input.js';
import { formatPercent, formatTable, printResult } from '../output.js';

/** `credo data synth --rows N --seed S --out FILE [--performance FILE]`: writes the synthetic lending world. */
export const dataSynthCommand = defineCommand({
  name: 'data synth',
  summary: 'Generate the synthetic lending world (applications, old-policy decisions, outcomes; optional monthly performance)',
  details:
    'The causal model, the old policy and every column are documented in docs/data.md.\n' +
    'CSV or Parquet by extension; the same --seed (and flags) always gives byte-identical files.\n' +
    'Example: credo data synth --rows 100000 --seed 42 --out world.csv --performance perf.csv',
  flags: {
    rows: { type: 'int', default: 100000, min: 1, max: 10000000, description: 'number of applications' },
    seed: { type: 'int', default: 42, min: 0, description: 'random seed' },
    out: { type: 'string', required: true, description: 'applications file (.csv or .parquet)' },
    performance: { type: 'string', description: 'also write the loan × month-on-book performance table here (.csv or .parquet)' },
    start: { type: 'string', default: SYNTH_DEFAULTS.startMonth, description: 'first vintage, YYYY-MM' },
    months: { type: 'int', default: SYNTH_DEFAULTS.months, min: 1, max: 600, description: 'number of monthly vintages' },
    'performance-months': {
      type: 'int',
      default: SYNTH_DEFAULTS.performanceMonths,
      min: 1,
      max: 36,
      description: 'maximum months on book per loan in the performance table',
    },
  },
  async run(args, _positionals, context) {
    await outputPath(context, args.out, 'data');
    const out = resolve(context.cwd, args.out);
    const performancePath = args.performance === undefined ? undefined : resolve(context.cwd, args.performance);
    // Check extensions before spending seconds generating.
    formatOf(out, 'write');
    if (performancePath !== undefined) formatOf(performancePath, 'write');
    const started = performance.now();
    const world = generateWorld({
      rows: args.rows,
      seed: args.seed,
      startMonth: args.start,
      months: args.months,
      performance: performancePath !== undefined,
      performanceMonths: args['performance-months'],
    });
    await writeFrame(world.applications, out);
    if (performancePath !== undefined && world.performance !== undefined) await writeFrame(world.performance, performancePath);
    const seconds = (performance.now() - started) / 1000;
    const summary = summarizeWorld(world.applications);
    const result = {
      rows: summary.rows,
      approval_rate: summary.approvalRate,
      bad_rate_approved: summary.badRateApproved,
      true_bad_rate: summary.trueBadRate,
      out: args.out,
      performance: args.performance ?? null,
      performance_rows: world.performance?.rowCount ?? null,
      seconds: Math.round(seconds * 1000) / 1000,
    };
    printResult(context, result, () =>
      formatTable(
        ['measure', 'value'],
        [
          ['applications', summary.rows],
          ['approval rate', formatPercent(summary.approvalRate)],
          ['bad rate of approved', formatPercent(summary.badRateApproved)],
          ['true bad rate (all applicants)', formatPercent(summary.trueBadRate)],
          ['applications file', args.out],
          ...(performancePath === undefined ? [] : [['performance file', `${args.performance} (${world.performance?.rowCount ?? 0} rows)`]]),
          ['seconds', result.seconds.toFixed(2)],
        ],
        { title: `Synthetic lending world, seed ${args.seed}` },
      ),
    );
    return 0;
  },
});
