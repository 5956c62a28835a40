// @ts-nocheck
// 
import { normalInverse } from '../../finance/index.js';
import { radixOrder } from '../../ml/metrics/index.js';
import type { FactorModel, MacroScenario, PortfolioLoans } from './portfolio-model.js';

/**
 * The portfolio laid out for the Monte Carlo kernels: loans grouped by (factor, ρ), sorted by
 * default threshold inside each group and cut into small buckets, so that conditional on the
 * factors every loan of a bucket has a default probability at most the bucket's largest (the
 * thinning bound of the fast kernel). Plain typed arrays only: it crosses to worker threads.
 */
export interface SimulationPlan {
  /** Loans (after dropping PD = 0 and EAD·LGD = 0 ones). */
  readonly loanCount: number;
  /** Default threshold Φ⁻¹(PD·multiplier) per loan, in bucket order (ascending inside a bucket). */
  readonly threshold: Float64Array;
  /** EAD per loan, in bucket order. */
  readonly ead: Float64Array;
  /** Mean LGD per loan, in bucket order. */
  readonly lgd: Float64Array;
  /** Segment code per loan, in bucket order. */
  readonly segment: Int32Array;
  /** Buckets: loans [start[k], start[k+1]). */
  readonly bucketStart: Int32Array;
  /** Factor index of each bucket. */
  readonly bucketFactor: Int32Array;
  /** √ρ of each bucket. */
  readonly bucketLoading: Float64Array;
  /** √(1−ρ) of each bucket. */
  readonly bucketIdiosyncratic: Float64Array;
  /** Number of factors F, segments, and the lower Cholesky factor of the factor correlation. */
  readonly factorCount: number;
  readonly segmentCount: number;
  readonly cholesky: Float64Array;
  /** The macro shift of each factor. */
  readonly factorShift: Float64Array;
}

/**
 * A bucket spans at most this much default threshold (so a candidate is kept with probability at
 * least about e^(−0.04·|c|/√(1−ρ)) — few rejections) and at most BUCKET_MAX loans.
 */
const BUCKET_WIDTH = 0.04;
const BUCKET_MAX = 4096;

/** Builds the plan of `loans` under a factor model and a macro scenario (PD multipliers applied here). */
export function buildSimulationPlan(loans: PortfolioLoans, model: FactorModel, scenario: MacroScenario): SimulationPlan {
  const n = loans.pd.length;
  const threshold = new Float64Array(n);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    const segment = loans.segment[i] as number;
    const pd = Math.min(1, (loans.pd[i] as number) * (scenario.pdMultiplier[segment] as number));
    if (pd <= 0 || (loans.ead[i] as number) * (loans.lgd[i] as number) <= 0) continue;
    // PD = 1 defaults in every draw: a large finite threshold keeps the kernel arithmetic finite
    threshold[i] = pd >= 1 ? 40 : normalInverse(pd);
    keep.push(i);
  }
  // Group key: factor, then ρ; inside a group ascending threshold. Segments share a group rank when
  // they share (factor, ρ); the sort key rank·100 + (threshold + 50) orders both at once (|threshold| ≤ 40).
  const factorOf = (i: number) => model.factorOfSegment[loans.segment[i] as number] as number;
  const rhoOf = (i: number) => model.rhoOfSegment[loans.segment[i] as number] as number;
  const pairs = [...new Set(Array.from(model.rhoOfSegment, (rho, s) => `${model.factorOfSegment[s]}|${rho}`))]
    .map((key) => key.split('|').map(Number) as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const rankOfSegment = Int32Array.from(model.rhoOfSegment, (rho, s) => pairs.findIndex(([f, r]) => f === model.factorOfSegment[s] && r === rho));
  const sortKey = Float64Array.from(keep, (i) => (rankOfSegment[loans.segment[i] as number] as number) * 100 + (threshold[i] as number) + 50);
  // a stable radix order: ties keep ascending loan order, as `keep` is ascending
  const order = radixOrder(sortKey);
  const kept = keep.slice();
  for (let k = 0; k < order.length; k++) keep[k] = kept[order[k] as number] as number;
  const m = keep.length;
  const plan = {
    threshold: new Float64Array(m),
    ead: new Float64Array(m),
    lgd: new Float64Array(m),
    segment: new Int32Array(m),
  };
  const starts: number[] = [];
  const factors: number[] = [];
  const rhos: number[] = [];
  for (let j = 0; j < m; j++) {
    const i = keep[j] as number;
    plan.threshold[j] = threshold[i] as number;
    plan.ead[j] = loans.ead[i] as number;
    plan.lgd[j] = loans.lgd[i] as number;
    plan.segment[j] = loans.segment[i] as number;
    const previous = j === 0 ? -1 : (keep[j - 1] as number);
    const newGroup = j === 0 || factorOf(i) !== factorOf(previous) || rhoOf(i) !== rhoOf(previous);
    const bucketFirst = starts[starts.length - 1] as number;
    if (newGroup || j - bucketFirst >= BUCKET_MAX || (plan.threshold[j] as number) - (plan.threshold[bucketFirst] as number) > BUCKET_WIDTH) {
      starts.push(j);
      factors.push(factorOf(i));
      rhos.push(rhoOf(i));
    }
  }
  starts.push(m);
  return {
    loanCount: m,
    ...plan,
    bucketStart: Int32Array.from(starts),
    bucketFactor: Int32Array.from(factors),
    bucketLoading: Float64Array.from(rhos, (r) => Math.sqrt(r)),
    bucketIdiosyncratic: Float64Array.from(rhos, (r) => Math.sqrt(1 - r)),
    factorCount: model.factors.length,
    segmentCount: loans.segments.length,
    cholesky: model.cholesky,
    factorShift: scenario.factorShift,
  };
}
