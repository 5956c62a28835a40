import { computePsi } from '../ml/binning/index.js';
import { evaluateBinary, rocCurve, thinCurve } from '../ml/metrics/index.js';
import type { CredoModel } from '../ml/model.js';
import { predictPd } from '../ml/predict-model.js';
import type { DecisionPolicy } from './policy.js';
import { preparedModel } from './prepared-model.js';

/** A feature's training distribution: decile bins of a number (values in [edges[b−1], edges[b]) fall in bin b), or category counts; missing apart. */
export type FeatureReference =
  | { readonly feature: string; readonly type: 'number'; readonly edges: readonly number[]; readonly counts: readonly number[]; readonly missing: number }
  | {
      readonly feature: string;
      readonly type: 'category';
      readonly categories: readonly string[];
      readonly counts: readonly number[];
      readonly missing: number;
    };

/** What a model carries in `metrics.training_reference` so recent applications can be compared with its training data (PSI/CSI). */
export interface TrainingReference {
  readonly version: 1;
  readonly rows: number;
  /** The training PDs' decile bins. */
  readonly pd: { readonly edges: readonly number[]; readonly counts: readonly number[] };
  readonly features: readonly FeatureReference[];
}

const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const isCounts = (v: unknown, length: number) => Array.isArray(v) && v.length === length && v.every(isCount);
const isEdges = (v: unknown): v is number[] => Array.isArray(v) && v.every((x, i) => Number.isFinite(x) && (i === 0 || (x as number) > (v[i - 1] as number)));

/** Whether one feature's reference is well formed: ascending finite edges with one count per bin, or categories with one count each. */
function isFeatureReference(value: unknown): boolean {
  const f = value as Record<string, unknown> | null;
  if (typeof f !== 'object' || f === null || typeof f.feature !== 'string' || !isCount(f.missing)) return false;
  if (f.type === 'number') return isEdges(f.edges) && isCounts(f.counts, f.edges.length + 1);
  const categories = f.categories;
  return f.type === 'category' && Array.isArray(categories) && categories.every((c) => typeof c === 'string') && isCounts(f.counts, categories.length);
}

/**
 * Whether `value` is a well-formed `TrainingReference` (version 1, whole non-negative counts, one
 * count per bin): a model file is uploaded data, and its metrics are checked before they are read.
 */
export function isTrainingReference(value: unknown): value is TrainingReference {
  const r = value as Record<string, unknown> | null;
  if (typeof r !== 'object' || r === null || r.version !== 1 || !isCount(r.rows)) return false;
  const pd = r.pd as Record<string, unknown> | null;
  if (typeof pd !== 'object' || pd === null || !isEdges(pd.edges) || !isCounts(pd.counts, pd.edges.length + 1)) return false;
  return Array.isArray(r.features) && r.features.every(isFeatureReference);
}

/** PSI status by the usual thresholds: below 0.1 stable, 0.1–0.25 investigate, above 0.25 shifted (Siddiqi 2006, ch. 12). */
export type StabilityStatus = 'stable' | 'investigate' | 'shifted';

/** The PSI thresholds the dashboard draws. */
export const PSI_THRESHOLDS = { investigate: 0.1, shifted: 0.25 } as const;

/** The status of a PSI value. */
export function stabilityStatus(psi: number): StabilityStatus {
  return psi > PSI_THRESHOLDS.shifted ? 'shifted' : psi >= PSI_THRESHOLDS.investigate ? 'investigate' : 'stable';
}

/** Up to nine distinct decile edges of finite values. */
function decileEdges(values: readonly number[]): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const edges: number[] = [];
  for (let k = 1; k < 10 && sorted.length > 0; k++) {
    const edge = sorted[Math.floor((k * sorted.length) / 10)] as number;
    if (edges.length === 0 || edge > (edges[edges.length - 1] as number)) edges.push(edge);
  }
  return edges;
}

/** The bin of `v` over ascending `edges`. */
function binOf(edges: readonly number[], v: number): number {
  let b = 0;
  while (b < edges.length && v >= (edges[b] as number)) b++;
  return b;
}

/** Counts of `values` over the bins of `edges` (non-finite values skipped). */
function countBins(edges: readonly number[], values: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const v of values) if (Number.isFinite(v)) counts[binOf(edges, v)] = (counts[binOf(edges, v)] as number) + 1;
  return counts;
}

/** A field of an input record as a number (true/false as 1/0), NaN when missing or not numeric. */
function numberOf(v: unknown): number {
  return typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : Number.NaN;
}

/**
 * The training reference of a model: its PDs' deciles and, for each input column of its schema,
 * the decile bins (numbers) or category counts of the training rows (`rows`, input records).
 */
export function trainingReference(model: CredoModel, rows: readonly Readonly<Record<string, unknown>>[], pd: Float64Array): TrainingReference {
  const pdValues = Array.from(pd);
  const pdEdges = decileEdges(pdValues);
  const features = model.schema.columns.map((c): FeatureReference => {
    if (c.type === 'number') {
      const values = rows.map((r) => numberOf(r[c.name]));
      const edges = decileEdges(values);
      return { feature: c.name, type: 'number', edges, counts: countBins(edges, values), missing: values.filter((v) => !Number.isFinite(v)).length };
    }
    const categories = [...(c.categories ?? [])];
    const counts = new Array<number>(categories.length).fill(0);
    let missing = 0;
    for (const r of rows) {
      const k = categories.indexOf(String(r[c.name] ?? ''));
      if (k >= 0) counts[k] = (counts[k] as number) + 1;
      else missing++;
    }
    return { feature: c.name, type: 'category', categories, counts, missing };
  });
  return { version: 1, rows: rows.length, pd: { edges: pdEdges, counts: countBins(pdEdges, pdValues) }, features };
}

/** One PSI with its bins: label, training share, recent share. */
export interface StabilityRow {
  readonly feature: string;
  readonly psi: number;
  readonly status: StabilityStatus;
  readonly bins: { readonly bin: string; readonly expected: number; readonly actual: number }[];
}

const fmt = (v: number) => String(Number(v.toPrecision(4)));

function psiRow(feature: string, labels: readonly string[], expected: readonly number[], actual: readonly number[]): StabilityRow {
  const r = computePsi(Float64Array.from(expected), Float64Array.from(actual));
  return {
    feature,
    psi: r.psi,
    status: stabilityStatus(r.psi),
    bins: labels.map((bin, i) => ({ bin, expected: r.expectedShare[i] as number, actual: r.actualShare[i] as number })),
  };
}

function rangeLabels(edges: readonly number[]): string[] {
  return Array.from(
    { length: edges.length + 1 },
    (_, b) => `[${b === 0 ? '−∞' : fmt(edges[b - 1] as number)}, ${b === edges.length ? '∞' : fmt(edges[b] as number)})`,
  );
}

/**
 * Stability of recent applications against a model's training data: the PSI of the PD over the
 * training PD deciles, and the CSI of every input over its training bins (missing as its own bin;
 * categories unseen in training count as missing), smoothed as `computePsi` does.
 */
export function stabilityReport(
  reference: TrainingReference,
  rows: readonly Readonly<Record<string, unknown>>[],
  pd: Float64Array,
): { readonly pd: StabilityRow; readonly features: StabilityRow[] } {
  const pdRow = psiRow('pd', rangeLabels(reference.pd.edges), reference.pd.counts, countBins(reference.pd.edges, Array.from(pd)));
  const features = reference.features.map((f) => {
    if (f.type === 'number') {
      const values = rows.map((r) => numberOf(r[f.feature]));
      const missing = values.filter((v) => !Number.isFinite(v)).length;
      return psiRow(f.feature, [...rangeLabels(f.edges), 'missing'], [...f.counts, f.missing], [...countBins(f.edges, values), missing]);
    }
    const actual = new Array<number>(f.categories.length + 1).fill(0);
    for (const r of rows) {
      const k = f.categories.indexOf(String(r[f.feature] ?? ''));
      const at = k >= 0 ? k : f.categories.length;
      actual[at] = (actual[at] as number) + 1;
    }
    return psiRow(f.feature, [...f.categories, 'missing or unseen'], [...f.counts, f.missing], actual);
  });
  features.sort((a, b) => b.psi - a.psi);
  return { pd: pdRow, features };
}

/** Validation PDs and outcomes a model carries in `metrics.validation_sample`. */
export interface ValidationSample {
  readonly pd: readonly number[];
  readonly bad: readonly number[];
}

/**
 * Discrimination and calibration on a model's validation sample: the ROC curve (at most 101
 * points, the KS point kept) with AUC and KS, the KS curve (cumulative shares of bads and goods
 * called bad at each PD threshold), gains/lift and calibration by PD decile (`evaluateBinary`).
 */
export function validationPerformance(sample: ValidationSample) {
  const pd = Float64Array.from(sample.pd);
  const bad = Float64Array.from(sample.bad);
  const roc = rocCurve(pd, bad);
  const e = evaluateBinary(pd, bad, { bands: 10 });
  const points = thinCurve(roc.points, 101, roc.ksThreshold).map((p) => ({
    threshold: Number.isFinite(p.threshold) ? p.threshold : null,
    fpr: p.fpr,
    tpr: p.tpr,
  }));
  return {
    rows: e.rows,
    bad_rate: e.bad_rate,
    auc: e.auc,
    gini: e.gini,
    ks: e.ks,
    ks_threshold: e.ks_threshold,
    roc: points,
    gains: e.gains.map((g) => ({ band: g.band, count: g.count, bad_rate: g.bad_rate, cum_bad_capture: g.cum_bad_capture, lift: g.lift })),
    calibration: e.calibration.map((c) => ({ ...c })),
  };
}

/**
 * PDs of input records under `policy` with `model` (one row at a time through the decision's
 * prepared frame, so inputs are encoded exactly as a decision encodes them); a record the model
 * cannot score gives NaN.
 */
export function pdOfInputs(policy: DecisionPolicy, model: CredoModel, rows: readonly Readonly<Record<string, unknown>>[]): Float64Array {
  const prepared = preparedModel(policy, model, undefined);
  return Float64Array.from(rows, (r) => {
    prepared.write(r as Record<string, number | string | null>);
    return predictPd(model, prepared.frame)[0] as number;
  });
}

/**
 * SHAP values of input records (the contributions behind each decision's reasons): per feature
 * the mean |SHAP| (largest first) and one point per record with the SHAP value and the input
 * value (numbers; null for categories and missing values) — a beeswarm and dependence plots.
 */
export function shapOfInputs(policy: DecisionPolicy, model: CredoModel, rows: readonly Readonly<Record<string, unknown>>[]) {
  const prepared = preparedModel(policy, model, undefined);
  let features: readonly string[] = [];
  const points: { feature: string; value: number | string | null; shap: number }[] = [];
  for (const r of rows) {
    prepared.write(r as Record<string, number | string | null>);
    const e = prepared.explain();
    features = e.features;
    e.features.forEach((feature, j) => {
      const raw = r[feature];
      const value = typeof raw === 'number' || typeof raw === 'string' ? raw : typeof raw === 'boolean' ? Number(raw) : null;
      points.push({ feature, value, shap: e.values[j] as number });
    });
  }
  const importance = features.map((feature) => {
    const mine = points.filter((p) => p.feature === feature);
    return { feature, mean_abs_shap: mine.reduce((a, p) => a + Math.abs(p.shap), 0) / Math.max(1, mine.length) };
  });
  importance.sort((a, b) => b.mean_abs_shap - a.mean_abs_shap);
  return { rows: rows.length, importance, points };
}
