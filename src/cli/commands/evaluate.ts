import { resolve } from 'node:path';
import { loadModel } from '../../io/model-file.js';
import { evaluateBinary } from '../../ml/metrics/index.js';
import type { CredoModel } from '../../ml/model.js';
import { predictPd } from '../../ml/predict-model.js';
import { defineCommand } from '../command.js';
import { readDataFile, schemaFlag } from '../data-input.js';
import { formatPercent, formatTable, printResult } from '../output.js';
import { dropMissingTarget } from './learner-data.js';

/** Category columns of a model's schema, so data files are read with matching types. */
export function schemaTypes(schema: { columns: readonly { name: string; type: 'number' | 'category' }[] }): Record<string, 'number' | 'category'> {
  return Object.fromEntries(schema.columns.filter((c) => c.type === 'category').map((c) => [c.name, c.type]));
}

/** `credo evaluate`: metrics of a PD model on labelled data (REFERENCE §1). */
export const evaluateCommand = defineCommand({
  name: 'evaluate',
  summary: 'Evaluate a PD model on labelled data: AUC, Gini, KS, log loss, Brier, confusion, gains, calibration',
  details: 'Rows with an empty target are excluded and counted.\nExample: credo evaluate --model pd.json --data test.csv --target bad --threshold 0.2',
  flags: {
    model: { type: 'string', required: true, description: 'model file' },
    data: { type: 'string', required: true, description: 'labelled data (.csv or .parquet)' },
    ...schemaFlag,
    target: { type: 'string', required: true, description: 'target column, 1 = bad' },
    threshold: { type: 'number', default: 0.5, min: 0, max: 1, description: 'PD at or above which a row counts as predicted bad' },
    bands: { type: 'int', default: 10, min: 1, max: 100, description: 'score bands of the gains and calibration tables' },
  },
  async run(args, _positionals, context) {
    const model = await loadModel<CredoModel>(resolve(context.cwd, args.model));
    const all = await readDataFile(context, args.data, args, schemaTypes(model.schema));
    const { frame, excluded } = dropMissingTarget(all, args.target);
    if (excluded > 0) context.stderr(`excluded ${excluded} of ${all.rowCount} rows with an empty "${args.target}" (no outcome)\n`);
    const pd = predictPd(model, frame);
    const evaluation = evaluateBinary(pd, frame.numeric(args.target).values, { threshold: args.threshold, bands: args.bands });
    const result = { model: args.model, data: args.data, excluded_rows: excluded, ...evaluation };
    printResult(context, result, () => {
      const e = evaluation;
      const head = formatTable(
        ['rows', 'bad rate', 'AUC', 'Gini', 'KS', 'log loss', 'Brier', 'precision', 'recall', 'F1', 'accuracy'],
        [[e.rows, formatPercent(e.bad_rate), e.auc, e.gini, e.ks, e.logloss, e.brier, e.precision, e.recall, e.f1, e.accuracy]],
      );
      const confusion = `confusion at PD ≥ ${e.threshold}: tp ${e.confusion.tp}, fp ${e.confusion.fp}, tn ${e.confusion.tn}, fn ${e.confusion.fn}`;
      return `${head}\n${confusion}\n`;
    });
    return 0;
  },
});
