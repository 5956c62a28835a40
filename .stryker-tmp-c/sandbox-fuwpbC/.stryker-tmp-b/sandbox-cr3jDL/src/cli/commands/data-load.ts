// @ts-nocheck
// 
import { resolve } from 'node:path';
import { datasetNames, loadDataset, writeFrame } from '../../io/index.js';
import { defineCommand } from '../command.js';
import { outputPath } from '../data-input.js';
import { formatPercent, formatTable, printResult } from '../output.js';

/** `credo data load german|hmeq --out FILE`: writes a bundled dataset with its target as `bad` (1 = bad). */
export const dataLoadCommand = defineCommand({
  name: 'data load',
  summary: 'Write a bundled public dataset (german, hmeq) to CSV or Parquet, target as column bad',
  details:
    'Datasets: german (UCI Statlog German Credit, 1,000 rows; creditability bad/good → bad 1/0) and hmeq\n' +
    '(HMEQ home-equity loans, 5,960 rows; BAD → bad). Provenance and licences: data/README.md.\n' +
    'Example: credo data load german --out german.parquet',
  flags: {
    out: { type: 'string', required: true, description: 'output file (.csv or .parquet)' },
  },
  positionals: [{ name: 'dataset', description: 'german or hmeq', required: true, choices: datasetNames }],
  async run(args, positionals, context) {
    await outputPath(context, args.out, 'data');
    const dataset = positionals[0] as string;
    const frame = await loadDataset(dataset);
    const out = resolve(context.cwd, args.out);
    await writeFrame(frame, out);
    const bad = frame.numeric('bad').values;
    let sum = 0;
    for (let i = 0; i < bad.length; i++) sum += bad[i] as number;
    const result = { dataset, rows: frame.rowCount, columns: frame.columns.length, bad_rate: frame.rowCount > 0 ? sum / frame.rowCount : 0, out: args.out };
    printResult(context, result, () =>
      formatTable(['dataset', 'rows', 'columns', 'bad rate', 'out'], [[dataset, result.rows, result.columns, formatPercent(result.bad_rate), args.out]]),
    );
    return 0;
  },
});
