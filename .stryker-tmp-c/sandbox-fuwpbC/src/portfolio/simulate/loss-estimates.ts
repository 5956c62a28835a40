// @ts-nocheck
import { sortedExpectedShortfall, sortedQuantile, sortLosses } from '../../finance/index.js';
import type { ScenarioResults } from './monte-carlo-kernel.js';

/** A Monte Carlo estimate with its standard error and a two-sided 95% confidence interval. */
export interface Estimate {
  readonly value: number;
  readonly se: number;
  readonly ci: readonly [number, number];
}

/** Tail measures at one confidence level α, with Euler contributions of each segment to ES. */
export interface TailEstimate {
  readonly alpha: number;
  readonly var: Estimate;
  readonly es: Estimate;
  /** Economic capital VaR − EL (its interval is VaR's shifted by EL). */
  readonly ec: Estimate;
  /** Euler allocation of ES: E[L_segment | L in the α-tail], summing to ES. */
  readonly esBySegment: Float64Array;
  /** Variance of the plain tail-probability estimator at VaR over this run's (1 without importance sampling). */
  readonly varianceReduction: number;
  /** Simulated scenarios with a loss at or above VaR: the ones VaR and ES rest on. */
  readonly tailScenarios: number;
  /**
   * Scenarios for a 95% interval of ±`TARGET_PRECISION` (relative) on ES at this α, by the 1/√n rule
   * from this run's standard error, and at least enough for `MIN_TAIL_SCENARIOS` in the tail.
   */
  readonly scenariosForPrecision: number;
}

/** Fewer scenarios than this beyond VaR make the tail intervals unreliable (normal approximations fail). */
export const MIN_TAIL_SCENARIOS = 20;
/** Relative half-width of the 95% ES interval that `scenariosForPrecision` aims at. */
export const TARGET_PRECISION = 0.05;

/** The loss distribution of a simulation run, summarised. */
export interface LossEstimates {
  readonly scenarios: number;
  readonly el: Estimate;
  /** Euler allocation of EL by segment (E[L_segment]), summing to EL. */
  readonly elBySegment: Float64Array;
  readonly tails: readonly TailEstimate[];
  /** Equal-width loss bins from 0 to the largest loss: `edges` (bins + 1) and the probability of each bin. */
  readonly histogram: { readonly edges: Float64Array; readonly probability: Float64Array };
  /** P(L > budget) when a budget was given. */
  readonly exceedBudget?: { readonly budget: number; readonly probability: Estimate };
}

const Z95 = 1.959963984540054;

function estimate(value: number, se: number): Estimate {
  return { value, se, ci: [value - Z95 * se, value + Z95 * se] };
}

/** Mean and standard error of x_s over n scenarios. */
function meanAndSe(n: number, term: (s: number) => number): [number, number] {
  let sum = 0;
  let sumSq = 0;
  for (let s = 0; s < n; s++) {
    const v = term(s);
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / n;
  return [mean, n > 1 ? Math.sqrt(Math.max(0, sumSq / n - mean * mean) / (n - 1)) : 0];
}

/**
 * Summarises scenario losses with likelihood-ratio weights w (all 1 for plain Monte Carlo).
 * Conventions: VaR_α = the smallest simulated loss x with (1/n)·Σ w·1[L > x] ≤ 1 − α (for w = 1 the
 * ⌈n·α⌉-th smallest loss, finance's `sortedQuantile`); ES_α = VaR + Σ w·(L − VaR)⁺ / (n(1 − α))
 * (Rockafellar & Uryasev 2000; for w = 1 the Acerbi–Tasche ES of finance's `sortedExpectedShortfall`).
 * Errors: EL and P(L > budget) from the sample variance; VaR's interval by inverting the tail-probability
 * estimator at ±1.96 standard errors (Glasserman, "Monte Carlo Methods in Financial Engineering", §9.1);
 * ES's standard error from Σ w·(L − VaR)⁺, whose derivative in VaR vanishes at the quantile. Since
 * ES = VaR + E[w·(L − VaR)⁺]/(1 − α) and that mean excess is ≥ 0, ES's interval is the excess's
 * interval clipped at 0 and shifted by VaR, and its upper end is at least VaR's: the two intervals
 * keep ES ≥ VaR even when a tail holds only a few scenarios (where the normal approximation fails;
 * `tailScenarios` and `scenariosForPrecision` say so).
 */
export function estimateLosses(
  results: ScenarioResults,
  segmentCount: number,
  options: { alphas: readonly number[]; budget?: number; histogramBins: number; weighted: boolean },
): LossEstimates {
  const { loss, weight, segmentLoss } = results;
  const n = loss.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => (loss[b] as number) - (loss[a] as number) || a - b);
  const sorted = options.weighted ? undefined : sortLosses(loss);
  /** Smallest simulated loss whose weighted exceedance mass is ≤ tailMass. */
  const quantileAtTail = (tailMass: number): number => {
    if (tailMass <= 0) return loss[order[0] as number] as number;
    let mass = 0;
    for (let j = 0; j < n; j++) {
      const s = order[j] as number;
      mass += (weight[s] as number) / n;
      if (mass > tailMass * (1 + 1e-12)) return loss[s] as number;
    }
    return loss[order[n - 1] as number] as number;
  };
  const [el, elSe] = meanAndSe(n, (s) => (weight[s] as number) * (loss[s] as number));
  const elBySegment = new Float64Array(segmentCount);
  for (let s = 0; s < n; s++) {
    const w = (weight[s] as number) / n;
    for (let k = 0; k < segmentCount; k++) elBySegment[k]! += w * (segmentLoss[s * segmentCount + k] as number);
  }
  const tails = options.alphas.map((alpha): TailEstimate => {
    const tail = 1 - alpha;
    const value = sorted === undefined ? quantileAtTail(tail) : sortedQuantile(sorted, alpha);
    const [pAbove, pSe] = meanAndSe(n, (s) => ((loss[s] as number) > value ? (weight[s] as number) : 0));
    const plainSe = Math.sqrt((alpha * tail) / n);
    const probabilitySe = options.weighted ? pSe : plainSe;
    const low = quantileAtTail(tail + Z95 * probabilitySe);
    const high = quantileAtTail(tail - Z95 * probabilitySe);
    const [excess, excessSe] = meanAndSe(n, (s) => (weight[s] as number) * Math.max(0, (loss[s] as number) - value));
    const es = sorted === undefined ? value + excess / tail : sortedExpectedShortfall(sorted, alpha);
    const esSe = excessSe / tail;
    // Euler contributions: scenarios above VaR in full, the atom at VaR for the mass still missing
    const esBySegment = new Float64Array(segmentCount);
    let atomMass = 0;
    for (let s = 0; s < n; s++) if ((loss[s] as number) === value) atomMass += (weight[s] as number) / n;
    const atomShare = atomMass > 0 ? Math.max(0, tail - pAbove) / atomMass : 0;
    for (let s = 0; s < n; s++) {
      const l = loss[s] as number;
      const share = l > value ? 1 : l === value ? atomShare : 0;
      if (share === 0) continue;
      const w = (share * (weight[s] as number)) / (n * tail);
      for (let k = 0; k < segmentCount; k++) esBySegment[k]! += w * (segmentLoss[s * segmentCount + k] as number);
    }
    const varianceReduction = options.weighted && pSe > 0 ? (plainSe * plainSe) / (pSe * pSe) : 1;
    let tailScenarios = 0;
    for (let s = 0; s < n; s++) if ((loss[s] as number) >= value) tailScenarios++;
    const precision = es > 0 ? (Z95 * esSe) / es : 0;
    const forPrecision = Math.ceil(n * (precision / TARGET_PRECISION) ** 2);
    const forTail = tailScenarios > 0 ? Math.ceil((n * MIN_TAIL_SCENARIOS) / tailScenarios) : Math.ceil(MIN_TAIL_SCENARIOS / tail);
    return {
      alpha,
      var: { value, se: (high - low) / (2 * Z95), ci: [low, high] },
      es: { value: es, se: esSe, ci: [Math.max(es - Z95 * esSe, value), Math.max(es + Z95 * esSe, high)] },
      ec: { value: value - el, se: (high - low) / (2 * Z95), ci: [low - el, high - el] },
      esBySegment,
      varianceReduction,
      tailScenarios,
      scenariosForPrecision: Math.max(forPrecision, forTail),
    };
  });
  const result: LossEstimates = { scenarios: n, el: estimate(el, elSe), elBySegment, tails, histogram: histogram(results, options.histogramBins) };
  if (options.budget === undefined) return result;
  const budget = options.budget;
  const [probability, probabilitySe] = meanAndSe(n, (s) => ((loss[s] as number) > budget ? (weight[s] as number) : 0));
  return { ...result, exceedBudget: { budget, probability: estimate(probability, probabilitySe) } };
}

/** Equal-width histogram of the losses from 0 to the maximum, each bin's weighted probability. */
function histogram(results: ScenarioResults, bins: number): { edges: Float64Array; probability: Float64Array } {
  const { loss, weight } = results;
  const n = loss.length;
  let max = 0;
  for (let s = 0; s < n; s++) max = Math.max(max, loss[s] as number);
  const width = max > 0 ? max / bins : 1;
  const edges = Float64Array.from({ length: bins + 1 }, (_, k) => k * width);
  const probability = new Float64Array(bins);
  for (let s = 0; s < n; s++) probability[Math.min(bins - 1, Math.floor((loss[s] as number) / width))]! += (weight[s] as number) / n;
  return { edges, probability };
}

/**
 * Warnings on a run's tail estimates: a tail resting on fewer than `MIN_TAIL_SCENARIOS` scenarios,
 * with the scenario count (or importance sampling) that would give a ±5% interval on ES.
 */
export function tailWarnings(estimates: LossEstimates, importanceSampling: boolean): string[] {
  const warnings: string[] = [];
  for (const t of estimates.tails) {
    if (t.tailScenarios >= MIN_TAIL_SCENARIOS) continue;
    const level = String(Math.round(t.alpha * 1000) / 10);
    warnings.push(
      `VaR${level} and ES${level} rest on ${t.tailScenarios} of ${estimates.scenarios} scenarios (fewer than ${MIN_TAIL_SCENARIOS}): ` +
        `their intervals are unreliable. For a ±${TARGET_PRECISION * 100}% 95% interval on ES${level} use about --scenarios ${t.scenariosForPrecision}` +
        (importanceSampling ? '' : ', or importance sampling (e.g. --importance-shift -2.5) with fewer'),
    );
  }
  return warnings;
}
