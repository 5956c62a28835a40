// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import { type CompareSpec, compareModels } from '../../ml/compare/index.js';
import { trainableKinds } from '../../ml/ensemble/index.js';
import type { ModelKind } from '../../ml/model.js';
import { defineCommand } from '../command.js';
import { schemaFlag } from '../data-input.js';
import { formatCell, formatPercent, formatTable, printResult, startProgress } from '../output.js';
import { printWarnings } from '../warnings.js';
import { readLearnerData } from './learner-data.js';
import { checkTrainingFeatures, trainingCheckFlags } from './training-checks.js';

/** `credo compare`: cross-validated comparison of model families on one data set. */
export const compareCommand = defineCommand({
  name: 'compare',
  summary: 'Compare model families by stratified k-fold CV: AUC, KS, Gini, precision, recall, F1, Brier, training time (mean ± sd)',
  details:
    'Every model is trained on k − 1 folds and scored on the held-out fold (the same folds for every model), with default\n' +
    'parameters (tune them with `credo tune`). Rows with an empty target are excluded and counted.\n' +
    'As credo train, stops on a feature that separates the target (--allow-leakage) or a protected attribute (--allow-protected).\n' +
    'Example: credo compare --data hmeq.csv --target BAD --models gbdt,logistic,scorecard,forest,mlp,svm,ensemble --folds 5',
  flags: {
    data: { type: 'string', required: true, description: 'labelled data (.csv or .parquet)' },
    ...schemaFlag,
    target: { type: 'string', required: true, description: 'target column, 1 = bad, 0 = good (empty rows are excluded)' },
    models: { type: 'list', default: [...trainableKinds], description: `families to compare (${trainableKinds.join(', ')})` },
    folds: { type: 'int', default: 5, min: 2, max: 50, description: 'stratified CV folds' },
    seed: { type: 'int', default: 0, description: 'seed of the folds and of every model' },
    threshold: { type: 'number', default: 0.5, min: 0, max: 1, description: 'PD at or above which a row counts as predicted bad (precision, recall, F1)' },
    exclude: { type: 'list', description: 'columns not to use as features' },
    features: { type: 'list', description: 'use only these feature columns' },
    categorical: { type: 'list', description: 'read these columns as categorical' },
    ...trainingCheckFlags,
  },
  async run(args, _positionals, context) {
    const specs: CompareSpec[] = args.models.map((m) => {
      if (!trainableKinds.includes(m as ModelKind))
        throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'models', problem: `each model must be one of ${trainableKinds.join(', ')}`, value: m });
      return { kind: m as ModelKind };
    });
    const { frame, features, excluded } = await readLearnerData(args, context);
    // the checks of `credo train`: protected attributes and perfect separation stop before any fit
    const warnings = await checkTrainingFeatures(frame, frame.numeric(args.target).values, features, args, context);
    printWarnings(context, warnings);
    const progress = startProgress(context, 'cross-validating', specs.length * args.folds);
    let fits = 0;
    const result = await compareModels(frame, args.target, features, specs, {
      folds: args.folds,
      seed: args.seed,
      threshold: args.threshold,
      clock: () => performance.now() / 1000,
      onFold: () => progress.tick(++fits),
    });
    progress.done();
    printResult(context, { data: args.data, target: args.target, excluded_rows: excluded, features: features.length, ...result, warnings }, () => {
      const pm = (m: { mean: Record<string, number>; sd: Record<string, number> }, key: string, digits = 4) =>
        `${formatCell(m.mean[key], digits)} ± ${formatCell(m.sd[key], digits)}`;
      const rows = result.models.map((m) => [
        m.model,
        pm(m, 'auc'),
        pm(m, 'ks'),
        pm(m, 'gini'),
        pm(m, 'precision'),
        pm(m, 'recall'),
        pm(m, 'f1'),
        pm(m, 'brier'),
        pm(m, 'train_seconds', 3),
      ]);
      return `${formatTable(['model', 'AUC', 'KS', 'Gini', 'precision', 'recall', 'F1', 'Brier', 'train s'], rows, {
        title: `${result.folds}-fold stratified CV, ${result.rows} rows (bad rate ${formatPercent(result.bad_rate)}), mean ± sd over folds; precision/recall/F1 at PD ≥ ${result.threshold}`,
      })}\n`;
    });
    return 0;
  },
});
