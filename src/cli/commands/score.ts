import { resolve } from 'node:path';
import { Frame, numericColumn } from '../../frame/index.js';
import { writeFrame } from '../../io/index.js';
import { loadModel } from '../../io/model-file.js';
import type { CredoModel } from '../../ml/model.js';
import { predictPd, predictScore } from '../../ml/predict-model.js';
import { defineCommand } from '../command.js';
import { outputPath, readDataFile, schemaFlag } from '../data-input.js';
import { formatTable, printResult } from '../output.js';
import { schemaTypes } from './evaluate.js';
import { scoreReasonColumns } from './explain-common.js';
import { checkNamedColumns } from './learner-data.js';

/** `credo score`: PD and scaled score (REFERENCE §3) per input row. */
export const scoreCommand = defineCommand({
  name: 'score',
  summary: 'Score data with a model: key columns + pd + score (600 at 50:1, PDO 20, 300–850)',
  details:
    'Key columns default to every column named id or ending in _id. Categories never seen in training\n' +
    'are routed like a new category (right at every categorical split); missing columns are an error.\n' +
    'Example: credo score --model pd.json --data applicants.csv --out scored.csv',
  flags: {
    model: { type: 'string', required: true, description: 'model file' },
    data: { type: 'string', required: true, description: 'data to score (.csv or .parquet)' },
    ...schemaFlag,
    out: { type: 'string', required: true, description: 'output file (.csv or .parquet)' },
    keys: { type: 'list', description: 'input columns copied to the output (default: id and *_id columns)' },
    reasons: { type: 'int', min: 1, max: 10, description: 'add reason_1..N codes and reason_text_1..N (principal reasons toward decline, see credo explain)' },
    catalogue: { type: 'string', description: 'with --reasons: reason catalogue JSON (default: data/reasons.json)' },
  },
  async run(args, _positionals, context) {
    await outputPath(context, args.out, 'data');
    const model = await loadModel<CredoModel>(resolve(context.cwd, args.model));
    const frame = await readDataFile(context, args.data, args, schemaTypes(model.schema));
    const keys = args.keys.length > 0 ? args.keys : frame.names.filter((n) => n === 'id' || n.endsWith('_id'));
    checkNamedColumns(frame, keys, 'keys', args.data);
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
