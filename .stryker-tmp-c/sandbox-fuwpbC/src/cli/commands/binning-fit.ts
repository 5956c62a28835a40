// @ts-nocheck
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import { describeWoeConventions, type FittedBinning, fitBinning, targetLabels, toBinningFile } from '../../ml/binning/index.js';
import { defineCommand } from '../command.js';
import { outputPath, readDataFile, schemaFlag } from '../data-input.js';
import { formatPercent, formatTable, printResult, startProgress } from '../output.js';

/** Human rendering of one feature's binning table. */
export function formatBinningTable(f: Pick<FittedBinning, 'feature' | 'iv' | 'rows'> & { method?: string; trend?: string }): string {
  const title = `${f.feature}: IV ${f.iv.toFixed(4)}${f.method === undefined ? '' : `, ${f.method}`}${f.trend === undefined || f.trend === 'none' ? '' : `, ${f.trend} bad rate`}`;
  return formatTable(
    ['bin', 'label', 'count', 'goods', 'bads', 'bad rate', 'WOE', 'IV'],
    f.rows.map((r) => [r.bin, r.label, r.count, r.goods, r.bads, formatPercent(r.bad_rate), r.woe, r.iv]),
    { title },
  );
}

/** `credo binning fit`: bins features against the target, prints WOE/IV tables, writes an editable spec. */
export const binningFitCommand = defineCommand({
  name: 'binning fit',
  summary: 'Bin features against a target (optimal with monotone trends, ChiMerge, tree, equal width/frequency): WOE and IV tables, an editable spec',
  details:
    'Missing values and --special values get their own bins. WOE = ln(%good/%bad) (positive = safer) unless --woe-sign bads-over-goods;\n' +
    'smoothing +0.5 (--smoothing). Optimal binning maximises IV (HiGHS MIP, or the exact DP for many pre-bins / peak / valley).\n' +
    'Edit the --out JSON (splits, groups, specials) and re-apply it with `credo binning apply --spec`.\n' +
    'Example: credo binning fit --data german.csv --target bad --monotone auto --out binning.json',
  flags: {
    data: { type: 'string', required: true, description: 'training data (.csv or .parquet)' },
    ...schemaFlag,
    target: { type: 'string', required: true, description: 'target column, 1 = bad (empty rows excluded)' },
    features: { type: 'list', description: 'features to bin (default: every column but the target and --exclude)' },
    exclude: { type: 'list', description: 'columns not to bin' },
    method: {
      type: 'enum',
      choices: ['optimal', 'chimerge', 'tree', 'equal-width', 'equal-frequency'] as const,
      default: 'optimal',
      description: 'binning method',
    },
    monotone: {
      type: 'enum',
      choices: ['auto', 'none', 'ascending', 'descending', 'peak', 'valley'] as const,
      default: 'auto',
      description: 'bad-rate trend (optimal only)',
    },
    'max-bins': { type: 'int', min: 1, description: 'most regular bins' },
    'min-bins': { type: 'int', min: 1, description: 'fewest regular bins (optimal only)' },
    'min-bin-share': { type: 'number', default: 0.05, min: 0, max: 1, description: 'smallest bin as a share of non-missing rows' },
    'min-bads': { type: 'number', min: 0, description: 'fewest bads per bin (optimal only)' },
    'min-goods': { type: 'number', min: 0, description: 'fewest goods per bin (optimal only)' },
    prebins: { type: 'int', min: 2, max: 200, description: 'equal-frequency pre-bins (default 20 optimal, 50 chimerge/tree)' },
    special: { type: 'list', description: 'special values with their own bins, e.g. -99,-1' },
    solver: { type: 'enum', choices: ['auto', 'mip', 'dp'] as const, default: 'auto', description: 'optimal binning solver' },
    smoothing: { type: 'number', default: 0.5, min: 0, description: 'added to goods and bads of every bin before WOE' },
    'woe-sign': { type: 'enum', choices: ['goods-over-bads', 'bads-over-goods'] as const, default: 'goods-over-bads', description: 'WOE sign convention' },
    out: { type: 'string', description: 'write the binning spec (JSON) here' },
    'show-bins': { type: 'boolean', description: 'print every feature’s bin table (human output)' },
  },
  async run(args, _positionals, context) {
    await outputPath(context, args.out, []);
    const frame = await readDataFile(context, args.data, args);
    const labels = targetLabels(frame.column(args.target));
    let excluded = 0;
    for (let i = 0; i < labels.length; i++) if (Number.isNaN(labels[i])) excluded++;
    const skip = new Set([args.target, ...args.exclude]);
    const features = args.features.length > 0 ? args.features : frame.names.filter((n) => !skip.has(n));
    if (features.length === 0)
      throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'features', problem: 'no feature left to bin', value: args.features.join(',') });
    const fitted: FittedBinning[] = [];
    const progress = startProgress(context, 'binning features', features.length);
    for (const name of features) {
      fitted.push(
        await fitBinning(frame.column(name), labels, {
          method: args.method,
          monotone: args.monotone,
          minBinShare: args['min-bin-share'],
          specials: args.special,
          solver: args.solver,
          woe: { smoothing: args.smoothing, sign: args['woe-sign'] },
          ...(args['max-bins'] === undefined ? {} : { maxBins: args['max-bins'] }),
          ...(args['min-bins'] === undefined ? {} : { minBins: args['min-bins'] }),
          ...(args['min-bads'] === undefined ? {} : { minBads: args['min-bads'] }),
          ...(args['min-goods'] === undefined ? {} : { minGoods: args['min-goods'] }),
          ...(args.prebins === undefined ? {} : { prebins: args.prebins }),
        }),
      );
      progress.tick(fitted.length);
    }
    progress.done();
    if (args.out !== undefined) await writeFile(resolve(context.cwd, args.out), `${JSON.stringify(toBinningFile(fitted, args.target), null, 2)}\n`);
    const conventions = describeWoeConventions({ smoothing: args.smoothing, sign: args['woe-sign'] });
    const result = {
      data: args.data,
      target: args.target,
      rows: frame.rowCount - excluded,
      excluded_rows: excluded,
      woe_conventions: conventions,
      spec: args.out ?? null,
      features: fitted.map((f) => ({
        feature: f.feature,
        method: f.method,
        trend: f.trend,
        solver: f.solver,
        iv: f.iv,
        ...(f.note === undefined ? {} : { note: f.note }),
        spec: f.spec,
        bins: f.rows,
      })),
    };
    printResult(context, result, () => {
      let out = `${result.rows} rows (${excluded} with an empty target excluded); ${conventions}\n`;
      const ranked = [...fitted].sort((a, b) => b.iv - a.iv);
      out += formatTable(
        ['feature', 'bins', 'IV', 'method', 'trend', 'solver'],
        ranked.map((f) => [f.feature, f.rows.length, f.iv, f.method, f.trend, f.solver ?? '']),
      );
      for (const f of ranked) if (f.note !== undefined) out += `${f.feature}: ${f.note}\n`;
      if (args['show-bins'] || fitted.length === 1) for (const f of fitted) out += `\n${formatBinningTable(f)}`;
      if (args.out !== undefined) out += `\nspec written to ${args.out}\n`;
      return out;
    });
    return 0;
  },
});
