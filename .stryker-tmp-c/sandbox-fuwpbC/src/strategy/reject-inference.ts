// @ts-nocheck
import { CredoError } from '../errors/index.js';
import { deriveSeed, Rng } from '../random/index.js';

/**
 * How to infer outcomes for rows without one (REFERENCE §7): the random test group (inverse
 * probability weighted), a score proxy by band (optionally aggravated), parcelling (hard labels
 * drawn per band), or fuzzy augmentation (a logistic fit of the outcome on the score gives each
 * row a bad weight p and a good weight 1 − p).
 */
export type InferenceMethod =
  | { readonly kind: 'random-test'; readonly randomTest: Float64Array }
  | { readonly kind: 'score-band'; readonly score: Float64Array; readonly bands?: number; readonly aggravation?: number }
  | { readonly kind: 'parcel'; readonly score: Float64Array; readonly bands?: number; readonly aggravation?: number; readonly seed?: number }
  | { readonly kind: 'fuzzy'; readonly score: Float64Array; readonly aggravation?: number };

/** Inferred bad probability per row: a number in [0, 1] for rows without an outcome, NaN for rows with one. */
export interface InferenceResult {
  /** The method's label, printed next to every inferred number (e.g. `score-band(bureau_score, ×1.2)`). */
  readonly method: string;
  readonly probability: Float64Array;
  /** Rows given an inferred value. */
  readonly inferredRows: number;
}

/** Context for inference: the groups to estimate within (random test) and the strata of sampling. */
export interface InferenceContext {
  /** Group per row (e.g. swap-set cell 0..3); random-test estimates are per group. */
  readonly groups?: Int32Array;
  readonly groupCount?: number;
  /** Sampling strata per row (e.g. segment); the random test's sampling rate is estimated per stratum. */
  readonly strata?: Int32Array;
  readonly strataCount?: number;
  /** Label of the score source for the method label. */
  readonly scoreName?: string;
}

/**
 * Infers a bad probability for each row whose `target` is missing (NaN). Rows with a target keep
 * NaN in the result. Throws `E_STRATEGY_NO_OUTCOMES` when nothing can be learnt (no observed
 * rows, or no random-test rows in a group that needs them and no pooled fallback).
 */
export function inferRejects(target: Float64Array, method: InferenceMethod, context: InferenceContext = {}): InferenceResult {
  switch (method.kind) {
    case 'random-test':
      return inferRandomTest(target, method.randomTest, context);
    case 'score-band':
    case 'parcel':
      return inferByBand(target, method, context);
    case 'fuzzy':
      return inferFuzzy(target, method.score, method.aggravation ?? 1, context);
  }
}

/**
 * Random test group: rows with `randomTest = 1` were approved whatever the policy, so their
 * outcomes are an unbiased sample of every group. Each is weighted by 1 / (its stratum's sampling
 * rate); a group's inferred rate is Σ w·bad / Σ w over its random-test rows with outcomes,
 * falling back to the pooled random-test rate when the group has none.
 */
function inferRandomTest(target: Float64Array, randomTest: Float64Array, context: InferenceContext): InferenceResult {
  const n = target.length;
  const strata = context.strata ?? new Int32Array(n);
  const strataCount = context.strataCount ?? 1;
  const groups = context.groups ?? new Int32Array(n);
  const groupCount = context.groupCount ?? 1;
  const inStratum = new Float64Array(strataCount);
  const sampled = new Float64Array(strataCount);
  for (let i = 0; i < n; i++) {
    const s = strata[i] as number;
    inStratum[s] = (inStratum[s] as number) + 1;
    if (randomTest[i] === 1) sampled[s] = (sampled[s] as number) + 1;
  }
  const weightedBad = new Float64Array(groupCount + 1);
  const weight = new Float64Array(groupCount + 1);
  for (let i = 0; i < n; i++) {
    const t = target[i] as number;
    if (randomTest[i] !== 1 || Number.isNaN(t)) continue;
    const s = strata[i] as number;
    const w = (inStratum[s] as number) / (sampled[s] as number);
    const g = groups[i] as number;
    weightedBad[g] = (weightedBad[g] as number) + w * t;
    weight[g] = (weight[g] as number) + w;
    weightedBad[groupCount] = (weightedBad[groupCount] as number) + w * t;
    weight[groupCount] = (weight[groupCount] as number) + w;
  }
  if ((weight[groupCount] as number) === 0)
    throw new CredoError('E_STRATEGY_NO_OUTCOMES', { method: 'random-test', problem: 'no random-test rows have an outcome' });
  const pooled = (weightedBad[groupCount] as number) / (weight[groupCount] as number);
  const probability = new Float64Array(n).fill(Number.NaN);
  let inferredRows = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(target[i] as number)) continue;
    const g = groups[i] as number;
    probability[i] = (weight[g] as number) > 0 ? (weightedBad[g] as number) / (weight[g] as number) : pooled;
    inferredRows++;
  }
  return { method: 'random-test (inverse-probability weighted)', probability, inferredRows };
}

/** Most observed scores sorted to place band edges; beyond this a fixed stride subsample is used. */
const EDGE_SAMPLE = 65536;

/**
 * Band edges: `bands` quantiles of the observed rows' scores (distinct edges only). Past
 * EDGE_SAMPLE observed rows the quantiles come from every k-th observed row (deterministic), which
 * moves an edge by well under one band's width.
 */
function bandEdges(target: Float64Array, score: Float64Array, bands: number): Float64Array {
  let observed = 0;
  for (let i = 0; i < target.length; i++) if (!Number.isNaN(target[i] as number) && !Number.isNaN(score[i] as number)) observed++;
  const stride = Math.max(1, Math.ceil(observed / EDGE_SAMPLE));
  const sample = new Float64Array(Math.ceil(observed / stride));
  let seen = 0;
  let kept = 0;
  for (let i = 0; i < target.length; i++) {
    if (Number.isNaN(target[i] as number) || Number.isNaN(score[i] as number)) continue;
    if (seen++ % stride === 0) sample[kept++] = score[i] as number;
  }
  const sorted = sample.subarray(0, kept).sort();
  const edges: number[] = [];
  for (let b = 1; b < bands; b++) {
    const q = sorted[Math.floor((b * sorted.length) / bands)];
    if (q !== undefined && (edges.length === 0 || q > (edges[edges.length - 1] as number))) edges.push(q);
  }
  return Float64Array.from(edges);
}

/**
 * Band of every row: the number of edges ≤ its score (a branch-free count over the few edges);
 * missing scores get band `edges.length + 1`.
 */
function bandsOf(edges: Float64Array, score: Float64Array): Int32Array {
  const n = score.length;
  const e = edges.length;
  const band = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = score[i] as number;
    if (Number.isNaN(s)) {
      band[i] = e + 1;
      continue;
    }
    let b = 0;
    for (let j = 0; j < e; j++) b += +(s >= (edges[j] as number));
    band[i] = b;
  }
  return band;
}

/**
 * Score proxy: bad rate per score band (quantile bands of the rows with outcomes; missing
 * scores form their own band) applied to the rows without outcomes, times the aggravation factor
 * (capped at 1). Parcelling draws hard 0/1 labels per band instead: in each band, a seeded random
 * choice of round(rate × rows) unlabelled rows become bad.
 */
function inferByBand(target: Float64Array, method: Extract<InferenceMethod, { kind: 'score-band' | 'parcel' }>, context: InferenceContext): InferenceResult {
  const n = target.length;
  const score = method.score;
  const aggravation = method.aggravation ?? 1;
  const edges = bandEdges(target, score, method.bands ?? 10);
  const bandCount = edges.length + 2;
  const bads = new Float64Array(bandCount);
  const rows = new Float64Array(bandCount);
  let allBads = 0;
  let allRows = 0;
  const band = bandsOf(edges, score);
  for (let i = 0; i < n; i++) {
    const b = band[i] as number;
    const t = target[i] as number;
    if (Number.isNaN(t)) continue;
    bads[b] = (bads[b] as number) + t;
    rows[b] = (rows[b] as number) + 1;
    allBads += t;
    allRows++;
  }
  if (allRows === 0) throw new CredoError('E_STRATEGY_NO_OUTCOMES', { method: method.kind, problem: 'no row has an outcome to learn band bad rates from' });
  const rate = new Float64Array(bandCount);
  for (let b = 0; b < bandCount; b++)
    rate[b] = Math.min(1, ((rows[b] as number) > 0 ? (bads[b] as number) / (rows[b] as number) : allBads / allRows) * aggravation);
  const probability = new Float64Array(n).fill(Number.NaN);
  let inferredRows = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(target[i] as number)) continue;
    probability[i] = rate[band[i] as number] as number;
    inferredRows++;
  }
  const label = `${context.scoreName ?? 'score'}, ${edges.length + 1} bands${aggravation === 1 ? '' : `, ×${aggravation}`}`;
  if (method.kind === 'score-band') return { method: `score-band (${label})`, probability, inferredRows };
  // Parcelling: per band, shuffle the unlabelled rows with a seeded generator and mark the first round(rate × count) bad.
  const seed = method.seed ?? 1;
  const members: number[][] = Array.from({ length: bandCount }, () => []);
  for (let i = 0; i < n; i++) if (!Number.isNaN(probability[i] as number)) (members[band[i] as number] as number[]).push(i);
  members.forEach((list, b) => {
    const rng = new Rng(deriveSeed(seed, b));
    for (let j = list.length - 1; j > 0; j--) {
      const k = rng.nextInt(j + 1);
      [list[j], list[k]] = [list[k] as number, list[j] as number];
    }
    const badCount = Math.round((rate[b] as number) * list.length);
    list.forEach((i, j) => {
      probability[i] = j < badCount ? 1 : 0;
    });
  });
  return { method: `parcel (${label}, seed ${seed})`, probability, inferredRows };
}

/**
 * Fuzzy augmentation: a one-variable logistic regression of the outcome on the (standardised)
 * score, fitted by Newton–Raphson on rows with outcomes; each row without one gets p = fitted PD ×
 * aggravation (capped at 1), i.e. weight p as bad and 1 − p as good. Rows with a missing score get
 * the observed bad rate of missing-score rows (or the overall rate).
 */
function inferFuzzy(target: Float64Array, score: Float64Array, aggravation: number, context: InferenceContext): InferenceResult {
  const n = target.length;
  let count = 0;
  let mean = 0;
  let m2 = 0;
  let allBads = 0;
  let allRows = 0;
  let missingBads = 0;
  let missingRows = 0;
  for (let i = 0; i < n; i++) {
    const t = target[i] as number;
    if (Number.isNaN(t)) continue;
    allBads += t;
    allRows++;
    const s = score[i] as number;
    if (Number.isNaN(s)) {
      missingBads += t;
      missingRows++;
      continue;
    }
    count++;
    const d = s - mean;
    mean += d / count;
    m2 += d * (s - mean);
  }
  if (allRows === 0) throw new CredoError('E_STRATEGY_NO_OUTCOMES', { method: 'fuzzy', problem: 'no row has an outcome to fit on' });
  const sd = count > 1 && m2 > 0 ? Math.sqrt(m2 / (count - 1)) : 1;
  let a = Math.log((allBads + 0.5) / (allRows - allBads + 0.5));
  let b = 0;
  for (let iter = 0; iter < 50; iter++) {
    let g0 = 0;
    let g1 = 0;
    let h00 = 0;
    let h01 = 0;
    let h11 = 0;
    for (let i = 0; i < n; i++) {
      const t = target[i] as number;
      const s = score[i] as number;
      if (Number.isNaN(t) || Number.isNaN(s)) continue;
      const x = (s - mean) / sd;
      const p = 1 / (1 + Math.exp(-(a + b * x)));
      const w = p * (1 - p);
      g0 += t - p;
      g1 += (t - p) * x;
      h00 += w;
      h01 += w * x;
      h11 += w * x * x;
    }
    const det = h00 * h11 - h01 * h01;
    if (!(det > 1e-12)) break;
    const da = (h11 * g0 - h01 * g1) / det;
    const db = (h00 * g1 - h01 * g0) / det;
    a += da;
    b += db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  const missingRate = missingRows > 0 ? missingBads / missingRows : allBads / allRows;
  const probability = new Float64Array(n).fill(Number.NaN);
  let inferredRows = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(target[i] as number)) continue;
    const s = score[i] as number;
    const p = Number.isNaN(s) ? missingRate : 1 / (1 + Math.exp(-(a + (b * (s - mean)) / sd)));
    probability[i] = Math.min(1, p * aggravation);
    inferredRows++;
  }
  return { method: `fuzzy (logistic on ${context.scoreName ?? 'score'}${aggravation === 1 ? '' : `, ×${aggravation}`})`, probability, inferredRows };
}
