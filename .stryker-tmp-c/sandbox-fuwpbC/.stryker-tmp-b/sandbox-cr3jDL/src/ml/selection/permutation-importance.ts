// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import type { Column, Frame } from '../../frame/index.js';
import { deriveSeed, Rng } from '../../random/index.js';
import { computeAuc } from '../metrics/index.js';

/** Permutation importance of one feature over the repeats. */
export interface PermutationImportance {
  readonly feature: string;
  /** Mean drop of the score (baseline − score with the feature's column permuted); AUC points by default. */
  readonly mean: number;
  /** Sample standard deviation of the drops (n − 1 denominator; 0 for one repeat). */
  readonly sd: number;
  /** Standard error of the mean, sd / √repeats. */
  readonly se: number;
  /** The drop of every repeat, in repeat order. */
  readonly drops: readonly number[];
}

/** Options of `permutationImportance`. */
export interface PermutationOptions {
  /** Permutations per feature [5]. */
  readonly repeats?: number;
  readonly seed: number;
  /** Score to compare, higher = better [AUC of the predictions against the labels]. */
  readonly score?: (predictions: Float64Array, labels: Float64Array) => number;
}

/**
 * Row order of one seeded permutation (Fisher–Yates with `Rng(seed)`): row i of the permuted
 * column takes row `order[i]` of the original. Same seed → same order.
 */
export function permutedOrder(n: number, seed: number): Int32Array {
  const rng = new Rng(seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
  return order;
}

/** `column` with its rows in `order`, same name and dictionary (a shuffled copy keeps its distribution). */
export function permuteColumn(column: Column, order: Int32Array): Column {
  if (column.type === 'number') return { ...column, values: Float64Array.from(order, (i) => column.values[i] as number) };
  return { ...column, codes: Int32Array.from(order, (i) => column.codes[i] as number) };
}

/** Seed of the permutation of feature `j` in repeat `r` (what a test replays). */
export function permutationSeed(seed: number, feature: number, repeat: number): number {
  return deriveSeed(deriveSeed(seed, feature + 1), repeat + 1);
}

/**
 * Permutation importance (Breiman 2001; Fisher, Rudin & Dominici 2019 "model reliance"), model
 * agnostic: score the model on held-out rows, then for each feature shuffle its column
 * `repeats` times (seeded, see `permutationSeed`) and record the drop of the score. A model that
 * never reads a feature gets exactly 0. `predict` returns one score per row (raw log-odds or PD:
 * AUC only needs the order). Use validation rows, not training rows.
 */
export function permutationImportance(
  predict: (frame: Frame) => Float64Array,
  frame: Frame,
  labels: Float64Array,
  features: readonly string[],
  options: PermutationOptions,
): { baseline: number; repeats: number; features: PermutationImportance[] } {
  const repeats = options.repeats ?? 5;
  if (!Number.isInteger(repeats) || repeats < 1)
    throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'repeats', problem: 'must be a whole number ≥ 1', value: repeats });
  if (labels.length !== frame.rowCount) throw new CredoError('E_INPUT_LENGTH_MISMATCH', { what: 'labels', expected: frame.rowCount, actual: labels.length });
  const score = options.score ?? ((p: Float64Array, y: Float64Array) => computeAuc(p, y));
  const baseline = score(predict(frame), labels);
  const out = features.map((feature, j) => {
    const column = frame.column(feature);
    const drops: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const shuffled = frame.withColumn(permuteColumn(column, permutedOrder(frame.rowCount, permutationSeed(options.seed, j, r))));
      drops.push(baseline - score(predict(shuffled), labels));
    }
    const mean = drops.reduce((s, d) => s + d, 0) / repeats;
    const sd = repeats > 1 ? Math.sqrt(drops.reduce((s, d) => s + (d - mean) ** 2, 0) / (repeats - 1)) : 0;
    return { feature, mean, sd, se: sd / Math.sqrt(repeats), drops };
  });
  return { baseline, repeats, features: out };
}
