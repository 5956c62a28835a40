// @ts-nocheck
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadModel } from '../../io/model-file.js';
import type { CredoModel } from '../../ml/model.js';
import { predictPd } from '../../ml/predict-model.js';
import { modelReportData, REPORT_SECTIONS, renderModelReport } from '../../report/index.js';
import { defineCommand } from '../command.js';
import { outputPath, readDataFile, schemaFlag } from '../data-input.js';
import { formatCell, formatPercent, formatTable, printResult, startProgress } from '../output.js';
import { schemaTypes } from './evaluate.js';
import { defaultExplainThreads, explainFrame } from './explain-common.js';
import { dropMissingTarget } from './learner-data.js';

/** `credo report model`: one self-contained HTML file a model validator can file. */
export const reportModelCommand = defineCommand({
  name: 'report model',
  summary: 'Write a self-contained HTML model report: data, leakage, ROC, KS, gains, calibration, PSI, SHAP, scorecard points, settings and hashes',
  details:
    'Charts are SVG drawn in Node (Observable Plot); nothing is fetched when the file is opened. The figures are also\n' +
    'embedded as JSON (script#report-data). PSI needs the training data (--train): model files keep no training distribution.\n' +
    'Example: credo report model --model pd.json --data test.csv --target bad --train train.csv --out report.html',
  flags: {
    model: { type: 'string', required: true, description: 'model file' },
    data: { type: 'string', required: true, description: 'labelled data to report on (.csv or .parquet)' },
    ...schemaFlag,
    target: { type: 'string', required: true, description: 'target column, 1 = bad, 0 = good (empty rows are excluded and counted)' },
    out: { type: 'string', required: true, description: 'HTML file to write (.html)' },
    train: { type: 'string', description: 'training data: PSI of the PD and CSI of scorecard characteristics against it' },
    bands: { type: 'int', default: 10, min: 2, max: 50, description: 'score bands of the gains and calibration tables' },
    top: { type: 'int', default: 4, min: 0, max: 20, description: 'features with a SHAP dependence chart' },
    'explain-rows': { type: 'int', default: 2000, min: 1, description: 'rows explained for SHAP at most (evenly spaced)' },
    threads: { type: 'int', min: 1, max: 256, description: 'worker threads for SHAP (default from the rows explained)' },
    title: { type: 'string', description: 'report title (default: Model report: <model file>)' },
  },
  async run(args, _positionals, context) {
    const out = (await outputPath(context, args.out, ['.html', '.htm'])) as string;
    const modelFile = resolve(context.cwd, args.model);
    const modelBytes = await readFile(modelFile).catch(() => undefined);
    const model = await loadModel<CredoModel>(modelFile);
    const types = schemaTypes(model.schema);
    const all = await readDataFile(context, args.data, args, types);
    const { frame, excluded } = dropMissingTarget(all, args.target, args.data);
    const pd = predictPd(model, frame);
    const step = Math.max(1, Math.ceil(frame.rowCount / args['explain-rows']));
    const sample = step === 1 ? frame : frame.take(Int32Array.from({ length: Math.ceil(frame.rowCount / step) }, (_, k) => k * step));
    const progress = startProgress(context, 'explaining rows', sample.rowCount);
    const { explanation, x } = await explainFrame(model, sample, args.threads ?? defaultExplainThreads(sample.rowCount, model), frame, {}, progress.tick);
    progress.done();
    let train: { frame: typeof frame; pd: Float64Array } | undefined;
    if (args.train !== undefined) {
      const trainFrame = await readDataFile(context, args.train, args, types);
      train = { frame: trainFrame, pd: predictPd(model, trainFrame) };
    }
    const settings = {
      command: commandLine(args),
      model_file: args.model,
      model_sha256: modelBytes === undefined ? null : sha256(modelBytes),
      model_kind: model.kind,
      model_created_at: model.createdAt,
      data_file: args.data,
      data_sha256: sha256(await readFile(resolve(context.cwd, args.data))),
      train_file: args.train ?? null,
      train_sha256: args.train === undefined ? null : sha256(await readFile(resolve(context.cwd, args.train))),
      target: args.target,
      bands: args.bands,
      shap_rows: sample.rowCount,
    };
    const data = modelReportData({
      model,
      frame,
      target: args.target,
      pd,
      excludedRows: excluded,
      explanation: { method: explanation.method, features: explanation.features, rowCount: explanation.rowCount, values: explanation.values, x },
      ...(train === undefined ? {} : { train, population: excluded === 0 ? { frame, pd } : { frame: all, pd: predictPd(model, all) } }),
      settings,
      bands: args.bands,
      topFeatures: args.top,
    });
    await writeFile(out, renderModelReport(data, args.title ?? `Model report: ${args.model}`));
    const result = {
      out: args.out,
      sections: [...REPORT_SECTIONS],
      rows: data.data.rows,
      auc: data.evaluation.auc,
      ks: data.evaluation.ks,
      psi: data.stability?.score_psi ?? null,
      leakage: data.leakage,
    };
    printResult(context, result, () => {
      const rows: [string, string][] = [
        ['rows', formatCell(result.rows)],
        ['bad rate', formatPercent(data.data.bad_rate)],
        ['AUC', formatCell(result.auc)],
        ['KS', formatCell(result.ks)],
        ['PSI vs training', result.psi === null ? 'not computed (--train)' : formatCell(result.psi)],
        ['leakage warnings', String(data.leakage.length)],
        ['report', args.out],
      ];
      return formatTable(['', 'value'], rows);
    });
    return 0;
  },
});

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The command that reproduces the report, from the flags as given. */
function commandLine(args: Record<string, unknown>): string {
  const words = ['credo report model'];
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
    words.push(value === true ? `--${name}` : `--${name} ${String(value)}`);
  }
  return words.join(' ');
}
