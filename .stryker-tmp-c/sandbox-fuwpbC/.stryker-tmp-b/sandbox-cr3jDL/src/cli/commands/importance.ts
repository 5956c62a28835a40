// @ts-nocheck
// 
import { resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import { featureImportance, shapDependence, treeExplainerFor } from '../../explain/index.js';
import { Frame, numericColumn } from '../../frame/index.js';
import { writeFrame } from '../../io/index.js';
import { loadModel } from '../../io/model-file.js';
import type { CredoModel } from '../../ml/model.js';
import { defineCommand } from '../command.js';
import { outputPath } from '../data-input.js';
import { type Cell, formatTable, printResult } from '../output.js';
import { defaultExplainThreads, explainFrame, loadModelAndData } from './explain-common.js';

/** `credo importance`: global feature importance (gain, splits, mean |SHAP|) and SHAP dependence data. */
export const importanceCommand = defineCommand({
  name: 'importance',
  summary: 'Global feature importance: total gain, split count and (with --data) mean |SHAP|',
  details:
    'Mean |SHAP| over the rows of --data is the consistent measure (Lundberg et al. 2020); gain and split counts come from the trees.\n' +
    '--dependence FEATURE --out FILE writes the SHAP dependence data (feature value vs its SHAP value) for plotting.\n' +
    'Example: credo importance --model m.json --data apps.csv',
  flags: {
    model: { type: 'string', required: true, description: 'model file' },
    data: { type: 'string', description: 'rows for mean |SHAP| (.csv or .parquet)' },
    threads: {
      type: 'int',
      min: 1,
      max: 256,
      description: 'worker threads (default: one per 2,000 rows for trees, per million model evaluations for mlp/ensemble; at most the cores)',
    },
    dependence: { type: 'string', description: 'feature whose SHAP dependence data to write (needs --data and --out)' },
    out: { type: 'string', description: 'output file for --dependence (.csv or .parquet): columns value, shap' },
  },
  async run(args, _positionals, context) {
    await outputPath(context, args.out, 'data');
    if (args.data === undefined) {
      const model = await loadModel<CredoModel>(resolve(context.cwd, args.model));
      if (model.kind !== 'gbdt' && model.kind !== 'forest') throw new CredoError('E_INPUT_FLAG_MISSING', { flag: 'data' });
      const { ensemble } = treeExplainerFor(model);
      const rows = featureImportance(
        ensemble,
        ensemble.features.map((f) => f.name),
      );
      printResult(context, { features: rows }, () => render(rows));
      return 0;
    }
    const { model, frame } = await loadModelAndData(context.cwd, args.model, args.data);
    const { explanation, x, explainer } = await explainFrame(model, frame, args.threads ?? defaultExplainThreads(frame.rowCount, model));
    const rows = featureImportance(explainer?.ensemble, explanation.features, explanation);
    if (args.dependence !== undefined) {
      const j = explanation.features.indexOf(args.dependence);
      if (j < 0)
        throw new CredoError('E_INPUT_FLAG_INVALID', {
          flag: 'dependence',
          problem: `not a model feature (features: ${explanation.features.join(', ')})`,
          value: args.dependence,
        });
      if (args.out === undefined) throw new CredoError('E_INPUT_FLAG_MISSING', { flag: 'out' });
      const dep = shapDependence(explanation, x, j);
      await writeFrame(new Frame([numericColumn('value', dep.value), numericColumn('shap', dep.shap)]), resolve(context.cwd, args.out));
    }
    printResult(
      context,
      { rows: explanation.rowCount, features: rows },
      () => render(rows) + (args.out !== undefined && args.dependence !== undefined ? `wrote SHAP dependence of ${args.dependence} to ${args.out}\n` : ''),
    );
    return 0;
  },
});

function render(rows: ReturnType<typeof featureImportance>): string {
  return formatTable(
    ['feature', 'mean |SHAP|', 'gain', 'splits'],
    rows.map((r) => [r.feature, r.meanAbsShap, r.gain, r.splits] as Cell[]),
    { digits: 4 },
  );
}
