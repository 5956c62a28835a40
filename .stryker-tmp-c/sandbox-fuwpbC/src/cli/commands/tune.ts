// @ts-nocheck
import { resolve } from 'node:path';
import { saveModel } from '../../io/model-file.js';
import { fitModel, type MemberSpec } from '../../ml/ensemble/index.js';
import { evaluateBinary } from '../../ml/metrics/index.js';
import type { CredoModel } from '../../ml/model.js';
import { predictPd } from '../../ml/predict-model.js';
import { parseBudget, searchSpaceOf, tuneModel } from '../../ml/tuning/index.js';
import { defineCommand } from '../command.js';
import { outputPath, schemaFlag } from '../data-input.js';
import { formatCell, formatTable, printResult, startProgress } from '../output.js';
import { printWarnings } from '../warnings.js';
import { readLearnerData } from './learner-data.js';
import { checkTrainingFeatures, trainingCheckFlags } from './training-checks.js';

/** `credo tune`: hyperparameter search by cross-validated AUC within a time budget. */
export const tuneCommand = defineCommand({
  name: 'tune',
  summary: 'Tune a model family: random search or TPE, stratified k-fold CV AUC, time budget; --out saves the best model refitted on all rows',
  details:
    'The search spaces are declared per family (docs/models.md). GBDT trials early-stop on a 10% hold-out of each training fold.\n' +
    'As credo train, stops before the search on a feature that separates the target (--allow-leakage) or a protected attribute (--allow-protected).\n' +
    'Example: credo tune --model gbdt --data hmeq.csv --target BAD --budget 300s --out tuned.json',
  flags: {
    model: { type: 'enum', choices: ['gbdt', 'logistic', 'scorecard', 'forest', 'mlp', 'svm'] as const, default: 'gbdt', description: 'model family' },
    data: { type: 'string', required: true, description: 'labelled data (.csv or .parquet)' },
    ...schemaFlag,
    target: { type: 'string', required: true, description: 'target column, 1 = bad, 0 = good (empty rows are excluded)' },
    budget: { type: 'string', default: '300s', description: 'time budget, e.g. 300s, 5m, 1h (no trial starts after it)' },
    method: { type: 'enum', choices: ['tpe', 'random'] as const, default: 'tpe', description: 'search method' },
    trials: { type: 'int', default: 100, min: 1, description: 'trials at most' },
    folds: { type: 'int', default: 3, min: 2, max: 20, description: 'stratified CV folds per trial' },
    seed: { type: 'int', default: 0, description: 'seed of folds, proposals and models' },
    exclude: { type: 'list', description: 'columns not to use as features' },
    features: { type: 'list', description: 'use only these feature columns' },
    categorical: { type: 'list', description: 'read these columns as categorical' },
    ...trainingCheckFlags,
    out: { type: 'string', description: 'write the best parameters refitted on every row as a model file' },
  },
  async run(args, _positionals, context) {
    const budgetSeconds = parseBudget(args.budget);
    await outputPath(context, args.out, []);
    const { frame, features, excluded } = await readLearnerData(args, context);
    // the checks of `credo train`: protected attributes and perfect separation stop before any fit
    const warnings = await checkTrainingFeatures(frame, frame.numeric(args.target).values, features, args, context);
    printWarnings(context, warnings);
    const clock = () => performance.now() / 1000;
    const progress = startProgress(context, `tuning (budget ${args.budget}, trials)`, args.trials);
    const result = await tuneModel(frame, args.target, features, {
      kind: args.model,
      method: args.method,
      budgetSeconds,
      maxTrials: args.trials,
      folds: args.folds,
      seed: args.seed,
      clock,
      onTrial: (t) => progress.tick(t.trial),
    });
    progress.done();
    let saved: { model: string; train_auc: number } | null = null;
    // The trials are done: a failed refit or write must not lose them, so they are printed first.
    let lateError: unknown;
    if (args.out !== undefined && result.best !== null) {
      try {
        const fitted = await fitModel({ kind: args.model, params: { ...result.best.params, seed: args.seed } } as MemberSpec, frame, args.target, features, {
          createdAt: new Date().toISOString(),
        });
        const e = evaluateBinary(predictPd(fitted, frame), frame.numeric(args.target).values);
        const model = {
          ...fitted,
          params: { ...fitted.params, data: args.data },
          metrics: {
            train: { auc: e.auc, gini: e.gini, ks: e.ks, logloss: e.logloss, brier: e.brier, rows: e.rows },
            cv_auc: result.best.auc_mean,
            cv_auc_sd: result.best.auc_sd,
          },
        } as CredoModel;
        await saveModel(model, resolve(context.cwd, args.out));
        saved = { model: args.out, train_auc: e.auc };
      } catch (error) {
        lateError = error;
      }
    }
    printResult(context, { data: args.data, target: args.target, excluded_rows: excluded, budget_seconds: budgetSeconds, ...result, saved, warnings }, () => {
      const names = Object.keys(searchSpaceOf(args.model).ranges);
      const ranked = [...result.trials].sort((a, b) => Number(b.complete) - Number(a.complete) || b.auc_mean - a.auc_mean);
      const rows = ranked.map((t) => [
        t.trial,
        `${formatCell(t.auc_mean)} ± ${formatCell(t.auc_sd)}`,
        t.error !== undefined ? 'failed' : t.complete ? `${t.folds_run}` : `${t.folds_run} (cut)`,
        formatCell(t.seconds, 3),
        ...names.map((n) => (typeof t.params[n] === 'number' ? formatCell(t.params[n] as number) : JSON.stringify(t.params[n]))),
      ]);
      let out = formatTable(['trial', 'CV AUC', 'folds', 'seconds', ...names], rows, {
        title: `${args.model}, ${result.method}: ${result.trials.length} trials in ${result.elapsed.toFixed(1)} s (stopped by ${result.stopped}), ${result.folds}-fold CV`,
      });
      const fixed = JSON.stringify(searchSpaceOf(args.model).fixed);
      out += `\nfixed: ${fixed}\nbest: ${result.best === null ? 'none (no trial completed)' : `trial ${result.best.trial}, CV AUC ${formatCell(result.best.auc_mean)} ± ${formatCell(result.best.auc_sd)}, ${JSON.stringify(result.best.params)}`}\n`;
      const failed = result.trials.find((t) => t.error !== undefined);
      if (failed !== undefined) out += `failed trials, e.g. trial ${failed.trial}: ${failed.error}\n`;
      if (saved !== null) out += `saved ${saved.model} (refitted on every row; train AUC ${formatCell(saved.train_auc)})\n`;
      return out;
    });
    if (lateError !== undefined) throw lateError;
    return 0;
  },
});
