// @ts-nocheck
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import { type Frame, numericColumn } from '../../frame/index.js';
import { writeFrame } from '../../io/index.js';
import { type BinningFile, binningTable, describeWoeConventions, parseBinningFile, targetLabels, transformWoe } from '../../ml/binning/index.js';
import { defineCommand } from '../command.js';
import { outputPath, readDataFile, schemaFlag } from '../data-input.js';
import { printResult } from '../output.js';
import { formatBinningTable } from './binning-fit.js';

/** Reads and validates a binning spec file. */
export async function readBinningFile(path: string, label: string): Promise<BinningFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CredoError('E_FILE_NOT_FOUND', { file: label }, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CredoError('E_BINNING_SPEC_INVALID', { source: `"${label}"`, problem: `not valid JSON (${(error as Error).message})` }, { cause: error });
  }
  return parseBinningFile(json, `"${label}"`);
}

/** `credo binning apply`: re-applies an (edited) binning spec: WOE tables on labelled data and/or WOE-transformed columns. */
export const binningApplyCommand = defineCommand({
  name: 'binning apply',
  summary: 'Apply a binning spec (possibly edited by hand): recompute WOE/IV with --target, write WOE columns with --out',
  details:
    'With --target the WOE of every bin is recomputed from this data (do this after editing bins); without it the WOE\n' +
    'stored in the spec is used. Unseen categories go to the missing bin (or fail, when the spec says "unseen": "error").\n' +
    'Example: credo binning apply --data test.csv --spec binning.json --target bad --out test-woe.csv',
  flags: {
    data: { type: 'string', required: true, description: 'data (.csv or .parquet)' },
    ...schemaFlag,
    spec: { type: 'string', required: true, description: 'binning spec (JSON from `credo binning fit`)' },
    target: { type: 'string', description: 'target column, 1 = bad: recompute WOE and print the tables' },
    out: { type: 'string', description: 'write the data with a WOE column per feature' },
    suffix: { type: 'string', default: '_woe', description: 'suffix of the WOE columns (empty = replace the feature)' },
  },
  async run(args, _positionals, context) {
    await outputPath(context, args.out, 'data');
    const file = await readBinningFile(resolve(context.cwd, args.spec), args.spec);
    const categorical = Object.fromEntries(file.features.filter((f) => f.type === 'category').map((f) => [f.feature, 'category' as const]));
    let frame: Frame = await readDataFile(context, args.data, args, categorical);
    const labels = args.target === undefined ? undefined : targetLabels(frame.column(args.target));
    const tables = file.features.map((spec) => {
      const column = frame.column(spec.feature);
      if (labels !== undefined) return binningTable(column, labels, spec, file.woe);
      if (spec.woe === undefined) {
        throw new CredoError('E_BINNING_SPEC_INVALID', {
          source: `"${args.spec}"`,
          problem: `feature "${spec.feature}" has no "woe"; give --target to compute it`,
        });
      }
      return { feature: spec.feature, spec, woe: [...spec.woe], iv: spec.iv ?? 0, smoothing: file.woe.smoothing, sign: file.woe.sign, rows: [] };
    });
    if (args.out !== undefined) {
      for (const t of tables) frame = frame.withColumn(numericColumn(`${t.feature}${args.suffix}`, transformWoe(frame.column(t.feature), t)));
      await writeFrame(frame, resolve(context.cwd, args.out));
    }
    const result = {
      spec: args.spec,
      data: args.data,
      rows: frame.rowCount,
      woe_recomputed: labels !== undefined,
      woe_conventions: describeWoeConventions(file.woe),
      out: args.out ?? null,
      features: tables.map((t) => ({ feature: t.feature, iv: t.iv, woe: t.woe, bins: t.rows })),
    };
    printResult(context, result, () => {
      let out = `${result.rows} rows; WOE ${result.woe_recomputed ? 'recomputed from this data' : 'from the spec'}; ${describeWoeConventions(file.woe)}\n`;
      if (labels !== undefined) for (const t of tables) out += `\n${formatBinningTable(t)}`;
      if (args.out !== undefined) out += `\nwrote ${args.out} with ${tables.length} WOE columns\n`;
      return out;
    });
    return 0;
  },
});
