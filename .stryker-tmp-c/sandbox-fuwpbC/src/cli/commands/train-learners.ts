// @ts-nocheck
import { resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import { saveModel } from '../../io/model-file.js';
import { fitModel, type MemberSpec } from '../../ml/ensemble/index.js';
import type { MaxFeatures } from '../../ml/forest/index.js';
import { evaluateBinary } from '../../ml/metrics/index.js';
import type { CredoModel, ModelKind } from '../../ml/model.js';
import { predictPd } from '../../ml/predict-model.js';
import type { CommandContext } from '../command.js';
import { formatTable, printResult } from '../output.js';
import { printWarnings } from '../warnings.js';
import { readLearnerData } from './learner-data.js';
import { checkModelAuc, crossValidate, type OutOfSample, outOfSampleJson, outOfSampleRows } from './out-of-sample.js';
import { checkTrainingFeatures, headlineMetrics, holdOut, parseMonotone, refuseIgnoredFlags, type TrainingCheckArgs } from './training-checks.js';

/** The families `trainLearner` handles. */
export const learnerKinds = ['forest', 'mlp', 'svm', 'ensemble'] as const;

/** Flags `credo train` adds for forest, mlp, svm and ensemble (spread into its flag list). */
export const learnerTrainFlags = {
  'feature-fraction': { type: 'number', default: 0.6, min: 0, max: 1, description: 'forest: feature fraction per tree (0 = √F features)' },
  'max-features': {
    type: 'string',
    description: "forest: features per draw as sklearn's max_features: sqrt, log2, all, a count N or a fraction like 0.3 (overrides --feature-fraction)",
  },
  'feature-sampling': {
    type: 'enum',
    choices: ['tree', 'split'] as const,
    default: 'tree',
    description: 'forest: draw the features once per tree or afresh at every split',
  },
  'sample-fraction': { type: 'number', default: 1, min: 1e-6, max: 1, description: 'forest: bootstrap size as a fraction of the rows' },
  hidden: { type: 'list', default: ['32', '16'], description: 'mlp: hidden layer sizes' },
  activation: { type: 'enum', choices: ['relu', 'tanh'] as const, default: 'relu', description: 'mlp: hidden activation' },
  'mlp-learning-rate': { type: 'number', default: 3e-3, min: 1e-9, max: 0.5, description: 'mlp: Adam step size' },
  'batch-size': { type: 'int', default: 256, min: 1, description: 'mlp: mini-batch rows' },
  'weight-decay': { type: 'number', default: 1e-4, min: 0, description: 'mlp: L2 penalty on the weights' },
  patience: { type: 'int', default: 8, min: 1, description: 'mlp: epochs without validation improvement before stopping' },
  epochs: { type: 'int', min: 1, description: 'mlp/svm: passes over the data at most (mlp 100, svm 1000)' },
  c: { type: 'number', default: 0.1, min: 1e-12, description: 'svm: cost C of the hinge loss' },
  'class-weight': { type: 'enum', choices: ['balanced', 'none'] as const, default: 'balanced', description: 'svm: class weighting' },
  method: { type: 'enum', choices: ['stacking', 'average'] as const, default: 'stacking', description: 'ensemble: combine by stacking or weighted average' },
  members: { type: 'list', default: ['gbdt', 'mlp'], description: 'ensemble: member families' },
  weights: { type: 'list', description: 'ensemble (average): weight per member' },
  folds: { type: 'int', default: 5, min: 2, max: 50, description: 'ensemble (stacking): out-of-fold folds' },
} as const;

/** The flag values `trainLearner` reads (a subset of `credo train`'s). */
export interface LearnerTrainArgs extends TrainingCheckArgs {
  readonly monotone: readonly string[];
  readonly valid?: string | undefined;
  readonly data: string;
  readonly target: string;
  readonly model: string;
  readonly exclude: readonly string[];
  readonly features: readonly string[];
  readonly categorical: readonly string[];
  readonly out: string;
  readonly seed: number;
  readonly trees?: number | undefined;
  readonly leaves: number;
  readonly 'max-depth': number;
  readonly 'max-bins': number;
  readonly 'min-data-in-leaf': number;
  readonly 'valid-fraction'?: number | undefined;
  readonly 'cv-folds': number;
  readonly 'feature-fraction': number;
  readonly 'max-features'?: string | undefined;
  readonly 'feature-sampling': 'tree' | 'split';
  readonly 'sample-fraction': number;
  readonly hidden: readonly string[];
  readonly activation: 'relu' | 'tanh';
  readonly 'mlp-learning-rate': number;
  readonly 'batch-size': number;
  readonly 'weight-decay': number;
  readonly patience: number;
  readonly epochs?: number | undefined;
  readonly c: number;
  readonly 'class-weight': 'balanced' | 'none';
  readonly method: 'stacking' | 'average';
  readonly members: readonly string[];
  readonly weights: readonly string[];
  readonly folds: number;
  readonly 'no-missing-indicators'?: boolean | undefined;
}

/** Training parameters of a learner family from `credo train` flags (option names of each family). */
export function learnerParams(kind: string, args: LearnerTrainArgs): Record<string, unknown> {
  switch (kind) {
    case 'forest':
      return {
        trees: args.trees ?? 100,
        leaves: args.leaves,
        maxDepth: args['max-depth'],
        maxBins: args['max-bins'],
        minDataInLeaf: args['min-data-in-leaf'],
        colsample: args['feature-fraction'],
        maxFeatures: args['max-features'] === undefined ? null : parseMaxFeatures(args['max-features']),
        featureSampling: args['feature-sampling'],
        sampleFraction: args['sample-fraction'],
        monotone: parseMonotone(args.monotone),
        seed: args.seed,
      };
    case 'mlp':
      return {
        hidden: args.hidden.map((h) => parseCount('hidden', h)),
        activation: args.activation,
        learningRate: args['mlp-learning-rate'],
        batchSize: args['batch-size'],
        l2: args['weight-decay'],
        patience: args.patience,
        epochs: args.epochs,
        seed: args.seed,
      };
    case 'svm':
      return { c: args.c, classWeight: args['class-weight'], epochs: args.epochs, missingIndicators: args['no-missing-indicators'] !== true, seed: args.seed };
    case 'ensemble': {
      const members: MemberSpec[] = args.members.map((m) => {
        if (!['gbdt', 'logistic', 'scorecard', 'forest', 'mlp', 'svm'].includes(m))
          throw new CredoError('E_INPUT_FLAG_INVALID', {
            flag: 'members',
            problem: 'each member must be gbdt, logistic, scorecard, forest, mlp or svm',
            value: m,
          });
        // --trees sizes the tree members (gbdt rounds, forest trees); the others have none
        return args.trees !== undefined && (m === 'gbdt' || m === 'forest') ? { kind: m, params: { trees: args.trees } } : { kind: m as MemberSpec['kind'] };
      });
      const weights = args.weights.length > 0 ? args.weights.map((w) => parseWeight(w)) : undefined;
      return { method: args.method, members, weights, folds: args.folds, seed: args.seed };
    }
    default:
      throw new CredoError('E_MODEL_KIND', { kind, problem: 'not a learner family of this command' });
  }
}

/** `--max-features`: sqrt, log2 or all; a whole number is a count; a number with a point a fraction in (0, 1] (1.0 = all). */
function parseMaxFeatures(text: string): MaxFeatures {
  if (text === 'sqrt' || text === 'log2' || text === 'all') return text;
  const v = Number(text);
  const fraction = /[.eE]/.test(text);
  if (text.trim() !== '' && Number.isFinite(v)) {
    if (fraction && v > 0 && v < 1) return v;
    if (fraction && v === 1) return 'all';
    if (!fraction && Number.isInteger(v) && v >= 1) return v;
  }
  throw new CredoError('E_INPUT_FLAG_INVALID', {
    flag: 'max-features',
    problem: 'must be sqrt, log2, all, a whole number ≥ 1 or a fraction in (0, 1]',
    value: text,
  });
}

function parseCount(flag: string, text: string): number {
  const v = Number(text);
  if (!Number.isInteger(v) || v < 1) throw new CredoError('E_INPUT_FLAG_INVALID', { flag, problem: 'must be whole numbers ≥ 1', value: text });
  return v;
}

function parseWeight(text: string): number {
  const v = Number(text);
  if (!(v >= 0)) throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'weights', problem: 'must be numbers ≥ 0', value: text });
  return v;
}

/** `credo train --model forest|mlp|svm|ensemble`: fits the model, prints its summary, writes the model file. */
export async function trainLearner(args: LearnerTrainArgs, context: CommandContext): Promise<number> {
  const started = performance.now();
  refuseIgnoredFlags(args.model, args);
  const read = await readLearnerData(args, context);
  const { features, excluded } = read;
  const { frame, valid } = holdOut(read.frame, args['valid-fraction'], args.seed);
  const y = frame.numeric(args.target).values;
  const warnings = await checkTrainingFeatures(frame, y, features, args, context);
  const params = learnerParams(args.model, args);
  const fitted = await fitModel({ kind: args.model as Exclude<ModelKind, 'ensemble'>, params }, frame, args.target, features, {
    createdAt: new Date().toISOString(),
    seed: args.seed,
  });
  const e = evaluateBinary(predictPd(fitted, frame), y);
  const train = headlineMetrics(e);
  const v = valid === undefined ? undefined : evaluateBinary(predictPd(fitted, valid), valid.numeric(args.target).values);
  const validMetrics = v === undefined ? null : headlineMetrics(v);
  const outOfSample: OutOfSample | null =
    validMetrics !== null
      ? { method: 'hold-out', fraction: args['valid-fraction'] ?? null, file: null, seed: args.seed, metrics: validMetrics }
      : await crossValidate(
          frame,
          y,
          args['cv-folds'],
          args.seed,
          async (part) => {
            const m = await fitModel({ kind: args.model as Exclude<ModelKind, 'ensemble'>, params }, part, args.target, features, { seed: args.seed });
            return (test) => predictPd(m, test);
          },
          context,
          warnings,
        );
  warnings.push(...checkModelAuc(e.auc, outOfSample, args['allow-leakage']));
  const extra = summaryOf(fitted);
  const model = {
    ...fitted,
    params: { ...fitted.params, data: args.data },
    metrics: { train, valid: validMetrics, out_of_sample: outOfSampleJson(outOfSample), ...extra },
  } as CredoModel;
  await saveModel(model, resolve(context.cwd, args.out));
  const seconds = Math.round(performance.now() - started) / 1000;
  const summary = {
    model: args.out,
    kind: args.model,
    rows: e.rows,
    valid_rows: valid?.rowCount ?? 0,
    excluded_rows: excluded,
    features: features.length,
    seconds,
    train,
    valid: validMetrics,
    out_of_sample: outOfSampleJson(outOfSample),
    warnings,
    ...extra,
  };
  printWarnings(context, warnings);
  printResult(context, summary, () => {
    const rows: (string | number | null)[][] = [
      ['model', `${args.out} (${args.model})`],
      ['training rows', summary.rows],
      ['excluded (empty target)', excluded],
      ['features', summary.features],
      ['seconds', seconds],
    ];
    for (const [k, v] of Object.entries(extra)) rows.push([k, typeof v === 'number' || v === null ? v : JSON.stringify(v)]);
    rows.push(...outOfSampleRows(train, outOfSample));
    return `${formatTable(['', 'value'], rows)}\n`;
  });
  return 0;
}

/** Family-specific facts worth printing (out-of-bag AUC, epochs, Platt parameters, meta-weights). */
function summaryOf(model: CredoModel): Record<string, unknown> {
  switch (model.kind) {
    case 'forest':
      return { trees: model.body.ensemble.trees.length, oob_auc: model.body.oobAuc };
    case 'mlp':
      return { epochs: model.body.epochs, best_epoch: model.body.bestEpoch, parameters: model.body.theta.length };
    case 'svm':
      return { epochs: model.body.epochs, platt_a: model.body.platt.a, platt_b: model.body.platt.b };
    case 'ensemble':
      return {
        method: model.body.method,
        members: model.body.members.map((m) => m.kind).join(','),
        weights: model.body.weights.map((w) => Math.round(w * 1e6) / 1e6).join(','),
        intercept: model.body.intercept,
      };
    default:
      return {};
  }
}
