// @ts-nocheck
// 
import { resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { saveModel } from '../../io/model-file.js';
import { type GbdtOptions, type GbdtTrainResult, saveEnsembleForModel, splitRows } from '../../ml/gbdt/index.js';
import { trainGbdtThreaded } from '../../ml/gbdt/workers/train-threaded.js';
import { evaluateBinary } from '../../ml/metrics/index.js';
import type { CredoModel } from '../../ml/model.js';
import { predictPd, predictRaw } from '../../ml/predict-model.js';
import { defineCommand } from '../command.js';
import { outputPath, schemaFlag } from '../data-input.js';
import { formatTable, printResult, startProgress } from '../output.js';
import { chooseThreads, MIN_WORK_PER_THREAD } from '../threads.js';
import { printWarnings } from '../warnings.js';
import { checkNamedColumns, readLabelledData } from './learner-data.js';
import { checkModelAuc, crossValidate, type OutOfSample, outOfSampleFlags, outOfSampleJson, outOfSampleRows } from './out-of-sample.js';
import { learnerTrainFlags, trainLearner } from './train-learners.js';
import { linearTrainFlags, trainLinear } from './train-linear.js';
import { checkTrainingFeatures, headlineMetrics, parseMonotone, trainingCheckFlags } from './training-checks.js';

/** Headline metrics of a PD (or regression) model on one data set. */
function summaryMetrics(model: CredoModel, frame: Frame, target: string): Record<string, number> {
  const raw = predictRaw(model, frame);
  const y = frame.numeric(target).values;
  if (model.kind === 'gbdt' && model.body.ensemble.objective === 'regression') {
    let se = 0;
    for (let i = 0; i < raw.length; i++) se += (raw[i]! - y[i]!) ** 2;
    return { rmse: Math.sqrt(se / Math.max(1, raw.length)) };
  }
  const pd = Float64Array.from(raw, (s) => 1 / (1 + Math.exp(-s)));
  return headlineMetrics(evaluateBinary(pd, y));
}

/** `credo train`: trains a GBDT PD model and writes a model file. */
export const trainCommand = defineCommand({
  name: 'train',
  summary: 'Train a PD model (histogram GBDT by default; --model logistic, scorecard, forest, mlp, svm or ensemble) and save it as a model file',
  details:
    'Rows with an empty target (e.g. declined applicants) are excluded and counted.\n' +
    'Training stops on a feature that separates the target (--allow-leakage) or a protected attribute such as age (--allow-protected);\n' +
    'near-copies of the target, IV above --leakage-iv and id-like columns are warnings (stderr, and warnings in --json).\n' +
    'Out-of-sample metrics for every family: a --valid-fraction hold-out, else stratified --cv-folds cross-validation (default 5).\n' +
    'Example: credo train --data german.csv --target bad --exclude age_in_years,personal_status_and_sex,foreign_worker --valid-fraction 0.2 --out pd.json',
  flags: {
    data: { type: 'string', required: true, description: 'training data (.csv or .parquet)' },
    ...schemaFlag,
    target: { type: 'string', required: true, description: 'target column, 1 = bad, 0 = good (empty rows are excluded)' },
    model: {
      type: 'enum',
      choices: ['gbdt', 'logistic', 'scorecard', 'forest', 'mlp', 'svm', 'ensemble'] as const,
      default: 'gbdt',
      description: 'model family',
    },
    ...linearTrainFlags,
    ...learnerTrainFlags,
    ...trainingCheckFlags,
    exclude: { type: 'list', description: 'columns not to use as features' },
    features: { type: 'list', description: 'use only these feature columns' },
    categorical: { type: 'list', description: 'read these columns as categorical' },
    monotone: {
      type: 'list',
      description: 'gbdt, forest, logistic: monotone constraints on numeric features, e.g. delinq:+1,income:-1 (+1: PD never falls as the feature rises)',
    },
    weight: { type: 'string', description: 'row-weight column' },
    objective: { type: 'enum', choices: ['binary', 'regression'] as const, default: 'binary', description: 'loss: binary log loss or L2 regression' },
    trees: { type: 'int', min: 1, description: 'gbdt: boosting rounds, the maximum with early stopping (default 100); forest: trees (default 100)' },
    leaves: { type: 'int', default: 31, min: 2, max: 4096, description: 'maximum leaves per tree' },
    'max-depth': { type: 'int', default: 0, min: 0, description: 'maximum tree depth (0 = unlimited)' },
    'learning-rate': { type: 'number', default: 0.1, min: 1e-6, max: 1, description: 'shrinkage per tree' },
    'max-bins': { type: 'int', default: 255, min: 2, max: 255, description: 'histogram bins per feature' },
    'min-data-in-leaf': { type: 'int', default: 20, min: 1, description: 'minimum rows per leaf' },
    'min-child-weight': { type: 'number', default: 1e-3, min: 0, description: 'minimum hessian sum per leaf' },
    'lambda-l2': { type: 'number', default: 1, min: 0, description: 'L2 penalty on leaf outputs' },
    'lambda-l1': { type: 'number', default: 0, min: 0, description: 'L1 penalty on leaf outputs' },
    'min-split-gain': { type: 'number', default: 0, min: 0, description: 'minimum loss reduction to split' },
    subsample: { type: 'number', default: 1, min: 1e-6, max: 1, description: 'row fraction sampled per tree' },
    colsample: { type: 'number', default: 1, min: 1e-6, max: 1, description: 'feature fraction sampled per tree' },
    goss: { type: 'boolean', description: 'gradient-based one-side sampling (keep the 20% largest |g·h|, sample 10% of the rest)' },
    'exact-gradients': {
      type: 'boolean',
      description: 'choose splits on exact gradient sums instead of quantised ones (slower; leaf values are exact either way)',
    },
    'scale-pos-weight': { type: 'number', default: 1, min: 1e-9, description: 'weight multiplier of bad rows' },
    threads: {
      type: 'int',
      min: 1,
      max: 64,
      description: 'worker threads (same model for any count; default: 1 unless rows × features reach 1,000,000 per thread and the machine is idle)',
    },
    seed: { type: 'int', default: 0, description: 'random seed' },
    valid: { type: 'string', description: 'gbdt: validation data for early stopping and validation metrics' },
    'valid-fraction': {
      type: 'number',
      min: 0,
      max: 0.9,
      description: 'hold out this seeded fraction of --data: validation metrics for every family (gbdt also stops early on it)',
    },
    ...outOfSampleFlags,
    'early-stopping-rounds': { type: 'int', default: 20, min: 1, description: 'stop after this many rounds without improvement' },
    out: { type: 'string', required: true, description: 'model file to write (.json)' },
  },
  async run(args, _positionals, context) {
    await outputPath(context, args.out, []);
    if (args.model === 'logistic' || args.model === 'scorecard') return trainLinear(args, context);
    if (args.model === 'forest' || args.model === 'mlp' || args.model === 'svm' || args.model === 'ensemble') return trainLearner(args, context);
    const started = performance.now();
    const monotone = parseMonotone(args.monotone);
    const read = async (file: string, label: string) => {
      const { frame, excluded } = await readLabelledData(context, file, args.target, args.categorical, args, label);
      return { frame: frame as Frame, excluded };
    };
    if (args.valid !== undefined && args['valid-fraction'] !== undefined) {
      throw new CredoError('E_INPUT_FLAG_INVALID', {
        flag: 'valid-fraction',
        problem: 'give either --valid or --valid-fraction',
        value: args['valid-fraction'],
      });
    }
    const train = await read(args.data, 'training data');
    let valid = args.valid === undefined ? undefined : await read(args.valid, 'validation data');
    const fraction = args['valid-fraction'];
    if (fraction !== undefined && fraction > 0) {
      const [trainPart, validPart] = splitRows(train.frame, fraction, args.seed);
      train.frame = trainPart;
      valid = { frame: validPart, excluded: 0 };
    }
    const excluded = new Set([args.target, ...args.exclude, ...(args.weight === undefined ? [] : [args.weight])]);
    checkNamedColumns(train.frame, args.exclude, 'exclude', args.data);
    const features = args.features.length > 0 ? args.features : train.frame.names.filter((n) => !excluded.has(n));
    const warnings = await checkTrainingFeatures(train.frame, train.frame.numeric(args.target).values, features, args, context);
    const options: Partial<GbdtOptions> = {
      objective: args.objective,
      trees: args.trees ?? 100,
      leaves: args.leaves,
      maxDepth: args['max-depth'],
      learningRate: args['learning-rate'],
      maxBins: args['max-bins'],
      minDataInLeaf: args['min-data-in-leaf'],
      minChildWeight: args['min-child-weight'],
      lambdaL2: args['lambda-l2'],
      lambdaL1: args['lambda-l1'],
      minSplitGain: args['min-split-gain'],
      subsample: args.subsample,
      colsample: args.colsample,
      goss: args.goss,
      quantizedGradients: !args['exact-gradients'],
      scalePosWeight: args['scale-pos-weight'],
      monotone,
      earlyStoppingRounds: args['early-stopping-rounds'],
      seed: args.seed,
    };
    const progress = startProgress(context, 'training', args.trees ?? 100);
    const threads = args.threads ?? chooseThreads(train.frame.rowCount * features.length, MIN_WORK_PER_THREAD.gbdt);
    const result: GbdtTrainResult = await trainGbdtThreaded(
      { frame: train.frame, target: args.target, features, weight: args.weight, valid: valid?.frame },
      options,
      threads,
      (done) => progress.tick(done),
    );
    progress.done();
    const seconds = (performance.now() - started) / 1000;
    const draft: CredoModel<'gbdt'> = {
      kind: 'gbdt',
      schema: { columns: result.ensemble.features.map((f) => ({ ...f })) },
      target: args.target,
      params: { ...result.options, threads, data: args.data, valid: args.valid ?? null, valid_fraction: args['valid-fraction'] ?? null },
      metrics: {},
      createdAt: new Date().toISOString(),
      body: saveEnsembleForModel(result),
    };
    const trainMetrics = summaryMetrics(draft, train.frame, args.target);
    const validMetrics = valid !== undefined ? summaryMetrics(draft, valid.frame, args.target) : null;
    let outOfSample: OutOfSample | null = null;
    if (args.objective === 'binary') {
      outOfSample =
        validMetrics !== null
          ? { method: 'hold-out', fraction: fraction ?? null, file: args.valid ?? null, seed: args.seed, metrics: validMetrics }
          : await crossValidate(
              train.frame,
              train.frame.numeric(args.target).values,
              args['cv-folds'],
              args.seed,
              async (part) => {
                const fold = await trainGbdtThreaded({ frame: part, target: args.target, features, weight: args.weight }, options, threads);
                const m: CredoModel<'gbdt'> = { ...draft, body: saveEnsembleForModel(fold) };
                return (test) => predictPd(m, test);
              },
              context,
              warnings,
            );
      warnings.push(...checkModelAuc(trainMetrics.auc as number, outOfSample, args['allow-leakage']));
    }
    const model: CredoModel<'gbdt'> = {
      ...draft,
      metrics: { train: trainMetrics, valid: validMetrics, valid_loss: result.validLoss, out_of_sample: outOfSampleJson(outOfSample) },
    };
    await saveModel(model, resolve(context.cwd, args.out));
    const summary = {
      model: args.out,
      rows: result.trainRows,
      valid_rows: result.validRows,
      excluded_rows: train.excluded,
      features: features.length,
      trees: result.bestIteration,
      trees_trained: result.treesTrained,
      seconds: Math.round(seconds * 1000) / 1000,
      best_iteration: result.bestIteration,
      train: trainMetrics,
      valid: validMetrics,
      out_of_sample: outOfSampleJson(outOfSample),
      warnings,
    };
    printWarnings(context, warnings);
    printResult(context, summary, () => {
      const rows: (string | number)[][] = [
        ['model', args.out],
        ['training rows', summary.rows],
        ['excluded (empty target)', summary.excluded_rows],
        ['features', summary.features],
        ['trees kept / trained', `${summary.trees} / ${summary.trees_trained}`],
        ['seconds', summary.seconds],
      ];
      if (args.objective === 'binary') rows.push(...outOfSampleRows(trainMetrics, outOfSample));
      else {
        for (const [k, v] of Object.entries(trainMetrics)) rows.push([`train ${k}`, v]);
        if (validMetrics) for (const [k, v] of Object.entries(validMetrics)) rows.push([`valid ${k}`, v]);
      }
      return `${formatTable(['', 'value'], rows)}\n`;
    });
    return 0;
  },
});
