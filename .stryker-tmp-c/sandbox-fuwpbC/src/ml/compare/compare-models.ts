// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { deriveSeed } from '../../random/index.js';
import { fitModel, type MemberSpec } from '../ensemble/index.js';
import { evaluateBinary, stratifiedKFold } from '../metrics/index.js';
import type { ModelKind } from '../model.js';
import { predictPd } from '../predict-model.js';

/** A model to compare: a family and its training parameters (see `fitModel`). */
export interface CompareSpec {
  readonly kind: ModelKind;
  /** Row label in the table [the kind]. */
  readonly label?: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** Options of `compareModels`. */
export interface CompareOptions {
  readonly folds: number;
  readonly seed: number;
  /** PD at or above which a row counts as predicted bad, for precision/recall/F1 [0.5]. */
  readonly threshold?: number;
  /** Monotonic clock in seconds (injected: the core never reads the clock). */
  readonly clock: () => number;
  /** Called after each model × fold, e.g. for a progress bar. */
  readonly onFold?: (label: string, fold: number) => void;
}

/** The metrics `compareModels` reports per fold and summarises (REFERENCE §1). */
export const comparisonMetrics = ['auc', 'ks', 'gini', 'precision', 'recall', 'f1', 'brier', 'logloss', 'train_seconds'] as const;

/** One of `comparisonMetrics`. */
export type ComparisonMetric = (typeof comparisonMetrics)[number];

/** One model's cross-validated results. */
export interface ModelComparison {
  readonly model: string;
  readonly kind: ModelKind;
  /** Per fold, in fold order. */
  readonly folds: readonly Readonly<Record<ComparisonMetric, number>>[];
  /** Mean over folds. */
  readonly mean: Readonly<Record<ComparisonMetric, number>>;
  /** Sample standard deviation over folds (n − 1 denominator). */
  readonly sd: Readonly<Record<ComparisonMetric, number>>;
}

/** The comparison table and how it was produced. */
export interface Comparison {
  readonly folds: number;
  readonly seed: number;
  readonly threshold: number;
  readonly rows: number;
  readonly bad_rate: number;
  readonly models: readonly ModelComparison[];
}

/**
 * Cross-validated comparison of model families (the honest version of a single train/test
 * table): one set of stratified folds shared by every model; each model is trained on k − 1 folds
 * and scored on the held-out fold; metrics per fold, then mean ± sd. Training time is measured
 * with the injected clock. Fold f trains with seed `deriveSeed(seed, f)` whatever the family.
 */
export async function compareModels(
  frame: Frame,
  target: string,
  features: readonly string[],
  specs: readonly CompareSpec[],
  options: CompareOptions,
): Promise<Comparison> {
  if (specs.length === 0) throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'models', problem: 'give at least one model', value: '' });
  const labels = frame.numeric(target).values;
  const foldIds = stratifiedKFold(labels, options.folds, options.seed);
  const threshold = options.threshold ?? 0.5;
  const splits: { train: Frame; test: Frame; y: Float64Array }[] = [];
  for (let fold = 0; fold < options.folds; fold++) {
    const trainRows: number[] = [];
    const testRows: number[] = [];
    for (let i = 0; i < labels.length; i++) (foldIds[i] === fold ? testRows : trainRows).push(i);
    const test = frame.take(Int32Array.from(testRows));
    splits.push({ train: frame.take(Int32Array.from(trainRows)), test, y: test.numeric(target).values });
  }
  const models: ModelComparison[] = [];
  for (const spec of specs) {
    const label = spec.label ?? spec.kind;
    const folds: Record<ComparisonMetric, number>[] = [];
    for (let fold = 0; fold < options.folds; fold++) {
      const { train, test, y } = splits[fold]!;
      const started = options.clock();
      const model = await fitModel(
        { kind: spec.kind, params: { seed: deriveSeed(options.seed, fold), ...(spec.params ?? {}) } } as MemberSpec,
        train,
        target,
        features,
      );
      const seconds = options.clock() - started;
      const e = evaluateBinary(predictPd(model, test), y, { threshold });
      folds.push({
        auc: e.auc,
        ks: e.ks,
        gini: e.gini,
        precision: e.precision,
        recall: e.recall,
        f1: e.f1,
        brier: e.brier,
        logloss: e.logloss,
        train_seconds: seconds,
      });
      options.onFold?.(label, fold);
    }
    models.push({ model: label, kind: spec.kind, folds, ...summarise(folds) });
  }
  let bads = 0;
  for (let i = 0; i < labels.length; i++) bads += labels[i]!;
  return { folds: options.folds, seed: options.seed, threshold, rows: labels.length, bad_rate: bads / Math.max(1, labels.length), models };
}

/** Mean and sample sd (0 for a single value) of every metric over folds. */
export function summarise(folds: readonly Readonly<Record<ComparisonMetric, number>>[]): {
  mean: Record<ComparisonMetric, number>;
  sd: Record<ComparisonMetric, number>;
} {
  const mean = {} as Record<ComparisonMetric, number>;
  const sd = {} as Record<ComparisonMetric, number>;
  const k = folds.length;
  for (const m of comparisonMetrics) {
    let s = 0;
    for (const f of folds) s += f[m];
    const mu = s / k;
    let ss = 0;
    for (const f of folds) ss += (f[m] - mu) ** 2;
    mean[m] = mu;
    sd[m] = k > 1 ? Math.sqrt(ss / (k - 1)) : 0;
  }
  return { mean, sd };
}
