import { resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import { Frame, numericColumn } from '../../frame/index.js';
import { writeFrame } from '../../io/index.js';
import { loadModel } from '../../io/model-file.js';
import type { CredoModel } from '../../ml/model.js';
import { predictPd, predictScore } from '../../ml/predict-model.js';
import { defineCommand } from '../command.js';
import { readDataFile, schemaFlag } from '../data-input.js';
import { formatTable, printResult } from '../output.js';
import { schemaTypes } from './evaluate.js';
import { scoreReasonColumns } from './explain-common.js';
import { scoreWithDuckDb } from './score-duckdb.js';

/** `credo score`: PD and scaled score (REFERENCE §3) per input row. */
export const scoreCommand = defineCommand({
  name: 'score',
  summary: 'Score data with a model: key columns + pd + score (600 at 50:1, PDO 20, 300–850)',
  details:
    'Key columns default to every column named id or ending in _id. Categories never seen in training\n' +
    'are routed like a new category (right at every categorical split); missing columns are an error.\n' +
    'With --engine duckdb the model runs as SQL inside DuckDB COPY with a memory limit (output rows in any order).\n' +
    'Example: credo score --model pd.json --data applicants.csv --out scored.csv',
  flags: {
    model: { type: 'string', required: true, description: 'model file' },
    data: { type: 'string', required: true, description: 'data to score (.csv or .parquet)' },
    ...schemaFlag,
    out: { type: 'string', required: true, description: 'output file (.csv or .parquet)' },
    keys: { type: 'list', description: 'input columns copied to the output (default: id and *_id columns)' },
    reasons: { type: 'int', min: 1, max: 10, description: 'add reason_1..N codes and reason_text_1..N (principal reasons toward decline, see credo explain)' },
    catalogue: { type: 'string', description: 'with --reasons: reason catalogue JSON (default: data/reasons.json)' },
    engine: {
      type: 'enum',
      choices: ['node', 'duckdb'] as const,
      default: 'node',
      description: 'node (in-process), or duckdb: the model compiled to SQL and streamed through DuckDB COPY (files larger than memory)',
    },
    'memory-limit': { type: 'string', default: '1GB', description: 'with --engine duckdb: DuckDB memory_limit (spills past it)' },
    'temp-directory': { type: 'string', description: 'with --engine duckdb: where DuckDB spills (default: system temp folder)' },
    threads: { type: 'int', min: 1, max: 256, description: 'with --engine duckdb: DuckDB threads (default: all cores)' },
  },
  async run(args, _positionals, context) {
    const model = await loadModel<CredoModel>(resolve(context.cwd, args.model));
    if (args.engine === 'duckdb') {
      if (args.reasons !== undefined)
        throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'reasons', problem: 'is not available with --engine duckdb', value: String(args.reasons) });
      const r = await scoreWithDuckDb(model, {
        data: resolve(context.cwd, args.data),
        out: resolve(context.cwd, args.out),
        ...(args.keys.length > 0 ? { keys: args.keys } : {}),
        memoryLimit: args['memory-limit'],
        ...(args['temp-directory'] === undefined ? {} : { tempDirectory: resolve(context.cwd, args['temp-directory']) }),
        ...(args.threads === undefined ? {} : { threads: args.threads }),
      });
      const result = { model: args.model, rows: r.rows, out: args.out, keys: r.keys, mean_pd: r.meanPd, engine: 'duckdb', seconds: r.seconds };
      printResult(
        context,
        result,
        () => `${formatTable(['rows', 'mean pd', 'keys', 'out', 'engine'], [[r.rows, r.meanPd, r.keys.join(', ') || '(none)', args.out, 'duckdb']])}\n`,
      );
      return 0;
    }
    const frame = await readDataFile(context, args.data, args.schema, schemaTypes(model.schema));
    const keys = args.keys.length > 0 ? args.keys : frame.names.filter((n) => n === 'id' || n.endsWith('_id'));
    for (const key of keys) if (!frame.has(key)) throw new CredoError('E_INPUT_COLUMN_MISSING', { column: key, source: `file "${args.data}"` });
    const pd = predictPd(model, frame);
    const score = predictScore(model, pd);
    const reasonCols = args.reasons === undefined ? [] : await scoreReasonColumns(context.cwd, model, frame, args.reasons, args.catalogue);
    const out = new Frame([...keys.map((k) => frame.column(k)), numericColumn('pd', pd), numericColumn('score', score), ...reasonCols], frame.rowCount);
    await writeFrame(out, resolve(context.cwd, args.out));
    let sumPd = 0;
    for (let i = 0; i < pd.length; i++) sumPd += pd[i]!;
    const result = { model: args.model, rows: frame.rowCount, out: args.out, keys, mean_pd: pd.length > 0 ? sumPd / pd.length : 0 };
    printResult(
      context,
      result,
      () => `${formatTable(['rows', 'mean pd', 'keys', 'out'], [[result.rows, result.mean_pd, keys.join(', ') || '(none)', args.out]])}\n`,
    );
    return 0;
  },
});
