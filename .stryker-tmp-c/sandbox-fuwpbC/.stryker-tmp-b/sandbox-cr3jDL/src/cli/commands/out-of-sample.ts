// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { type FoldFit, outOfFoldPd } from '../../ml/compare/index.js';
import { evaluateBinary } from '../../ml/metrics/index.js';
import type { CommandContext } from '../command.js';
import { formatPValue, startProgress } from '../output.js';
import { checkFittedAuc, headlineMetrics } from './training-checks.js';

/** The stratified folds `credo train` cross-validates with when nothing is held out. */
export const DEFAULT_CV_FOLDS = 5;

/** `credo train`'s flag for the default out-of-sample estimate. */
export const outOfSampleFlags = {
  'cv-folds': {
    type: 'int',
    default: DEFAULT_CV_FOLDS,
    min: 0,
    max: 50,
    description:
      'without --valid-fraction (or --valid): out-of-sample metrics from stratified k-fold cross-validation with these folds (seeded by --seed; the saved model is fitted on all rows); 0 = none',
  },
} as const;

/**
 * How a training summary's out-of-sample figures were obtained: a hold-out of the data
 * (`--valid-fraction`, or a gbdt `--valid` file) or stratified k-fold cross-validation (pooled
 * out-of-fold predictions of models fitted like the saved one). The metrics are `headlineMetrics`.
 */
export type OutOfSample =
  | {
      readonly method: 'hold-out';
      readonly fraction: number | null;
      readonly file: string | null;
      readonly seed: number;
      readonly metrics: Record<string, number>;
    }
  | { readonly method: 'cross-validation'; readonly folds: number; readonly seed: number; readonly metrics: Record<string, number> };

/** The `out_of_sample` object of `--json`: the method, its settings and the metrics, flat. */
export function outOfSampleJson(o: OutOfSample | null): Record<string, unknown> | null {
  if (o === null) return null;
  const { metrics, ...how } = o;
  return { ...how, ...metrics };
}

/**
 * Cross-validates a fit for `credo train` when nothing is held out: `--cv-folds` stratified folds
 * seeded with `--seed`, a progress line per fold, the headline metrics of the pooled out-of-fold
 * PD. Returns null for `--cv-folds 0`; refuses `--cv-folds 1`. Each fold needs a bad and a good
 * row, so with fewer rows in the rarer class the folds drop to that count (a warning says so), and
 * below 2 there is no estimate (a warning again).
 */
export async function crossValidate(
  frame: Frame,
  labels: Float64Array,
  requested: number,
  seed: number,
  fit: FoldFit,
  context: CommandContext,
  warnings: string[],
): Promise<OutOfSample | null> {
  if (requested === 0) return null;
  if (requested === 1) throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'cv-folds', problem: 'must be 0 (none) or at least 2', value: requested });
  let bads = 0;
  for (let i = 0; i < labels.length; i++) bads += labels[i]!;
  const rarer = Math.min(bads, labels.length - bads);
  if (rarer < 2) {
    warnings.push(`no cross-validation: the rarer class has ${rarer} row(s), and each fold needs one; train figures are optimistic`);
    return null;
  }
  const folds = Math.min(requested, rarer);
  if (folds < requested) warnings.push(`cross-validating with ${folds} folds instead of ${requested}: the rarer class has only ${rarer} rows`);
  const progress = startProgress(context, `cross-validating (${folds} folds)`, folds);
  const pd = await outOfFoldPd(frame, labels, folds, seed, fit, (done) => progress.tick(done));
  progress.done();
  return { method: 'cross-validation', folds, seed, metrics: headlineMetrics(evaluateBinary(pd, labels)) };
}

/**
 * Summary-table rows of the in-sample and out-of-sample metrics, saying which out-of-sample method
 * was used, with a poor fit (Hosmer–Lemeshow
 * p < 0.01) said in words for every sample.
 */
export function outOfSampleRows(train: Record<string, number>, outOfSample: OutOfSample | null): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const add = (prefix: string, metrics: Record<string, number>) => {
    for (const [k, v] of Object.entries(metrics)) {
      if (k === 'hosmer_lemeshow_p')
        rows.push([`${prefix} calibration (Hosmer–Lemeshow p)`, v < 0.01 ? `${formatPValue(v)}: poor fit (p < 0.01)` : formatPValue(v)]);
      else rows.push([`${prefix} ${k}`, v]);
    }
  };
  add('train', train);
  if (outOfSample === null) rows.push(['out-of-sample', 'none (--cv-folds 0, or too few bads): train figures are optimistic']);
  else if (outOfSample.method === 'hold-out') {
    const what =
      outOfSample.file !== null ? `validation file ${outOfSample.file}` : `seeded hold-out of ${outOfSample.fraction} of the rows (seed ${outOfSample.seed})`;
    rows.push(['out-of-sample', `"valid" rows: ${what}`]);
    add('valid', outOfSample.metrics);
  } else {
    rows.push([
      'out-of-sample',
      `"cv" rows: stratified ${outOfSample.folds}-fold cross-validation, seed ${outOfSample.seed} (pooled out-of-fold PDs; the saved model uses all rows)`,
    ]);
    add('cv', outOfSample.metrics);
  }
  return rows;
}

/**
 * The fitted-AUC leakage check of every family (`checkFittedAuc`): an out-of-sample AUC of 1 stops
 * training unless `--allow-leakage`; an in-sample AUC of 1 is a warning.
 */
export function checkModelAuc(trainAuc: number, outOfSample: OutOfSample | null, allow: boolean): string[] {
  const unseen =
    outOfSample === null ? [] : checkFittedAuc(outOfSample.metrics.auc!, outOfSample.method === 'hold-out' ? 'validation' : 'cross-validated', allow);
  return [...checkFittedAuc(trainAuc, 'training', allow), ...unseen];
}
