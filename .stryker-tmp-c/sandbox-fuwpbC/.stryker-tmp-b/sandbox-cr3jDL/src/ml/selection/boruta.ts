// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { lnGamma } from '../metrics/index.js';
import { permutationSeed, permuteColumn, permutedOrder } from './permutation-importance.js';

/** Boruta's verdict on one feature. */
export interface BorutaFeature {
  readonly feature: string;
  /** Rounds in which the feature's importance beat the best shadow's (strictly). */
  readonly hits: number;
  /** Mean importance over the rounds. */
  readonly meanImportance: number;
  /** P(X ≥ hits), X ~ Binomial(rounds, ½): small = better than noise. */
  readonly pBetter: number;
  /** P(X ≤ hits): small = worse than noise. */
  readonly pWorse: number;
  /** confirmed (pBetter below the corrected level), rejected (pWorse below it), else tentative. */
  readonly decision: 'confirmed' | 'tentative' | 'rejected';
}

/** Options of `borutaSelect`. */
export interface BorutaOptions {
  /** Rounds, each with freshly permuted shadows [20]. */
  readonly rounds?: number;
  readonly seed: number;
  /** Family-wise level, Bonferroni-corrected over the features [0.05]. */
  readonly alpha?: number;
  /** Called after each round (progress). */
  readonly onRound?: (round: number) => void;
}

/** Result of `borutaSelect`. */
export interface BorutaResult {
  readonly rounds: number;
  readonly alpha: number;
  /** The per-feature level alpha / features (Bonferroni). */
  readonly level: number;
  /** Best shadow importance of every round. */
  readonly shadowMax: readonly number[];
  readonly features: readonly BorutaFeature[];
}

/**
 * P(X ≥ k) for X ~ Binomial(n, ½): binomial coefficients by the recurrence C(n, i) = C(n, i − 1)·(n − i + 1)/i
 * (exact integers while below 2^53) up to n = 1000, in log space (ln Γ) beyond, where 2^−n underflows.
 */
export function binomialUpperTail(n: number, k: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let p = 0;
  if (n <= 1000) {
    let c = 1;
    for (let i = 1; i <= n; i++) {
      c = (c * (n - i + 1)) / i;
      if (i >= k) p += c;
    }
    return Math.min(1, p * 2 ** -n);
  }
  for (let i = k; i <= n; i++) p += Math.exp(lnGamma(n + 1) - lnGamma(i + 1) - lnGamma(n - i + 1) - n * Math.LN2);
  return Math.min(1, p);
}

/**
 * Boruta-style all-relevant selection with shadow features (Kursa & Rudnicki 2010): each round adds
 * a permuted copy ("shadow") of every feature, asks `importance` for the importance of all
 * originals and shadows (e.g. a forest's total gain), and counts a hit for a feature whose
 * importance beats the best shadow's. After a fixed number of rounds the hits are tested against
 * Binomial(rounds, ½) — what a feature no better than noise would score — at `alpha` with a
 * Bonferroni correction over the features, as Boruta does. Unlike the R package, features are not
 * removed between rounds (one fixed-size test, so the result does not depend on stopping rules).
 * Shadows of round r permute rows with `permutationSeed(seed, j, r)`: same seed → same verdicts.
 */
export async function borutaSelect(
  frame: Frame,
  features: readonly string[],
  importance: (frame: Frame, features: readonly string[], round: number) => Float64Array | Promise<Float64Array>,
  options: BorutaOptions,
): Promise<BorutaResult> {
  const rounds = options.rounds ?? 20;
  const alpha = options.alpha ?? 0.05;
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'rounds', problem: 'must be a whole number ≥ 1', value: rounds });
  if (features.length === 0) throw new CredoError('E_INPUT_VALIDATION', { summary: 'Boruta needs at least one feature' });
  const p = features.length;
  let prefix = 'shadow_';
  while (features.some((f) => frame.has(`${prefix}${f}`))) prefix = `_${prefix}`;
  const shadows = features.map((f) => `${prefix}${f}`);
  const hits = new Int32Array(p);
  const total = new Float64Array(p);
  const shadowMax: number[] = [];
  let base = frame.select(features);
  for (let round = 0; round < rounds; round++) {
    features.forEach((f, j) => {
      const shadow = permuteColumn(frame.column(f), permutedOrder(frame.rowCount, permutationSeed(options.seed, j, round)));
      base = base.withColumn({ ...shadow, name: shadows[j] as string });
    });
    const values = await importance(base, [...features, ...shadows], round);
    let best = Number.NEGATIVE_INFINITY;
    for (let j = p; j < 2 * p; j++) best = Math.max(best, values[j] as number);
    for (let j = 0; j < p; j++) {
      total[j] = (total[j] as number) + (values[j] as number);
      if ((values[j] as number) > best) hits[j] = (hits[j] as number) + 1;
    }
    shadowMax.push(best);
    options.onRound?.(round + 1);
  }
  const level = alpha / p;
  return {
    rounds,
    alpha,
    level,
    shadowMax,
    features: features.map((feature, j) => {
      const h = hits[j] as number;
      const pBetter = binomialUpperTail(rounds, h);
      const pWorse = binomialUpperTail(rounds, rounds - h);
      return {
        feature,
        hits: h,
        meanImportance: (total[j] as number) / rounds,
        pBetter,
        pWorse,
        decision: pBetter < level ? 'confirmed' : pWorse < level ? 'rejected' : 'tentative',
      };
    }),
  };
}
