// @ts-nocheck
import { resolve } from 'node:path';
import type { Frame } from '../../frame/index.js';
import { saveModel } from '../../io/model-file.js';
import { targetLabels } from '../../ml/binning/index.js';
import { trainLogisticModel } from '../../ml/linear/index.js';
import { evaluateBinary } from '../../ml/metrics/index.js';
import type { CredoModel } from '../../ml/model.js';
import { predictPd } from '../../ml/predict-model.js';
import { trainScorecard } from '../../ml/scorecard/index.js';
import type { CommandContext } from '../command.js';
import { readDataFile } from '../data-input.js';
import { formatPValue, formatSignificant, formatTable, printResult } from '../output.js';
import { printWarnings } from '../warnings.js';
import { checkNamedColumns } from './learner-data.js';
import { checkModelAuc, crossValidate, type OutOfSample, outOfSampleJson, outOfSampleRows } from './out-of-sample.js';
import { checkTrainingFeatures, headlineMetrics, holdOut, parseMonotone, refuseIgnoredFlags, type TrainingCheckArgs } from './training-checks.js';

/** Flags `credo train` adds for the logistic and scorecard families (spread into its flag list). */
export const linearTrainFlags = {
  l1: { type: 'number', default: 0, min: 0, description: 'logistic/scorecard: L1 penalty λ₁ on −log-likelihood (sklearn C = 1/λ)' },
  l2: { type: 'number', default: 0, min: 0, description: 'logistic/scorecard: L2 penalty λ₂ on −log-likelihood (sklearn C = 1/λ)' },
  'min-iv': { type: 'number', default: 0.02, min: 0, description: 'scorecard: drop features with a lower information value' },
  'bins-per-feature': { type: 'int', default: 8, min: 2, max: 50, description: 'scorecard: most bins per characteristic (optimal binning, monotone auto)' },
  pdo: { type: 'number', default: 20, min: 1e-6, description: 'scorecard: points to double the odds' },
  'base-score': { type: 'number', default: 600, description: 'scorecard: score at the base odds' },
  'base-odds': { type: 'number', default: 50, min: 1e-9, description: 'scorecard: good:bad odds at the base score' },
  special: { type: 'list', description: 'scorecard: special values with their own bins in every characteristic, e.g. -1,-99' },
  'no-missing-indicators': {
    type: 'boolean',
    description: 'logistic/svm: no missing-indicator columns (by default each feature with missing values gets one, so missingness carries signal)',
  },
} as const;

/** The flag values `trainLinear` reads (a subset of `credo train`'s). */
export interface LinearTrainArgs extends TrainingCheckArgs {
  readonly 'valid-fraction'?: number | undefined;
  readonly 'cv-folds': number;
  readonly valid?: string | undefined;
  readonly seed: number;
  readonly monotone: readonly string[];
  readonly trees?: number | undefined;
  readonly data: string;
  readonly target: string;
  readonly model: string;
  readonly exclude: readonly string[];
  readonly features: readonly string[];
  readonly categorical: readonly string[];
  readonly out: string;
  readonly l1: number;
  readonly l2: number;
  readonly 'min-iv': number;
  readonly 'bins-per-feature': number;
  readonly pdo: number;
  readonly 'base-score': number;
  readonly 'base-odds': number;
  readonly special: readonly string[];
  readonly 'no-missing-indicators'?: boolean | undefined;
  readonly schema?: string | undefined;
}

/** `credo train --model logistic|scorecard`: fits the model, prints its summary, writes the model file. */
export async function trainLinear(args: LinearTrainArgs, context: CommandContext): Promise<number> {
  const started = performance.now();
  const types = Object.fromEntries(args.categorical.map((c) => [c, 'category' as const]));
  refuseIgnoredFlags(args.model, args);
  const all: Frame = await readDataFile(context, args.data, args, types);
  const allLabels = targetLabels(all.column(args.target));
  let excluded = 0;
  for (let i = 0; i < allLabels.length; i++) if (Number.isNaN(allLabels[i])) excluded++;
  if (excluded > 0) context.stderr(`training data: excluded ${excluded} of ${all.rowCount} rows with an empty "${args.target}" (no outcome)\n`);
  checkNamedColumns(all, args.exclude, 'exclude', args.data);
  const known = Uint8Array.from(allLabels, (v) => (Number.isNaN(v) ? 0 : 1));
  const labelled = excluded > 0 ? all.filter(known) : all;
  const { frame, valid } = holdOut(labelled, args['valid-fraction'], args.seed);
  const labels = targetLabels(frame.column(args.target));
  const skip = new Set([args.target, ...args.exclude]);
  const candidates = args.features.length > 0 ? [...args.features] : frame.names.filter((n) => !skip.has(n));
  const warnings = await checkTrainingFeatures(frame, labels, candidates, args, context);
  const fitted = await fitLinear(frame, labels, candidates, args);
  let model = fitted.model;
  const extra = fitted.extra;
  const e = evaluateBinary(predictPd(model, frame), labels);
  const train = headlineMetrics(e);
  const v = valid === undefined ? undefined : evaluateBinary(predictPd(model, valid), targetLabels(valid.column(args.target)));
  const validMetrics = v === undefined ? null : headlineMetrics(v);
  const outOfSample: OutOfSample | null =
    validMetrics !== null
      ? { method: 'hold-out', fraction: args['valid-fraction'] ?? null, file: null, seed: args.seed, metrics: validMetrics }
      : await crossValidate(
          frame,
          labels,
          args['cv-folds'],
          args.seed,
          async (part) => {
            const { model: m } = await fitLinear(part, targetLabels(part.column(args.target)), candidates, args);
            return (test) => predictPd(m, test);
          },
          context,
          warnings,
        );
  warnings.push(...checkModelAuc(e.auc, outOfSample, args['allow-leakage']));
  model = { ...model, metrics: { train, valid: validMetrics, out_of_sample: outOfSampleJson(outOfSample) } } as CredoModel;
  await saveModel(model, resolve(context.cwd, args.out));
  const summary = {
    model: args.out,
    kind: args.model,
    rows: e.rows,
    excluded_rows: excluded,
    features: model.schema.columns.length,
    seconds: Math.round(performance.now() - started) / 1000,
    train,
    valid: validMetrics,
    valid_rows: valid?.rowCount ?? 0,
    out_of_sample: outOfSampleJson(outOfSample),
    warnings,
    ...extra,
  };
  printWarnings(context, warnings);
  printResult(context, summary, () => {
    const rows: (string | number)[][] = [
      ['model', `${args.out} (${args.model})`],
      ['training rows', summary.rows],
      ['excluded (empty target)', excluded],
      ['features used', summary.features],
      ['seconds', summary.seconds],
    ];
    rows.push(...outOfSampleRows(train, outOfSample));
    if ('dropped' in extra) for (const d of extra.dropped as { feature: string; reason: string }[]) rows.push([`dropped ${d.feature}`, d.reason]);
    let out = formatTable(['', 'value'], rows);
    if ('coefficients' in extra) {
      const coefficients = extra.coefficients as {
        term: string;
        estimate: number;
        standard_error: number | null;
        p_value: number | null;
        vif: number | null;
      }[];
      out += `\n${formatTable(
        ['term', 'estimate', 'std error', 'z', 'p-value', 'VIF'],
        coefficients.map((c) => [
          c.term,
          formatSignificant(c.estimate),
          c.standard_error === null ? '' : formatSignificant(c.standard_error),
          c.standard_error === null ? '' : (c.estimate / c.standard_error).toFixed(2),
          c.p_value === null ? '' : formatPValue(c.p_value),
          c.vif === null ? '' : c.vif.toFixed(2),
        ]),
        { title: 'logit(PD) = Σ estimate·term (categorical terms against their most frequent category; VIF > 10: collinear)' },
      )}`;
    }
    return out;
  });
  return 0;
}

/**
 * Fits `--model logistic|scorecard` on `frame` with the flags' settings: the model (metrics
 * empty) and the family's extra summary (coefficients, or the scorecard's characteristics and
 * dropped features). Used for the saved model and for every cross-validation fold.
 */
async function fitLinear(
  frame: Frame,
  labels: Float64Array,
  candidates: readonly string[],
  args: LinearTrainArgs,
): Promise<{ model: CredoModel; extra: Record<string, unknown> }> {
  const base = { target: args.target, createdAt: new Date().toISOString(), metrics: {} };
  let model: CredoModel;
  let extra: Record<string, unknown> = {};
  if (args.model === 'logistic') {
    const missingIndicators = args['no-missing-indicators'] !== true;
    const monotone = parseMonotone(args.monotone);
    const body = trainLogisticModel(frame, labels, candidates, { l1: args.l1, l2: args.l2, missingIndicators, monotone });
    model = {
      ...base,
      kind: 'logistic',
      schema: schemaOf(frame, candidates),
      params: { l1: args.l1, l2: args.l2, missingIndicators, monotone, data: args.data },
      body,
    };
    const coefficient = (name: string): number => {
      if (name === '(intercept)') return body.intercept;
      for (const t of body.terms) {
        if (name === `${t.feature}:missing`) return t.missing ?? 0;
        if (t.type === 'number' && t.feature === name) return t.coefficient;
        if (t.type === 'category' && name.startsWith(`${t.feature}=`)) return t.levels[name.slice(t.feature.length + 1)] ?? 0;
      }
      return 0;
    };
    extra = {
      converged: body.converged,
      coefficients: body.design.map((name, j) => ({
        term: name,
        estimate: coefficient(name),
        standard_error: body.standard_errors[j] ?? null,
        p_value: body.p_values[j] ?? null,
        vif: body.vif[j] ?? null,
      })),
    };
  } else {
    const result = await trainScorecard(frame, labels, candidates, {
      binning: { maxBins: args['bins-per-feature'], specials: args.special },
      minIv: args['min-iv'],
      l2: args.l2,
      scaling: { pdo: args.pdo, baseScore: args['base-score'], baseOdds: args['base-odds'] },
    });
    const used = result.body.characteristics.map((c) => c.feature);
    model = {
      ...base,
      kind: 'scorecard',
      schema: schemaOf(frame, used),
      params: {
        l2: args.l2,
        min_iv: args['min-iv'],
        bins_per_feature: args['bins-per-feature'],
        pdo: args.pdo,
        base_score: args['base-score'],
        base_odds: args['base-odds'],
        data: args.data,
      },
      body: result.body,
    };
    extra = { characteristics: used.length, dropped: result.dropped, converged: result.fit.converged };
  }
  return { model, extra };
}

function schemaOf(frame: Frame, features: readonly string[]) {
  return frame.select(features).schema();
}
