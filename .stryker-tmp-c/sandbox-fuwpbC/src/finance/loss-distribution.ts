/**
 * Summary statistics of a simulated or empirical loss distribution: mean, standard deviation,
 * quantile (VaR) and expected shortfall. Shared by the portfolio simulation and finance reports.
 *
 * Conventions (stated in every report that uses them):
 * - quantile_α = the lower empirical quantile, the smallest loss L with F(L) ≥ α, i.e. the
 *   ⌈n·α⌉-th smallest of n losses (Hyndman–Fan type 1, the "inverse of the empirical CDF").
 * - ES_α = (1/(1−α))·∫_α^1 quantile_u du over that empirical quantile function (Acerbi & Tasche,
 *   "On the coherence of expected shortfall", 2002): the mean of the worst (1−α) share of
 *   outcomes, with the atom at VaR split fractionally so ES is coherent and ES_α ≥ VaR_α.
 */
// @ts-nocheck


/** n·α, rounded to 1e-9 so that 0.99·100 counts as 99, not 99.000…01. */
function positionOf(n: number, alpha: number): number {
  return Math.round(n * alpha * 1e9) / 1e9;
}

/** The 1-based rank ⌈n·α⌉, clamped to 1..n. */
function rankOf(n: number, alpha: number): number {
  return Math.min(n, Math.max(1, Math.ceil(positionOf(n, alpha))));
}

/** Arithmetic mean of the losses (0 for an empty array). */
export function lossMean(losses: ArrayLike<number>): number {
  const n = losses.length;
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += losses[i] as number;
  return sum / n;
}

/** Population standard deviation of the losses (divides by n; 0 for fewer than two values). */
export function lossStandardDeviation(losses: ArrayLike<number>): number {
  const n = losses.length;
  if (n < 2) return 0;
  const mean = lossMean(losses);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = (losses[i] as number) - mean;
    sum += d * d;
  }
  return Math.sqrt(sum / n);
}

/** An ascending copy of the losses (the input is left untouched). */
export function sortLosses(losses: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(losses);
  sorted.sort();
  return sorted;
}

/**
 * Lower empirical quantile (VaR) of ascending-sorted losses at level α in (0, 1]: the ⌈n·α⌉-th
 * smallest value. Requires a non-empty array sorted ascending (see `sortLosses`).
 */
export function sortedQuantile(sorted: ArrayLike<number>, alpha: number): number {
  return sorted[rankOf(sorted.length, alpha) - 1] as number;
}

/**
 * Expected shortfall (Acerbi–Tasche) of ascending-sorted losses at level α in [0, 1): the
 * integral of the empirical quantile function over (α, 1] divided by 1 − α. At α = 1 it is the
 * maximum. Requires a non-empty array sorted ascending.
 */
export function sortedExpectedShortfall(sorted: ArrayLike<number>, alpha: number): number {
  const n = sorted.length;
  if (alpha >= 1) return sorted[n - 1] as number;
  const position = positionOf(n, alpha);
  const k = rankOf(n, alpha);
  let tail = 0;
  for (let i = k; i < n; i++) tail += sorted[i] as number;
  // The k-th loss covers levels ((k−1)/n, k/n]; only the part above α belongs to the tail. Scaled by n
  // so that whole-number cases (α·n an integer) are exact.
  const share = Math.max(0, k - position);
  return (tail + share * (sorted[k - 1] as number)) / (n - position);
}

/** Quantile of unsorted losses; sorts a copy (use `sortedQuantile` for several levels). */
export function lossQuantile(losses: ArrayLike<number>, alpha: number): number {
  return sortedQuantile(sortLosses(losses), alpha);
}

/** Expected shortfall of unsorted losses; sorts a copy. */
export function expectedShortfall(losses: ArrayLike<number>, alpha: number): number {
  return sortedExpectedShortfall(sortLosses(losses), alpha);
}

/** VaR, ES and economic capital (VaR − EL) at one confidence level. */
export interface TailMeasures {
  readonly alpha: number;
  readonly var: number;
  readonly es: number;
  /** Economic capital = VaR − mean loss. */
  readonly economicCapital: number;
}

/** The summary of a loss distribution reported by simulations. */
export interface LossSummary {
  readonly count: number;
  readonly mean: number;
  readonly standardDeviation: number;
  readonly min: number;
  readonly max: number;
  readonly tails: readonly TailMeasures[];
}

/**
 * Summarises losses: count, mean (EL), standard deviation, min, max and, for each α (default
 * 0.99 and 0.999), VaR, ES and EC = VaR − EL, with the conventions of this module. Empty input
 * gives zeros.
 */
export function summariseLosses(losses: ArrayLike<number>, alphas: readonly number[] = [0.99, 0.999]): LossSummary {
  const n = losses.length;
  if (n === 0) {
    return { count: 0, mean: 0, standardDeviation: 0, min: 0, max: 0, tails: alphas.map((alpha) => ({ alpha, var: 0, es: 0, economicCapital: 0 })) };
  }
  const sorted = sortLosses(losses);
  const mean = lossMean(sorted);
  return {
    count: n,
    mean,
    standardDeviation: lossStandardDeviation(sorted),
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
    tails: alphas.map((alpha) => {
      const value = sortedQuantile(sorted, alpha);
      return { alpha, var: value, es: sortedExpectedShortfall(sorted, alpha), economicCapital: value - mean };
    }),
  };
}
